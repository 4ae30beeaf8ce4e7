#!/usr/bin/env bash
# t0059-search-filters.sh -- the search page's filters and order: kind,
# topic and year as on /nyheter, best or newest first, all in the URL (a
# GET form, no JavaScript), each value with its public hits; drafts are
# counted nowhere; pager links keep the filters; a value that cannot be
# is 400; the page is valid HTML with a label for every select.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/search_lib.sh"
site_start

# Three public articles with the word in 2019, 2020 and 2021 (one a
# press release, one on the topic ekonomi) and a draft.
sqlite3 "$DB" <<'SQL' || bail "could not insert the fixtures"
INSERT INTO article (kind, slug, title, lead, body_md, status, publish_at)
VALUES ('nyhet', 't59-2019', 'Zyxfilter i rubriken', '', 'Text.',
        'publicerad', unixepoch('2019-06-01 10:00:00')),
       ('pressmeddelande', 't59-2020', 'Annan rubrik', '', 'Om zyxfilter.',
        'publicerad', unixepoch('2020-06-01 10:00:00')),
       ('nyhet', 't59-2021', 'Tredje', '', 'Om zyxfilter.',
        'publicerad', unixepoch('2021-06-01 10:00:00')),
       ('nyhet', 't59-draft', 'Utkast zyxfilter', '', '', 'utkast', NULL);
INSERT INTO article_topic (article_id, topic_id)
SELECT a.id, t.id FROM article a, topic t
 WHERE a.slug = 't59-2021' AND t.slug = 'ekonomi';
SQL
wait_text

search zyxfilter
assert_status 200
has '3 träffar för ”zyxfilter”'
has '<option value="nyhet">Nyhet (2)</option>'
has '<option value="pressmeddelande">Pressmeddelande (1)</option>'
lacks '<option value="amne">'
has '<option value="ekonomi">Ekonomi (1)</option>'
has '<option value="2021">2021 (1)</option>'
has '<option value="2019">2019 (1)</option>'
has '<label for="sok-typ">Typ</label>'
has '<label for="sok-amne">Ämne</label>'
has '<label for="sok-ar">År</label>'
has '<label for="sok-ordning">Ordning</label>'
check "best first: the title match leads" \
    test "$(hit_links | head -n 1)" = /nyheter/t59-2019
tidy -q -e --gnu-emacs yes "$T/body" >"$T/tidy.out" 2>&1
check "tidy finds no errors on the filtered search page" test "$?" -lt 2

search zyxfilter '&ordning=datum'
check "newest first" test "$(hit_links | tr '\n' ' ')" = \
    "/nyheter/t59-2021 /nyheter/t59-2020 /nyheter/t59-2019 "
has '<option value="datum" selected>Nyast först</option>'

search zyxfilter '&typ=nyhet'
check "kind: news only" test "$(hit_links | tr '\n' ' ')" = \
    "/nyheter/t59-2019 /nyheter/t59-2021 "
has '2 träffar'
# The other filters count under this one; this one under the others.
has '<option value="pressmeddelande">Pressmeddelande (1)</option>'
has '<option value="nyhet" selected>Nyhet (2)</option>'
lacks '<option value="2020">'

search zyxfilter '&ar=2020'
check "year: 2020 only" test "$(hit_links)" = /nyheter/t59-2020
has '<option value="2020" selected>2020 (1)</option>'

search zyxfilter '&amne=ekonomi'
check "topic: ekonomi only" test "$(hit_links)" = /nyheter/t59-2021

search zyxfilter '&amne=ekonomi&ar=2019'
has 'Inga träffar'
has '<option value="2019" selected>2019 (0)</option>'

# Paging keeps the filters.
search kommuner '&typ=nyhet&ordning=datum'
has 'href="/sok?q=kommuner&amp;typ=nyhet&amp;ordning=datum&amp;sida=2"'
get '/sok?q=kommuner&typ=nyhet&ordning=datum&sida=2'
assert_status 200

for bad in 'typ=sida' 'typ=x' 'ar=abc' 'ar=20' 'ar=1800' 'amne=%20x' \
    'ordning=slump'; do
	get "/sok?q=kommuner&$bad"
	assert_status 400
done

done_testing

#!/usr/bin/env bash
# t0057-search-suggest.sh -- "Menade du …?" on /sok: a misspelt word
# that finds nothing gets a link to the nearest word of the public
# articles ("jämstäldhet" -> "jämställdhet"), which finds them; å, ä and
# ö are letters of their own (a word that differs only in its dots or
# rings is never offered); a word only a draft holds is never offered;
# a query that finds enough gets no suggestion; the page is valid HTML.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/search_lib.sh"
site_start

sqlite3 "$DB" <<'SQL' || bail "could not insert the fixtures"
INSERT INTO article (kind, slug, title, lead, body_md, status, publish_at)
VALUES ('nyhet', 't57-ring', 'Fixtur zyxhårfärg', '', 'Text.', 'publicerad',
        unixepoch() - 60),
       ('nyhet', 't57-draft', 'Utkast zyxhemligord', '', 'Text.', 'utkast',
        NULL);
SQL
wait_text

search jämstäldhet
assert_status 200
has 'Inga träffar för ”jämstäldhet”'
has '<p class="suggest">Menade du <a href="/sok?q=j%C3%A4mst%C3%A4lldhet">jämställdhet</a>?</p>'
get '/sok?q=j%C3%A4mst%C3%A4lldhet'
check "the suggestion finds the articles" test -n "$(hit_links)"
lacks 'class="suggest"'

# Two words, one misspelt: only that one is replaced.
search 'kvinofrid regeringen'
has 'Menade du <a href="/sok?q=kvinnofrid%20regeringen">kvinnofrid regeringen</a>?'

# å, ä and ö: "zyxharfarg" differs from "zyxhårfärg" only in a ring and
# dots, so it is not offered; one letter more is a typo and is.
search zyxharfärg
lacks 'class="suggest"'
search zyxhårfärgg
has 'Menade du <a href="/sok?q=zyxh%C3%A5rf%C3%A4rg">zyxhårfärg</a>?'

# A word only a draft holds is never offered.
search zyxhemligor
has 'Inga träffar'
lacks 'class="suggest"'
lacks 'zyxhemligord'

# Enough hits: no suggestion.
search kommuner
lacks 'class="suggest"'

# The page with a suggestion is valid HTML.
search jämstäldhet
tidy -q -e --gnu-emacs yes "$T/body" >"$T/tidy.out" 2>&1
check "tidy finds no errors on a page with a suggestion" \
    test "$?" -lt 2

done_testing

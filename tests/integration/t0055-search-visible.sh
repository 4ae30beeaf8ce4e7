#!/usr/bin/env bash
# t0055-search-visible.sh -- search sees only what a reader sees (issue
# 13): raw HTML that the article page drops (a <div>, an <img> with
# onerror) and a link target it removes (javascript:) are neither found
# nor shown in a snippet, for an article published in the staff area, one
# written with the sqlite3 CLI and one whose body is changed with it;
# link texts, image alt texts, headings and list items are found.  And
# the totals count public articles only: drafts, scheduled articles and
# pages holding the word change neither the count nor "many hits".
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/search_lib.sh"
site_start

hidden='Synligt zyxsynlig ord.

<div>secret</div>

<img src=x onerror=alert(1)>

Se [zyxlanktext](javascript:alert(1)) och ![zyxalttext](bild.png).

## Rubriken zyxrubrik

- punkten zyxpunkt'

# --- published in the staff area ------------------------------------------------

staff_user_add t55red redaktor
staff_signin t55red
publish_article t55red 'Fixtur via redaktionen' t55-staff "$hidden" \
    --data-urlencode override_a11y=1	# the dropped link and image warn
assert_status 303
check "the staff article has its rendered text at once" \
    test "$(q "SELECT body_text IS NOT NULL FROM article
        WHERE slug = 't55-staff'")" = 1
check "its stored text holds no markup" \
    test -z "$(q "SELECT 1 FROM article WHERE slug = 't55-staff' AND
        (body_text LIKE '%<%' OR body_text LIKE '%secret%' OR
         body_text LIKE '%javascript%' OR body_text LIKE '%onerror%')")"

# The article page shows none of it (the premise of the fix).
get /nyheter/t55-staff
assert_status 200
lacks 'secret'
lacks 'onerror'
lacks 'javascript'

for word in secret onerror javascript alert div img src png; do
	search "$word"
	assert_status 200
	lacks 't55-'
done

search zyxsynlig
check "a visible word finds the staff article" \
    test "$(hit_links)" = /nyheter/t55-staff
has 'Synligt <mark>zyxsynlig</mark> ord.'
lacks '&lt;div'
lacks '&lt;img'
lacks 'onerror'
lacks 'javascript'
lacks 'secret'
for word in zyxlanktext zyxalttext zyxrubrik zyxpunkt; do
	search "$word"
	check "$word (shown on the page) finds the staff article" \
	    test "$(hit_links)" = /nyheter/t55-staff
	has "<mark>$word</mark>"
done

# --- written with the sqlite3 CLI ---------------------------------------------------

sqlite3 "$DB" <<SQL || bail "could not insert the fixtures"
INSERT INTO article (kind, slug, title, lead, body_md, status, publish_at)
VALUES ('nyhet', 't55-cli', 'Fixtur via sqlite3', 'Ingress.',
  '$(printf '%s' "$hidden" | sed "s/zyx/zyq/g; s/'/''/g")',
  'publicerad', unixepoch() - 60);
SQL
wait_text
for word in secret onerror javascript; do
	search "$word"
	lacks 't55-'
done
search zyqsynlig
check "a visible word finds the CLI article" \
    test "$(hit_links)" = /nyheter/t55-cli
lacks '&lt;div'
lacks 'onerror'

# A body changed with the CLI: the old text leaves the index at once,
# the new one is indexed as rendered.
sqlite3 "$DB" "UPDATE article SET body_md = 'Nytt zyqandrad.

<div>zyqdolt</div>' WHERE slug = 't55-cli'" || bail "could not update the fixture"
search zyqsynlig
check "the old body is not found after the change" test -z "$(hit_links)"
wait_text
search zyqandrad
check "the new body is found" test "$(hit_links)" = /nyheter/t55-cli
search zyqdolt
check "raw HTML of the new body is not" test -z "$(hit_links)"

# --- totals count public articles only ------------------------------------------------

# Two public articles with the word, and 120 newer non-public ones with
# it: drafts, a scheduled article, an unpublished one and pages.
sqlite3 "$DB" <<'SQL' || bail "could not insert the totals fixtures"
INSERT INTO article (kind, slug, title, lead, body_md, status, publish_at)
VALUES ('nyhet', 't55-pub1', 'Offentlig zyxtotal ett', '', 'Text.',
        'publicerad', unixepoch() - 7200),
       ('pressmeddelande', 't55-pub2', 'Offentlig zyxtotal två', '', 'Text.',
        'publicerad', unixepoch() - 3600);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120)
INSERT INTO article (kind, slug, title, lead, body_md, status, publish_at)
SELECT CASE WHEN i % 10 = 0 THEN 'sida' ELSE 'nyhet' END,
       't55-hidden-' || i, 'Dold zyxtotal ' || i, '', 'zyxtotal',
       CASE WHEN i % 7 = 0 THEN 'avpublicerad'
            WHEN i % 10 = 0 OR i % 3 = 0 THEN 'publicerad' ELSE 'utkast' END,
       CASE WHEN i % 10 = 0 THEN unixepoch() - 60
            WHEN i % 7 = 0 THEN unixepoch() - 60
            WHEN i % 3 = 0 THEN unixepoch() + 86400 ELSE NULL END
  FROM n;
SQL
wait_text
search zyxtotal
assert_status 200
has '2 träffar för ”zyxtotal”'
lacks 'Många träffar'
lacks 'senaste'
lacks 'Sida 1 av'
check "both public articles are found, nothing else" \
    test "$(hit_links | sort | tr '\n' ' ')" = "/nyheter/t55-pub1 /nyheter/t55-pub2 "

done_testing

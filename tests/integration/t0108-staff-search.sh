#!/usr/bin/env bash
# t0108-staff-search.sh -- the staff article list: a search over title,
# lead and body in every status (drafts too), filters by status
# (withdrawn too), kind, topic and author, newest change or newest
# publication first, paging that keeps everything in the URL, and
# bad values ignored.  Speed at 100,000 articles is in bench/run.sh.
. "$(dirname "$0")/lib.sh"
# sqlite3 waits for the server's own writes (the search text it fills).
q() { sqlite3 -cmd ".timeout 10000" "$DB" "$1"; }

site_start
staff_user_add rita redaktor
staff_user_add rolf redaktor
staff_user_add pia press
q "UPDATE account SET display_name = 'Rolf Rolfsson' WHERE name = 'rolf'"
staff_signin rita
staff_signin rolf
RITA=$(q "SELECT id FROM account WHERE name = 'rita'")
ROLF=$(q "SELECT id FROM account WHERE name = 'rolf'")

# three articles with the word in the title, the lead and the body
staff_request rita POST /admin/artiklar --data-urlencode action=utkast \
    --data-urlencode version=0 --data-urlencode kind=nyhet \
    --data-urlencode "title=Qoxbro byggs om" --data-urlencode lang=sv
D=$(header Location | sed -n 's|.*/admin/artiklar/\([0-9]*\).*|\1|p')
publish_article rolf "Ny förskola" ny-forskola "Text." \
    --data-urlencode topic=2
P=$ARTICLE_ID
q "UPDATE article SET lead = 'Nära qoxbron.', kind = 'pressmeddelande' WHERE id = $P"
publish_article rita "Vägarbete" vagarbete "Trafiken leds om vid qoxbrons södra fäste."
B=$ARTICLE_ID
q "UPDATE article SET publish_at = publish_at - 86400 * 30 WHERE id = $B"

list() { staff_request rita GET "/admin/artiklar?$1"; }
# the article ids of the rows, in order
ids() { printf '%s' "$BODY" | grep -o '<tr><td><a href="/admin/artiklar/[0-9]*"' | grep -o '[0-9]*' | tr '\n' ' '; }

list "q=qoxbro"
assert_status 200
assert_body_contains "3 artiklar."
assert_eq "title, lead and body hits, newest change first" "$(ids)" "$B $P $D "
assert_body_contains 'value="qoxbro"'
list "q=qoxbro&status=utkast"
assert_eq "drafts" "$(ids)" "$D "
list "q=qoxbro&status=publicerad"
assert_eq "published" "$(ids)" "$B $P "
list "q=qoxbro&typ=pressmeddelande"
assert_eq "kind" "$(ids)" "$P "
list "q=qoxbro&amne=2"
assert_eq "topic" "$(ids)" "$P "
list "q=qoxbro&forfattare=$ROLF"
assert_eq "author" "$(ids)" "$P "
assert_body_contains "<option value=\"$ROLF\" selected>Rolf Rolfsson</option>"
# The author list has those whose role may write (util/role.c).
assert_body_contains "<option value=\"$RITA\">rita</option>"
assert_body_lacks ">pia</option>"
list "q=qoxbro&sortera=publicerad"
assert_eq "newest publication first, drafts last" "$(ids)" "$P $B $D "
list "q=qoxbro&status=bogus&typ=%22&amne=x&forfattare=-1&sortera=zz&sida=0"
assert_status 200
assert_eq "bad values read as no filter" "$(ids)" "$B $P $D "
list "q=finnsintenagonstans"
assert_body_contains "0 artiklar."
assert_body_contains "Inga artiklar att visa."

# withdrawn articles have their own filter and label
staff_request rita POST "/admin/artiklar/$B/dra-tillbaka" --data-urlencode version=1 \
    --data-urlencode "forklaring=Fel datum."
assert_status 303
list "status=tillbakadragen"
assert_eq "withdrawn" "$(ids)" "$B "
assert_body_contains ">Tillbakadragen</td>"

# paging keeps the search and the filters
q "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30)
   INSERT INTO article (kind, slug, title, status, author_id)
   SELECT 'nyhet', 'qox-' || i, 'Qoxsida ' || i, 'utkast', $RITA FROM n"
list "q=qoxsida&forfattare=$RITA"
assert_body_contains "30 artiklar."
assert_body_contains "Sida 1 av 2"
assert_body_contains "href=\"/admin/artiklar?q=qoxsida&amp;status=&amp;typ=&amp;forfattare=$RITA&amp;sida=2\""
list "q=qoxsida&status=&typ=&forfattare=$RITA&sida=2"
assert_body_contains "Sida 2 av 2"
assert_eq "five on the last page" "$(ids | wc -w)" 5
tidy -q -e "$T/body" >"$T/tidy.out" 2>&1
check "the list has no HTML errors (tidy)" test $? -lt 2

done_testing

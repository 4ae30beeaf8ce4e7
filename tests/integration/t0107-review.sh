#!/usr/bin/env bash
# t0107-review.sh -- the second pair of eyes.  Off by default: a
# redaktor publishes.  An admin turns it on; then a redaktor's
# "Publicera" becomes "Skicka för granskning", a publish posted anyway
# only sends it, and the article waits in /admin/granskning with the
# diff since its last published version.  Its author cannot approve
# it (403, nothing published); another redaktor sends it back with a
# comment (shown to the author) or publishes it.  A stale decision is
# refused.
. "$(dirname "$0")/lib.sh"
# sqlite3 waits for the server's own writes (the search text it fills).
q() { sqlite3 -cmd ".timeout 10000" "$DB" "$1"; }

site_start
staff_user_add rita redaktor
staff_user_add rolf redaktor
staff_user_add anna admin
q "UPDATE account SET display_name = 'Rita Redaktör' WHERE name = 'rita'"
for u in rita rolf anna; do staff_signin "$u"; done

FIELDS=(--data-urlencode "kind=nyhet" --data-urlencode "title=Zyxgranskad nyhet"
    --data-urlencode "slug=zyxgranskad-nyhet" --data-urlencode "lead=Ingress."
    --data-urlencode "lang=sv")

# --- off by default ---------------------------------------------------------------
staff_request rita GET /admin/artiklar/ny
assert_body_contains 'value="publicera">Publicera nu</button>'
assert_body_lacks "Skicka för granskning"
staff_request anna GET /admin/granskning
assert_status 200
assert_body_contains "Granskning krävs inte"
assert_body_contains 'id="kravs" name="kravs" value="1">'
staff_request rita POST /admin/granskning --data-urlencode kravs=1
assert_status 403
staff_request anna POST /admin/granskning --data-urlencode kravs=1
assert_status 303
assert_eq "the setting" "$(q "SELECT value FROM setting WHERE key = 'review_required'")" 1

# --- on: the redaktor sends for review ------------------------------------------------
staff_request rita GET /admin/artiklar/ny
assert_body_contains 'value="granska">Skicka för granskning</button>'
assert_body_lacks 'value="publicera"'
assert_body_lacks 'value="schemalagg"'
staff_request anna GET /admin/artiklar/ny
assert_body_contains 'value="publicera">Publicera nu</button>'
# a publish posted anyway is only sent for review
staff_request rita POST /admin/artiklar --data-urlencode action=publicera \
    --data-urlencode version=0 "${FIELDS[@]}" --data-urlencode "body=Första texten."
assert_status 303
ID=$(header Location | sed -n 's|.*/admin/artiklar/\([0-9]*\).*|\1|p')
assert_eq "still a draft, waiting" \
    "$(q "SELECT a.status || '|' || r.state || '|' || r.version FROM article a JOIN article_review r ON r.article_id = a.id WHERE a.id = $ID")" \
    "utkast|vantar|1"
get /nyheter/zyxgranskad-nyhet
assert_status 404
staff_request rita GET "/admin/artiklar/$ID?klart=granskning"
assert_body_contains "skickad för granskning"
assert_body_contains "Väntar på granskning: skickad av Rita Redaktör"

# --- the review list and page -------------------------------------------------------------
staff_request rolf GET /admin/granskning
assert_status 200
assert_body_contains "href=\"/admin/granskning/$ID\">Zyxgranskad nyhet</a>"
assert_body_contains "Rita Redaktör"
assert_body_lacks "Kräv granskning"
staff_request rolf GET "/admin/granskning/$ID"
assert_status 200
assert_body_contains "aldrig publicerats"
assert_body_contains "<ins>Första texten.</ins>"
assert_body_contains "Godkänn och publicera"

# --- the author cannot approve their own ------------------------------------------------------
staff_request rita GET "/admin/granskning/$ID"
assert_status 200
assert_body_contains "kan inte godkänna den"
assert_body_lacks "Godkänn och publicera"
staff_request rita POST "/admin/granskning/$ID" --data-urlencode beslut=publicera \
    --data-urlencode version=1
assert_status 403
assert_eq "not published by its author" "$(q "SELECT status FROM article WHERE id = $ID")" utkast

# --- a decision that is neither button: 400, nothing decided ---------------------------------------
for b in "" godkann Publicera; do
	staff_request rolf POST "/admin/granskning/$ID" --data-urlencode "beslut=$b" \
	    --data-urlencode version=1 --data-urlencode "kommentar=Något."
	assert_status 400
done
assert_eq "no decision taken" "$(q "SELECT state || '|' || comment FROM article_review WHERE article_id = $ID")" \
    "vantar|"

# --- sent back with a comment ----------------------------------------------------------------------
staff_request rolf POST "/admin/granskning/$ID" --data-urlencode beslut=tillbaka \
    --data-urlencode version=1 --data-urlencode "kommentar="
assert_status 400
assert_body_contains "Skriv vad som behöver ändras."
staff_request rolf POST "/admin/granskning/$ID" --data-urlencode beslut=tillbaka \
    --data-urlencode version=1 --data-urlencode "kommentar=Beloppet saknar källa."
assert_status 303
assert_eq "returned" "$(q "SELECT state || '|' || comment FROM article_review WHERE article_id = $ID")" \
    "tillbaka|Beloppet saknar källa."
staff_request rita GET "/admin/artiklar/$ID"
assert_body_contains "Skickades tillbaka av rolf"
assert_body_contains "Beloppet saknar källa."
staff_request rolf GET /admin/granskning
assert_body_contains "Inga artiklar väntar på granskning."

# --- sent again, changed; another redaktor publishes ---------------------------------------------
staff_request rita POST "/admin/artiklar/$ID" --data-urlencode action=granska \
    --data-urlencode version=1 "${FIELDS[@]}" --data-urlencode "body=Andra texten, med källa."
assert_status 303
staff_request rolf GET "/admin/granskning/$ID"
assert_body_contains "<ins>Andra texten, med källa.</ins>"
# a decision on an older version than the one sent is refused
staff_request rolf POST "/admin/granskning/$ID" --data-urlencode beslut=publicera \
    --data-urlencode version=1
assert_status 409
assert_eq "stale: not published" "$(q "SELECT status FROM article WHERE id = $ID")" utkast
staff_request rolf POST "/admin/granskning/$ID" --data-urlencode beslut=publicera \
    --data-urlencode version=2
assert_status 303
assert_eq "published, review ended, audited" \
    "$(q "SELECT a.status || '|' || (SELECT count(*) FROM article_review WHERE article_id = a.id) || '|' || (SELECT count(*) FROM audit_log WHERE object_id = a.id AND action = 'godkände och publicerade' AND account_id = (SELECT id FROM account WHERE name = 'rolf')) FROM article a WHERE a.id = $ID")" \
    "publicerad|0|1"
get /nyheter/zyxgranskad-nyhet
assert_status 200
assert_body_contains "Andra texten, med källa."

# --- a later change is compared with the published version --------------------------------------
staff_request rita POST "/admin/artiklar/$ID" --data-urlencode action=spara \
    --data-urlencode version=3 "${FIELDS[@]}" --data-urlencode "body=Tredje texten."
assert_status 303
q "UPDATE article SET status = 'utkast' WHERE id = $ID"
staff_request rita POST "/admin/artiklar/$ID" --data-urlencode action=granska \
    --data-urlencode version=4 "${FIELDS[@]}" --data-urlencode "body=Fjärde texten."
assert_status 303
staff_request anna GET "/admin/granskning/$ID"
assert_body_contains "senast publicerade version (4)"
assert_body_contains "<del>Tredje</del>"
assert_body_contains "<ins>Fjärde</ins>"
tidy -q -e "$T/body" >"$T/tidy.out" 2>&1
check "the review page has no HTML errors (tidy)" test $? -lt 2

done_testing

#!/usr/bin/env bash
# t0106-withdrawal.sh -- "Dra tillbaka": a published article withdrawn
# with a public explanation answers 410 Gone with its title, dates and
# the explanation, and is gone from the lists, search, feeds and the
# sitemap at once (the page nginx had as a file too); with a
# replacement its URL answers 301 there.  An empty explanation or a
# bad replacement is refused with the text kept.  Silent removal (404)
# is for admins, with a reason in the audit log.  Publishing again
# ends the withdrawal.
. "$(dirname "$0")/lib.sh"
# sqlite3 waits for the server's own writes (the search text it fills).
q() { sqlite3 -cmd ".timeout 10000" "$DB" "$1"; }

site_start
staff_user_add rita redaktor
staff_user_add anna admin
staff_signin rita
staff_signin anna

publish_article rita "Zyxbudget för 2025 klar" zyxbudget-2025 "Budgeten zyxord är klar." \
    --data-urlencode topic=1
assert_status 303
A=$ARTICLE_ID
publish_article rita "Rättad zyxbudget" rattad-zyxbudget "Den rättade budgeten."
B=$ARTICLE_ID
TOPIC=$(q "SELECT slug FROM topic WHERE id = 1")

# everything lists A first, and nginx now has its page as a file
for path in /nyheter "/amnen/$TOPIC" /nyheter.atom /sitemap.xml "/sok?q=zyxord"; do
	get "$path"
	assert_body_contains "zyxbudget-2025"
done
get /nyheter/zyxbudget-2025
assert_status 200
get /nyheter/zyxbudget-2025
assert_status 200

# --- the form ---------------------------------------------------------------
staff_request rita GET "/admin/artiklar/$A/dra-tillbaka"
assert_status 200
assert_body_contains "Förklaring till läsarna"
assert_body_lacks "Ta bort utan förklaring"
staff_request rita POST "/admin/artiklar/$A/dra-tillbaka" --data-urlencode version=1 \
    --data-urlencode satt=forklaring --data-urlencode "forklaring= " \
    --data-urlencode "ersattare=/nyheter/finns-inte"
assert_status 400
assert_body_contains "Skriv förklaringen till läsarna."
assert_body_contains "Ange adressen till en annan publicerad nyhet"
assert_body_contains 'value="/nyheter/finns-inte"'
assert_eq "nothing withdrawn" "$(q "SELECT status FROM article WHERE id = $A")" publicerad

for way in "" Tyst bort; do
	staff_request rita POST "/admin/artiklar/$A/dra-tillbaka" --data-urlencode version=1 \
	    --data-urlencode "satt=$way" --data-urlencode "forklaring=Fel." --data-urlencode "skal=Fel."
	assert_status 400
done
assert_eq "an unknown way withdraws nothing" "$(q "SELECT status FROM article WHERE id = $A")" publicerad

WHY="Budgeten innehöll fel belopp. En rättad version publiceras i morgon."
staff_request rita POST "/admin/artiklar/$A/dra-tillbaka" --data-urlencode version=1 \
    --data-urlencode satt=forklaring --data-urlencode "forklaring=$WHY"
assert_status 303
assert_eq "withdrawn in the database" \
    "$(q "SELECT a.status || '|' || w.explanation || '|' || a.version FROM article a JOIN article_withdrawal w ON w.article_id = a.id WHERE a.id = $A")" \
    "avpublicerad|$WHY|2"
assert_eq "a revision and an audit row" \
    "$(q "SELECT (SELECT count(*) FROM article_revision WHERE article_id = $A AND version = 2) || '|' || (SELECT summary FROM audit_log WHERE object_id = $A AND action = 'drog tillbaka')")" \
    "1|drog tillbaka \"Zyxbudget för 2025 klar\" – förklaring: $WHY"

# --- the URL answers 410 with the explanation -----------------------------------
for i in 1 2; do
	get /nyheter/zyxbudget-2025
	assert_status 410
done
assert_body_contains "<h1>Zyxbudget för 2025 klar</h1>"
assert_body_contains "Den här sidan har dragits tillbaka"
assert_body_contains "$WHY"
assert_body_contains "Publicerad <time"
assert_body_contains "Tillbakadragen <time"
assert_body_contains '<meta name="robots" content="noindex">'
tidy -q -e "$T/body" >"$T/tidy.out" 2>&1
check "the 410 page has no HTML errors (tidy)" test $? -lt 2
request HEAD /nyheter/zyxbudget-2025
assert_status 410

# --- gone from lists, search, feeds and the sitemap -------------------------------
for path in / /nyheter "/amnen/$TOPIC" /nyheter.atom "/amnen/$TOPIC.atom" /sitemap.xml "/sok?q=zyxord"; do
	get "$path"
	assert_body_lacks "zyxbudget-2025"
done
get "/sok?q=zyxbudget"
assert_body_contains "rattad-zyxbudget"

# --- the staff see it as withdrawn ---------------------------------------------------
staff_request rita GET "/admin/artiklar/$A"
assert_body_contains "Artikeln drogs tillbaka"
assert_body_contains "Adressen visar förklaringen:</p>
<p>$WHY</p>"
assert_body_lacks 'dra-tillbaka"'
staff_request rita GET "/admin/artiklar/$A/dra-tillbaka"
assert_status 409

# --- a replacement: 301 ---------------------------------------------------------------
publish_article rita "Gammal zyxplan" gammal-zyxplan "Planen."
C=$ARTICLE_ID
staff_request rita POST "/admin/artiklar/$C/dra-tillbaka" --data-urlencode version=1 \
    --data-urlencode "forklaring=Ersatt av den rättade budgeten." \
    --data-urlencode "ersattare=gammal-zyxplan"
assert_status 400
assert_body_contains "Ange adressen till en annan publicerad nyhet"
staff_request rita POST "/admin/artiklar/$C/dra-tillbaka" --data-urlencode version=1 \
    --data-urlencode "forklaring=Ersatt av den rättade budgeten." \
    --data-urlencode "ersattare=$BASE/nyheter/rattad-zyxbudget"
assert_status 303
get /nyheter/gammal-zyxplan
assert_status 301
assert_header Location "/nyheter/rattad-zyxbudget"

# --- silent removal: admins only, with a reason ---------------------------------------
staff_request rita POST "/admin/artiklar/$B/dra-tillbaka" --data-urlencode version=1 \
    --data-urlencode satt=tyst --data-urlencode "skal=Personuppgifter."
assert_status 403
staff_request anna GET "/admin/artiklar/$B/dra-tillbaka"
assert_body_contains "Ta bort utan förklaring"
staff_request anna POST "/admin/artiklar/$B/dra-tillbaka" --data-urlencode version=1 \
    --data-urlencode satt=tyst --data-urlencode "skal="
assert_status 400
assert_body_contains "Skriv skälet till loggen."
staff_request anna POST "/admin/artiklar/$B/dra-tillbaka" --data-urlencode version=1 \
    --data-urlencode satt=tyst --data-urlencode "skal=Personuppgifter i bildtexten."
assert_status 303
get /nyheter/rattad-zyxbudget
assert_status 404
assert_eq "silent: no withdrawal row, the reason audited" \
    "$(q "SELECT (SELECT count(*) FROM article_withdrawal WHERE article_id = $B) || '|' || (SELECT summary FROM audit_log WHERE object_id = $B AND action = 'avpublicerade')")" \
    "0|avpublicerade \"Rättad zyxbudget\" – skäl: Personuppgifter i bildtexten."
# the replacement is gone, so C's URL explains itself instead
get /nyheter/gammal-zyxplan
assert_status 410
assert_body_contains "Ersatt av den rättade budgeten."

# --- a stale form changes nothing -----------------------------------------------------
publish_article rita "Zyxstale" zyxstale "Text."
staff_request rita POST "/admin/artiklar/$ARTICLE_ID/dra-tillbaka" --data-urlencode version=9 \
    --data-urlencode "forklaring=Gammal sida."
assert_status 409
assert_body_contains "Gammal sida."
assert_eq "stale: still published" "$(q "SELECT status FROM article WHERE id = $ARTICLE_ID")" publicerad

# --- publishing again ends the withdrawal --------------------------------------------
staff_request rita POST "/admin/artiklar/$A" --data-urlencode action=publicera \
    --data-urlencode version=2 --data-urlencode kind=nyhet \
    --data-urlencode "title=Zyxbudget för 2025 klar" --data-urlencode slug=zyxbudget-2025 \
    --data-urlencode "lead=Ingress." --data-urlencode "body=Budgeten zyxord är klar." \
    --data-urlencode lang=sv
assert_status 303
assert_eq "the withdrawal ended" "$(q "SELECT count(*) FROM article_withdrawal WHERE article_id = $A")" 0
get /nyheter/zyxbudget-2025
assert_status 200

done_testing

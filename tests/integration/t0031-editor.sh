#!/usr/bin/env bash
# t0031-editor.sh -- the article editor over HTTP through nginx: a draft
# is not public; publishing shows it on /nyheter, its topic page and the
# feed; editing, unpublishing (404 again, revisions kept), scheduling
# (public once the test clock passes the time), slug clashes and missing
# titles (the text kept), edit conflicts (409, nothing overwritten),
# embargo preview links (noindex, logged, revoked, redirect once
# public), the accessibility check on publishing, deleting drafts,
# revisions (compare, restore), the preview, topics and roles.
TEST_CLOCK=1
. "$(dirname "$0")/lib.sh"


# The article id in the last 303's Location.
loc_id() {
	header Location | sed -n 's|.*/admin/artiklar/\([0-9]*\).*|\1|p'
}

# save ID|new ACTION VERSION [more curl args]: post the form.
save() {
	local id=$1 action=$2 version=$3 path=/admin/artiklar
	shift 3
	[ "$id" = new ] || path=/admin/artiklar/$id
	staff_request rita POST "$path" --data-urlencode "action=$action" \
	    --data-urlencode "version=$version" "$@"
}

site_start
staff_user_add rita redaktor
staff_user_add presse press
staff_signin rita
staff_signin presse

TITLE="Regeringen ger 20 miljoner kronor till jämställdhet och kvinnofrid"
SLUG=regeringen-ger-20-miljoner-kronor-till-jamstalldhet-och-kvinnofrid
BODY='Regeringen har beslutat att ge SKR 20 miljoner kronor.

## Bakgrund

Satsningen fortsätter arbetet med [jämställdhetsintegrering i kommunerna](/amnen/jamstalldhet).'
LEAD="SKR får 20 miljoner kronor för arbetet."
FIELDS=(--data-urlencode "kind=nyhet" --data-urlencode "title=$TITLE"
    --data-urlencode "body=$BODY" --data-urlencode "lang=sv"
    --data-urlencode "topic=1" --data-urlencode "expert=1"
    --data-urlencode "expert=2"
    --data-urlencode "link_title_1=Ämnet jämställdhet"
    --data-urlencode "link_url_1=/amnen/jamstalldhet")

# --- roles ---------------------------------------------------------------
staff_request presse GET /admin/artiklar
assert_status 403
staff_request presse POST /admin/artiklar --data-urlencode action=utkast \
    --data-urlencode title=X
assert_status 403
staff_request rita GET /admin/artiklar
assert_status 200
assert_body_contains "Ny artikel"
staff_request rita GET /admin/artiklar/ny
assert_status 200
assert_body_contains "Förhandsgranska"

# --- preview saves nothing ------------------------------------------------
n0=$(q "SELECT count(*) FROM article")
save new forhandsgranska 0 "${FIELDS[@]}" --data-urlencode "lead=$LEAD"
assert_status 200
assert_body_contains "Förhandsgranskning – inte publicerad"
assert_body_contains "<h1>$TITLE</h1>"
assert_body_contains "Love Nordenmark"
assert_body_contains 'id="sakkunnig"'
assert_header X-Robots-Tag noindex
assert_eq "preview saved nothing" "$(q "SELECT count(*) FROM article")" "$n0"
save new tillbaka 0 "${FIELDS[@]}" --data-urlencode "lead=$LEAD"
assert_status 200
assert_body_contains "SKR får 20 miljoner kronor för arbetet."

# a button that is none of the form's is refused and saves nothing
for act in "" Publicera "publicera " radera; do
	save new "$act" 0 "${FIELDS[@]}" --data-urlencode "lead=$LEAD"
	assert_status 400
done
assert_eq "an unknown button saved nothing" "$(q "SELECT count(*) FROM article")" "$n0"

# --- draft, publish, edit, unpublish ---------------------------------------
save new utkast 0 "${FIELDS[@]}" --data-urlencode "lead=$LEAD"
assert_status 303
ID=$(loc_id)
check "new article id from Location ($ID)" test -n "$ID"
assert_eq "draft status" "$(q "SELECT status FROM article WHERE id=$ID")" utkast
get "/nyheter/$SLUG"
assert_status 404
staff_request rita GET "/admin/artiklar/$ID?klart=skapad"
assert_body_contains "Artikeln är sparad som utkast."
assert_body_contains "Radera utkast"

save "$ID" publicera 1 "${FIELDS[@]}" --data-urlencode "lead=$LEAD"
assert_status 303
staff_request rita GET "/admin/artiklar/$ID?klart=publicerad"
assert_body_contains "Artikeln är publicerad."
assert_body_contains "/nyheter/$SLUG"
get "/nyheter/$SLUG"
assert_status 200
assert_body_contains "Jenny Norén"
get /nyheter
assert_body_contains "$TITLE"
get /amnen/jamstalldhet
assert_body_contains "$TITLE"
get /nyheter.atom
assert_body_contains "$TITLE"

save "$ID" spara 2 "${FIELDS[@]}" --data-urlencode "lead=En ny ingress."
assert_status 303
get "/nyheter/$SLUG"
assert_body_contains "En ny ingress."

# removing without a public explanation is for admins, with a reason
save "$ID" avpublicera 3 "${FIELDS[@]}" --data-urlencode "lead=$LEAD"
assert_status 403
staff_user_add anna admin
staff_signin anna
staff_request anna POST "/admin/artiklar/$ID" --data-urlencode action=avpublicera \
    --data-urlencode version=3 "${FIELDS[@]}" --data-urlencode "lead=$LEAD"
assert_status 400
assert_body_contains "Skriv varför artikeln tas bort utan förklaring"
staff_request anna POST "/admin/artiklar/$ID" --data-urlencode action=avpublicera \
    --data-urlencode version=3 "${FIELDS[@]}" --data-urlencode "lead=$LEAD" \
    --data-urlencode "skal=Personuppgifter i texten."
assert_status 303
assert_eq "the reason is in the audit log" \
    "$(q "SELECT summary FROM audit_log WHERE object_id=$ID AND action='avpublicerade'")" \
    "avpublicerade \"$TITLE\" – skäl: Personuppgifter i texten."
get "/nyheter/$SLUG"
assert_status 404
assert_eq "unpublished keeps the row" \
    "$(q "SELECT status FROM article WHERE id=$ID")" avpublicerad
staff_request rita GET "/admin/artiklar/$ID/versioner"
assert_status 200
for v in 1 2 3 4; do
	assert_body_contains "Version $v"
done
staff_request rita GET "/admin/artiklar/$ID/versioner/jamfor?a=2&b=3"
assert_status 200
assert_body_contains "<del>SKR får 20 miljoner kronor för arbetet.</del>"
assert_body_contains "<ins>En ny ingress.</ins>"
staff_request rita GET "/admin/artiklar/$ID/versioner/2"
assert_status 200
assert_body_contains "SKR får 20 miljoner kronor för arbetet."
staff_request rita GET "/admin/artiklar/$ID/versioner/99"
assert_status 404
# a version that is not a number is a bad request, not "no such version"
for qs in "a=2&b=x" "a=02&b=3" "a=2" "a=-1&b=3" "a=2&b=99999999999999999999"; do
	staff_request rita GET "/admin/artiklar/$ID/versioner/jamfor?$qs"
	assert_status 400
done
staff_request rita GET "/admin/artiklar/$ID/versioner/jamfor?a=2&b=99"
assert_status 404
for v in x 2.0 "" " 2"; do
	staff_request rita POST "/admin/artiklar/$ID/aterstall" \
	    --data-urlencode "version=$v" --data-urlencode nuvarande=4
	assert_status 400
done
staff_request rita POST "/admin/artiklar/$ID/aterstall" --data-urlencode version=2 \
    --data-urlencode nuvarande=4x
assert_status 400
assert_eq "junk versions changed nothing" \
    "$(q "SELECT version FROM article WHERE id=$ID")" 4
assert_eq "audit rows for the article" \
    "$(q "SELECT group_concat(action, ',') FROM (SELECT action FROM audit_log WHERE object_type='article' AND object_id=$ID ORDER BY id)")" \
    "skapade,publicerade,sparade,avpublicerade"
assert_eq "audit keeps before and after" \
    "$(q "SELECT json_extract(before_json, '\$.lead') || '|' || json_extract(after_json, '\$.lead') FROM audit_log WHERE object_id=$ID AND action='sparade'")" \
    "SKR får 20 miljoner kronor för arbetet.|En ny ingress."

# restore version 2 (status stays unpublished): the versions page links
# to a confirmation step that shows what would change; only its POST
# button restores
staff_request rita GET "/admin/artiklar/$ID/versioner"
assert_body_contains "href=\"/admin/artiklar/$ID/versioner/2/aterstall\""
assert_body_lacks 'action="/admin/artiklar/'"$ID"'/aterstall"'
staff_request rita GET "/admin/artiklar/$ID/versioner/3/aterstall"
assert_status 200
assert_body_contains "Återställ version 3?"
assert_body_contains "<del>SKR får 20 miljoner kronor för arbetet.</del>"
assert_body_contains "<ins>En ny ingress.</ins>"
assert_body_contains 'name="nuvarande" value="4"'
assert_body_contains "Ja, återställ version 3"
assert_eq "the confirmation page changed nothing" \
    "$(q "SELECT lead || '|' || version FROM article WHERE id=$ID")" \
    "SKR får 20 miljoner kronor för arbetet.|4"
# a POST from a page older than the article: shown again, not restored
staff_request rita POST "/admin/artiklar/$ID/aterstall" --data-urlencode version=2 \
    --data-urlencode nuvarande=3
assert_status 409
assert_body_contains "Artikeln har sparats igen sedan du öppnade sidan"
assert_eq "stale confirmation changed nothing" \
    "$(q "SELECT version FROM article WHERE id=$ID")" 4
staff_request rita POST "/admin/artiklar/$ID/aterstall" --data-urlencode version=2 \
    --data-urlencode nuvarande=4
assert_status 303
assert_eq "restored lead" "$(q "SELECT lead || '|' || status || '|' || version FROM article WHERE id=$ID")" \
    "SKR får 20 miljoner kronor för arbetet.|avpublicerad|5"
assert_eq "restore audited" "$(q "SELECT count(*) FROM audit_log WHERE object_id=$ID AND action='återställde version 2'")" 1

# deleting a published-once article is refused
staff_request rita POST "/admin/artiklar/$ID/radera"
assert_status 409
assert_eq "not deleted" "$(q "SELECT count(*) FROM article WHERE id=$ID")" 1

# --- scheduling ---------------------------------------------------------
D=$(TZ=Europe/Stockholm date -d '+1 hour' +%Y-%m-%d)
H=$(TZ=Europe/Stockholm date -d '+1 hour' +%H:%M)
save new schemalagg 0 --data-urlencode "kind=pressmeddelande" \
    --data-urlencode "title=Schemalagt pressmeddelande om vården" \
    --data-urlencode "lead=Kommer om en timme." --data-urlencode "body=Text." \
    --data-urlencode "lang=sv" --data-urlencode "topic=1" \
    --data-urlencode "pub_date=$D" --data-urlencode "pub_time=$H"
assert_status 303
SID=$(loc_id)
staff_request rita GET "/admin/artiklar/$SID?klart=schemalagd"
assert_body_contains "Artikeln är schemalagd"
get /nyheter/schemalagt-pressmeddelande-om-varden
assert_status 404
get /nyheter
assert_body_lacks "Schemalagt pressmeddelande om vården"
q "INSERT OR REPLACE INTO setting(key,value) VALUES('test_clock_offset','7200')"
get /nyheter/schemalagt-pressmeddelande-om-varden
assert_status 200
get /amnen/jamstalldhet
assert_body_contains "Schemalagt pressmeddelande om vården"
q "DELETE FROM setting WHERE key='test_clock_offset'"
# a time in the past is refused
save new schemalagg 0 --data-urlencode "kind=nyhet" \
    --data-urlencode "title=För sent" --data-urlencode "lead=L" \
    --data-urlencode "body=B" --data-urlencode "lang=sv" \
    --data-urlencode "pub_date=2020-01-01" --data-urlencode "pub_time=10:00"
assert_status 400
assert_body_contains "Tiden har redan passerat"

# --- bad input keeps the text -------------------------------------------
n0=$(q "SELECT count(*) FROM article")
save new utkast 0 --data-urlencode "kind=nyhet" \
    --data-urlencode "title=Något helt annat" \
    --data-urlencode "slug=fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid" \
    --data-urlencode "body=Min unika text 4711."
case $STATUS in 409|400) pass "slug clash -> $STATUS" ;; *) fail "slug clash -> $STATUS" ;; esac
assert_body_contains "används redan av artikeln"
assert_body_contains "Min unika text 4711."
save new utkast 0 --data-urlencode "kind=nyhet" --data-urlencode "title=" \
    --data-urlencode "body=Text utan rubrik 0815."
assert_status 400
assert_body_contains "Skriv en rubrik."
assert_body_contains "Text utan rubrik 0815."
assert_body_contains 'aria-invalid="true"'
save new utkast 0 --data-urlencode "kind=nyhet" --data-urlencode "title=Länkfel" \
    --data-urlencode "link_title_1=Farlig" \
    --data-urlencode "link_url_1=javascript:alert(1)"
assert_status 400
assert_body_contains "Länk 1: adressen ska börja med"
assert_eq "bad input saved nothing" "$(q "SELECT count(*) FROM article")" "$n0"

# --- conflict -------------------------------------------------------------
save new utkast 0 --data-urlencode "kind=nyhet" \
    --data-urlencode "title=Konfliktartikel" --data-urlencode "body=Original."
CID=$(loc_id)
save "$CID" utkast 1 --data-urlencode "kind=nyhet" \
    --data-urlencode "title=Konfliktartikel" --data-urlencode "body=Först sparad."
assert_status 303
save "$CID" utkast 1 --data-urlencode "kind=nyhet" \
    --data-urlencode "title=Konfliktartikel" --data-urlencode "body=Andra försöket."
assert_status 409
# rita saved version 2 herself, in another tab: the page says so
assert_body_contains "Du har ändrat artikeln i en annan flik"
assert_body_lacks "någon annan"
assert_body_contains "Andra försöket."
assert_body_contains '<input type="hidden" name="version" value="1">'
assert_body_contains 'name="skriv_over" value="2"'
assert_body_contains "Spara ändå och skriv över det du sparade i den andra fliken"
assert_eq "first save kept" "$(q "SELECT body_md FROM article WHERE id=$CID")" "Först sparad."
# pressing save again without the box: still a conflict, nothing written
save "$CID" utkast 1 --data-urlencode "kind=nyhet" \
    --data-urlencode "title=Konfliktartikel" --data-urlencode "body=Andra försöket."
assert_status 409
assert_eq "second save without the box kept" \
    "$(q "SELECT body_md FROM article WHERE id=$CID")" "Först sparad."
# another editor saves meanwhile: the page names her and the time
staff_user_add vera redaktor
staff_signin vera
staff_request vera POST "/admin/artiklar/$CID" --data-urlencode action=utkast \
    --data-urlencode version=2 --data-urlencode "kind=nyhet" \
    --data-urlencode "title=Konfliktartikel" --data-urlencode "body=Veras text."
assert_status 303
q "UPDATE account SET display_name='Vera Virtanen' WHERE name='vera'"
save "$CID" utkast 1 --data-urlencode "kind=nyhet" --data-urlencode skriv_over=2 \
    --data-urlencode "title=Konfliktartikel" --data-urlencode "body=Andra försöket."
assert_status 409
assert_body_contains "Vera Virtanen har ändrat artikeln"
assert_body_contains "sparades artikeln av Vera Virtanen, $(TZ=Europe/Stockholm date +%-d)"
assert_body_contains 'name="skriv_over" value="3"'
assert_eq "box for an older version overwrites nothing" \
    "$(q "SELECT body_md FROM article WHERE id=$CID")" "Veras text."
save "$CID" utkast 1 --data-urlencode "kind=nyhet" --data-urlencode skriv_over=3 \
    --data-urlencode "title=Konfliktartikel" --data-urlencode "body=Andra försöket."
assert_status 303
assert_eq "knowing overwrite" "$(q "SELECT body_md FROM article WHERE id=$CID")" "Andra försöket."
# an oversized body on a stale version: the size error, no diff of it
head -c 300000 /dev/zero | tr '\0' x >"$T/big"
save "$CID" utkast 1 --data-urlencode "kind=nyhet" \
    --data-urlencode "title=Konfliktartikel" --data-urlencode "body@$T/big"
assert_status 400
assert_body_contains "Brödtexten är för lång"
assert_body_lacks "har ändrat artikeln"

# --- embargo preview links -------------------------------------------------
# POST-redirect-GET: the edit page shows the token once, carried there
# by a short-lived cookie (-c keeps it in rita's jar).
staff_request rita POST "/admin/artiklar/$CID/forhandslank" --data-urlencode giltig=3 \
    -c "$T/rita.jar"
assert_status 303
assert_header Location "^/admin/artiklar/$CID\?klart=forhandslank#forhandslankar$"
assert_body_lacks "/forhandsvisning/"
staff_request rita GET "/admin/artiklar/$CID?klart=forhandslank" -c "$T/rita.jar"
assert_status 200
TOKEN=$(printf '%s' "$BODY" | grep -o '/forhandsvisning/[A-Za-z0-9_-]*' | head -n 1 | sed 's|.*/||')
check "token shown once (${#TOKEN} chars)" test "${#TOKEN}" = 43
assert_body_contains "Kopiera den nu"
staff_request rita GET "/admin/artiklar/$CID?klart=forhandslank" -c "$T/rita.jar"
assert_status 200
assert_body_lacks "/forhandsvisning/$TOKEN"
assert_body_contains "Förhandslänken är skapad. Den visas bara en gång"
assert_eq "only the hash stored" "$(q "SELECT count(*) FROM preview_link WHERE token_hash='$TOKEN'")" 0
get "/forhandsvisning/$TOKEN"
assert_status 200
assert_header X-Robots-Tag noindex
assert_body_contains '<meta name="robots" content="noindex">'
assert_body_contains "Under embargo"
assert_body_contains "<h1>Konfliktartikel</h1>"
# a draft has no publish date: the dateline does not say "Publicerad"
assert_body_contains "Inte publicerad ännu"
assert_body_lacks "Publicerad <time"
assert_eq "opening logged" "$(q "SELECT count(*) FROM preview_open")" 1
staff_request rita GET "/admin/artiklar/$CID"
assert_body_contains "1 gång, senast"
assert_body_lacks "1 gånger"
LID=$(q "SELECT id FROM preview_link WHERE article_id=$CID")
staff_request rita POST "/admin/artiklar/$CID/forhandslank/$LID/aterkalla"
assert_status 303
get "/forhandsvisning/$TOKEN"
assert_status 410
assert_body_contains "Länken gäller inte längre"
get "/forhandsvisning/kort"
assert_status 410
staff_request rita POST "/admin/artiklar/$CID/forhandslank" --data-urlencode giltig=1 \
    -c "$T/rita.jar"
staff_request rita GET "/admin/artiklar/$CID?klart=forhandslank" -c "$T/rita.jar"
TOKEN2=$(printf '%s' "$BODY" | grep -o '/forhandsvisning/[A-Za-z0-9_-]*' | head -n 1 | sed 's|.*/||')
save "$CID" publicera 4 --data-urlencode "kind=nyhet" \
    --data-urlencode "title=Konfliktartikel" --data-urlencode "lead=Ingress." \
    --data-urlencode "body=Andra försöket." --data-urlencode "lang=sv"
assert_status 303
get "/forhandsvisning/$TOKEN2"
assert_status 303
assert_header Location "/nyheter/konfliktartikel$"
q "UPDATE preview_link SET expires_at = 1"
get "/forhandsvisning/$TOKEN2"
assert_status 410
# A click from the preview page carries it as the Referer.
get /nyheter -H "Referer: $BASE/forhandsvisning/$TOKEN2"
assert_status 200
# Neither log holds a token: whoever reads them may not read embargoed
# articles (nginx's access log, Pressrum's own).  nginx writes its line
# just after the answer: wait for it, at most 2 s.
for ((i = 0; i < 20; i++)); do
	grep -q '"\[forhandsvisning\]"' "$T/nginx/access.log" && break
	sleep 0.1
done
check "nginx logged the preview requests" \
    grep -q 'GET /forhandsvisning/\[token\] ' "$T/nginx/access.log"
check "nginx logged the Referer without its token" \
    grep -q '"\[forhandsvisning\]"' "$T/nginx/access.log"
for t in "$TOKEN" "$TOKEN2"; do
	check "no log holds a preview token" \
	    sh -c '! grep -qF "$1" "$2" "$3"' - "$t" "$T/nginx/access.log" \
	    "$T/server.log"
done

# --- accessibility check on publishing --------------------------------------
save new publicera 0 --data-urlencode "kind=nyhet" \
    --data-urlencode "title=Vag länk" --data-urlencode "lead=Ingress." \
    --data-urlencode "body=Läs rapporten [här](https://x.example)." \
    --data-urlencode "lang=sv"
assert_status 400
assert_body_contains "länktexten"
assert_body_contains "Jag har granskat varningarna och publicerar ändå"
get /nyheter/vag-lank
assert_status 404
save new publicera 0 --data-urlencode "kind=nyhet" \
    --data-urlencode "title=Vag länk" --data-urlencode "lead=Ingress." \
    --data-urlencode "body=Läs rapporten [här](https://x.example)." \
    --data-urlencode "lang=sv" --data-urlencode "override_a11y=1"
assert_status 303
get /nyheter/vag-lank
assert_status 200

# --- deleting a draft -----------------------------------------------------
save new utkast 0 --data-urlencode "kind=nyhet" --data-urlencode "title=Kasta mig"
DID=$(loc_id)
staff_request rita GET "/admin/artiklar/$DID/radera"
assert_status 200
assert_body_contains "Ja, radera utkastet"
staff_request rita POST "/admin/artiklar/$DID/radera"
assert_status 303
assert_eq "draft deleted" "$(q "SELECT count(*) FROM article WHERE id=$DID")" 0
assert_eq "delete audited" "$(q "SELECT count(*) FROM audit_log WHERE object_id=$DID AND action='raderade utkast'")" 1

# --- list filter ------------------------------------------------------------
staff_request rita GET "/admin/artiklar?status=avpublicerad"
assert_body_contains "$TITLE"
assert_body_contains "Avpublicerad"
staff_request rita GET "/admin/artiklar?status=utkast"
assert_body_lacks "$TITLE"

# --- topics -----------------------------------------------------------------
staff_request rita GET /admin/amnen
assert_status 200
assert_body_contains "Jämställdhet"
staff_request rita POST /admin/amnen --data-urlencode "name=Bostad och byggande" \
    --data-urlencode "lead=Om bostäder." --data-urlencode "body=## Mål" \
    --data-urlencode "published=1" --data-urlencode "version=0"
assert_status 303
get /amnen/bostad-och-byggande
assert_status 200
TID=$(q "SELECT id FROM topic WHERE slug='bostad-och-byggande'")
staff_request rita POST "/admin/amnen/$TID" --data-urlencode "name=Bostad och byggande" \
    --data-urlencode "slug=bostad-och-byggande" --data-urlencode "version=1"
assert_status 303
get /amnen/bostad-och-byggande
assert_status 404
staff_request rita POST "/admin/amnen/$TID" --data-urlencode "name=Bostad" \
    --data-urlencode "slug=bostad-och-byggande" --data-urlencode "version=1"
assert_status 409
staff_request rita POST "/admin/amnen/$TID" --data-urlencode "name=" \
    --data-urlencode "lead=Kvar 31337" --data-urlencode "version=2"
assert_status 400
assert_body_contains "Kvar 31337"
assert_eq "topic audit" "$(q "SELECT count(*) FROM audit_log WHERE object_type='topic' AND object_id=$TID AND before_json IS NOT NULL")" 1

done_testing

#!/usr/bin/env bash
# t0078-mail-gdpr.sh -- one person's mail data under the GDPR (issue 15):
# an admin looks an address up at /admin/epost/person (any letter case),
# downloads everything held about it as JSON (subscription with topics,
# consent and confirmation times, the press-list row, mail sent) and
# erases it: subscriptions and the press-list row go, sent mail keeps
# only that it was sent (the staff's counts stay right), the audit log
# says an erasure happened without the address.  Others are refused.
# Sign-ups never confirmed are deleted after 7 days, and the sender's
# network address is blanked after a day, by the mail process with no
# request (the test clock moves 8 days).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/mail_lib.sh"
TEST_CLOCK=1

smtp_start
trap 'smtp_stop; site_stop' EXIT
site_start
trap 'smtp_stop; site_stop' EXIT
staff_user_add anna admin
staff_user_add red redaktor
staff_signin anna
staff_signin red
T1=$(q "SELECT id FROM topic ORDER BY id LIMIT 1")
T1NAME=$(q "SELECT name FROM topic WHERE id = $T1")

subscribe_confirmed eva@exempel.se amnen direkt --data-urlencode "amne=$T1"
subscribe_confirmed kim@exempel.se alla direkt
wait_mail eva@exempel.se 1 || true
post /prenumerera -H "Origin: $BASE" --data-urlencode "epost=ulf@exempel.se" \
    --data-urlencode "omfang=alla" --data-urlencode "takt=direkt"
assert_status 200
staff_request anna POST /admin/presslista --data-urlencode "name=Eva Ek" \
    --data-urlencode "outlet=Bladet" --data-urlencode "email=eva@exempel.se"
assert_status 303
publish_article anna "Nytt om ämnet" nytt-om-amnet "Text." --data-urlencode "topic=$T1"
assert_status 303
A1=$ARTICLE_ID
check "eva's mail arrives" wait_mail eva@exempel.se 2
SENT=$(q "SELECT count(*) FROM outbox WHERE article_id = $A1 AND state = 'skickad'")

# --- look up, download -------------------------------------------------------
staff_request red GET "/admin/epost/person?epost=eva@exempel.se"
assert_status 403
staff_request anna GET /admin/epost
assert_body_contains 'href="/admin/epost/person"'
staff_request anna GET "/admin/epost/person?epost=inte-en-adress"
assert_status 400
assert_body_contains 'Skriv en e-postadress'
staff_request anna GET "/admin/epost/person?epost=EVA@Exempel.se"
assert_status 200
assert_body_contains 'Prenumerationer: 1'
assert_body_contains 'På presslistan: ja'
assert_body_contains 'Utskick till adressen: 2'
staff_request anna POST /admin/epost/person --data-urlencode "epost=eva@exempel.se" \
    --data-urlencode "atgard=ladda-ner"
assert_status 200
assert_header Content-Type "application/json; charset=utf-8"
assert_header Content-Disposition 'attachment; filename="personuppgifter.json"'
check "the JSON holds the subscription, its topic, the press list and the mail" \
    /usr/bin/python3 -c '
import json, sys
d = json.loads(sys.argv[1])
s = d["prenumerationer"][0]
assert d["epostadress"] == "eva@exempel.se"
assert s["omfang"] == "amnen" and s["amnen"] == [sys.argv[2]], s
assert s["samtycke"] and s["bekraftad"], s
assert d["presslista"][0]["namn"] == "Eva Ek", d
assert len(d["utskick"]) == 2 and all(u["skickat"] for u in d["utskick"]), d
' "$BODY" "$T1NAME"

# --- erase -------------------------------------------------------------------
staff_request anna POST /admin/epost/person --data-urlencode "epost=eva@exempel.se" \
    --data-urlencode "atgard=ta-bort" --data-urlencode "bekrafta=1"
assert_status 400
assert_eq "an unknown atgard erased nothing" "$(q "SELECT count(*) FROM subscriber WHERE email = 'eva@exempel.se'")" 1
staff_request anna POST /admin/epost/person --data-urlencode "epost=eva@exempel.se" \
    --data-urlencode "atgard=radera"
assert_status 400
assert_body_contains 'Kryssa i rutan för att bekräfta'
assert_eq "nothing erased unconfirmed" "$(q "SELECT count(*) FROM subscriber WHERE email = 'eva@exempel.se'")" 1
staff_request anna POST /admin/epost/person --data-urlencode "epost=Eva@exempel.se" \
    --data-urlencode "atgard=radera" --data-urlencode "bekrafta=1"
assert_status 303
assert_eq "the subscription is gone" "$(q "SELECT count(*) FROM subscriber WHERE email = 'eva@exempel.se'")" 0
assert_eq "the press-list row is gone" "$(q "SELECT count(*) FROM journalist WHERE email = 'eva@exempel.se'")" 0
assert_eq "no mail row names the address" "$(q "SELECT count(*) FROM outbox WHERE recipient LIKE '%eva@%' OR body_text LIKE '%eva@%'")" 0
assert_eq "the article's sent count stays" "$(q "SELECT count(*) FROM outbox WHERE article_id = $A1 AND state = 'skickad'")" "$SENT"
assert_eq "the erasure is in the audit log" "$(q "SELECT count(*) FROM audit_log WHERE object_type = 'person' AND action = 'raderade'")" 1
assert_eq "... without the address" "$(q "SELECT count(*) FROM audit_log WHERE summary LIKE '%eva@%' AND object_type = 'person'")" 0
staff_request anna GET "/admin/epost/person?epost=eva@exempel.se"
assert_body_contains 'Inga uppgifter finns om adressen.'
assert_eq "kim is untouched" "$(q "SELECT count(*) FROM subscriber WHERE email = 'kim@exempel.se'")" 1

# --- the sweep ---------------------------------------------------------------
assert_eq "ulf's unconfirmed sign-up is there" "$(q "SELECT count(*) FROM subscriber WHERE email = 'ulf@exempel.se'")" 1
check "kim's sender address is kept for now" test -n "$(q "SELECT remote_addr FROM subscriber WHERE email = 'kim@exempel.se'")"
q "INSERT OR REPLACE INTO setting (key, value) VALUES ('test_clock_offset', '$((8 * 86400))')"
for _ in $(seq 50); do
	[ "$(q "SELECT count(*) FROM subscriber WHERE email = 'ulf@exempel.se'")" = 0 ] && break
	sleep 0.1
done
assert_eq "8 days on, ulf's unconfirmed sign-up is deleted, with no request" \
    "$(q "SELECT count(*) FROM subscriber WHERE email = 'ulf@exempel.se'")" 0
assert_eq "kim stays subscribed" "$(q "SELECT count(*) FROM subscriber WHERE email = 'kim@exempel.se' AND confirmed_at IS NOT NULL")" 1
assert_eq "kim's sender address is blanked" "$(q "SELECT remote_addr FROM subscriber WHERE email = 'kim@exempel.se'")" ""
done_testing

#!/usr/bin/env bash
# t0078-mail-gdpr.sh -- one person's mail data under the GDPR (issue 15):
# an admin looks an address up at /admin/epost/person (any letter case),
# downloads everything held about it as JSON (subscription with topics,
# consent and confirmation times, the press-list row, mail sent) and
# erases it: subscriptions and the press-list row go, sent mail keeps
# only that it was sent (the staff's counts stay right), the audit log
# says an erasure happened without the address.  Others are refused.
# A journalist removed from the press list and a reader who unsubscribes
# take their unsent mail along, and their sent mail keeps no address.
# Sign-ups never confirmed are deleted after 7 days with their
# confirmation mail, and the sender's network address is blanked after
# a day, by the mail process with no request (the test clock moves 8
# days); sent mail keeps its address and text 30 days, then only that
# it was sent (the clock moves 31 days).
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

# --- people who go take their mail along --------------------------------------
staff_request anna POST /admin/presslista --data-urlencode "name=Jan Berg" \
    --data-urlencode "outlet=Radion" --data-urlencode "email=jan@exempel.se"
assert_status 303
JAN=$(q "SELECT id FROM journalist WHERE email = 'jan@exempel.se'")
JTOK=$(q "SELECT unsub_token FROM journalist WHERE id = $JAN")
subscribe_confirmed ola@exempel.se alla direkt
OTOK=$(q "SELECT unsub_token FROM subscriber WHERE email = 'ola@exempel.se'")
publish_press anna "Pressmeddelande om vägar" pm-vagar --data-urlencode "presslista=1"
assert_status 303
A2=$ARTICLE_ID
check "jan's press mail arrives" wait_mail jan@exempel.se 1
check "ola's mail arrives" wait_mail ola@exempel.se 2
for _ in $(seq 50); do
	[ "$(q "SELECT count(*) FROM outbox WHERE article_id = $A2 AND state = 'ny'")" = 0 ] && break
	sleep 0.1
done
SENT2=$(q "SELECT count(*) FROM outbox WHERE article_id = $A2 AND state = 'skickad'")
# Mail of theirs still waiting (due in a year).
q "INSERT INTO outbox (kind, article_id, subscriber_id, recipient, subject,
       body_text, unsub_token, message_id, next_try_at, created_at)
   SELECT 'uppdatering', $A2, id, email, 'S', 'T', unsub_token,
       'a$A2.s' || id || '.u9@test', unixepoch() + 365 * 86400, unixepoch()
     FROM subscriber WHERE email = 'ola@exempel.se';
   INSERT INTO outbox (kind, article_id, recipient, subject, body_text,
       unsub_token, message_id, next_try_at, created_at)
   VALUES ('press', $A2, 'jan@exempel.se', 'S', 'T', '$JTOK', 'a0.j$JAN@test',
       unixepoch() + 365 * 86400, unixepoch())"
staff_request anna POST "/admin/presslista/$JAN" --data-urlencode "atgard=ta-bort"
assert_status 303
post "/prenumerera/avsluta/$OTOK" --data-urlencode "List-Unsubscribe=One-Click"
assert_status 200
assert_eq "their mail not yet sent is gone" \
    "$(q "SELECT count(*) FROM outbox WHERE message_id IN ('a0.j$JAN@test') OR message_id LIKE '%.u9@test'")" 0
assert_eq "their mail sent names them no more" \
    "$(q "SELECT count(*) FROM outbox WHERE recipient IN ('jan@exempel.se', 'ola@exempel.se') OR unsub_token IN ('$JTOK', '$OTOK')")" 0
assert_eq "the release's sent count stays" "$(q "SELECT count(*) FROM outbox WHERE article_id = $A2 AND state = 'skickad'")" "$SENT2"

# --- the sweep ---------------------------------------------------------------
assert_eq "ulf's unconfirmed sign-up is there" "$(q "SELECT count(*) FROM subscriber WHERE email = 'ulf@exempel.se'")" 1
assert_eq "... with its confirmation mail, tied to it" \
    "$(q "SELECT count(*) FROM outbox o JOIN subscriber s ON s.id = o.subscriber_id WHERE s.email = 'ulf@exempel.se' AND o.kind = 'bekraftelse'")" 1
ULFLINK=$(q "SELECT body_text FROM outbox WHERE recipient = 'ulf@exempel.se'" |
    grep -o '/prenumerera/bekrafta/[A-Za-z0-9_-]*' | tail -n 1)
check "ulf's mail holds his confirmation link" test -n "$ULFLINK"
# A mail waiting (due in a year) keeps what it needs to go.
q "INSERT INTO outbox (kind, recipient, subject, body_text, message_id,
       next_try_at, created_at)
   VALUES ('press', 'vantar@exempel.se', 'S', 'T', 'vantar@test',
       unixepoch() + 365 * 86400, unixepoch())"
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
assert_eq "ulf's confirmation mail went with him, link and all" \
    "$(q "SELECT count(*) FROM outbox WHERE recipient = 'ulf@exempel.se' OR body_text LIKE '%${ULFLINK##*/}%'")" 0
KIMSENT=$(q "SELECT count(*) FROM outbox WHERE recipient = 'kim@exempel.se' AND state = 'skickad'")
check "kim's sent mail keeps its address for now ($KIMSENT)" test "$KIMSENT" -gt 0

q "INSERT OR REPLACE INTO setting (key, value) VALUES ('test_clock_offset', '$((31 * 86400))')"
for _ in $(seq 50); do
	[ "$(q "SELECT count(*) FROM outbox WHERE recipient = 'kim@exempel.se'")" = 0 ] && break
	sleep 0.1
done
assert_eq "31 days on, no sent mail names kim" \
    "$(q "SELECT count(*) FROM outbox WHERE recipient = 'kim@exempel.se' OR (state <> 'ny' AND (body_text <> '' OR unsub_token <> ''))")" 0
assert_eq "the article's sent count stays" "$(q "SELECT count(*) FROM outbox WHERE article_id = $A1 AND state = 'skickad'")" "$SENT"
assert_eq "a mail still waiting keeps its address" "$(q "SELECT recipient FROM outbox WHERE message_id = 'vantar@test'")" "vantar@exempel.se"
done_testing

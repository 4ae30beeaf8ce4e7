#!/usr/bin/env bash
# t0075-mail-admin.sh -- the staff page /admin/epost: without a relay it
# says nothing is sent (and the mail waits in the outbox); per article
# the counts sent/waiting/failed with the relay's last answer; "Försök
# igen" puts failed mail back in the queue (POST with CSRF token);
# subscribers by choice and per topic, counts only; a press officer may
# not see it.
. "$(dirname "$0")/lib.sh"
unset PRESSRUM_SMTP_URL

site_start
staff_user_add red redaktor
staff_user_add pia press
staff_signin red
staff_signin pia
TOPIC=$(q "SELECT id FROM topic ORDER BY name LIMIT 1")
TNAME=$(q "SELECT name FROM topic WHERE id = $TOPIC")
q "INSERT INTO subscriber (email, scope, frequency, created_at, confirm_hash, confirmed_at, unsub_token)
   VALUES ('a@exempel.se', 'alla', 'direkt', 1, 'h1', 1, 'u1'),
          ('b@exempel.se', 'amnen', 'dag', 1, 'h2', 1, 'u2'),
          ('c@exempel.se', 'alla', 'direkt', 1, 'h3', NULL, 'u3');
   INSERT INTO subscriber_topic VALUES (2, $TOPIC);"

staff_request red GET /admin/epost
assert_status 200
assert_body_contains 'Ingen e-post skickas'
assert_body_contains 'Inga artiklar har skickats med e-post ännu'
check "two confirmed subscribers" sh -c "printf '%s' \"\$1\" | tr -d '\n' | grep -q '<th scope=\"row\">Alla prenumeranter</th><td>2</td>'" _ "$BODY"
check "one on the topic" sh -c "printf '%s' \"\$1\" | grep -q '<th scope=\"row\">$TNAME</th><td>1</td>'" _ "$BODY"

publish_article red "Brev som väntar" brev-vantar "Text."
A=$ARTICLE_ID
sleep 1
assert_eq "the mail waits in the outbox" "$(q "SELECT state FROM outbox WHERE article_id = $A")" "ny"
staff_request red GET /admin/epost
assert_body_contains 'Brev som väntar'
check "one waiting" sh -c "printf '%s' \"\$1\" | grep -q 'Brev som väntar</a></th><td>0</td><td>1</td><td>0</td>'" _ "$BODY"

q "UPDATE outbox SET state = 'misslyckad', attempts = 20, last_error = '550: mailbox unavailable' WHERE article_id = $A"
staff_request red GET /admin/epost
check "one failed, with the relay's answer" sh -c "printf '%s' \"\$1\" | grep -q '<td>0</td><td>0</td><td>1</td><td>–</td><td><code>550: mailbox unavailable</code>'" _ "$BODY"
assert_body_contains "name=\"forsok_igen\" value=\"$A\""
request POST /admin/epost -b "$T/red.jar" -H "Origin: $BASE" --data-urlencode "forsok_igen=$A"
check "without the CSRF token: refused" test "$STATUS" = 403
assert_eq "nothing changed" "$(q "SELECT state FROM outbox WHERE article_id = $A")" "misslyckad"
staff_request red POST /admin/epost --data-urlencode "forsok_igen=$A"
assert_status 303
assert_eq "back in the queue" "$(q "SELECT state || attempts FROM outbox WHERE article_id = $A")" "ny0"
staff_request red GET "$(header Location)"
assert_body_contains '1 brev försöks skicka igen'
staff_request red POST /admin/epost --data-urlencode "forsok_igen=abc"
assert_status 400

staff_request pia GET /admin/epost
assert_status 403

done_testing

#!/usr/bin/env bash
# t0077-mail-sweep.sh -- the mail tables are swept without a relay too
# (issue 15): with no --smtp there is no mail process, and the master
# itself deletes sign-ups never confirmed after 7 days (with their
# confirmation mail), blanks the sender's network address after a day
# and a sent mail's address and text after 30 days, with no request and
# no sign-up in between (the test clock moves).  The master still runs
# only its workers, and nothing is sent.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/mail_lib.sh"
TEST_CLOCK=1
unset PRESSRUM_SMTP_URL

site_start
check "no mail process without a relay" sh -c "! grep -q 'mail process' '$T/server.log'"
check "the master runs its 2 workers only" test "$(children "$SERVER_PID" | wc -l)" = 2

post /prenumerera -H "Origin: $BASE" --data-urlencode "epost=ulf@exempel.se" \
    --data-urlencode "omfang=alla" --data-urlencode "takt=direkt"
assert_status 200
subscribe_confirmed kim@exempel.se alla direkt
assert_eq "the confirmation mails wait in the outbox" \
    "$(q "SELECT count(*) FROM outbox WHERE kind = 'bekraftelse' AND state = 'ny'")" 2
# Mail to kim that a relay took earlier.
q "INSERT INTO outbox (kind, subscriber_id, recipient, subject, body_text,
       unsub_token, message_id, state, next_try_at, created_at, sent_at)
   SELECT 'sammanfattning', id, email, 'S', 'Text till kim.', unsub_token,
       'd1.s' || id || '@test', 'skickad', unixepoch(), unixepoch(),
       unixepoch()
     FROM subscriber WHERE email = 'kim@exempel.se'"
check "kim's sender address is kept for now" \
    test -n "$(q "SELECT remote_addr FROM subscriber WHERE email = 'kim@exempel.se'")"

# wait_q SQL VALUE: until SQL gives VALUE (at most 5 s).
wait_q() {
	local i
	for ((i = 0; i < 50; i++)); do
		[ "$(q "$1")" = "$2" ] && return 0
		sleep 0.1
	done
	return 1
}

q "INSERT OR REPLACE INTO setting (key, value) VALUES ('test_clock_offset', '$((8 * 86400))')"
check "8 days on, ulf's sign-up is deleted, with no request" \
    wait_q "SELECT count(*) FROM subscriber WHERE email = 'ulf@exempel.se'" 0
assert_eq "... and his confirmation mail" "$(q "SELECT count(*) FROM outbox WHERE recipient = 'ulf@exempel.se'")" 0
assert_eq "kim stays subscribed" "$(q "SELECT count(*) FROM subscriber WHERE email = 'kim@exempel.se' AND confirmed_at IS NOT NULL")" 1
assert_eq "kim's sender address is blanked" "$(q "SELECT remote_addr FROM subscriber WHERE email = 'kim@exempel.se'")" ""
assert_eq "kim's sent mail keeps its address for now" "$(q "SELECT recipient FROM outbox WHERE message_id LIKE 'd1.%'")" "kim@exempel.se"

q "INSERT OR REPLACE INTO setting (key, value) VALUES ('test_clock_offset', '$((31 * 86400))')"
check "31 days on, kim's sent mail names kim no more" \
    wait_q "SELECT recipient || body_text || unsub_token FROM outbox WHERE message_id LIKE 'd1.%'" ""
assert_eq "... and is still there" "$(q "SELECT count(*) FROM outbox WHERE message_id LIKE 'd1.%' AND state = 'skickad'")" 1
assert_eq "nothing was sent" "$(q "SELECT count(*) FROM outbox WHERE state = 'ny' AND recipient = 'kim@exempel.se'")" 1
check "the master still runs its 2 workers only" test "$(children "$SERVER_PID" | wc -l)" = 2
done_testing

#!/usr/bin/env bash
# t0072-mail-kill.sh -- exactly once across kills, with a real SMTP
# server: 300 subscribers, a publish, and while the mails go out the
# master and its workers are killed with SIGKILL and the service is
# started again: every recipient gets exactly one mail.  Then the whole
# service, mail process included, is killed mid-batch: every recipient
# still gets the mail, and a repeat (only possible in the instant
# between the relay's "250" and the commit) keeps its Message-ID.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/mail_lib.sh"

N=300
smtp_start
trap 'smtp_stop; site_stop' EXIT
site_start
trap 'smtp_stop; site_stop' EXIT
staff_user_add red redaktor
staff_signin red

q "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N)
   INSERT INTO subscriber (email, scope, frequency, created_at, confirm_hash,
       confirmed_at, unsub_token)
   SELECT 'l' || i || '@exempel.se', 'alla', 'direkt', unixepoch(), 'h' || i,
       unixepoch(), 'u' || i FROM n"

# mail_process: the pid of the master's mail process (from its log line).
mail_process() {
	grep -o 'mail process [0-9]*' "$T/server.log" | tail -n 1 | grep -o '[0-9]*$'
}

# count_article TITLE: deliveries, and distinct recipients, of its mail.
delivered() { grep -l "^Subject: $1" "$MAILDIR"/*.eml 2>/dev/null | wc -l; }
recipients() {
	grep -l "^Subject: $1" "$MAILDIR"/*.eml 2>/dev/null |
	    xargs -r grep -h '^X-Rcpt:' | sort -u | wc -l
}
# wait_delivered SUBJECT N SECONDS
wait_delivered() {
	local i
	for ((i = 0; i < $3 * 10; i++)); do
		[ "$(delivered "$1")" -ge "$2" ] && return 0
		sleep 0.1
	done
	return 1
}

# --- the master and its workers killed mid-send --------------------------------
publish_article red "Kill ett" kill-ett "Text."
A1=$ARTICLE_ID
assert_eq "$N rows made with the publish" "$(q "SELECT count(*) FROM outbox WHERE article_id = $A1")" $N
S1=$(printf "=?UTF-8?B?%s?=" "$(printf "Kill ett" | base64)")
wait_delivered "$S1" 20 20 || fail "the first mails did not arrive"
MP=$(mail_process)
kill -9 $(children "$SERVER_PID" | grep -vx "$MP") "$SERVER_PID" 2>/dev/null
wait_exit "$SERVER_PID" 5 || true
AT_KILL=$(delivered "$S1")
pass "master and workers killed after $AT_KILL of $N mails"
server_start
check "all $N arrive after the restart" wait_delivered "$S1" $N 60
sleep 2
assert_eq "each recipient exactly once" "$(delivered "$S1")/$(recipients "$S1")" "$N/$N"
assert_eq "every row marked sent" "$(q "SELECT count(*) FROM outbox WHERE article_id = $A1 AND state = 'skickad'")" $N
check "the old mail process is gone" sh -c "! kill -0 $MP 2>/dev/null"

# --- everything killed, the mail process too ------------------------------------
publish_article red "Kill två" kill-tva "Text."
S2=$(printf '=?UTF-8?B?%s?=' "$(printf 'Kill två' | base64)")
wait_delivered "$S2" 20 20 || fail "the first mails did not arrive"
MP=$(mail_process)
kill -9 $(children "$SERVER_PID") "$SERVER_PID" 2>/dev/null
wait_exit "$SERVER_PID" 5 || true
server_start
check "all $N arrive after the restart" wait_delivered "$S2" $N 60
sleep 2
assert_eq "every recipient got it" "$(recipients "$S2")" $N
DUP=$(( $(delivered "$S2") - N ))
check "at most the mail in hand repeated ($DUP)" test "$DUP" -le 1
assert_eq "a repeat keeps its Message-ID" \
    "$(grep -l "^Subject: $S2" "$MAILDIR"/*.eml | xargs grep -h '^Message-ID:' | sort -u | wc -l)" $N

done_testing

# mail_lib.sh -- for the mail tests (t007x), sourced after lib.sh: a real
# SMTP server (smtp_sink.py, aiosmtpd) and helpers to read what it got.
# smtp_start: start it on a free port into $T/mail; exports
# PRESSRUM_SMTP_URL so the next site_start/server_start sends there.
# mails_to ADDR: how many messages ADDR got.  mail_file ADDR: the newest.

smtp_start() {
	local i
	SMTP_PORT=$(free_port)
	MAILDIR=${MAILDIR:-$(mktemp -d "${TMPDIR:-/tmp}/pressrum-mail.XXXXXX")}
	/usr/bin/python3 "$PRESSRUM_SRC/tests/integration/smtp_sink.py" \
	    "$SMTP_PORT" "$MAILDIR" >>"${MAILDIR}.log" 2>&1 &
	SMTP_PID=$!
	for ((i = 0; i < 100; i++)); do
		[ -f "$MAILDIR/ready" ] && break
		sleep 0.1
	done
	[ -f "$MAILDIR/ready" ] || bail "the SMTP sink did not start"
	export PRESSRUM_SMTP_URL="smtp://127.0.0.1:$SMTP_PORT"
	export PRESSRUM_MAIL_FROM="nyheter@example.se"
}

smtp_stop() {
	stop_pid "$SMTP_PID"
	SMTP_PID=""
	[ -n "$MAILDIR" ] && rm -rf "$MAILDIR" "$MAILDIR.log"
}

mails_to() {
	grep -l "^X-Rcpt: $1" "$MAILDIR"/*.eml 2>/dev/null | wc -l
}

mail_file() {	# by the sink's count: 10-... comes after 9-...
	grep -l "^X-Rcpt: $1" "$MAILDIR"/*.eml 2>/dev/null | sort -V | tail -n 1
}

# wait_mail ADDR N [SECONDS]: until ADDR has N messages (default 15 s).
wait_mail() {
	local i
	for ((i = 0; i < ${3:-15} * 10; i++)); do
		[ "$(mails_to "$1")" -ge "$2" ] && return 0
		sleep 0.1
	done
	return 1
}

# subscribe_confirmed ADDR SCOPE FREQ [curl args]: sign up and confirm
# through the pages, as a reader would.
subscribe_confirmed() {
	local addr=$1 scope=$2 freq=$3 link
	shift 3
	post /prenumerera -H "Origin: $BASE" --data-urlencode "epost=$addr" \
	    --data-urlencode "omfang=$scope" --data-urlencode "takt=$freq" "$@"
	[ "$STATUS" = 200 ] || bail "sign-up of $addr: $STATUS"
	link=$(q "SELECT body_text FROM outbox WHERE recipient = '$addr' AND kind = 'bekraftelse'" |
	    grep -o '/prenumerera/bekrafta/[A-Za-z0-9_-]*' | tail -n 1)
	post "$link" -H "Origin: $BASE"
	[ "$STATUS" = 200 ] || [ "$STATUS" = 303 ] || bail "confirm $addr: $STATUS"
}

# mail_header FILE NAME: the (unfolded) header NAME of a saved message.
mail_header() {
	/usr/bin/python3 - "$1" "$2" <<'PY'
import sys, email, email.policy
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
v = m.get(sys.argv[2])
print("" if v is None else str(v))
PY
}

# mail_part FILE TYPE: the decoded body part of TYPE (text/plain, text/html).
mail_part() {
	/usr/bin/python3 - "$1" "$2" <<'PY'
import sys, email, email.policy
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
for p in m.walk():
    if p.get_content_type() == sys.argv[2]:
        print(p.get_content())
PY
}

# form_version NAME ID: the version article ID's edit form holds (what a
# save must send back).
form_version() {
	staff_request "$1" GET "/admin/artiklar/$2"
	printf '%s' "$BODY" | grep -o 'name="version" value="[0-9]*"' |
	    grep -o '[0-9]*'
}

# publish_press NAME TITLE SLUG [curl args]: a press release published
# at once (publish_article with kind pressmeddelande).
publish_press() {
	local who=$1 title=$2 slug=$3
	shift 3
	staff_request "$who" POST /admin/artiklar \
	    --data-urlencode "action=publicera" --data-urlencode "version=0" \
	    --data-urlencode "kind=pressmeddelande" --data-urlencode "title=$title" \
	    --data-urlencode "slug=$slug" --data-urlencode "lead=Ingress." \
	    --data-urlencode "body=Text." --data-urlencode "lang=sv" "$@"
	ARTICLE_ID=$(header Location |
	    sed -n 's|.*/admin/artiklar/\([0-9]*\).*|\1|p')
}

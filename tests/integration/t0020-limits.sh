#!/usr/bin/env bash
# t0020-limits.sh -- oversized and abusive requests get a clear 4xx, from
# nginx or from the app, and slow clients cannot tie up the workers:
#   - a body over nginx's client_max_body_size (2m) gets nginx's 413,
#     the site's Swedish page (public/fel/413.html), and never reaches
#     the app;
#   - a body between the app's REQ_MAX_BODY (1 MiB) and 2m, too many form
#     fields or one over-long field get the app's Swedish 413, even on a
#     route that would answer 405 (the body is checked before dispatch);
#   - an over-long query string gets 400/414;
#   - clients that stall or trickle their headers or body are held by
#     nginx (which buffers bodies and times them out), not by a worker:
#     other readers are served meanwhile.
# Deep nesting in Markdown is refused by md_render() (tests/unit/test_md.c).
# Also checks the log: one line per request, no cookie or body in it.
. "$(dirname "$0")/lib.sh"
site_start

# xs N: N bytes of 'x'.  bytes N: N bytes of form body "a=xxxx...".
xs() {
	head -c "$1" /dev/zero | tr '\0' x
}

bytes() {
	printf 'a='
	xs $(($1 - 2))
}

# fields N: "f0=1&f1=1&..." with N fields.
fields() {
	seq -f 'f%.0f=1' 0 $(($1 - 1)) | paste -sd '&' | tr -d '\n'
}

form() {
	post / -H 'Content-Type: application/x-www-form-urlencoded' \
	    --data-binary "@$1"
}

toolarge_sv() {
	assert_status 413
	assert_header Content-Type '^text/html; *charset=utf-8$'
	assert_body_contains '<html lang="sv"'
	assert_body_contains 'För stor förfrågan'
	assert_header Content-Security-Policy "frame-ancestors 'none'"
}

# 1. Over nginx's limit: nginx answers, the app never sees it.
bytes $((3 * 1024 * 1024)) >"$T/3m"
lines_before=$(grep -c ' POST ' "$T/server.log" || true)
form "$T/3m"
assert_status 413
check "nginx's 413 names no version" \
    sh -c '! printf "%s" "$1" | grep -qE "nginx/[0-9]"' - "$BODY$HEADERS"
assert_header Content-Type '^text/html; charset=utf-8$'
assert_body_contains '<html lang="sv"'
assert_body_contains 'För stor förfrågan'
assert_body_contains '<link rel="stylesheet" href="/css/site.css">'
assert_body_lacks 'Request Entity Too Large'
assert_header Content-Security-Policy "frame-ancestors 'none'"
# The same for a staff form (its own location) and with a Content-Length
# alone, before any body is sent.
post /admin/artiklar -H 'Content-Type: application/x-www-form-urlencoded' \
    --data-binary "@$T/3m"
assert_status 413
assert_body_contains 'För stor förfrågan'
post /nyheter -H 'Content-Type: application/x-www-form-urlencoded' \
    --data-binary "@/dev/null" -H 'Content-Length: 3000000'
assert_status 413
assert_body_contains 'För stor förfrågan'
check "a body over 2m never reached the app" \
    test "$(grep -c ' POST ' "$T/server.log" || true)" = "$lines_before"

# 2. Between the app's 1 MiB and nginx's 2m: the app's Swedish 413, before
# the 405 a POST to / would otherwise get.
bytes $((1536 * 1024)) >"$T/1.5m"
form "$T/1.5m"
toolarge_sv
# The same for a body that is not a form: its size alone is refused.
post / -H 'Content-Type: text/plain' --data-binary "@$T/1.5m"
toolarge_sv
# Just under 1 MiB (four fields of 250 KiB) is read and parsed; / then
# answers 405.
for i in 0 1 2 3; do
	[ "$i" = 0 ] || printf '&'
	printf 'f%d=' "$i"
	xs $((250 * 1024))
done >"$T/1m"
form "$T/1m"
assert_status 405

# 3. Too many fields (REQ_MAX_FIELDS is 200), in a body and a query.
fields 201 >"$T/fields"
form "$T/fields"
toolarge_sv
fields 200 >"$T/fields-ok"
form "$T/fields-ok"
assert_status 405
# code PATH: the status of GET PATH (for URLs too long to print).
code() {
	curl -s -o /dev/null --max-time 10 -w '%{http_code}' "$BASE$1" || true
}
check "a query of 201 fields gets 413" \
    test "$(code "/nyheter?$(cat "$T/fields")")" = 413

# 4. One over-long field: 300 KiB decoded (REQ_MAX_FIELD) plus one byte.
bytes $((300 * 1024 + 3)) >"$T/field"
form "$T/field"
toolarge_sv

# 5. Over-long query strings: nginx (414) or the app (400), never 200/5xx.
long=q=$(xs 9000)
st=$(code "/nyheter?$long")
check "a 9000-byte query string gets 400 or 414 (got $st)" \
    test "$st" = 400 -o "$st" = 414
long=q=$(xs 6000)
check "a 6000-byte query string is fine" \
    test "$(code "/nyheter?$long")" = 200

# 6. Slow clients: three stall after part of their headers or body, one
# trickles its body a byte at a time.  With two workers, readers must
# still be served at once, and nginx must drop the stalled ones itself
# (client_header_timeout / client_body_timeout, 15 s).
python3 - "$PORT" >"$T/slow.out" 2>&1 <<'PY' &
import socket, sys, time
port = int(sys.argv[1])
def conn(data):
	s = socket.create_connection(("127.0.0.1", port))
	s.sendall(data)
	return s
post = (b"POST / HTTP/1.1\r\nHost: localhost\r\n"
	b"Content-Type: application/x-www-form-urlencoded\r\n"
	b"Content-Length: 100000\r\n\r\n")
stalled = [conn(b"GET / HTTP/1.1\r\nHost: local"),
	conn(post + b"a=1"), conn(post + b"a=" + b"x" * 50000)]
trickle = conn(post)
start = time.time()
closed = {}
for s in stalled:
	s.settimeout(0.1)
while time.time() - start < 25 and len(closed) < len(stalled):
	try:
		trickle.sendall(b"x")
	except OSError:
		pass
	for i, s in enumerate(stalled):
		if i in closed:
			continue
		try:
			d = s.recv(4096)
			closed[i] = (round(time.time() - start, 1), d[:12])
		except socket.timeout:
			pass
		except OSError as e:
			closed[i] = (time.time() - start, str(e))
	time.sleep(0.4)
for i in range(len(stalled)):
	print(i, closed.get(i, "open"))
PY
slow=$!
sleep 1
fast=0
for i in $(seq 1 20); do
	code=$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$BASE/nyheter")
	[ "$code" = 200 ] && fast=$((fast + 1))
done
check "20 readers served while four clients stall or trickle ($fast/20)" \
    test "$fast" = 20
wait "$slow"
cat "$T/slow.out"
check "nginx closed every stalled client within 25 s" \
    sh -c '! grep -q open "$1"' - "$T/slow.out"
check "the stalled requests never reached the app" \
    sh -c '! grep -qE " POST / (408|400)" "$1"' - "$T/server.log"

# 7. The log: one line per request, and no cookie or body in it.
grep ' info: ' "$T/server.log" | grep -cE ' (GET|POST|HEAD) ' >"$T/n1"
post /kontakt -H 'Cookie: pressrum_session=SESSIONSECRET42' \
    -H 'Content-Type: application/x-www-form-urlencoded' \
    --data 'losenord=PASSWORDSECRET42&csrf=TOKENSECRET42'
assert_status 405
get /amnen -H 'Cookie: pressrum_session=SESSIONSECRET42'
assert_status 200
sleep 0.2
n2=$(grep ' info: ' "$T/server.log" | grep -cE ' (GET|POST|HEAD) ')
check "one log line per request (2 more, got $((n2 - $(cat "$T/n1"))))" \
    test "$((n2 - $(cat "$T/n1")))" = 2
check "the log line names method, path and status" \
    grep -qE 'info: POST /kontakt 405 [0-9]+us' "$T/server.log"
check "no cookie, password or token in the log" \
    sh -c '! grep -q SECRET42 "$1"' - "$T/server.log"
check "every log line is one 'pressrum[pid]: level: ' line" \
    sh -c '! grep -vE "^pressrum\[[0-9]+\]: (info|error): " "$1" | grep -q .' \
    - "$T/server.log"

check "no sanitizer report and no worker crash in the server log" \
    sh -c '! grep -qE "AddressSanitizer|LeakSanitizer|runtime error:|killed by signal" "$1"' \
    - "$T/server.log"

done_testing

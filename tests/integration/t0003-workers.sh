#!/usr/bin/env bash
# t0003-workers.sh -- the process model: the master replaces a worker that
# dies, keeps serving meanwhile, stops cleanly on SIGTERM; and the same
# binary answers as a plain CGI program.
. "$(dirname "$0")/lib.sh"
site_start

ARTICLE=fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid
TITLE="Fortsatt satsning på jämställdhet och kvinnofrid"

# Wait (at most 2 s) until the master has N children; print them.
wait_children() {
	local n=$1 i kids
	for ((i = 0; i < 20; i++)); do
		kids=$(children "$SERVER_PID")
		[ "$(printf '%s' "$kids" | grep -c .)" -eq "$n" ] && break
		sleep 0.1
	done
	printf '%s\n' "$kids"
}

before=$(wait_children 2)
check "the master runs 2 workers (--workers 2)" \
    test "$(printf '%s' "$before" | grep -c .)" -eq 2
victim=$(printf '%s\n' "$before" | head -n 1)

# Kill one worker outright; the site must keep answering.
if [ -n "$victim" ]; then
	kill -KILL "$victim"
fi
ok=0
deadline=$((SECONDS + 3))
for ((i = 0; i < 20; i++)); do
	while :; do
		get /nyheter
		[ "$STATUS" = 200 ] && { ok=$((ok + 1)); break; }
		[ "$SECONDS" -ge "$deadline" ] && break
		sleep 0.1
	done
done
check "20 of 20 requests succeed after a worker is killed ($ok)" \
    test "$ok" -eq 20

after=$(wait_children 2)
check "the master again runs 2 workers" \
    test "$(printf '%s' "$after" | grep -c .)" -eq 2
check "the killed worker ($victim) was replaced by a new one" \
    test -n "$victim" -a -z "$(printf '%s\n' "$after" | grep -x -- "$victim")"

# True when nothing accepts connections on unix socket $1.
socket_refuses() {
	! python3 -c 'import socket, sys
s = socket.socket(socket.AF_UNIX)
s.settimeout(1)
s.connect(sys.argv[1])' "$1" 2>/dev/null
}

# The same binary as a plain CGI program, without nginx or the master.
cgi() {
	env -i PATH="$PATH" GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET \
	    SERVER_PROTOCOL=HTTP/1.1 SERVER_NAME=127.0.0.1 SERVER_PORT="$PORT" \
	    REMOTE_ADDR=127.0.0.1 SCRIPT_NAME="" REQUEST_URI="$1" \
	    DOCUMENT_URI="${1%%\?*}" PATH_INFO="${1%%\?*}" \
	    QUERY_STRING="$(case $1 in *\?*) printf '%s' "${1#*\?}" ;; esac)" \
	    PRESSRUM_DB="$DB" PRESSRUM_TEMPLATES="$PRESSRUM_SRC/templates" \
	    PRESSRUM_BASE_URL="$BASE" "$PRESSRUM_BIN" </dev/null 2>"$T/cgi.err"
}
out=$(cgi "/nyheter/$ARTICLE" | tr -d '\r')
check "CGI: Status: 200" grep -q '^Status: 200' <<<"$out"
check "CGI: Content-Type text/html" \
    grep -qi '^Content-Type: text/html; *charset=utf-8' <<<"$out"
check "CGI: shows the article title" grep -qF "$TITLE" <<<"$out"
out=$(cgi "/nyheter/finns-inte" | tr -d '\r')
check "CGI: unknown slug gives Status: 404" grep -q '^Status: 404' <<<"$out"

# SIGTERM: the master stops its workers and exits 0 within 5 s, and the
# socket no longer takes connections.
workers=$(children "$SERVER_PID")
kill -TERM "$SERVER_PID"
wait_exit "$SERVER_PID" 5
rc=$?
check "SIGTERM: the master exits 0 within 5 s (status $rc)" test "$rc" -eq 0
SERVER_PID=""
left=""
for pid in $workers; do
	alive "$pid" && left="$left $pid"
done
check "SIGTERM: no worker is left behind ($left)" test -z "$left"
check "SIGTERM: the socket takes no connections" socket_refuses "$SOCKET"
get /
check "SIGTERM: nginx answers 502 with the application gone ($STATUS)" \
    test "$STATUS" = 502

done_testing

# shellcheck shell=bash
# lib.sh -- the harness every tests/integration/tNNNN-*.sh sources.
#
# site_start brings up a private site: a fresh demo database in a temp dir,
# `pressrum serve` on a unix socket there, and a real nginx in front of it
# on a free loopback port, configured from deploy/nginx-dev.conf.in exactly
# as ./dev run does.  site_stop (run on EXIT) stops both by PID and removes
# the temp dir.  The request helpers wrap curl; the assert_* helpers count
# passes and failures, and done_testing prints "N passed, N failed" and sets
# the exit status.
#
# Environment (set by ctest; defaults for running a script by hand):
#   PRESSRUM_SRC  source tree (default: two levels above this file)
#   PRESSRUM_BIN  the pressrum binary (default: $PRESSRUM_SRC/build/pressrum)
#   KEEP=1        keep the temp dir for a post-mortem
#   TEST_CLOCK=1  serve with --test-clock (tests move "now" with the
#                 setting test_clock_offset)
#   TEMPLATES     serve these templates (default: $PRESSRUM_SRC/templates)
# After site_start: T, BASE, PORT, SOCKET, DB, SERVER_PID, NGINX_PID.

set -u -o pipefail

PRESSRUM_SRC=${PRESSRUM_SRC:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
PRESSRUM_BIN=${PRESSRUM_BIN:-$PRESSRUM_SRC/build/pressrum}
PATH=$PATH:/usr/sbin:/sbin

PASSED=0
FAILED=0
T=""
SERVER_PID=""
NGINX_PID=""
STATUS="" BODY="" HEADERS=""

# --- reporting -------------------------------------------------------------

pass() {
	PASSED=$((PASSED + 1))
	printf 'ok - %s\n' "$1"
}

fail() {
	FAILED=$((FAILED + 1))
	printf 'not ok - %s\n' "$1"
}

# Print the closing line and exit: 0 only when something passed and
# nothing failed.
done_testing() {
	printf '%d passed, %d failed\n' "$PASSED" "$FAILED"
	[ "$FAILED" -eq 0 ] && [ "$PASSED" -gt 0 ] && exit 0
	exit 1
}

# Give up at once (the site did not come up): show the logs and exit.
bail() {
	fail "$1"
	show_logs
	done_testing
}

show_logs() {
	local f
	[ -n "$T" ] || return 0
	for f in "$T/server.log" "$T/nginx.log"; do
		[ -s "$f" ] || continue
		printf -- '--- %s (last 40 lines)\n' "${f##*/}"
		tail -n 40 "$f"
	done
}

# --- processes ---------------------------------------------------------------

# True when PID is a live process (a zombie does not count).
alive() {
	local state
	[ -n "$1" ] && kill -0 "$1" 2>/dev/null || return 1
	state=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null) || return 1
	[ "$state" != Z ]
}

# Stop PID with SIGTERM, SIGKILL after SECS (default 5) seconds; reap it.
stop_pid() {
	local pid=$1 secs=${2:-5} i
	[ -n "$pid" ] || return 0
	kill -TERM "$pid" 2>/dev/null || true
	for ((i = 0; i < secs * 10; i++)); do
		alive "$pid" || break
		sleep 0.1
	done
	if alive "$pid"; then
		printf '# %s did not stop on SIGTERM; sending SIGKILL\n' "$pid"
		kill -KILL "$pid" 2>/dev/null || true
	fi
	wait "$pid" 2>/dev/null || true
}

# Wait until PID exits (at most SECS seconds); return its exit status,
# or 124 if it is still running.
wait_exit() {
	local pid=$1 secs=$2 i
	for ((i = 0; i < secs * 10; i++)); do
		alive "$pid" || break
		sleep 0.1
	done
	alive "$pid" && return 124
	wait "$pid" 2>/dev/null
}

# The child PIDs of PID, sorted, one a line.
children() {
	pgrep -P "$1" | sort -n
}

free_port() {
	python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# --- the site ----------------------------------------------------------------

# Bring up demo db + pressrum + nginx; bail out if it is not answering
# within about 10 seconds.
site_start() {
	[ -x "$PRESSRUM_BIN" ] || bail "no pressrum binary at $PRESSRUM_BIN"
	command -v nginx >/dev/null || bail "nginx is not installed"
	T=$(mktemp -d "${TMPDIR:-/tmp}/pressrum-it.XXXXXX")
	trap site_stop EXIT
	trap 'exit 143' TERM
	trap 'exit 130' INT
	PORT=$(free_port)
	BASE=http://127.0.0.1:$PORT
	SOCKET=$T/pressrum.sock
	DB=$T/db.sqlite
	export T PORT BASE SOCKET DB

	"$PRESSRUM_BIN" demo --db "$DB" >"$T/demo.log" 2>&1 ||
	    { cat "$T/demo.log"; bail "pressrum demo failed"; }
	"$PRESSRUM_BIN" serve --db "$DB" --socket "$SOCKET" --workers 2 \
	    --templates "${TEMPLATES:-$PRESSRUM_SRC/templates}" --base-url "$BASE" \
	    --page-dir "$T/pages" --media-dir "$T/media" \
	    ${TEST_CLOCK:+--test-clock} </dev/null >>"$T/server.log" 2>&1 &
	SERVER_PID=$!
	nginx_start "$PRESSRUM_SRC/public"
	wait_site
}

# nginx_start PUBLIC: nginx from deploy/nginx-dev.conf.in on $PORT in
# front of $SOCKET, serving static files from PUBLIC; sets NGINX_PID.
nginx_start() {
	mkdir -p "$T/nginx"
	"$PRESSRUM_SRC/deploy/render-nginx-conf.sh" "$PORT" "$SOCKET" \
	    "$1" "$T/nginx" "$T/pages" "$T/media" \
	    >"$T/nginx/nginx.conf" ||
	    bail "could not render the nginx config"
	nginx -p "$T/nginx" -c "$T/nginx/nginx.conf" -g 'daemon off;' \
	    </dev/null >>"$T/nginx.log" 2>&1 &
	NGINX_PID=$!
	export SERVER_PID NGINX_PID
}

# wait_site: wait (about 10 s) until $SERVER_PID behind $NGINX_PID
# answers $BASE/; bail when either exits or it never does.
wait_site() {
	local i code

	for ((i = 0; i < 100; i++)); do
		alive "$SERVER_PID" || bail "pressrum serve exited at start"
		alive "$NGINX_PID" || bail "nginx exited at start"
		if [ -S "$SOCKET" ]; then
			code=$(curl -s -o /dev/null -w '%{http_code}' \
			    --max-time 2 "$BASE/") || code=000
			case $code in 000|502|503|504) ;; *) return 0 ;; esac
		fi
		sleep 0.1
	done
	bail "site not answering on $BASE/ after 10 s"
}

# Stop nginx and pressrum by PID and remove the temp dir.  Idempotent.
site_stop() {
	stop_pid "$NGINX_PID"
	NGINX_PID=""
	stop_pid "$SERVER_PID"
	SERVER_PID=""
	if [ -n "$T" ] && [ -d "$T" ]; then
		if [ "${KEEP:-0}" = 1 ]; then
			printf '# kept %s\n' "$T"
		else
			rm -rf "$T"
		fi
	fi
	T=""
}

# --- requests ----------------------------------------------------------------

# request METHOD URL [curl args...]: URL is a path on $BASE or a full URL.
# Sets STATUS (000 when no answer), BODY and HEADERS (CRs stripped).
request() {
	local method=$1 url=$2
	shift 2
	case $url in /*) url=$BASE$url ;; esac
	rm -f "$T/body" "$T/headers"
	if [ "$method" = HEAD ]; then
		set -- --head "$@"
	else
		set -- -X "$method" "$@"
	fi
	STATUS=$(curl -s --max-time 10 -o "$T/body" -D "$T/headers" \
	    -w '%{http_code}' "$@" "$url") || true
	[ -n "$STATUS" ] || STATUS=000
	BODY=$(cat "$T/body" 2>/dev/null || true)
	HEADERS=$(tr -d '\r' <"$T/headers" 2>/dev/null || true)
	LAST_URL="$method $url"
}

get() { request GET "$@"; }
post() { request POST "$@"; }

# The value(s) of header NAME in the last response, one a line.
header() {
	printf '%s\n' "$HEADERS" | awk -v n="$1" '
	    { i = index($0, ":") }
	    i && tolower(substr($0, 1, i - 1)) == tolower(n) {
		v = substr($0, i + 1); sub(/^[ \t]+/, "", v); print v }'
}

# --- assertions --------------------------------------------------------------

assert_status() {
	if [ "$STATUS" = "$1" ]; then
		pass "$LAST_URL -> $1"
	else
		fail "$LAST_URL -> $STATUS, expected $1"
	fi
}

# The text of the last body as a reader sees it: tags dropped, entities
# decoded, white space collapsed ("Publicerad <time>12 ...</time>" reads
# "Publicerad 12 ...").
body_text() {
	printf '%s' "$BODY" | python3 -c 'import html, re, sys
t = sys.stdin.read()
t = re.sub(r"<(script|style)\b.*?</\1>", " ", t, flags=re.S | re.I)
t = html.unescape(re.sub(r"<[^>]*>", " ", t))
print(" ".join(t.split()))'
}

# assert_body_contains TEXT: in the markup, or in the text a reader sees.
# (Substring tests in bash, not "printf | grep -q": under pipefail grep's
# early exit can kill printf and make the test fail at random.)
assert_body_contains() {
	if [[ $BODY == *"$1"* ]] || [[ $(body_text) == *"$1"* ]]; then
		pass "$LAST_URL shows '$1'"
	else
		fail "$LAST_URL lacks '$1'"
	fi
}

assert_body_lacks() {
	if [[ $BODY == *"$1"* ]]; then
		fail "$LAST_URL shows '$1' but should not"
	else
		pass "$LAST_URL does not show '$1'"
	fi
}

# assert_header NAME REGEX: some NAME header's value matches REGEX (ERE).
assert_header() {
	if header "$1" | grep -E -- "$2" >/dev/null; then
		pass "$LAST_URL has $1: /$2/"
	else
		fail "$LAST_URL: $1 is '$(header "$1" | head -n 1)', want /$2/"
	fi
}

assert_no_header() {
	if [ -z "$(header "$1")" ]; then
		pass "$LAST_URL has no $1 header"
	else
		fail "$LAST_URL has $1: $(header "$1" | head -n 1)"
	fi
}

# check DESCRIPTION COMMAND...: pass when the command succeeds.
check() {
	local what=$1
	shift
	if "$@"; then pass "$what"; else fail "$what"; fi
}

# --- restarting the server -----------------------------------------------------

# server_start: start only `pressrum serve` (2 workers) on the existing
# $DB and $SOCKET, as site_start does, behind the nginx that is already
# running; set SERVER_PID and wait (about 10 s) until the site answers.
# For tests that kill the server and bring it back on the same database.
server_start() {
	local i code

	"$PRESSRUM_BIN" serve --db "$DB" --socket "$SOCKET" --workers 2 \
	    --templates "${TEMPLATES:-$PRESSRUM_SRC/templates}" --base-url "$BASE" \
	    --page-dir "$T/pages" --media-dir "$T/media" \
	    ${TEST_CLOCK:+--test-clock} </dev/null >>"$T/server.log" 2>&1 &
	SERVER_PID=$!
	export SERVER_PID
	for ((i = 0; i < 100; i++)); do
		alive "$SERVER_PID" || bail "pressrum serve exited at restart"
		code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 \
		    "$BASE/") || code=000
		case $code in 000|502|503|504) ;; *) return 0 ;; esac
		sleep 0.1
	done
	bail "site not answering on $BASE/ 10 s after a restart"
}

# --- staff sessions over HTTP ----------------------------------------------------
# staff_user_add NAME ROLE [PW], staff_signin NAME [PW]: an account
# (password PW, default $STAFF_PW) made with the CLI, and a signed-in
# session kept in the cookie jar $T/NAME.jar.
# staff_request NAME METHOD PATH [curl args]: request() with NAME's
# session; a POST also sends the Origin header and the csrf field.
# publish_article NAME TITLE SLUG BODY [curl args]: a new news article
# published at once; STATUS 303 on success, ARTICLE_ID from Location.

STAFF_PW=${STAFF_PW:-losenord-123}

staff_user_add() {
	printf '%s\n' "${3:-$STAFF_PW}" | "$PRESSRUM_BIN" user add --role "$2" "$1" \
	    --db "$DB" >/dev/null 2>&1 || bail "user add $1 failed"
}

staff_signin() {
	rm -f "$T/$1.jar"
	post /admin/logga-in -c "$T/$1.jar" -H "Origin: $BASE" \
	    --data-urlencode "namn=$1" --data-urlencode "losenord=${2:-$STAFF_PW}"
	[ "$STATUS" = 303 ] || bail "$1 could not sign in ($STATUS)"
	rm -f "$T/$1.csrf"
}

# The csrf token of NAME's session (cached in $T/NAME.csrf); empty when
# no staff page could be read.
staff_csrf() {
	local tok
	if [ ! -s "$T/$1.csrf" ]; then
		tok=$(curl -s --max-time 10 -b "$T/$1.jar" "$BASE/admin" |
		    grep -o 'name="csrf" value="[^"]*"' |
		    sed -n '1s/.*value="//; 1s/"$//p')
		[ -n "$tok" ] || return 0
		printf '%s\n' "$tok" >"$T/$1.csrf"
	fi
	cat "$T/$1.csrf"
}

staff_request() {
	local who=$1 method=$2 path=$3
	shift 3
	if [ "$method" = POST ]; then
		request POST "$path" -b "$T/$who.jar" -H "Origin: $BASE" \
		    --data-urlencode "csrf=$(staff_csrf "$who")" "$@"
	else
		request "$method" "$path" -b "$T/$who.jar" "$@"
	fi
}

publish_article() {
	local who=$1 title=$2 slug=$3 body=$4
	shift 4
	staff_request "$who" POST /admin/artiklar \
	    --data-urlencode "action=publicera" --data-urlencode "version=0" \
	    --data-urlencode "kind=nyhet" --data-urlencode "title=$title" \
	    --data-urlencode "slug=$slug" --data-urlencode "lead=Ingress." \
	    --data-urlencode "body=$body" --data-urlencode "lang=sv" "$@"
	ARTICLE_ID=$(header Location |
	    sed -n 's|.*/admin/artiklar/\([0-9]*\).*|\1|p')
}

# try_signin NAME PASSWORD [JAR]: POST the sign-in form (STATUS, BODY);
# a new session, so the csrf token staff_csrf kept is forgotten.
try_signin() {
	local jar=${3:-$T/$1.jar}
	rm -f "$jar" "$T/$1.csrf"
	post /admin/logga-in -c "$jar" -H "Origin: $BASE" \
	    --data-urlencode "namn=$1" --data-urlencode "losenord=$2"
}

# assert_signed_in NAME: does NAME's cookie still open /admin?
assert_signed_in() {
	get /admin -b "$T/$1.jar"
	if [ "$STATUS" = 200 ]; then pass "$1 is signed in"
	else fail "$1 should be signed in (GET /admin -> $STATUS)"; fi
}

assert_signed_out() {
	get /admin -b "$T/$1.jar"
	if [ "$STATUS" = 303 ] && header Location | grep '^/admin/logga-in' >/dev/null; then
		pass "$1's cookie no longer works"
	else
		fail "$1's cookie still works (GET /admin -> $STATUS)"
	fi
}

# The sqlite3 CLI waits up to 5 s for a lock, as Pressrum does: the
# server also writes on its own (the master's mail sweep at start and
# every minute, the search text after an outside write), and a fixture
# written just then would otherwise fail with "database is locked".
sqlite3() { command sqlite3 -cmd '.timeout 5000' "$@"; }

# q SQL: run SQL on the test database with the sqlite3 CLI.
q() { sqlite3 "$DB" "$1"; }

# assert_eq WHAT GOT WANT
assert_eq() {
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: got '$2', want '$3'"; fi
}

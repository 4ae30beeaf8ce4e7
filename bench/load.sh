#!/usr/bin/env bash
# load.sh -- the load run: public reads under wrk while an editor
# publishes, loopback only, bounded.
#
#   bench/load.sh [--seconds N] [--connections N] [--threads N]
#
# Brings up a private site as the integration tests do (demo database,
# `pressrum serve` with 2 workers, the development nginx in front, on
# 127.0.0.1; tests/integration/lib.sh), signs in an editor and then, for
# N seconds (default 60):
#  - wrk (default 2 threads, 8 connections, bench/load.lua) rotates over
#    /, /nyheter, /nyheter?sida=2, the seed article, /amnen/jamstalldhet,
#    /kontakt, /sok?q=jämställdhet and /nyheter.atom, counting statuses;
#  - the editor publishes a new article every second over HTTP (curl);
#    right after each 303 it reads the article's /nyheter/SLUG (must be
#    200 with its title) and /nyheter (must list it on page 1).
# At the end it prints the total requests, req/s, the count per status,
# the socket errors and the publishes with their visibility, and exits
# non-zero on any 5xx, socket error, failed publish or article that was
# not visible on the next read.
#
# Environment: PRESSRUM_BIN (default build/pressrum), KEEP=1 keeps the
# temp dir.  Every process it starts is stopped by PID on exit.
# tests/integration/t0026-load.sh runs it for 10 s on every CI run.
set -u -o pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PRESSRUM_SRC=${PRESSRUM_SRC:-$ROOT}
# shellcheck source=tests/integration/lib.sh
. "$ROOT/tests/integration/lib.sh"

SECS=60 CONNS=8 THREADS=2
while [ $# -gt 0 ]; do
	case $1 in
	--seconds) SECS=${2:?--seconds needs a number}; shift ;;
	--connections) CONNS=${2:?--connections needs a number}; shift ;;
	--threads) THREADS=${2:?--threads needs a number}; shift ;;
	-h|--help) sed -n '2,/^set -u/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
		exit 0 ;;
	*) printf 'load.sh: unknown argument %s (see --help)\n' "$1" >&2
		exit 2 ;;
	esac
	shift
done
usage_error() {
	printf 'load.sh: %s\n' "$1" >&2
	exit 2
}
case $SECS$CONNS$THREADS in *[!0-9]*) usage_error "numbers only" ;; esac
if [ "$SECS" -lt 1 ] || [ "$SECS" -gt 3600 ]; then
	usage_error "--seconds: 1 to 3600"
fi
command -v wrk >/dev/null || usage_error "wrk is not installed"

EDITOR=lastredaktor
SEED=/nyheter/fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid
PATHS=(/ /nyheter "/nyheter?sida=2" "$SEED" /amnen/jamstalldhet /kontakt
    "/sok?q=j%C3%A4mst%C3%A4lldhet" /nyheter.atom)
PUB_PID=""

cleanup() {
	[ -n "$PUB_PID" ] && stop_pid "$PUB_PID"
	PUB_PID=""
	site_stop
}

# publish_loop STOPFILE: publish an article a second until STOPFILE
# exists; one line per publish to $T/pub.log:
#   N PUBLISH_STATUS ARTICLE_STATUS LISTED(1/0) MS(publish)
publish_loop() {
	local stop=$1 n=0 t0 t1 st listed slug next
	trap - EXIT
	next=${EPOCHREALTIME/[.,]/}
	while [ ! -e "$stop" ]; do
		n=$((n + 1))
		slug=lasttest-$n-av-publicering
		t0=${EPOCHREALTIME/[.,]/}
		publish_article "$EDITOR" "Lasttest $n av publicering" "$slug" \
		    "Artikel $n publicerad under lasttestet."
		t1=${EPOCHREALTIME/[.,]/}
		st=$STATUS
		if [ "$st" = 303 ]; then
			get "/nyheter/$slug"
			art=$STATUS
			# (a bash match, not printf | grep -q: with pipefail
			# an early grep exit is a SIGPIPE failure on big pages)
			[ "$art" = 200 ] &&
			    [[ $BODY != *"Lasttest $n av publicering"* ]] &&
			    art=200-without-title &&
			    { printf '%s\n' "$HEADERS"; printf '%s' "$BODY"; } \
			    >"$T/bad-$n.html"
			get /nyheter
			listed=0
			[ "$STATUS" = 200 ] &&
			    [[ $BODY == *"Lasttest $n av publicering"* ]] &&
			    listed=1
			[ "$listed" = 1 ] || { printf '%s\n' "$HEADERS"
			    printf '%s' "$BODY"; } >"$T/bad-list-$n.html"
		else
			art=- listed=-
		fi
		printf '%d %s %s %s %d\n' "$n" "$st" "$art" "$listed" \
		    $(((t1 - t0) / 1000)) >>"$T/pub.log"
		# The next publish one second after the previous one started.
		next=$((next + 1000000))
		t1=${EPOCHREALTIME/[.,]/}
		if [ "$t1" -lt "$next" ]; then
			sleep "$(printf '%d.%06d' $(((next - t1) / 1000000)) \
			    $(((next - t1) % 1000000)))"
		else
			next=$t1
		fi
	done
}

site_start
trap cleanup EXIT
staff_user_add "$EDITOR" redaktor
staff_signin "$EDITOR"
[ -n "$(staff_csrf "$EDITOR")" ] || bail "no csrf token for $EDITOR"
for p in "${PATHS[@]}"; do
	get "$p"
	[ "$STATUS" = 200 ] || bail "GET $p -> $STATUS before the run"
done

printf '# load: %d s, wrk -t%d -c%d on %s, an editor publishing every second\n' \
    "$SECS" "$THREADS" "$CONNS" "$BASE"
: >"$T/pub.log"
publish_loop "$T/pub.stop" &
PUB_PID=$!
timeout $((SECS + 30)) wrk -t"$THREADS" -c"$CONNS" -d"${SECS}s" \
    --timeout 10s -s "$ROOT/bench/load.lua" "$BASE/" >"$T/wrk.out" 2>&1
WRK_RC=$?
touch "$T/pub.stop"
wait_exit "$PUB_PID" 30 || true
stop_pid "$PUB_PID"
PUB_PID=""

printf -- '--- wrk\n'
grep -v '^LOAD ' "$T/wrk.out"
printf -- '--- summary\n'
[ "$WRK_RC" = 0 ] || fail "wrk exited with $WRK_RC"

REQS=$(awk '$1 == "LOAD" && $2 == "requests" { print $3 }' "$T/wrk.out")
RPS=$(awk '/^Requests\/sec:/ { print $2 }' "$T/wrk.out")
printf 'requests: %s in %s s (%s req/s)\n' "${REQS:-?}" "$SECS" "${RPS:-?}"
printf 'statuses:'
awk '$1 == "LOAD" && $2 == "status" { printf " %s×%s", $3, $4 }' "$T/wrk.out"
printf '\n'
ERRS=$(awk '$1 == "LOAD" && $2 == "errors"' "$T/wrk.out")
printf 'socket errors: %s\n' "$(printf '%s' "$ERRS" |
    awk '{ print "connect " $4 ", read " $6 ", write " $8 ", timeout " $10 }')"
awk '$1 == "LOAD" && $2 == "latency" { $1 = ""; $2 = "";
    print "latency:" $0 }' "$T/wrk.out"

check "wrk made requests (${REQS:-0})" test "${REQS:-0}" -gt 0
N5XX=$(awk '$1 == "LOAD" && $2 == "status" && $3 >= 500 { n += $4 }
    END { print n + 0 }' "$T/wrk.out")
NOTOK=$(awk '$1 == "LOAD" && $2 == "status" && ($3 < 200 || $3 >= 400) {
    n += $4 } END { print n + 0 }' "$T/wrk.out")
SOCK=$(printf '%s' "$ERRS" | awk '{ print $4 + $6 + $8 + $10 }')
check "no 5xx ($N5XX)" test "$N5XX" -eq 0
check "no socket errors (${SOCK:-?})" test "${SOCK:-1}" -eq 0
[ "$NOTOK" -gt "$N5XX" ] &&
    printf '# warning: %d responses were 4xx\n' $((NOTOK - N5XX))

PUBS=$(wc -l <"$T/pub.log")
PUB_OK=$(awk '$2 == 303' "$T/pub.log" | wc -l)
VIS=$(awk '$2 == 303 && $3 == 200' "$T/pub.log" | wc -l)
LISTED=$(awk '$2 == 303 && $4 == 1' "$T/pub.log" | wc -l)
printf 'publishes: %d tried, %d answered 303; %s: %d; %s: %d\n' \
    "$PUBS" "$PUB_OK" "article page 200 right after" "$VIS" \
    "on /nyheter page 1 right after" "$LISTED"
awk '{ n++; s += $5; if ($5 > m) m = $5 } END { if (n)
    printf "publish time: mean %.0f ms, max %d ms\n", s / n, m }' "$T/pub.log"
awk '$2 != 303 || $3 != 200 || $4 != 1 {
    print "# publish " $1 ": status " $2 ", article " $3 ", listed " $4 }' \
    "$T/pub.log"
check "the editor published ($PUBS)" test "$PUBS" -ge $(((SECS + 2) / 3))
check "every publish answered 303 ($PUB_OK of $PUBS)" test "$PUB_OK" = "$PUBS"
check "every published article visible on the next read ($VIS)" \
    test "$VIS" = "$PUB_OK"
check "every published article on /nyheter page 1 right after ($LISTED)" \
    test "$LISTED" = "$PUB_OK"
N5XX_LOG=$(grep -cE ' 5[0-9][0-9] [0-9]+us$' "$T/server.log" || true)
check "no 5xx in the server log (${N5XX_LOG})" test "${N5XX_LOG:-0}" -eq 0
done_testing

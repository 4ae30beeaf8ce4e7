#!/usr/bin/env bash
# load.sh -- the load run: public reads under wrk while pages change,
# loopback only, bounded.
#
#   bench/load.sh [--seconds N] [--connections N] [--threads N]
#                 [--write-ms N] [--outside] [--pages]
#
# Brings up a private site as the integration tests do (demo database,
# `pressrum serve` with 2 workers, the development nginx in front, on
# 127.0.0.1; tests/integration/lib.sh), signs in an editor and then, for
# N seconds (default 60):
#  - wrk (default 2 threads, 8 connections, bench/load.lua) rotates over
#    /, /nyheter, /nyheter?sida=2, the seed article, /amnen/jamstalldhet,
#    /kontakt, /sok?q=jämställdhet and /nyheter.atom, counting statuses;
#    with --pages only over the pages nginx answers from the files
#    Pressrum writes (/, /nyheter, the seed article, /amnen,
#    /amnen/jamstalldhet, /kontakt, /tillganglighet): the files whose
#    directory moves on every write;
#  - a write every --write-ms milliseconds (default 1000):
#    the editor publishes a new article over HTTP (curl); right after
#    each 303 it reads the article's /nyheter/SLUG (must be 200 with its
#    title) and /nyheter (must list it on page 1).  With --outside every
#    other write is instead made with the sqlite3 tool, as a write from
#    outside the app (the site name, shown on every page), and GET /
#    must show the new name: on the next request when Pressrum answers
#    it, else once the master has seen the write and moved nginx's
#    page files away (repeated every 10 ms, for at most
#    OUTSIDE_LAG_MS; the lag is reported); the two kinds run in two
#    loops, each a write every 2 x --write-ms, half a period apart, so
#    a slow publish does not hold up the pace.
# At the end it prints the total requests, req/s, the count per status,
# the socket errors and the writes with their visibility, and exits
# non-zero on any status but 2xx, socket error, failed write, publish
# not visible on the next read or outside write not seen in time.
#
# Environment: PRESSRUM_BIN (default build/pressrum), KEEP=1 keeps the
# temp dir.  Every process it starts is stopped by PID on exit.
# tests/integration/t0026-load.sh runs it for 10 s on every CI run, and
# t0045-pagefile-race.sh for 10 s with 64 connections, --pages,
# --outside and a write every 100 ms.
set -u -o pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PRESSRUM_SRC=${PRESSRUM_SRC:-$ROOT}
# shellcheck source=tests/integration/lib.sh
. "$ROOT/tests/integration/lib.sh"

SECS=60 CONNS=8 THREADS=2 WRITE_MS=1000 OUTSIDE=0 PAGES_ONLY=0
# An outside write reaches nginx's page files when the master has seen
# it (inotify, a few ms): GET / is repeated until then, for this long.
OUTSIDE_LAG_MS=1000
while [ $# -gt 0 ]; do
	case $1 in
	--seconds) SECS=${2:?--seconds needs a number}; shift ;;
	--connections) CONNS=${2:?--connections needs a number}; shift ;;
	--threads) THREADS=${2:?--threads needs a number}; shift ;;
	--write-ms) WRITE_MS=${2:?--write-ms needs a number}; shift ;;
	--outside) OUTSIDE=1 ;;
	--pages) PAGES_ONLY=1 ;;
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
case $SECS$CONNS$THREADS$WRITE_MS in *[!0-9]*) usage_error "numbers only" ;; esac
if [ "$SECS" -lt 1 ] || [ "$SECS" -gt 3600 ]; then
	usage_error "--seconds: 1 to 3600"
fi
if [ "$WRITE_MS" -lt 50 ] || [ "$WRITE_MS" -gt 60000 ]; then
	usage_error "--write-ms: 50 to 60000"
fi
command -v wrk >/dev/null || usage_error "wrk is not installed"

EDITOR=lastredaktor
SEED=/nyheter/fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid
if [ "$PAGES_ONLY" = 1 ]; then
	PATHS=(/ /nyheter "$SEED" /amnen /amnen/jamstalldhet /kontakt
	    /tillganglighet)
else
	PATHS=(/ /nyheter "/nyheter?sida=2" "$SEED" /amnen/jamstalldhet
	    /kontakt "/sok?q=j%C3%A4mst%C3%A4lldhet" /nyheter.atom)
fi
WRITE_PIDS=()

cleanup() {
	local p
	for p in "${WRITE_PIDS[@]}"; do
		stop_pid "$p"
	done
	WRITE_PIDS=()
	site_stop
}

# keep_body FILE: the last response, for a post-mortem in $T.
keep_body() {
	{ printf '%s\n' "$HEADERS"; printf '%s' "$BODY"; } >"$T/$1"
}

# publish N: the editor publishes article N over HTTP; then its page and
# /nyheter must show it.  Prints "OK VISIBLE DETAIL".
publish() {
	local n=$1 title="Lasttest $1 av publicering" slug=lasttest-$1-av-publicering
	local art listed=0
	publish_article "$EDITOR" "$title" "$slug" \
	    "Artikel $n publicerad under lasttestet."
	if [ "$STATUS" != 303 ]; then
		printf '0 0 publish-%s\n' "$STATUS"
		return
	fi
	get "/nyheter/$slug"
	art=$STATUS
	# (a bash match, not printf | grep -q: with pipefail an early grep
	# exit is a SIGPIPE failure on big pages)
	[ "$art" = 200 ] && [[ $BODY != *"$title"* ]] && art=200-without-title
	[ "$art" = 200 ] || keep_body "bad-$n.html"
	get /nyheter
	[ "$STATUS" = 200 ] && [[ $BODY == *"$title"* ]] && listed=1
	[ "$listed" = 1 ] || keep_body "bad-list-$n.html"
	if [ "$art" = 200 ] && [ "$listed" = 1 ]; then
		printf '1 1 -\n'
	else
		printf '1 0 article-%s,listed-%s\n' "$art" "$listed"
	fi
}

# outside N: the site name set with the sqlite3 tool, as anything but
# the app would write; the next GET / must show it.  Prints as publish.
outside() {
	local name="Lastnamn $1" t0 lag tries=0
	if ! sqlite3 -cmd '.timeout 5000' "$DB" \
	    "UPDATE setting SET value = '$name' WHERE key = 'site_name'" \
	    >>"$T/sqlite3.log" 2>&1; then
		printf '0 0 sqlite3-failed\n'
		return
	fi
	t0=${EPOCHREALTIME/[.,]/}
	while :; do
		get /
		[ "$STATUS" = 200 ] && [[ $BODY == *"$name"* ]] && break
		lag=$(((${EPOCHREALTIME/[.,]/} - t0) / 1000))
		if [ "$lag" -ge "$OUTSIDE_LAG_MS" ]; then
			keep_body "bad-outside-$1.html"
			printf '1 0 home-%s\n' "$STATUS"
			return
		fi
		tries=$((tries + 1))
		sleep 0.01
	done
	if [ "$tries" = 0 ]; then
		printf '1 1 -\n'
	else
		printf '1 1 late-%dms\n' \
		    $(((${EPOCHREALTIME/[.,]/} - t0) / 1000))
	fi
}

# write_loop STOPFILE KIND FIRST STEP: writes of KIND (publish or
# outside) numbered FIRST, FIRST + STEP, ..., one every STEP x WRITE_MS
# ms, until STOPFILE exists; one line per write to $T/writes.log:
#   N KIND OK(1/0) VISIBLE(1/0) DETAIL MS(write and reads)
# Run it in the background; a second loop at the same time needs a T of
# its own (request() keeps the last answer in $T).
write_loop() {
	local stop=$1 kind=$2 n=$3 step=$4 log=$T/writes.log
	local t0 t1 next ok vis detail
	trap - EXIT
	next=${EPOCHREALTIME/[.,]/}
	while [ ! -e "$stop" ]; do
		t0=${EPOCHREALTIME/[.,]/}
		read -r ok vis detail < <("$kind" "$n")
		t1=${EPOCHREALTIME/[.,]/}
		printf '%d %s %s %s %s %d\n' "$n" "$kind" "$ok" "$vis" \
		    "$detail" $(((t1 - t0) / 1000)) >>"$log"
		n=$((n + step))
		# The next write a period after the previous one started.
		next=$((next + step * WRITE_MS * 1000))
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

printf '# load: %d s, wrk -t%d -c%d on %s%s, a write every %d ms%s\n' \
    "$SECS" "$THREADS" "$CONNS" "$BASE" \
    "$([ "$PAGES_ONLY" = 1 ] && printf ' (page files only)')" "$WRITE_MS" \
    "$([ "$OUTSIDE" = 1 ] && printf ' (staff publish and sqlite3 in turn)')"
: >"$T/writes.log"
if [ "$OUTSIDE" = 1 ]; then
	write_loop "$T/writes.stop" publish 1 2 &
	WRITE_PIDS+=($!)
	sleep "$(printf '%d.%03d' $((WRITE_MS / 1000)) $((WRITE_MS % 1000)))"
	(log=$T/writes.log; T=$T/outside; mkdir -p "$T"
	    ln -s "$log" "$T/writes.log"
	    write_loop "${T%/outside}/writes.stop" outside 2 2) &
	WRITE_PIDS+=($!)
else
	write_loop "$T/writes.stop" publish 1 1 &
	WRITE_PIDS+=($!)
fi
timeout $((SECS + 30)) wrk -t"$THREADS" -c"$CONNS" -d"${SECS}s" \
    --timeout 10s -s "$ROOT/bench/load.lua" "$BASE/" -- "${PATHS[@]}" \
    >"$T/wrk.out" 2>&1
WRK_RC=$?
touch "$T/writes.stop"
for p in "${WRITE_PIDS[@]}"; do
	wait_exit "$p" 30 || true
	stop_pid "$p"
done
WRITE_PIDS=()

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
NOTOK=$(awk '$1 == "LOAD" && $2 == "status" && ($3 < 200 || $3 >= 300) {
    n += $4 } END { print n + 0 }' "$T/wrk.out")
SOCK=$(printf '%s' "$ERRS" | awk '{ print $4 + $6 + $8 + $10 }')
check "every response 2xx ($NOTOK not)" test "$NOTOK" -eq 0
check "no socket errors (${SOCK:-?})" test "${SOCK:-1}" -eq 0
if [ "$NOTOK" -gt 0 ]; then
	printf '# nginx error log (last 5 lines):\n'
	grep -E ' \[(warn|error|crit)\] ' "$T/nginx.log" | tail -n 5 |
	    sed 's/^/#   /'
fi

for kind in publish outside; do
	awk -v k="$kind" '$2 == k { n++; ok += $3; vis += $4; s += $6;
	    if ($6 > m) m = $6
	    if ($5 ~ /^late-/) { late++; l = substr($5, 6) + 0;
		if (l > lm) lm = l } }
	    END { if (n) printf "%s: %d writes, %d done, %d visible " \
		"(%d of them on a later read than the next, the latest " \
		"after %d ms); mean %.0f ms, max %d ms (write and reads)\n",
		k, n, ok, vis, late, lm, s / n, m }' "$T/writes.log"
done
awk '$3 != 1 || $4 != 1 || $5 != "-" {
    print "# write " $1 " (" $2 "): " $5 }' "$T/writes.log"
WRITES=$(wc -l <"$T/writes.log")
DONE=$(awk '$3 == 1' "$T/writes.log" | wc -l)
VIS=$(awk '$3 == 1 && $4 == 1' "$T/writes.log" | wc -l)
# At least a third of the writes planned: curl and sqlite3 share the
# cores with wrk, and a late write moves the next one on.
printf 'writes: %d in %d s, one every %d ms (planned: every %d ms)\n' \
    "$WRITES" "$SECS" $((SECS * 1000 / (WRITES > 0 ? WRITES : 1))) \
    "$WRITE_MS"
check "the writes ran ($WRITES)" \
    test "$WRITES" -ge $((SECS * 1000 / WRITE_MS / 3 + 1))
check "every write done ($DONE of $WRITES)" test "$DONE" = "$WRITES"
check "every write visible: a publish on the next read, an outside write within $OUTSIDE_LAG_MS ms ($VIS of $DONE)" \
    test "$VIS" = "$DONE"
N5XX_LOG=$(grep -cE ' 5[0-9][0-9] [0-9]+us$' "$T/server.log" || true)
check "no 5xx in the server log (${N5XX_LOG})" test "${N5XX_LOG:-0}" -eq 0
done_testing

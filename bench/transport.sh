#!/usr/bin/env bash
# transport.sh -- why is FastCGI (B) only a fraction of static (A)?
#
#   bench/transport.sh [--quick] [--pressrum]
#
# Serves the seed article page's bytes with bench/fcgi_static behind the
# bench nginx in several transport set-ups and measures each with wrk at
# 16 and 64 connections (1 round x SECS s, default 4; --quick 2):
#   - 2, 4 and 8 pre-forked workers, a new FastCGI connection per request
#     (what production does);
#   - libfcgi's close without its shutdown-and-wait (fcgi_static -c);
#   - fastcgi_keep_conn on with an upstream keepalive pool; the pool is
#     per nginx worker, so "pool" below is the total (2 nginx workers x
#     keepalive), sized under or at the FastCGI workers;
#   - nginx with 1 worker process instead of one per core.
# --pressrum also runs Pressrum (C) with 2, 4 and 8 workers, and 4 with
# keep-conn.  Static (A) is measured once as the reference.  Loopback
# only, bounded, everything stopped by PID on exit.  Changes nothing in
# deploy/: the set-ups exist only in the bench's own nginx config.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$ROOT/build}
BIN=$BUILD/pressrum
FCGI_STATIC=$BUILD/fcgi_static
SEED=fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

SECS=${SECS:-4} WITH_PRESSRUM=0
for arg in "$@"; do
	case $arg in
	--quick) SECS=2 ;;
	--pressrum) WITH_PRESSRUM=1 ;;
	*) die "usage: bench/transport.sh [--quick] [--pressrum]" ;;
	esac
done
[ -x "$BIN" ] && [ -x "$FCGI_STATIC" ] ||
    cmake --build "$BUILD" -j"$(nproc)" --target pressrum fcgi_static >/dev/null

T=$(mktemp -d "${TMPDIR:-/tmp}/pressrum-transport.XXXXXX")
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
SOCK_B=$T/b.sock SOCK_C=$T/c.sock
NGX_PORT_A=$(free_port) NGX_PORT_B=$(free_port) NGX_PORT_C=$(free_port)
NGX_DOCROOT=$T/static NGX_SOCKET_B=unix:$SOCK_B NGX_SOCKET_C=unix:$SOCK_C
mkdir -p "$NGX_DOCROOT"

# restart_nginx: with the current NGX_* settings.
restart_nginx() {
	[ -n "${NGINX_PID:-}" ] && stop_and_forget "$NGINX_PID"
	start_nginx
}

# measure LABEL URL: one wrk run at 16 and 64 connections, one line.
measure() {
	local label=$1 url=$2 c out line
	line=$(printf '%-44s' "$label")
	for c in 16 64; do
		out=$(wrk_run "$url" "$c" "$SECS")
		read -r rps p50 p99 err <<<"$out"
		line+=$(printf ' %7s %7.2f %8.2f %4s |' "$rps" "$p50" "$p99" "$err")
	done
	printf '%s\n' "$line"
}

"$BIN" demo --db "$T/demo.db" >/dev/null 2>>"$T/pressrum.log"
start_pressrum "$T/demo.db" "$SOCK_C" 2
start_nginx
curl -s --max-time 10 -D "$T/c.head" -o "$NGX_DOCROOT/page.html" \
    "http://127.0.0.1:$NGX_PORT_C/nyheter/$SEED"
tr -d '\r' <"$T/c.head" | grep -viE '^(HTTP/|server:|date:|connection:|content-length:|content-type:|transfer-encoding:|keep-alive:|$)' \
    >"$T/extra.head" || true

{
echo "Transport set-ups, $(wc -c <"$NGX_DOCROOT/page.html")-byte page, 1 round x ${SECS}s, wrk -t$WRK_THREADS"
echo "NOTE: wrk, nginx and the servers share $(nproc) cores."
printf '%-44s %-31s| %-31s|\n' "" "        16 connections" "        64 connections"
printf '%-44s %7s %7s %8s %4s | %7s %7s %8s %4s |\n' set-up req/s p50ms p99ms err \
    req/s p50ms p99ms err
measure "A nginx static" "http://127.0.0.1:$NGX_PORT_A/"
# B_SETUPS: "fcgi workers|fcgi flags|nginx workers|keepalive per nginx
# worker (0: a connection per request)|label".
B_SETUPS=(
	"2||auto|0|B w=2 conn/request (production)"
	"4||auto|0|B w=4 conn/request"
	"8||auto|0|B w=8 conn/request"
	"2|-c|auto|0|B w=2 conn/request, close at once"
	"4|-c|auto|0|B w=4 conn/request, close at once"
	"4||1|0|B w=4 conn/request, nginx 1 worker"
	"4||auto|1|B w=4 keep_conn pool=2 (< workers)"
	"4||auto|2|B w=4 keep_conn pool=4 (= workers)"
	"8||auto|2|B w=8 keep_conn pool=4 (< workers)"
	"8||auto|4|B w=8 keep_conn pool=8 (= workers)"
)
for setup in "${B_SETUPS[@]}"; do
	IFS='|' read -r w flags nw per label <<<"$setup"
	[ -n "${FCGI_PID:-}" ] && stop_and_forget "$FCGI_PID"
	# shellcheck disable=SC2086
	start_fcgi_static "$SOCK_B" "$w" "$NGX_DOCROOT/page.html" \
	    "$T/extra.head" $flags
	NGX_NGINX_WORKERS=$nw
	if [ "$per" = 0 ]; then
		NGX_B_KEEPALIVE="" NGX_B_KEEP_CONN=off
	else
		NGX_B_KEEPALIVE="keepalive $per;" NGX_B_KEEP_CONN=on
	fi
	restart_nginx
	measure "$label" "http://127.0.0.1:$NGX_PORT_B/"
done
NGX_NGINX_WORKERS=auto NGX_B_KEEPALIVE="" NGX_B_KEEP_CONN=off
if [ "$WITH_PRESSRUM" = 1 ]; then
	for setup in "2|0" "4|0" "8|0" "4|1"; do
		IFS='|' read -r w per <<<"$setup"
		stop_and_forget "$PRESSRUM_PID"
		start_pressrum "$T/demo.db" "$SOCK_C" "$w"
		if [ "$per" = 0 ]; then
			NGX_C_KEEPALIVE="" NGX_C_KEEP_CONN=off
			label="C pressrum w=$w conn/request"
		else
			NGX_C_KEEPALIVE="keepalive $per;" NGX_C_KEEP_CONN=on
			label="C pressrum w=$w keep_conn pool=$((per * 2))"
		fi
		restart_nginx
		measure "$label" "http://127.0.0.1:$NGX_PORT_C/nyheter/$SEED"
	done
fi
}

#!/usr/bin/env bash
# run.sh -- Pressrum's benchmark: one command, loopback only, bounded.
#
#   bench/run.sh [--quick] [--transport-only | --scale-only] [--million]
#
# 1. Transport: the seed article page served five ways behind one nginx
#    (bench/nginx-bench.conf.in): (A) its exact bytes as a static file,
#    (B) bench/fcgi_static writing the same bytes from memory over
#    FastCGI, (C) Pressrum as deployed (public pages written as files
#    that nginx serves, moved aside on every write and before every
#    scheduled time; each worker also keeps the pages it rendered,
#    src/cache/), (D) Pressrum with both off, rendering every request,
#    (E) Pressrum with the workers' memory only, no files.  wrk -t2 runs
#    against A to E in alternation for 3 rounds x 5 s at 16 and 64
#    connections; the table shows the median req/s, p50 and p99 latency,
#    C/A, C/B, D/B and E/B, how many of C's requests reached Pressrum,
#    and the peak RSS (VmHWM) of each worker.
# 2. Scale: bench/gen.py fills fresh databases with N = 100 and 100,000
#    articles (1,000,000 with --million: about 3 more minutes and 2 GB of
#    disk); at each size the start page, /nyheter page 1, its last page,
#    the seed article, a topic page, search (one word, two words, and a
#    misspelling that yields "Menade du") and the Atom feed are measured
#    at 4 connections, with the ratio of p50 latency between the sizes,
#    with the page cache off (what a page costs to render after a write);
#    the deep page is the one the pager's "Nästa sida" links lead to
#    (keyset cursor).  A publish through the staff form (bench/publish.sh)
#    is timed at each size, and so are the staff article list's search
#    and filters, signed in (bench/staff_search.sh).
#
# --quick: 1 round of 2 s each (a smoke run, about a minute).
# Environment: BUILD (build dir, default build/), ROUNDS, SECS, KEEP=1
# (keep the temp dir).  It builds what is missing, writes only to a temp
# dir, and stops everything it started (by PID) on exit or Ctrl-C.
# wrk and the servers share this machine's cores: the numbers are for
# comparing A, B and C with each other, not absolute capacity.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$ROOT/build}
BIN=$BUILD/pressrum
FCGI_STATIC=$BUILD/fcgi_static
SEED=fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid
TOPIC=jamstalldhet
QUERY=budget
QUERY2=ny+simhall		# two words
QUERY_TYPO=kollektivtrafk	# a misspelling: finds nothing, offers "Menade du"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

QUICK=0 DO_TRANSPORT=1 DO_SCALE=1 MILLION=0
for arg in "$@"; do
	case $arg in
	--quick) QUICK=1 ;;
	--transport-only) DO_SCALE=0 ;;
	--scale-only) DO_TRANSPORT=0 ;;
	--million) MILLION=1 ;;
	-h|--help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
		exit 0 ;;
	*) die "unknown argument $arg (see --help)" ;;
	esac
done
if [ "$QUICK" = 1 ]; then
	ROUNDS=${ROUNDS:-1} SECS=${SECS:-2} SCALE_SECS=${SCALE_SECS:-2}
else
	ROUNDS=${ROUNDS:-3} SECS=${SECS:-5} SCALE_SECS=${SCALE_SECS:-3}
fi
# 4, not 16: at 16 a page taking 0.3 s queues for longer than a run lasts.
SCALE_CONNS=${SCALE_CONNS:-4}
SIZES=(100 100000)
[ "$MILLION" = 1 ] && SIZES+=(1000000)

for tool in wrk nginx curl python3 cmake; do
	command -v "$tool" >/dev/null || die "$tool is not installed"
done

build() {
	if [ ! -f "$BUILD/CMakeCache.txt" ]; then
		say "configuring $BUILD"
		cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		    -DPRESSRUM_BENCH=ON >/dev/null
	fi
	say "building pressrum and fcgi_static in $BUILD"
	if ! cmake --build "$BUILD" -j"$(nproc)" --target pressrum fcgi_static \
	    >"$BUILD/bench-build.log" 2>&1; then
		[ -x "$BIN" ] && [ -x "$FCGI_STATIC" ] ||
		    { tail -n 20 "$BUILD/bench-build.log" >&2; die "build failed"; }
		say "WARNING: build failed (see $BUILD/bench-build.log);" \
		    "benchmarking the binaries already in $BUILD"
		BUILD_NOTE="(build failed: the binaries from an earlier build)"
	fi
}
BUILD_NOTE=

# --- the servers -------------------------------------------------------------

setup() {
	T=$(mktemp -d "${TMPDIR:-/tmp}/pressrum-bench.XXXXXX")
	trap bench_cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	SOCK_B=$T/fcgi_static.sock SOCK_C=$T/pressrum.sock SOCK_D=$T/pressrum-d.sock
	SOCK_E=$T/pressrum-e.sock PAGE_DIR=$T/pages
	NGX_PORT_A=$(free_port) NGX_PORT_B=$(free_port) NGX_PORT_C=$(free_port)
	NGX_PORT_D=$(free_port) NGX_PORT_E=$(free_port)
	NGX_DOCROOT=$T/static NGX_SOCKET_B=unix:$SOCK_B NGX_SOCKET_C=unix:$SOCK_C
	NGX_SOCKET_D=unix:$SOCK_D NGX_SOCKET_E=unix:$SOCK_E NGX_PAGE_DIR=$PAGE_DIR
	A=http://127.0.0.1:$NGX_PORT_A B=http://127.0.0.1:$NGX_PORT_B
	C=http://127.0.0.1:$NGX_PORT_C D=http://127.0.0.1:$NGX_PORT_D
	E=http://127.0.0.1:$NGX_PORT_E
	PRESSRUM_BASE=$C
	mkdir -p "$NGX_DOCROOT"
}

# Fetch the seed article from Pressrum (C) and make A and B serve the
# same bytes: the body as page.html, the headers Pressrum adds (minus
# the ones nginx writes itself) for fcgi_static.
capture_page() {
	local code
	code=$(curl -s --max-time 10 -D "$T/c.head" -o "$NGX_DOCROOT/page.html" \
	    -w '%{http_code}' "$C/nyheter/$SEED") || code=000
	[ "$code" = 200 ] || die "the seed article answered $code"
	tr -d '\r' <"$T/c.head" | grep -viE '^(HTTP/|server:|date:|connection:|content-length:|content-type:|transfer-encoding:|keep-alive:|$)' \
	    >"$T/extra.head" || true
	PAGE_BYTES=$(wc -c <"$NGX_DOCROOT/page.html")
}

# All must hand out the same bytes (C's now from its page file).
check_same() {
	local s
	for s in "$A" "$B" "$C" "$D" "$E"; do
		curl -s --max-time 10 -o "$T/check.html" "$s/nyheter/$SEED"
		cmp -s "$T/check.html" "$NGX_DOCROOT/page.html" ||
		    die "$s does not serve the same bytes as Pressrum"
	done
}

# --- 1. transport ------------------------------------------------------------

declare -A RPS P50 P99 ERR

run_transport() {
	local r c s url out
	say "transport: $ROUNDS rounds x ${SECS}s, A to E alternating, 16 and 64 connections"
	for s in A B C D E; do		# warm up
		wrk_run "${!s}/nyheter/$SEED" 16 1 >/dev/null
	done
	C_REACHED=$(reached_c)
	for ((r = 1; r <= ROUNDS; r++)); do
		for c in 16 64; do
			for s in A B C D E; do
				url=${!s}/nyheter/$SEED
				out=$(wrk_run "$url" "$c" "$SECS")
				read -r rps p50 p99 err <<<"$out"
				RPS[$s,$c]+="$rps " P50[$s,$c]+="$p50 "
				P99[$s,$c]+="$p99 " ERR[$s,$c]=$((${ERR[$s,$c]:-0} + err))
				printf '  round %d  c=%-3d %s  %7s req/s  p50 %s ms  p99 %s ms\n' \
				    "$r" "$c" "$s" "$rps" "$p50" "$p99" >&2
			done
		done
	done
	C_REACHED=$(( $(reached_c) - C_REACHED ))
	# Read now: the scale runs stop C.
	TRANSPORT_HWM="C $(hwm_list "$PRESSRUM_C_PID"); D $(hwm_list "$PRESSRUM_D_PID"); E $(hwm_list "$PRESSRUM_E_PID")"
}

# Requests for the article that reached Pressrum C (its log has a line
# for each; those nginx answered from the page file have none).
reached_c() {
	grep -c "GET /nyheter/$SEED " "$T/pressrum-c.log" || true
}

print_transport() {
	local c s name ra rb rc rd re
	# shellcheck disable=SC2086
	{
	echo
	echo "=== Transport: the seed article page (/nyheter/$SEED, $PAGE_BYTES bytes)"
	echo "    $ROUNDS rounds x ${SECS}s, wrk -t$WRK_THREADS, median of rounds; pressrum and fcgi_static with 2 workers"
	echo "    NOTE: wrk, nginx and the servers share this machine's $(nproc) cores ($(cpu_name))."
	printf '%-6s %-16s %10s %10s %10s %7s\n' conns server req/s "p50 ms" "p99 ms" errors
	for c in 16 64; do
		for s in A B C D E; do
			case $s in
			A) name="A nginx static" ;;
			B) name="B fcgi_static" ;;
			C) name="C pressrum" ;;
			D) name="D no cache" ;;
			E) name="E memory cache" ;;
			esac
			printf '%-6s %-16s %10.0f %10.3f %10.3f %7s\n' "$c" "$name" \
			    "$(median ${RPS[$s,$c]})" "$(median ${P50[$s,$c]})" \
			    "$(median ${P99[$s,$c]})" "${ERR[$s,$c]}"
		done
		ra=$(median ${RPS[A,$c]}) rb=$(median ${RPS[B,$c]})
		rc=$(median ${RPS[C,$c]}) rd=$(median ${RPS[D,$c]})
		re=$(median ${RPS[E,$c]})
		printf '%-6s %-16s C/A = %.2f   C/B = %.2f   D/B = %.2f   E/B = %.2f   (B/A = %.2f)\n' \
		    "$c" ratios "$(ratio "$rc" "$ra")" "$(ratio "$rc" "$rb")" \
		    "$(ratio "$rd" "$rb")" "$(ratio "$re" "$rb")" \
		    "$(ratio "$rb" "$ra")"
	done
	echo "requests for the article that reached Pressrum C in its runs (the rest nginx answered from the page file): $C_REACHED"
	echo "peak RSS (VmHWM) per pressrum worker: $TRANSPORT_HWM"
	}
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'
}

cpu_name() {
	awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo
}

# "8.1 MB, 8.3 MB" for the workers of PID: peak (hwm_list) or current
# (rss_list) resident memory.
hwm_list() {
	mb_list "$(workers_hwm "$1")"
}

rss_list() {
	mb_list "$(workers_hwm "$1" VmRSS)"
}

mb_list() {
	local kb out=""
	for kb in $1; do
		out+=$(awk -v k="$kb" 'BEGIN { printf "%.1f MB, ", k / 1024 }')
	done
	printf '%s\n' "${out%, }"
}

# --- 2. scale ----------------------------------------------------------------

declare -A S_RPS S_P50 S_P99 S_CODE S_PATH S_HWM S_GEN S_PUB S_STAFF

# The last /nyheter page of db as the pager's "Nästa sida" link on the
# page before it gives it: "sida=N&fore=PUBLISHED.ID" (the position of
# that page's last article), or "sida=1" when there is one page.
last_page() {
	python3 - "$1" <<-'EOF'
	import sqlite3, sys, time
	db = sqlite3.connect(sys.argv[1])
	now = int(time.time())
	pub = ("FROM article WHERE status = 'publicerad' AND publish_at <= ?"
	    " AND kind IN ('nyhet', 'pressmeddelande')")
	n = db.execute("SELECT count(*) " + pub, (now,)).fetchone()[0]
	last = max(1, (n + 9) // 10)
	if last == 1:
	    print("sida=1")
	    sys.exit()
	at, aid = db.execute("SELECT publish_at, id " + pub + " ORDER BY"
	    " publish_at DESC, id DESC LIMIT 1 OFFSET ?",
	    (now, (last - 1) * 10 - 1)).fetchone()
	print("sida=%d&fore=%d.%d" % (last, at, aid))
	EOF
}

PAGES=(home news news_deep article topic search search2 search_typo feed)

page_path() {
	case $1 in
	home) echo / ;;
	news) echo /nyheter ;;
	news_deep) echo "/nyheter?$2" ;;
	article) echo "/nyheter/$SEED" ;;
	topic) echo "/amnen/$TOPIC" ;;
	search) echo "/sok?q=$QUERY" ;;
	search2) echo "/sok?q=$QUERY2" ;;
	search_typo) echo "/sok?q=$QUERY_TYPO" ;;
	feed) echo /nyheter.atom ;;
	esac
}

# Time a publish through the staff form (bench/publish.sh: sign in, 20
# POSTs of the new-article form with action publicera, each a 303, the
# last one then on its public page).  Arguments: DB BASE_URL.  Prints
# "MEDIAN (max MAX)" in ms, or "failed".
measure_publish() {
	local median
	median=$("$ROOT/bench/publish.sh" "$1" "$2" "$BIN" 20 \
	    2>>"$T/publish.log") || { echo failed; return; }
	printf '%s (max %s)\n' "$median" \
	    "$(sed -n 's/.* max \([0-9.]*\) ms$/\1/p' "$T/publish.log" | tail -n 1)"
}

# Slow pages leave requests queued at pressrum after wrk stops (nginx does
# not cancel them): wait, up to 60 s, until the seed article answers
# within a second, so one page's backlog is not charged to the next.
drain() {
	local i
	for ((i = 0; i < 60; i++)); do
		curl -s -o /dev/null --max-time 1 "$C/nyheter/$SEED" && return 0
	done
	say "pressrum still busy after 60 s"
}

run_scale() {
	local n db deep p path out r rps p50 p99 err code
	for n in "${SIZES[@]}"; do
		db=$T/scale-$n.db
		rm -f "$db" "$db"-*
		say "scale: N=$n: demo + gen.py"
		"$BIN" demo --db "$db" >/dev/null 2>>"$T/pressrum.log"
		local t0=$SECONDS
		if [ "$n" -ge 1000000 ]; then
			python3 "$ROOT/bench/gen.py" --no-revisions "$db" "$n"
		else
			python3 "$ROOT/bench/gen.py" "$db" "$n"
		fi
		# The search text of the new articles, as an upgrade's
		# migrate step fills it (migrations 0007, 0008).
		"$BIN" migrate --db "$db" >/dev/null 2>>"$T/pressrum.log"
		S_GEN[$n]=$((SECONDS - t0))
		stop_and_forget "$PRESSRUM_PID"
		rm -rf "$PAGE_DIR"		# no page file of another database
		start_pressrum "$db" "$SOCK_C" 2 --page-cache-kb 0
		deep=$(last_page "$db")
		for p in "${PAGES[@]}"; do
			path=$(page_path "$p" "$deep")
			S_PATH[$p,$n]=$path
			drain
			code=$(http_status "$C$path")
			S_CODE[$p,$n]=$code
			case $code in 2??) ;; *) say "  $path -> $code, skipped"
				continue ;; esac
			wrk_run "$C$path" "$SCALE_CONNS" 1 >/dev/null	# warm up
			for ((r = 1; r <= ROUNDS; r++)); do
				drain
				out=$(wrk_run "$C$path" "$SCALE_CONNS" "$SCALE_SECS")
				read -r rps p50 p99 err <<<"$out"
				S_RPS[$p,$n]+="$rps " S_P50[$p,$n]+="$p50 "
				S_P99[$p,$n]+="$p99 "
			done
			printf '  N=%-8s %-28s %7s req/s  p50 %s ms\n' "$n" "$path" \
			    "$(median ${S_RPS[$p,$n]})" "$(median ${S_P50[$p,$n]})" >&2
		done
		S_HWM[$n]="cache off: $(hwm_list "$PRESSRUM_PID")"
		# As deployed, page cache and files on: every page once more
		# for a second (the caches fill), then the memory and a
		# publish.
		stop_and_forget "$PRESSRUM_PID"
		start_pressrum "$db" "$SOCK_C" 2 --page-dir "$PAGE_DIR"
		for p in "${PAGES[@]}"; do
			wrk_run "$C${S_PATH[$p,$n]}" "$SCALE_CONNS" 1 >/dev/null
		done
		S_HWM[$n]+="; cache on: $(hwm_list "$PRESSRUM_PID")"
		S_PUB[$n]=$(measure_publish "$db" "$C")
		# The staff article list: search and filters, signed in.
		S_STAFF[$n]=$("$ROOT/bench/staff_search.sh" "$db" "$C" "$BIN" \
		    "$([ "$QUICK" = 1 ] && echo 3 || echo 10)" \
		    2>>"$T/staff.log") || S_STAFF[$n]="failed (see $T/staff.log)"
		# A sign-in hashes with argon2id (64 MiB, freed at once): it
		# sets the peak of the worker that took it, so after the
		# publishes the resident size is what shows.
		S_HWM[$n]+="; after sign-in and publishing, VmRSS: $(rss_list "$PRESSRUM_PID")"
		rm -f "$db" "$db"-*
	done
}

print_scale() {
	local p n first=${SIZES[0]} cell
	# shellcheck disable=SC2086
	{
	echo
	echo "=== Scale: pressrum at N articles, page cache off, $SCALE_CONNS connections, $ROUNDS rounds x ${SCALE_SECS}s, median"
	echo "    each cell: req/s  p50/p99 ms;  xN = p50 at N / p50 at N=$first (1.0 = no slower; target <= 1.5)"
	printf '%-12s' page
	for n in "${SIZES[@]}"; do printf ' %-27s' "N=$n"; done
	for n in "${SIZES[@]:1}"; do printf ' %9s' "x$n"; done
	echo
	for p in "${PAGES[@]}"; do
		printf '%-12s' "$p"
		for n in "${SIZES[@]}"; do
			if [ -n "${S_RPS[$p,$n]:-}" ] &&
			    [ "$(median ${S_RPS[$p,$n]})" = 0 ]; then
				cell="(none done in ${SCALE_SECS}s)"
			elif [ -n "${S_RPS[$p,$n]:-}" ]; then
				cell=$(printf '%6.0f %6.2f/%-6.2f' \
				    "$(median ${S_RPS[$p,$n]})" \
				    "$(median ${S_P50[$p,$n]})" \
				    "$(median ${S_P99[$p,$n]})")
			else
				cell="(HTTP ${S_CODE[$p,$n]})"
			fi
			printf ' %-27s' "$cell"
		done
		for n in "${SIZES[@]:1}"; do
			if [ -n "${S_RPS[$p,$n]:-}" ] && [ -n "${S_RPS[$p,$first]:-}" ] &&
			    [ "$(median ${S_RPS[$p,$n]})" != 0 ]; then
				printf ' %9s' "$(ratio "$(median ${S_P50[$p,$n]})" \
				    "$(median ${S_P50[$p,$first]})")"
			else
				printf ' %9s' -
			fi
		done
		echo
	done
	for n in "${SIZES[@]}"; do
		printf 'N=%-8s gen %3ss  publish %s ms (20 POSTs)  worker VmHWM %s\n' \
		    "$n" "${S_GEN[$n]}" "${S_PUB[$n]}" "${S_HWM[$n]}"
	done
	for n in "${SIZES[@]}"; do
		printf 'N=%-8s deep page: %s\n' "$n" "${S_PATH[news_deep,$n]}"
	done
	for n in "${SIZES[@]}"; do
		echo
		echo "=== Staff article list (/admin/artiklar, signed in, 1 connection) at N=$n"
		printf '%s\n' "${S_STAFF[$n]}"
	done
	}
}

# --- main ----------------------------------------------------------------------

main() {
	local start=$SECONDS load0
	load0=$(cut -d' ' -f1-3 /proc/loadavg)
	build
	setup
	say "temp dir $T"
	"$BIN" demo --db "$T/demo.db" >/dev/null 2>>"$T/pressrum.log"
	start_pressrum "$T/demo.db" "$SOCK_D" 2 --page-cache-kb 0
	PRESSRUM_D_PID=$PRESSRUM_PID
	start_pressrum "$T/demo.db" "$SOCK_E" 2
	PRESSRUM_E_PID=$PRESSRUM_PID
	PRESSRUM_LOG=$T/pressrum-c.log start_pressrum "$T/demo.db" "$SOCK_C" 2 \
	    --page-dir "$PAGE_DIR"
	PRESSRUM_C_PID=$PRESSRUM_PID
	start_nginx
	capture_page
	start_fcgi_static "$SOCK_B" 2 "$NGX_DOCROOT/page.html" "$T/extra.head"
	check_same
	[ "$DO_TRANSPORT" = 1 ] && run_transport
	[ "$DO_SCALE" = 1 ] && run_scale
	{
		echo
		echo "Pressrum bench, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($(cpu_name)), $(uname -sr)"
		[ -n "$BUILD_NOTE" ] && echo "binaries: $BIN $BUILD_NOTE"
		echo "load average before the run: $load0 (anything else running skews the numbers)"
		[ "$DO_TRANSPORT" = 1 ] && print_transport
		[ "$DO_SCALE" = 1 ] && print_scale
		echo
		echo "total time $((SECONDS - start)) s"
	}
}

main

# shellcheck shell=bash
# lib.sh -- what bench/run.sh and bench/transport.sh share: starting and
# stopping pressrum, the fcgi_static responder and the bench nginx (all on
# loopback, all stopped by PID), running one bounded wrk, and parsing it.
#
# The caller sets ROOT (source tree), BIN, FCGI_STATIC and T (a private
# temp dir) and installs `trap bench_cleanup EXIT`.  Every process started
# here is remembered in BENCH_PIDS and stopped by bench_cleanup.

PATH=$PATH:/usr/sbin:/sbin
BENCH_PIDS=()
WRK_THREADS=${WRK_THREADS:-2}

say() {
	printf '==> %s\n' "$*" >&2
}

die() {
	printf 'bench: %s\n' "$*" >&2
	exit 1
}

alive() {
	local state
	[ -n "$1" ] && kill -0 "$1" 2>/dev/null || return 1
	state=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null) || return 1
	[ "$state" != Z ]
}

# Stop PID with SIGTERM, SIGKILL after 5 s; reap it.
stop_pid() {
	local pid=$1 i
	[ -n "$pid" ] || return 0
	kill -TERM "$pid" 2>/dev/null || true
	for ((i = 0; i < 50; i++)); do
		alive "$pid" || break
		sleep 0.1
	done
	alive "$pid" && kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null || true
}

# Stop everything this script started, newest first.  Idempotent.
bench_cleanup() {
	local i
	for ((i = ${#BENCH_PIDS[@]} - 1; i >= 0; i--)); do
		stop_pid "${BENCH_PIDS[i]}"
	done
	BENCH_PIDS=()
	if [ -n "${T:-}" ] && [ -d "$T" ]; then
		if [ "${KEEP:-0}" = 1 ]; then
			say "kept $T"
		else
			rm -rf "$T"
		fi
	fi
}

# Forget PID (after stop_pid) so cleanup does not stop a reused PID.
forget_pid() {
	local p out=()
	for p in "${BENCH_PIDS[@]}"; do
		[ "$p" = "$1" ] || out+=("$p")
	done
	BENCH_PIDS=("${out[@]}")
}

stop_and_forget() {
	stop_pid "$1"
	forget_pid "$1"
}

free_port() {
	python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# Wait (up to 10 s) for a unix socket to appear while PID lives.
wait_socket() {
	local sock=$1 pid=$2 i
	for ((i = 0; i < 100; i++)); do
		[ -S "$sock" ] && return 0
		alive "$pid" || return 1
		sleep 0.1
	done
	return 1
}

# start_pressrum DB SOCKET WORKERS [SERVE FLAGS...]: sets PRESSRUM_PID.
# The base URL is $PRESSRUM_BASE (default http://127.0.0.1); staff
# forms only accept an Origin that matches it.  It logs to $PRESSRUM_LOG
# (default $T/pressrum.log).
start_pressrum() {
	local db=$1 sock=$2 w=$3
	shift 3
	rm -f "$sock"
	"$BIN" serve --db "$db" --socket "$sock" --workers "$w" \
	    --templates "$ROOT/templates" \
	    --base-url "${PRESSRUM_BASE:-http://127.0.0.1}" "$@" \
	    </dev/null >>"${PRESSRUM_LOG:-$T/pressrum.log}" 2>&1 &
	PRESSRUM_PID=$!
	BENCH_PIDS+=("$PRESSRUM_PID")
	wait_socket "$sock" "$PRESSRUM_PID" || {
		tail -n 20 "${PRESSRUM_LOG:-$T/pressrum.log}" >&2
		die "pressrum did not start"
	}
}

# start_fcgi_static SOCKET WORKERS BODY HEADERS [FLAG...]: sets FCGI_PID.
start_fcgi_static() {
	local sock=$1 w=$2 body=$3 head=$4
	shift 4
	rm -f "$sock"
	"$FCGI_STATIC" "$@" -w "$w" -H "$head" "$sock" "$body" \
	    </dev/null >>"$T/fcgi_static.log" 2>&1 &
	FCGI_PID=$!
	BENCH_PIDS+=("$FCGI_PID")
	wait_socket "$sock" "$FCGI_PID" || die "fcgi_static did not start"
}

# render_nginx PREFIX: bench/nginx-bench.conf.in with the NGX_* variables
# (PORT_A PORT_B PORT_C DOCROOT SOCKET_B SOCKET_C B_KEEPALIVE C_KEEPALIVE
# B_KEEP_CONN C_KEEP_CONN NGINX_WORKERS) filled in, on stdout.
render_nginx() {
	local prefix=$1 conf user_line v
	if [ "$(id -u)" -eq 0 ]; then
		user_line="user root root;"
	else
		user_line="# (not root)"
	fi
	conf=$(<"$ROOT/bench/nginx-bench.conf.in")
	conf=${conf//@USER_LINE@/"$user_line"}
	conf=${conf//@PREFIX@/"$prefix"}
	conf=${conf//@PUBLIC_DIR@/"$ROOT/public"}
	: "${NGX_PORT_D:=$(free_port)}" "${NGX_SOCKET_D:=unix:$prefix/unused.sock}"
	: "${NGX_PORT_E:=$(free_port)}" "${NGX_SOCKET_E:=unix:$prefix/unused.sock}"
	: "${NGX_PAGE_DIR:=$prefix/no-page-files}"
	for v in PORT_A PORT_B PORT_C PORT_D PORT_E DOCROOT SOCKET_B SOCKET_C \
	    SOCKET_D SOCKET_E PAGE_DIR \
	    B_KEEPALIVE \
	    C_KEEPALIVE B_KEEP_CONN C_KEEP_CONN NGINX_WORKERS; do
		local name=NGX_$v
		conf=${conf//@$v@/"${!name}"}
	done
	if [[ $conf =~ @[A-Z_]+@ ]]; then
		die "unreplaced ${BASH_REMATCH[0]} in nginx-bench.conf.in"
	fi
	printf '%s\n' "$conf"
}

# Defaults: production's transport (a connection per request).
NGX_B_KEEPALIVE="" NGX_C_KEEPALIVE="" NGX_B_KEEP_CONN=off NGX_C_KEEP_CONN=off
NGX_NGINX_WORKERS=auto

# start_nginx: a fresh prefix under $T/nginx; sets NGINX_PID.
start_nginx() {
	local prefix=$T/nginx i
	rm -rf "$prefix"
	mkdir -p "$prefix"
	render_nginx "$prefix" >"$prefix/nginx.conf"
	nginx -p "$prefix" -c "$prefix/nginx.conf" -g 'daemon off;' \
	    </dev/null >>"$T/nginx.log" 2>&1 &
	NGINX_PID=$!
	BENCH_PIDS+=("$NGINX_PID")
	for ((i = 0; i < 50; i++)); do
		curl -s -o /dev/null --max-time 1 \
		    "http://127.0.0.1:$NGX_PORT_A/" && return 0
		alive "$NGINX_PID" || break
		sleep 0.1
	done
	cat "$T/nginx.log" "$prefix/error.log" >&2 2>/dev/null
	die "nginx did not start"
}

# HTTP status of URL (000 when no answer).
http_status() {
	curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$1" || true
}

# wrk_run URL CONNS SECS: one bounded wrk run; prints
# "REQ_PER_S P50_MS P99_MS ERRORS" (errors: socket errors + non-2xx/3xx).
wrk_run() {
	local out
	out=$(timeout $(($3 + 20)) wrk -t"$WRK_THREADS" -c"$2" -d"$3s" \
	    --timeout 10s --latency "$1" 2>&1) || true
	printf '%s\n' "$out" >>"$T/wrk.log"
	printf '%s\n' "$out" | awk '
	function ms(v) {
		if (v ~ /us$/) return v / 1000
		if (v ~ /ms$/) return v + 0
		if (v ~ /m$/) return v * 60000
		if (v ~ /s$/) return v * 1000
		return v + 0
	}
	$1 == "50%" { p50 = ms($2) }
	$1 == "99%" { p99 = ms($2) }
	/^Requests\/sec:/ { rps = $2 }
	/Non-2xx or 3xx responses:/ { err += $NF }
	/Socket errors:/ {
		for (i = 3; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) err += $i
	}
	END { printf "%.0f %.3f %.3f %d\n", rps, p50, p99, err }'
}

# median of the numbers given as arguments.
median() {
	printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 }
	    END { if (NR == 0) print 0; else if (NR % 2) print a[(NR + 1) / 2];
		  else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# Peak resident memory (VmHWM, or the field named by $2, in kB) of each
# child of PID, space-separated.
workers_hwm() {
	local c out="" field=${2:-VmHWM}
	for c in $(pgrep -P "$1" | sort -n); do
		out+="$(awk -v f="$field:" '$1 == f { print $2 }' \
		    "/proc/$c/status" 2>/dev/null) "
	done
	printf '%s\n' "${out% }"
}

#!/usr/bin/env bash
# edge.sh -- the bench as deployed: TLS 1.3 + HTTP/2 through the
# production nginx config, gzip, Varnish with the project's VCL, and
# publishing under load through the edge.
#
#   bench/edge.sh [--secs N] [--publish-secs N] [--only tls|varnish|publish]
#
#  1. tls: deploy/nginx-site.conf as shipped (ports, paths and a
#     self-signed certificate the bench makes put in), Pressrum behind it
#     with --page-dir; h2load (HTTP/2, TLS 1.3, 64 connections, 8
#     streams each) on the article page and the start page, against the
#     same article bytes as a static file from the same server block
#     (/css/, same TLS); each without and with Accept-Encoding: gzip
#     (pages: the .gz page files, gzip_static; static: nginx's gzip).
#     Prints req/s, bytes on the wire per response and the ratios.
#  2. varnish: deploy/varnish.vcl in front of the development nginx and
#     Pressrum, against the same VCL in front of an nginx that serves the
#     article's bytes as a static file (gzip on, as the site's nginx);
#     h2load --h1, 64 connections, on the article, with and without
#     Accept-Encoding: gzip; ROUNDS (default 3) rounds in alternation.
#     Prints the medians and the ratios.
#  3. publish: 64 connections of reads (32 through Varnish, 32 to nginx
#     straight; wrk) for --publish-secs (default 60) while an editor
#     publishes an article every second; after each save the edge's
#     /nyheter is polled until it lists it.  Prints non-2xx, p99 of each
#     wrk and each save's time to the edge: misses (over 2 s) must be 0.
# Loopback only; every run bounded (--secs, default 5, per measurement);
# every process stopped by PID on exit.  Exits non-zero when the publish
# run has a non-2xx, a socket error or a miss.
set -euo pipefail
export LC_NUMERIC=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$ROOT/build}
BIN=$BUILD/pressrum
SEED=fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid
ARTICLE=/nyheter/$SEED
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
PRESSRUM_SRC=$ROOT
# shellcheck source=tests/integration/varnish.sh
. "$ROOT/tests/integration/varnish.sh"

SECS=5 PUB_SECS=60 ONLY="" ROUNDS=${ROUNDS:-3}
while [ $# -gt 0 ]; do
	case $1 in
	--secs) SECS=${2:?}; shift ;;
	--publish-secs) PUB_SECS=${2:?}; shift ;;
	--only) ONLY=${2:?}; shift ;;
	*) die "usage: bench/edge.sh [--secs N] [--publish-secs N] [--only tls|varnish|publish]" ;;
	esac
	shift
done
for c in h2load varnishd nginx openssl wrk; do
	command -v $c >/dev/null || die "$c is not installed (./dev build)"
done
[ -x "$BIN" ] || cmake --build "$BUILD" -j2 --target pressrum >/dev/null

T=$(mktemp -d "${TMPDIR:-/tmp}/pressrum-edge.XXXXXX")
USER_LINE="# (not root)"	# nginx's workers must reach $T (0700)
[ "$(id -u)" -eq 0 ] && USER_LINE="user root root;"
trap 'varnish_stop; bench_cleanup' EXIT
"$BIN" demo --db "$T/db" >/dev/null 2>&1

# h2load_run URL [ARGS]: "REQ_PER_S BYTES_PER_RESPONSE" of a bounded run.
h2load_run() {
	local url=$1 out rps total n
	shift
	out=$(timeout $((SECS + 30)) h2load -c 64 -m 8 -t 2 -D "$SECS" \
	    --warm-up-time=1 "$@" "$url" 2>&1) || true
	rps=$(printf '%s\n' "$out" | sed -n 's/^finished in .*, \([0-9.]*\) req\/s.*/\1/p')
	n=$(printf '%s\n' "$out" | sed -n 's/^requests: .* \([0-9]*\) succeeded.*/\1/p')
	total=$(printf '%s\n' "$out" | sed -n 's/^traffic: .*(\([0-9]*\)) total.*/\1/p')
	printf '%s %s\n' "${rps:-0}" "$(( ${n:-0} > 0 ? ${total:-0} / n : 0 ))"
	if [[ $out != *2xx* ]]; then	# (not printf | grep -q: pipefail)
		printf '%s\n' "$out" >&2
	fi
	printf '%s\n' "$out" | grep -E '^status codes' | sed 's/^/#   /' >&2
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

# Poll URL until the page file is written (a file needs a second).
warm() {
	local i
	for ((i = 0; i < 30; i++)); do
		curl -sk -o /dev/null "$1"
		[ -f "$2" ] && return 0
		sleep 0.2
	done
	die "no page file $2"
}

# --- 1. TLS + HTTP/2 -----------------------------------------------------

# nginx_head DIR WORKERS: the top of an nginx.conf whose files live in
# DIR, up to and including "http {".
nginx_head() {
	cat <<EOF
$USER_LINE
worker_processes $2;
pid $1/nginx.pid;
error_log $1/error.log;
events { worker_connections 4096; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	sendfile on;
	tcp_nopush on;
	client_body_temp_path $1/tmp;
	fastcgi_temp_path $1/tmp;
	proxy_temp_path $1/tmp;
	uwsgi_temp_path $1/tmp;
	scgi_temp_path $1/tmp;
EOF
}

tls_conf() {
	local port=$1 sock=$2
	nginx_head "$T/tls" 2
	sed -e "s|listen 80;|listen 127.0.0.1:$(free_port);|" \
	    -e "s|listen 443 ssl http2;|listen 127.0.0.1:$port ssl http2;|" \
	    -e '/listen \[::\]/d' \
	    -e "s|/etc/letsencrypt/live/nyheter.example.se/fullchain.pem|$T/tls/cert.pem|" \
	    -e "s|/etc/letsencrypt/live/nyheter.example.se/privkey.pem|$T/tls/key.pem|" \
	    -e "s|/opt/pressrum/public|$T/public|g" \
	    -e "s|/var/cache/pressrum/pages|$T/pages|g" \
	    -e "s|unix:/run/pressrum/pressrum.sock|unix:$sock|" \
	    -e "s|/var/log/nginx/|$T/tls/|g" \
	    "$ROOT/deploy/nginx-site.conf"
	echo "}"
}

run_tls() {
	local port sock=$T/p.sock base r
	local a_rps a_b s_rps s_b h_rps h_b az_rps az_b sz_rps sz_b hz_rps hz_b

	say "TLS 1.3 + HTTP/2 through deploy/nginx-site.conf (h2load, ${SECS}s each)"
	mkdir -p "$T/tls/tmp" "$T/pages"
	cp -r "$ROOT/public" "$T/public"
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
	    -nodes -days 2 -subj /CN=127.0.0.1 -keyout "$T/tls/key.pem" \
	    -out "$T/tls/cert.pem" >/dev/null 2>&1
	port=$(free_port)
	base=https://127.0.0.1:$port
	PRESSRUM_BASE=$base start_pressrum "$T/db" "$sock" 4 \
	    --page-dir "$T/pages"
	tls_conf "$port" "$sock" >"$T/tls/nginx.conf"
	nginx -p "$T/tls" -c "$T/tls/nginx.conf" -g 'daemon off;' \
	    </dev/null >>"$T/tls/nginx.log" 2>&1 &
	BENCH_PIDS+=($!)
	sleep 0.5
	warm "$base$ARTICLE" "$T/pages/current$ARTICLE/index.html.gz"
	warm "$base/" "$T/pages/current/index.html.gz"
	cp "$T/pages/current$ARTICLE/index.html" "$T/public/css/article.html"
	curl -sk --http2 -o /dev/null -w '# %{http_version} via %{scheme}\n' "$base$ARTICLE" >&2
	read -r a_rps a_b < <(h2load_run "$base$ARTICLE")
	read -r h_rps h_b < <(h2load_run "$base/")
	read -r s_rps s_b < <(h2load_run "$base/css/article.html")
	read -r az_rps az_b < <(h2load_run "$base$ARTICLE" -H 'Accept-Encoding: gzip')
	read -r hz_rps hz_b < <(h2load_run "$base/" -H 'Accept-Encoding: gzip')
	read -r sz_rps sz_b < <(h2load_run "$base/css/article.html" -H 'Accept-Encoding: gzip')
	printf '%-34s %10s %10s %8s\n' "TLS+h2 (64 conns x 8 streams)" "req/s" "B/resp" "ratio"
	printf '%-34s %10s %10s %8s\n' "static file (same bytes)" "$s_rps" "$s_b" "1.00"
	printf '%-34s %10s %10s %8s\n' "Pressrum article" "$a_rps" "$a_b" "$(ratio "$a_rps" "$s_rps")"
	printf '%-34s %10s %10s %8s\n' "Pressrum start page" "$h_rps" "$h_b" "$(ratio "$h_rps" "$s_rps")"
	printf '%-34s %10s %10s %8s\n' "static file, gzip (on the fly)" "$sz_rps" "$sz_b" "1.00"
	printf '%-34s %10s %10s %8s\n' "Pressrum article, gzip_static" "$az_rps" "$az_b" "$(ratio "$az_rps" "$sz_rps")"
	printf '%-34s %10s %10s %8s\n' "Pressrum start page, gzip_static" "$hz_rps" "$hz_b" "$(ratio "$hz_rps" "$sz_rps")"
	bench_cleanup_keep_t
}

# Stop what bench_cleanup stops, but keep $T for the next part.
bench_cleanup_keep_t() {
	local keep=$T
	T=""
	bench_cleanup
	T=$keep
}

# --- 2. Varnish ------------------------------------------------------------

# dev_site: Pressrum + the development nginx on NPORT (plain HTTP).
dev_site() {
	NPORT=$(free_port)
	mkdir -p "$T/dev"
	PRESSRUM_BASE=http://127.0.0.1:$NPORT start_pressrum "$T/db" \
	    "$T/d.sock" 4 --page-dir "$T/dpages" "$@"
	"$ROOT/deploy/render-nginx-conf.sh" "$NPORT" "$T/d.sock" \
	    "$ROOT/public" "$T/dev" "$T/dpages" >"$T/dev/nginx.conf"
	nginx -p "$T/dev" -c "$T/dev/nginx.conf" -g 'daemon off;' \
	    </dev/null >>"$T/dev/nginx.log" 2>&1 &
	BENCH_PIDS+=($!)
	sleep 0.5
}

# static_site: nginx serving $T/static on SPORT, the article at its path.
static_site() {
	SPORT=$(free_port)
	mkdir -p "$T/static$ARTICLE" "$T/snginx/tmp"
	cp "$T/dpages/current$ARTICLE/index.html" "$T/static$ARTICLE/index.html"
	{ nginx_head "$T/snginx" 1; cat <<EOF
	access_log off;
	server {
		listen 127.0.0.1:$SPORT;
		root $T/static;
		gzip on;	# as the site's nginx: the edge keeps it gzipped
		location / { try_files \$uri/index.html =404; }
		add_header Cache-Control "public, max-age=0, must-revalidate";
		add_header Surrogate-Control "max-age=60";
	}
}
EOF
	} >"$T/snginx/nginx.conf"
	nginx -p "$T/snginx" -c "$T/snginx/nginx.conf" -g 'daemon off;' \
	    </dev/null >>"$T/snginx/nginx.log" 2>&1 &
	BENCH_PIDS+=($!)
	sleep 0.3
}

# One round of run_varnish on backend port $1: appends req/s to the
# arrays named $2 (plain) and $3 (gzip), bytes to $4 and $5.
varnish_round() {
	local vport rps b
	local -n r_plain=$2 r_gzip=$3 b_plain=$4 b_gzip=$5
	vport=$(free_port)
	varnish_start "$1" "$vport" || die "varnishd did not start"
	curl -s -o /dev/null "http://127.0.0.1:$vport$ARTICLE"
	curl -s -D- -o /dev/null "http://127.0.0.1:$vport$ARTICLE" |
	    grep -i x-cache | sed 's/^/# /' >&2
	read -r rps b < <(h2load_run "http://127.0.0.1:$vport$ARTICLE" --h1)
	r_plain+=("$rps") b_plain=$b
	read -r rps b < <(h2load_run "http://127.0.0.1:$vport$ARTICLE" --h1 \
	    -H 'Accept-Encoding: gzip')
	r_gzip+=("$rps") b_gzip=$b
	varnish_stop
}

# Varnish with the project's VCL in front of Pressrum, and in front of a
# static nginx with the same bytes (and the same gzip): ROUNDS rounds in
# alternation, the median of each (a single run on a shared machine
# swings by a factor of two).
run_varnish() {
	local -a v=() vz=() s=() sz=()
	local v_b="" vz_b="" s_b="" sz_b="" r

	say "Varnish with deploy/varnish.vcl (h2load --h1, ${SECS}s each, $ROUNDS rounds)"
	dev_site
	warm "http://127.0.0.1:$NPORT$ARTICLE" "$T/dpages/current$ARTICLE/index.html"
	static_site
	for ((r = 1; r <= ROUNDS; r++)); do
		varnish_round "$NPORT" v vz v_b vz_b
		varnish_round "$SPORT" s sz s_b sz_b
	done
	printf '%-34s %10s %10s %8s\n' "Varnish (64 conns, HTTP/1.1)" "req/s" "B/resp" "ratio"
	printf '%-34s %10s %10s %8s\n' "static backend" "$(median "${s[@]}")" "$s_b" "1.00"
	printf '%-34s %10s %10s %8s\n' "Pressrum article" "$(median "${v[@]}")" "$v_b" \
	    "$(ratio "$(median "${v[@]}")" "$(median "${s[@]}")")"
	printf '%-34s %10s %10s %8s\n' "static backend, gzip" "$(median "${sz[@]}")" "$sz_b" "1.00"
	printf '%-34s %10s %10s %8s\n' "Pressrum article, gzip" "$(median "${vz[@]}")" "$vz_b" \
	    "$(ratio "$(median "${vz[@]}")" "$(median "${sz[@]}")")"
	printf '# each round (req/s): static %s | Pressrum %s | static gzip %s | Pressrum gzip %s\n' \
	    "${s[*]}" "${v[*]}" "${sz[*]}" "${vz[*]}"
	bench_cleanup_keep_t
}

# --- 3. publishing under load ------------------------------------------------

run_publish() {
	local vport vbase jar csrf i slug t0 ms misses=0 worst=0 fails=0 rc=0
	local -a times=()

	say "publishing every second for ${PUB_SECS}s under 64 connections"
	vport=$(free_port)
	PRESSRUM_PURGE_URLS="http://127.0.0.1:$vport/" dev_site
	varnish_start "$NPORT" "$vport" || die "varnishd did not start"
	vbase=http://127.0.0.1:$vport
	printf 'bench-pw-123\n' | "$BIN" user add --role redaktor bench \
	    --db "$T/db" >/dev/null 2>&1
	jar=$T/jar
	curl -s -o /dev/null -c "$jar" -H "Origin: http://127.0.0.1:$NPORT" \
	    --data 'namn=bench&losenord=bench-pw-123' \
	    "http://127.0.0.1:$NPORT/admin/logga-in"
	csrf=$(curl -s -b "$jar" "http://127.0.0.1:$NPORT/admin" |
	    sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
	[ -n "$csrf" ] || die "could not sign in"
	timeout $((PUB_SECS + 30)) wrk -t1 -c32 -d"${PUB_SECS}s" --latency \
	    -s "$ROOT/bench/load.lua" "$vbase" >"$T/wrk-varnish.txt" 2>&1 &
	BENCH_PIDS+=($!)
	timeout $((PUB_SECS + 30)) wrk -t1 -c32 -d"${PUB_SECS}s" --latency \
	    -s "$ROOT/bench/load.lua" "http://127.0.0.1:$NPORT" \
	    >"$T/wrk-nginx.txt" 2>&1 &
	BENCH_PIDS+=($!)
	for ((i = 1; i <= PUB_SECS; i++)); do
		t0=$(date +%s%3N)
		slug=kant-$i-$RANDOM
		code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 \
		    -b "$jar" -H "Origin: http://127.0.0.1:$NPORT" \
		    --data-urlencode "csrf=$csrf" --data 'action=publicera' \
		    --data 'version=0' --data 'kind=nyhet' --data 'lang=sv' \
		    --data-urlencode "title=Kantprov $slug" \
		    --data-urlencode "slug=$slug" --data 'lead=Ingress.' \
		    --data 'body=Text.' "http://127.0.0.1:$NPORT/admin/artiklar")
		[ "$code" = 303 ] || fails=$((fails + 1))
		while :; do
			ms=$(( $(date +%s%3N) - t0 ))
			curl -s --max-time 2 "$vbase/nyheter" |
			    grep -q "Kantprov $slug" && break
			[ "$ms" -gt 5000 ] && break
			sleep 0.02
		done
		times+=("$ms")
		[ "$ms" -gt 2000 ] && misses=$((misses + 1))
		[ "$ms" -gt "$worst" ] && worst=$ms
		sleep "$(awk -v m="$ms" 'BEGIN { s = (1000 - m) / 1000; print (s > 0 ? s : 0) }')"
	done
	wait "${BENCH_PIDS[@]: -2}" 2>/dev/null || true
	for f in varnish nginx; do
		printf '%s: %s req, p99 %s, non-2xx %s, socket errors %s\n' "$f" \
		    "$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$T/wrk-$f.txt")" \
		    "$(awk '$1 == "99%" { print $2 }' "$T/wrk-$f.txt")" \
		    "$(sed -n 's/^ *Non-2xx or 3xx responses: *//p' "$T/wrk-$f.txt" | grep . || echo 0)" \
		    "$(sed -n 's/^ *Socket errors: *//p' "$T/wrk-$f.txt" | grep . || echo none)"
		grep -q 'Non-2xx\|Socket errors' "$T/wrk-$f.txt" && rc=1
	done
	printf 'saves: %d (failed %d); save to edge: median %s ms, max %s ms, over 2 s: %d\n' \
	    "${#times[@]}" "$fails" \
	    "$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')" \
	    "$worst" "$misses"
	[ "$misses" -eq 0 ] && [ "$fails" -eq 0 ] || rc=1
	varnish_stop
	bench_cleanup_keep_t
	return "$rc"
}

case $ONLY in
tls) run_tls ;;
varnish) run_varnish ;;
publish) run_publish ;;
'') run_tls; run_varnish; run_publish ;;
*) die "--only tls|varnish|publish" ;;
esac

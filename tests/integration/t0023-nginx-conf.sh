#!/usr/bin/env bash
# t0023-nginx-conf.sh -- the nginx configs in deploy/ are valid, and the
# production one works: the README's `nginx -t` step, checked in the suite.
#
# deploy/nginx-dev.conf.in is rendered as ./dev run does and tested with
# nginx -t.  deploy/nginx-site.conf is tested inside a stand-in for
# Debian's /etc/nginx/nginx.conf, with its paths (certificate, logs,
# socket, public/) rewritten to a temp dir and a throw-away self-signed
# certificate; then that nginx is started on loopback ports in front of
# the test site and checked over HTTPS and HTTP/2: HSTS, the app's pages,
# static files with the security headers, the plain-HTTP redirect; no
# compression of staff pages or a preview (BREACH), public pages still
# compressed; a page file that cannot be opened answered by Pressrum;
# the Swedish 413 and, with Pressrum stopped, 502 pages; a preview's
# token in neither log.  Last, deploy/pressrum.service passes
# systemd-analyze verify (when there) and bounds memory and tasks.
. "$(dirname "$0")/lib.sh"
site_start

# 1. The development config.
mkdir -p "$T/dev"
"$PRESSRUM_SRC/deploy/render-nginx-conf.sh" 8 "$T/sock" "$PRESSRUM_SRC/public" \
    "$T/dev" >"$T/dev/nginx.conf"
check "render-nginx-conf.sh renders the dev config" test $? -eq 0
nginx -t -q -p "$T/dev" -c "$T/dev/nginx.conf" 2>"$T/dev/t.err"
check "nginx -t accepts the dev config" test $? -eq 0
cat "$T/dev/t.err"
check "render-nginx-conf.sh refuses a bad port" \
    sh -c '! "$1" x y "$2" "$3" >/dev/null 2>&1' - \
    "$PRESSRUM_SRC/deploy/render-nginx-conf.sh" "$PRESSRUM_SRC/public" "$T/dev"

# 2. The production config, with its paths moved into $T/prod.
P=$T/prod
mkdir -p "$P/logs"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=nyheter.example.se \
    -keyout "$P/key.pem" -out "$P/cert.pem" >/dev/null 2>&1
check "a self-signed test certificate" test -s "$P/cert.pem"
https_port=$(free_port)
http_port=$(free_port)
sed -e "s|/etc/letsencrypt/live/nyheter.example.se/fullchain.pem|$P/cert.pem|" \
    -e "s|/etc/letsencrypt/live/nyheter.example.se/privkey.pem|$P/key.pem|" \
    -e "s|/var/log/nginx/|$P/logs/|g" \
    -e "s|unix:/run/pressrum/pressrum.sock|unix:$SOCKET|" \
    -e "s|/opt/pressrum/share/pressrum/public|$PRESSRUM_SRC/public|" \
    -e "s|/var/cache/pressrum/pages|$T/pages|" \
    -e "s|/var/cache/pressrum/media|$T/media|" \
    -e "s|listen 443 ssl http2;|listen 127.0.0.1:$https_port ssl http2;|" \
    -e "s|listen 80;|listen 127.0.0.1:$http_port;|" \
    -e '/listen \[::\]/d' \
    "$PRESSRUM_SRC/deploy/nginx-site.conf" >"$P/site.conf"
check "every path of nginx-site.conf was moved to the test dir" \
    sh -c '! grep -nE "/etc/letsencrypt|/var/log|/var/cache|/run/pressrum|/opt/pressrum|listen (80|443)" "$1"' \
    - "$P/site.conf"
user_line=""
[ "$(id -u)" -eq 0 ] && user_line="user root root;"
cat >"$P/nginx.conf" <<CONF
# A stand-in for Debian's /etc/nginx/nginx.conf.
$user_line
worker_processes 1;
pid $P/nginx.pid;
error_log $P/logs/error.log warn;
events { worker_connections 64; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	client_body_temp_path $P/body_temp;
	fastcgi_temp_path $P/fastcgi_temp;
	proxy_temp_path $P/proxy_temp;
	scgi_temp_path $P/scgi_temp;
	uwsgi_temp_path $P/uwsgi_temp;
	include $P/site.conf;
}
CONF
nginx -t -q -p "$P" -c "$P/nginx.conf" 2>"$P/t.err"
check "nginx -t accepts deploy/nginx-site.conf" test $? -eq 0
cat "$P/t.err"

nginx -p "$P" -c "$P/nginx.conf" -g 'daemon off;' </dev/null \
    >>"$P/logs/stderr.log" 2>&1 &
PROD_PID=$!
trap 'stop_pid "$PROD_PID"; site_stop' EXIT
for ((i = 0; i < 50; i++)); do
	curl -sk -o /dev/null "https://127.0.0.1:$https_port/" && break
	sleep 0.1
done

S=https://127.0.0.1:$https_port
get "$S/" -k --http2
assert_status 200
assert_header Strict-Transport-Security '^max-age=[0-9]{8,}; includeSubDomains$'
assert_header Content-Security-Policy "frame-ancestors 'none'"
check "one CSP (the app's, not nginx's too)" \
    test "$(header Content-Security-Policy | grep -c .)" = 1
assert_header Server '^nginx$'
check "answered over HTTP/2" \
    test "$(curl -sk -o /dev/null -w '%{http_version}' --http2 "$S/")" = 2
get "$S/nyheter" -k
assert_status 200
assert_body_contains '<html lang="sv"'
for p in /css/site.css /favicon.svg; do
	get "$S$p" -k
	assert_status 200
	assert_header Strict-Transport-Security '^max-age='
	assert_header Content-Security-Policy "default-src 'self'"
	assert_header X-Content-Type-Options '^nosniff$'
	assert_header Referrer-Policy .
	assert_header Permissions-Policy .
	assert_header Cache-Control 'max-age=[0-9]{5,}'
done
# A public page from the file Pressrum wrote (no request reaches it),
# with the headers Pressrum would send.
A=/nyheter/fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid
reached() { grep -c "GET $A " "$T/server.log" || true; }
for ((i = 0; i < 20; i++)); do
	n=$(reached)
	get "$S$A" -k
	[ "$(reached)" = "$n" ] && break
	sleep 0.2
done
check "nginx-site.conf serves the article from its page file" \
    test "$(reached)" = "$n"
assert_status 200
assert_header Content-Type '^text/html; charset=utf-8$'
assert_header Strict-Transport-Security '^max-age='
assert_header Content-Security-Policy "frame-ancestors 'none'"
assert_header X-Content-Type-Options '^nosniff$'
assert_header Cache-Control '^public, max-age=0, must-revalidate$'
assert_header Vary 'Cookie'
assert_header ETag '^(W/)?"[0-9a-f]+-[0-9a-f]+"$'
assert_body_contains 'Fortsatt satsning'
get "$S$A" -k -H "Cookie: pressrum_session=x"
assert_header Cache-Control '^no-store$'
check "with a session cookie the page comes from Pressrum" \
    test "$(reached)" = "$((n + 1))"

# An embargo preview's token stays out of the access log.
get "$S/forhandsvisning/hemligtoken0123456789" -k
for ((i = 0; i < 20; i++)); do	# nginx logs just after the answer
	grep -q forhandsvisning "$P/logs/pressrum.access.log" && break
	sleep 0.1
done
check "nginx-site.conf logs a preview link without its token" sh -c \
    'grep -q "GET /forhandsvisning/\[token\] " "$1" && ! grep -q hemligtoken "$1"' \
    - "$P/logs/pressrum.access.log"

get "$S/finns-inte" -k
assert_status 404
assert_header Strict-Transport-Security '^max-age='
assert_body_contains 'Sidan finns inte'

# BREACH: what holds a CSRF token or a secret link next to what the
# request sent is never compressed; public pages are.
gz() { get "$S$1" -k --compressed "${@:2}"; }
gz /admin/logga-in
assert_status 200
assert_no_header Content-Encoding
assert_body_contains 'Logga in'
gz "/admin/logga-in?till=/admin/artiklar"
assert_no_header Content-Encoding
gz /forhandsvisning/hemligtoken0123456789
assert_status 410
assert_no_header Content-Encoding
gz /nyheter
assert_status 200
assert_header Content-Encoding '^gzip$'
gz "$A"
assert_header Content-Encoding '^gzip$'

# A page file nginx finds but cannot open (a FIFO: refused as if it had
# gone) is answered by Pressrum, with the page.
file=$T/pages/current$A/index.html
if [ -f "$file" ] && rm -f "$file" && mkfifo "$file"; then
	get "$S$A" -k
	assert_status 200
	assert_body_contains 'Fortsatt satsning'
	check "the page came from Pressrum" test "$(reached)" = "$((n + 2))"
else
	fail "no page file at $file to replace"
fi

# nginx's own 413, in Swedish.
head -c $((3 * 1024 * 1024)) /dev/zero | tr '\0' x >"$T/3m"
post "$S/admin/artiklar" -k -H 'Content-Type: application/x-www-form-urlencoded' \
    --data-binary "@$T/3m"
assert_status 413
assert_body_contains '<html lang="sv"'
assert_body_contains 'För stor förfrågan'
assert_header Strict-Transport-Security '^max-age='

# The staff rate limit (5 a second, a burst of 20): its 429 in Swedish.
for ((i = 0; i < 40; i++)); do
	get "$S/admin/logga-in" -k
	[ "$STATUS" = 429 ] && break
done
assert_status 429
assert_body_contains '<html lang="sv"'
assert_body_contains 'för många förfrågningar'
get "http://127.0.0.1:$http_port/nyheter?sida=2"
assert_status 301
assert_header Location '^https://[^/]+/nyheter\?sida=2$'

check "no sanitizer report and no worker crash in the server log" \
    sh -c '! grep -qE "AddressSanitizer|LeakSanitizer|runtime error:|killed by signal" "$1"' \
    - "$T/server.log"

# Pressrum stopped (a restart): the site's Swedish 502 page, and a
# preview link's token in neither of nginx's logs.
stop_pid "$SERVER_PID"
SERVER_PID=""
get "$S/nyheter" -k
assert_status 502
assert_body_contains '<html lang="sv"'
assert_body_contains 'Sidan kan inte visas just nu'
assert_header Strict-Transport-Security '^max-age='
assert_header Content-Security-Policy "frame-ancestors 'none'"
get "$S/forhandsvisning/hemligtokenNERE0123" -k
assert_status 502
assert_body_contains 'Sidan kan inte visas just nu'
get "$S//%66orhandsvisning/hemligtokenNERE4567" -k
assert_status 502
for ((i = 0; i < 20; i++)); do	# nginx logs just after the answer
	[ "$(grep -c forhandsvisning "$P/logs/pressrum.access.log")" -ge 4 ] && break
	sleep 0.1
done
check "nginx-site.conf logs Pressrum down" \
    grep -q 'request: "GET /nyheter HTTP/2.0", upstream: ' \
    "$P/logs/pressrum.error.log"
check "no nginx log holds a preview token while Pressrum is down" \
    sh -c '! grep -rq hemligtokenNERE "$1"' - "$P/logs"

# The systemd unit: valid, and bounded.
unit=$PRESSRUM_SRC/deploy/pressrum.service
for k in MemoryMax MemoryHigh TasksMax; do
	check "pressrum.service sets $k" grep -qE "^$k=[0-9]+[KMG]?$" "$unit"
done
check "pressrum.service fixes the worker count its bounds are for" \
    grep -qE '^ +--workers [0-9]+ ' "$unit"
if command -v systemd-analyze >/dev/null; then
	sed "s|/opt/pressrum/bin/pressrum|$PRESSRUM_BIN|" "$unit" \
	    >"$T/pressrum.service"
	systemd-analyze verify "$T/pressrum.service" >"$T/verify.out" 2>&1
	rc=$?
	sed 's/^/# /' "$T/verify.out"
	check "systemd-analyze verify accepts pressrum.service, no warning" \
	    sh -c '[ "$1" = 0 ] && ! [ -s "$2" ]' - "$rc" "$T/verify.out"
fi

done_testing

#!/usr/bin/env bash
# t0021-headers.sh -- every answer, from the app or from nginx, carries the
# security headers: a Content-Security-Policy that needs no inline script
# or style and denies framing, X-Content-Type-Options, Referrer-Policy,
# Permissions-Policy; each exactly once; and no software version in any
# header.  HSTS is in the production nginx config (deploy/nginx-site.conf).
# Staff pages and embargo previews are not compressed.
. "$(dirname "$0")/lib.sh"
site_start

article=$(sqlite3 "$DB" "SELECT slug FROM article WHERE status = 'publicerad'
    AND publish_at <= unixepoch() ORDER BY id LIMIT 1")
topic=$(sqlite3 "$DB" "SELECT slug FROM topic ORDER BY id LIMIT 1")

# count NAME: how many NAME headers the last response had.
count() {
	header "$1" | grep -c . || true
}

secure() {
	local csp
	csp=$(header Content-Security-Policy)
	check "$LAST_URL: one CSP" test "$(count Content-Security-Policy)" = 1
	check "$LAST_URL: CSP without unsafe-inline/unsafe-eval" \
	    sh -c '! printf "%s" "$1" | grep -qE "unsafe-(inline|eval)"' - "$csp"
	check "$LAST_URL: CSP default-src 'self', frame-ancestors 'none'" \
	    sh -c 'printf "%s" "$1" | grep -q "default-src '"'self'"'" &&
	        printf "%s" "$1" | grep -q "frame-ancestors '"'none'"'"' - "$csp"
	check "$LAST_URL: one X-Content-Type-Options: nosniff" \
	    test "$(header X-Content-Type-Options)" = nosniff
	check "$LAST_URL: one Referrer-Policy" \
	    test "$(count Referrer-Policy)" = 1
	check "$LAST_URL: one Permissions-Policy" \
	    test "$(count Permissions-Policy)" = 1
	check "$LAST_URL: Server names no version" \
	    sh -c '! printf "%s" "$1" | grep -q "[0-9]"' - "$(header Server)"
	check "$LAST_URL: no version or X-Powered-By in any header" \
	    sh -c '! printf "%s\n" "$1" | grep -qiE "^x-powered-by|(nginx|pressrum|fcgi|sqlite|php)[/ ]?[0-9]"' \
	    - "$HEADERS"
}

# path STATUS
routes=(
	"/ 200" "/nyheter 200" "/nyheter/$article 200" "/amnen 200"
	"/amnen/$topic 200" "/amnen/$topic.atom 200" "/kontakt 200"
	"/tillganglighet 200" "/nyheter.atom 200" "/sitemap.xml 200"
	"/finns-inte 404" "/nyheter/finns-inte 404" "/nyheter?sida=%FF 400"
	"/css/site.css 200" "/favicon.svg 200" "/css/finns-inte.css 404"
)
for r in "${routes[@]}"; do
	get "${r% *}"
	assert_status "${r#* }"
	secure
done

# Other methods and nginx's own answers.
request HEAD /
assert_status 200
secure
post / --data x=1
assert_status 405
secure
post / -H 'Content-Type: application/x-www-form-urlencoded' \
    --data-binary "@/dev/null" -H 'Content-Length: 3000000'
check "a body over 2m gets nginx's 413 (got $STATUS)" test "$STATUS" = 413
secure

# Pages need no inline script or style: no <script> without src, no
# style attribute or <style> element (the CSP would block them).
for p in / /nyheter "/nyheter/$article" /kontakt; do
	get "$p"
	check "$p: no inline <script>, <style> or style=" \
	    sh -c '! printf "%s" "$1" | grep -qiE "<script(>| [^>]*>)[^<]|<style|[[:space:]]style="' \
	    - "$BODY"
done

# Compression (BREACH): never for what holds a CSRF token or a secret
# link next to what the request sent, staff pages and an embargo
# preview; public pages and static files keep it.  t0023 checks the
# production config the same way.
for p in /admin/logga-in "/admin/logga-in?till=/admin/konton" \
    /forhandsvisning/hemligtoken0123456789; do
	get "$p" --compressed
	check "$p is not compressed" test -z "$(header Content-Encoding)"
done
for p in /nyheter /css/site.css; do
	get "$p" --compressed
	assert_header Content-Encoding '^gzip$'
done

# The production config: HSTS on the TLS server and its static files,
# server_tokens off.
site=$PRESSRUM_SRC/deploy/nginx-site.conf
check "nginx-site.conf sends HSTS" \
    grep -qE 'add_header Strict-Transport-Security "max-age=[0-9]{8,}' "$site"
check "nginx-site.conf has server_tokens off" grep -q 'server_tokens off;' "$site"
check "nginx-site.conf adds the security headers for static files" \
    grep -q 'add_header Content-Security-Policy' "$site"

check "no sanitizer report and no worker crash in the server log" \
    sh -c '! grep -qE "AddressSanitizer|LeakSanitizer|runtime error:|killed by signal" "$1"' \
    - "$T/server.log"

done_testing

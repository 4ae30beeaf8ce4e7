#!/usr/bin/env bash
# t0046-upstream-down.sh -- while Pressrum is down (a restart), nginx
# answers with the site's Swedish error page, not its own English one,
# and an embargo preview's secret link stays out of every log.
#
# 1. Pressrum's own log writes a preview link without its token however
#    the path is spelt: "//forhandsvisning/T", "/%66orhandsvisning/T",
#    "/nyheter/../forhandsvisning/T", "/FORHANDSVISNING/T".
# 2. With `pressrum serve` stopped: a public page, a staff page and a
#    preview link get 502 with public/fel/tillfalligt.html (Swedish, the site's
#    stylesheet, the security headers, valid HTML); nginx's error log
#    notes the failed requests, but not the preview's, and neither log
#    holds its token.
# 3. Started again, the site answers as before.
. "$(dirname "$0")/lib.sh"
site_start

# never_logged TOKEN...: no log holds any of the tokens.  nginx writes
# its access log line just after the answer: wait for the last one.
never_logged() {
	local t i
	for ((i = 0; i < 20; i++)); do
		[ "$(grep -c 'forhandsvisning/\[token\]' "$T/nginx/access.log")" -ge "$1" ] && break
		sleep 0.1
	done
	shift
	for t in "$@"; do
		check "no log holds $t" sh -c '! grep -qF "$1" "$2" "$3" "$4"' - \
		    "$t" "$T/nginx/access.log" "$T/nginx.log" "$T/server.log"
	done
}

# 1. Spellings nginx routes to the preview page.
get /forhandsvisning/HEMLIGT0vanlig
assert_status 410
for p in //forhandsvisning/HEMLIGT1snedstreck \
    /%66orhandsvisning/HEMLIGT2kodad /FORHANDSVISNING/HEMLIGT3versaler \
    /forhandsvisning%2FHEMLIGT4kodadsnedstreck; do
	get "$p"
	check "GET $p answered ($STATUS)" test "$STATUS" = 410 -o "$STATUS" = 404
done
get /nyheter/../forhandsvisning/HEMLIGT5punkter --path-as-is
assert_status 410
check "Pressrum logged the preview requests without tokens" test \
    "$(grep -c 'GET /forhandsvisning/\[token\] ' "$T/server.log")" -ge 6
never_logged 6 HEMLIGT0 HEMLIGT1 HEMLIGT2 HEMLIGT3 HEMLIGT4 HEMLIGT5
# Only a preview link is cut from the log.
get /nyheter/forhandsvisning-av-budget
check "other paths are logged whole" \
    grep -q 'GET /nyheter/forhandsvisning-av-budget 404 ' "$T/server.log"

# 2. Pressrum down.
stop_pid "$SERVER_PID"
SERVER_PID=""
down_page() {
	assert_status 502
	assert_header Content-Type '^text/html; charset=utf-8$'
	assert_body_contains '<html lang="sv"'
	assert_body_contains 'Sidan kan inte visas just nu'
	assert_body_contains '<link rel="stylesheet" href="/css/site.css">'
	assert_body_lacks 'Bad Gateway'
	assert_header Content-Security-Policy "frame-ancestors 'none'"
	assert_header X-Content-Type-Options '^nosniff$'
}
get /nyheter
down_page
cp "$T/body" "$T/down.html"
get /admin/logga-in
down_page
get /forhandsvisning/HEMLIGT6nere
down_page
get //%66orhandsvisning/HEMLIGT7nere
down_page
get /css/site.css
assert_status 200
check "nginx's error log notes Pressrum down" \
    grep -q 'request: "GET /nyheter HTTP/1.1", upstream: ' "$T/nginx.log"
never_logged 8 HEMLIGT6 HEMLIGT7
if command -v java >/dev/null &&
    [ -f "$PRESSRUM_SRC/tests/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
	java -Xss4m -jar "$PRESSRUM_SRC/tests/node_modules/vnu-jar/build/dist/vnu.jar" \
	    --errors-only "$T/down.html" >"$T/vnu.out" 2>&1
	check "the 502 page is valid HTML (Nu checker)" test $? -eq 0
	sed 's/^/# /' "$T/vnu.out"
else
	tidy -q -e "$T/down.html" >"$T/tidy.out" 2>&1
	check "the 502 page is well-formed HTML (tidy)" test $? -lt 2
fi

# 3. Back.
server_start
get /nyheter
assert_status 200
assert_body_contains 'Nyheter och pressmeddelanden'

check "no sanitizer report and no worker crash in the server log" \
    sh -c '! grep -qE "AddressSanitizer|LeakSanitizer|runtime error:|killed by signal" "$1"' \
    - "$T/server.log"
done_testing

#!/usr/bin/env bash
# t0047-redirect-ctl.sh -- a request path holding CR, LF or other control
# characters (sent percent-encoded; nginx decodes them) cannot split a
# redirect's headers or stop a worker.  The sign-in redirect of a staff
# page built from the path (/admin/logga-in?till=PATH, src/web/route.c)
# carries them percent-encoded (resp_redirect(), src/web/resp.c), where a
# release build used to drop its Location and a debug or ASan build
# aborted the worker; and after signing in, a `till` holding one leads
# to /admin, never to a header of its own.
. "$(dirname "$0")/lib.sh"
site_start
staff_user_add rita redaktor

workers_before=$(children "$SERVER_PID" | tr '\n' ' ')
get "/admin/artiklar/1/x%0D%0ASet-Cookie:%20ond=1%0D%0A%0D%0A<p>"
assert_status 303
assert_header Location \
    '^/admin/logga-in\?till=/admin/artiklar/1/x%0D%0ASet-Cookie:%20ond=1%0D%0A%0D%0A%3Cp%3E$'
assert_no_header Set-Cookie
assert_body_lacks '<p>"'
get "/admin/artiklar/1/%09%01%7F%C3%A5"
assert_status 303
assert_header Location '^/admin/logga-in\?till=/admin/artiklar/1/%09%01%7F%C3%A5$'
get "/admin/konton/%0A"
check "GET /admin/konton/%0A is answered ($STATUS)" test "$STATUS" = 404
check "no worker died (the same workers serve)" \
    test "$(children "$SERVER_PID" | tr '\n' ' ')" = "$workers_before"

# The sign-in form carries no control character on, and signing in with
# one in `till` leads to /admin.
get "/admin/logga-in?till=/admin/artiklar%0D%0ASet-Cookie:%20ond=1"
assert_status 200
assert_body_contains 'name="till" value="/admin"'
# signin_till TILL: rita signs in, asking to go to TILL.
signin_till() {
	rm -f "$T/rita.jar"
	post /admin/logga-in -c "$T/rita.jar" -H "Origin: $BASE" \
	    --data-urlencode namn=rita --data-urlencode "losenord=$STAFF_PW" \
	    --data-urlencode "till=$1"
	assert_status 303
}
signin_till "$(printf '/admin/artiklar\r\nSet-Cookie: ond=1')"
assert_header Location '^/admin$'
check "only the session cookie is set" \
    test "$(header Set-Cookie | grep -c .)" = 1
signin_till /admin/artiklar
assert_header Location '^/admin/artiklar$'

check "no sanitizer report, assertion or worker crash in the server log" \
    sh -c '! grep -qE "AddressSanitizer|runtime error:|Assertion|killed by signal|dropped bad" "$1"' \
    - "$T/server.log"
done_testing

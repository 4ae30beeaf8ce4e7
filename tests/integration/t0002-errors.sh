#!/usr/bin/env bash
# t0002-errors.sh -- bad requests get a clear Swedish answer with the right
# status, unpublished articles stay hidden, and every answer carries the
# security headers without naming nginx's version.
. "$(dirname "$0")/lib.sh"
site_start

swedish_error() {
	assert_status "$1"
	assert_header Content-Type '^text/html; *charset=utf-8$'
	assert_body_contains '<html lang="sv"'
	assert_body_contains "$2"
}

get /finns-inte-alls
swedish_error 404 "Sidan finns inte"

get /nyheter/finns-inte
swedish_error 404 "Sidan finns inte"

get /amnen/finns-inte
swedish_error 404 "Sidan finns inte"

# Invalid UTF-8 and malformed percent-encoding in the query string.
get "/nyheter?sida=%FF"
swedish_error 400 "Felaktig förfrågan"
get "/sok?q=%C3%28"
swedish_error 400 "Felaktig förfrågan"
get "/sok?q=%zz"
swedish_error 400 "Felaktig förfrågan"
get "/sok?q=%C3"
swedish_error 400 "Felaktig förfrågan"

# Wrong method.
post / --data "x=1"
assert_status 405
assert_header Allow 'GET'
assert_body_contains '<html lang="sv"'

# Articles that are not published must not be reachable by slug.
# (A scheduled article is a published one with a future publish_at.)
hidden=$(sqlite3 "$DB" "SELECT slug FROM article
    WHERE status IN ('utkast', 'avpublicerad')
       OR (status = 'publicerad' AND publish_at > unixepoch())
    ORDER BY slug" 2>"$T/sqlite.err") || { cat "$T/sqlite.err"; hidden=""; }
check "the demo has unpublished articles (draft, scheduled, withdrawn)" \
    test -n "$hidden"
for slug in $hidden; do
	get "/nyheter/$slug"
	swedish_error 404 "Sidan finns inte"
	get /nyheter
	assert_body_lacks "/nyheter/$slug\""
done

# Security headers, on a page, an error and a 400; no version anywhere.
for path in / /finns-inte "/sok?q=%zz"; do
	get "$path"
	assert_header Content-Security-Policy "default-src"
	assert_header X-Content-Type-Options '^nosniff$'
	assert_header Server '^[^0-9]*$'
	assert_no_header X-Powered-By
done

done_testing

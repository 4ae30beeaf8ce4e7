#!/usr/bin/env bash
# t0011-caching.sh -- HTTP caching through nginx: public pages, feeds and
# the sitemap carry a strong ETag, Last-Modified, Cache-Control that
# makes every use revalidate, and Vary: Cookie; If-None-Match (also the
# weak form nginx's gzip makes) and If-Modified-Since give 304 with no
# body; after a change in the database the next request is a 200 with a
# new ETag; anything asked with a session cookie, staff pages and error
# pages are no-store and never 304.
#
# Changes are made with the sqlite3 CLI, the way any write path would;
# triggers move the site's change stamp.
. "$(dirname "$0")/lib.sh"
site_start

ARTICLE=/nyheter/fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid

# Last-Modified is left out while the content's time is the current
# second (a second change in that second could not be told apart); each
# worker also counts its own start.  Wait until a page carries it.
for ((i = 0; i < 40; i++)); do
	get "$ARTICLE"
	[ -n "$(header Last-Modified)" ] && [ "$i" -ge 4 ] && break
	sleep 0.25
done

# --- validators on every kind of public page -----------------------------------

# Both workers give a page the same validators (a query keeps nginx's
# page files out of it): a client never loses its 304 by meeting the
# other worker.
tags=""
for ((i = 0; i < 8; i++)); do
	get "/nyheter?typ=nyhet"
	tags+="$(header ETag) $(header Last-Modified)"$'\n'
done
check "every worker gives the page the same ETag and Last-Modified" \
    test "$(printf '%s' "$tags" | sort -u | grep -c .)" = 1

for path in / /nyheter "/nyheter?typ=nyhet&sida=2" "$ARTICLE" /amnen \
    /amnen/jamstalldhet /kontakt /tillganglighet "/sok?q=skola" \
    /nyheter.atom /amnen/jamstalldhet.atom /sitemap.xml /robots.txt; do
	get "$path"
	assert_status 200
	assert_header ETag '^"([0-9a-f]{32}|[0-9a-f]+-[0-9a-f]+)"$'
	assert_header Cache-Control '^public, max-age=0, must-revalidate$'
	assert_header Vary '(^|, *)Cookie'
	etag=$(header ETag)
	get "$path" -H "If-None-Match: $etag"
	assert_status 304
	assert_header ETag "^$etag\$"
	check "304 for $path has an empty body" test ! -s "$T/body"
	# Through gzip the tag is nginx's weak form of it, or the
	# gzipped page file's own (gzip_static); either validates.
	get "$path" --compressed
	ztag=$(header ETag)
	get "$path" --compressed -H "If-None-Match: $ztag"
	assert_status 304
done

# HEAD is conditional too, and a stale tag in a list does not match.
get "$ARTICLE"
etag=$(header ETag)
request HEAD "$ARTICLE" -H "If-None-Match: $etag"
assert_status 304
get "$ARTICLE" -H 'If-None-Match: "0123456789abcdef0123456789abcdef"'
assert_status 200
get "$ARTICLE" -H "If-None-Match: \"x\", $etag"
assert_status 304

# --- Last-Modified and If-Modified-Since ------------------------------------------

for ((i = 0; i < 40; i++)); do
	get "$ARTICLE"
	[ -n "$(header Last-Modified)" ] && break
	sleep 0.25
done
lm=$(header Last-Modified)
check "Last-Modified is an HTTP date ($lm)" python3 -c '
import sys, email.utils
sys.exit(email.utils.parsedate_to_datetime(sys.argv[1]) is None)' "$lm"
now=$(LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S GMT')
get "$ARTICLE" -H "If-Modified-Since: $now"
assert_status 304
get "$ARTICLE" -H "If-Modified-Since: Sat, 01 Jan 2000 00:00:00 GMT"
assert_status 200
# If-None-Match wins over If-Modified-Since (RFC 9110).
get "$ARTICLE" -H 'If-None-Match: "stale"' -H "If-Modified-Since: $now"
assert_status 200

# --- a change: the next request is a 200 with another ETag -------------------------

get "$ARTICLE"
old=$(header ETag)
sleep 1.1	# the change lands in a later second than the last response
sqlite3 "$DB" "UPDATE article SET title = 'Ändrad rubrik om kvinnofrid',
    updated_at = unixepoch() WHERE slug = 'fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid'"
get "$ARTICLE" -H "If-None-Match: $old"
assert_status 200
assert_body_contains 'Ändrad rubrik om kvinnofrid'
check "the ETag changed after the edit" test "$(header ETag)" != "$old"
get "$ARTICLE" -H "If-Modified-Since: $lm"
assert_status 200

# The list, the feed and the sitemap follow a publish at once.
declare -A before
for path in /nyheter /nyheter.atom /sitemap.xml /; do
	get "$path"
	before[$path]=$(header ETag)
done
sqlite3 "$DB" "INSERT INTO article (kind, slug, title, lead, status,
    publish_at) VALUES ('nyhet', 't11-ny', 'Ny nyhet från cachetestet',
    'Ingress.', 'publicerad', unixepoch() - 5)"
for path in /nyheter /nyheter.atom /sitemap.xml /; do
	get "$path" -H "If-None-Match: ${before[$path]}"
	assert_status 200
	assert_body_contains 't11-ny'
done

# A notice switched on by the clock alone (no write at its start) shows on
# the next request: the ETag follows the body, whatever the dates say.
sqlite3 "$DB" "INSERT INTO notice (text, active_from) VALUES
    ('Planerat driftstopp t11', unixepoch() + 2)"
get /kontakt
etag=$(header ETag)
sleep 2.2
get /kontakt -H "If-None-Match: $etag"
assert_status 200
assert_body_contains 'Planerat driftstopp t11'

# --- never stored: sessions, staff pages, errors -----------------------------------

# The notice just came: its page's tag is a digest until its second has
# passed, then the date-and-size one nginx uses.  Take the settled one.
for ((i = 0; i < 40; i++)); do
	get "$ARTICLE"
	[ -n "$(header Last-Modified)" ] && break
	sleep 0.25
done
etag=$(header ETag)
get "$ARTICLE" -H "Cookie: pressrum_session=abc" -H "If-None-Match: $etag"
assert_status 200
assert_header Cache-Control '^no-store$'
assert_no_header ETag
assert_no_header Last-Modified
get /nyheter.atom -H "Cookie: a=b; pressrum_session=x" -H 'If-None-Match: *'
assert_status 200
assert_header Cache-Control '^no-store$'
# Another cookie alone does not count as a session.
get "$ARTICLE" -H "Cookie: other=1" -H "If-None-Match: $etag"
assert_status 304

get /admin/logga-in
assert_status 200
assert_header Cache-Control '^no-store$'
assert_no_header ETag
get /admin -H 'If-None-Match: *'
assert_header Cache-Control '^no-store$'
assert_no_header ETag

get /finns-inte -H 'If-None-Match: *'
assert_status 404
assert_header Cache-Control '^no-store$'
assert_no_header ETag
get "/nyheter?sida=abc"
assert_status 400
assert_no_header ETag

done_testing

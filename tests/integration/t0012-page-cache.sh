#!/usr/bin/env bash
# t0012-page-cache.sh -- the page caches (src/cache/: the workers' memory
# and the page files nginx serves itself) are never stale: with both
# warm, a write made outside the app (sqlite3 CLI), a scheduled
# article's time coming, a notice's start and a publish through the
# staff form each show on every following request; staff sessions never
# get a kept page.  The server log has a line for each request that
# reached Pressrum, marked "cached" when it came from a worker's memory,
# so the test also sees that the caches are used at all.  Last, new
# templates (SIGHUP) show on every page, whichever cache it was in.
. "$(dirname "$0")/lib.sh"
TEMPLATES=$(mktemp -d "${TMPDIR:-/tmp}/pressrum-tpl.XXXXXX")
cp -r "$PRESSRUM_SRC/templates/." "$TEMPLATES/"
site_start
trap 'site_stop; rm -rf "$TEMPLATES"' EXIT

ARTICLE=/nyheter/fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid
SCHEDULED=valfardens-utmaningar-till-2035

# GET path N times; count how many bodies hold (or lack) text.
seen=0 missing=0
count_in() {
	local path=$1 n=$2 text=$3 i
	seen=0 missing=0
	for ((i = 0; i < n; i++)); do
		get "$path"
		if [[ $BODY == *"$text"* ]]; then
			seen=$((seen + 1))
		else
			missing=$((missing + 1))
		fi
	done
}

# How many GETs of path Pressrum rendered (not from a cache).
rendered() {
	grep -c "GET $1 200 [0-9]*us\$" "$T/server.log" || true
}
# How many GETs of path reached Pressrum at all.
reached() {
	grep -c "GET $1 [0-9]* [0-9]*us" "$T/server.log" || true
}

# After a write from outside the app, the master moves the page files
# aside when inotify tells it (within milliseconds); wait for that, at
# most 2 s, so the checks below do not race it.
files_moved() {
	local before=$1 i
	for ((i = 0; i < 20; i++)); do
		[ "$(readlink "$T/pages/current")" != "$before" ] && return 0
		sleep 0.1
	done
	return 1
}

# --- the caches answer ------------------------------------------------------------

count_in "$ARTICLE" 12 "08-452 76 41"
check "article shows the expert's phone every time" test "$seen" = 12
n=$(rendered "$ARTICLE")
check "repeated article requests come from a cache (rendered $n of 12)" \
    test "$n" -le 4

# nginx answers from the page file: the same bytes and headers as
# Pressrum's own answer, and no request reaches Pressrum.  (Pages
# changed in the current second get no file and no Last-Modified; each
# worker's start counts as a change: wait for the date.)
for ((i = 0; i < 40; i++)); do
	get "$ARTICLE?fran=app"
	[ -n "$(header Last-Modified)" ] && break
	sleep 0.25
done
app_body=$BODY app_etag=$(header ETag) app_lm=$(header Last-Modified)
for ((i = 0; i < 20; i++)); do
	before=$(reached "$ARTICLE")
	get "$ARTICLE"
	[ "$(reached "$ARTICLE")" = "$before" ] && break
	sleep 0.2
done
check "nginx serves the article from its file" \
    test "$(reached "$ARTICLE")" = "$before"
check "the file holds the page Pressrum renders" test "$BODY" = "$app_body"
assert_header Content-Type '^text/html; charset=utf-8$'
assert_header ETag "^$app_etag\$"
assert_header Last-Modified "^$app_lm\$"
assert_header Cache-Control '^public, max-age=0, must-revalidate$'
assert_header Vary '^Cookie$'
assert_header Content-Security-Policy "frame-ancestors 'none'"
assert_header X-Content-Type-Options '^nosniff$'
get "$ARTICLE" -H "If-None-Match: $app_etag"
assert_status 304
check "and validates it the same" \
    test "$(reached "$ARTICLE")" = "$before"
get /
assert_status 200
assert_header Content-Type '^text/html; charset=utf-8$'

# --- a write from outside the app ---------------------------------------------------

link=$(readlink "$T/pages/current")
sqlite3 "$DB" "UPDATE contact SET phone = '08-000 11 22' WHERE name = 'Love Nordenmark'"
check "the page files are moved aside ($link)" files_moved "$link"
count_in "$ARTICLE" 8 "08-000 11 22"
check "a contact change shows on every next request (seen $seen/8)" \
    test "$seen" = 8
count_in "$ARTICLE" 1 "08-452 76 41"
check "the old phone is gone" test "$seen" = 0

# --- the clock: a scheduled article and a notice --------------------------------------

due=$(( $(date +%s) + 6 ))
link=$(readlink "$T/pages/current")
sqlite3 "$DB" "UPDATE article SET publish_at = $due WHERE slug = '$SCHEDULED';
    INSERT INTO notice (text, active_from) VALUES ('Testnotis om vattenläcka', $due)"
files_moved "$link"
count_in /nyheter 6 "/nyheter/$SCHEDULED"
check "before its time the scheduled article is not listed" test "$seen" = 0
count_in / 6 "Testnotis om vattenläcka"
check "before its time the notice is not shown" test "$seen" = 0
n=$(rendered /)
count_in / 6 "Testnotis om vattenläcka"
n=$(( $(rendered /) - n ))
check "the start page comes from a cache while waiting (rendered $n of 6)" \
    test "$n" -le 2
check "still before its time ($seen)" test "$seen" = 0
while [ "$(date +%s)" -lt "$due" ]; do sleep 0.2; done
count_in /nyheter 6 "/nyheter/$SCHEDULED"
check "at its time the scheduled article is listed every time ($seen/6)" \
    test "$seen" = 6
count_in / 6 "Testnotis om vattenläcka"
check "at its time the notice shows every time ($seen/6)" test "$seen" = 6
get "/nyheter/$SCHEDULED"
assert_status 200

# --- a publish through the staff form ---------------------------------------------------

count_in /nyheter 6 "Cachetest publicerad"
staff_user_add cachetest redaktor
staff_signin cachetest
publish_article cachetest "Cachetest publicerad" cachetest-publicerad \
    "Brödtext om cachen."
check "the publish was accepted ($STATUS)" test "$STATUS" = 303
count_in /nyheter 6 "Cachetest publicerad"
check "the published article is on /nyheter every time ($seen/6)" \
    test "$seen" = 6
count_in /nyheter.atom 4 "Cachetest publicerad"
check "and in the feed every time ($seen/4)" test "$seen" = 4

# --- sessions are never served from the cache ---------------------------------------------

before=$(rendered /nyheter)
for ((i = 0; i < 4; i++)); do
	staff_request cachetest GET /nyheter
done
after=$(rendered /nyheter)
check "requests with a session are rendered, not cached ($before, $after)" \
    test "$after" = "$((before + 4))"
assert_header Cache-Control 'no-store'

# --- new templates ------------------------------------------------------------------------

count_in "$ARTICLE" 6 "Fortsatt satsning"
sed -i 's|<p class="footer-org">|<p class="footer-org">Ny mall t12 |' \
    "$TEMPLATES/foot.html"
kill -HUP "$SERVER_PID"
# The master and the workers take the signal in their own time.
for ((i = 0; i < 20; i++)); do
	get /
	[[ $BODY == *"Ny mall t12"* ]] && break
	sleep 0.1
done
for p in / "$ARTICLE" /kontakt; do
	count_in "$p" 6 "Ny mall t12"
	check "after a reload $p has the new template every time ($seen/6)" \
	    test "$seen" = 6
done
sleep 2.5	# past the master's second hold
count_in "$ARTICLE" 6 "Ny mall t12"
check "and still every time later ($seen/6)" test "$seen" = 6

done_testing

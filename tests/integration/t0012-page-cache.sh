#!/usr/bin/env bash
# t0012-page-cache.sh -- the workers' page cache (src/cache/) is never
# stale: with the cache warm in both workers, a write made outside the
# app (sqlite3 CLI), a scheduled article's time coming, a notice's start
# and a publish through the staff form each show on every following
# request; staff sessions never get a cached page.  The server log marks
# answers from the cache with "cached", so the test also sees that the
# cache is used at all.
. "$(dirname "$0")/lib.sh"
site_start

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

cached_lines() {
	grep -c " $1 200 [0-9]*us cached" "$T/server.log" || true
}

# --- the cache answers ------------------------------------------------------------

count_in "$ARTICLE" 12 "08-452 76 41"
check "article shows the expert's phone every time" test "$seen" = 12
hits=$(cached_lines "$ARTICLE")
check "repeated article requests come from the cache ($hits of 12)" \
    test "$hits" -ge 8

# --- a write from outside the app ---------------------------------------------------

sqlite3 "$DB" "UPDATE contact SET phone = '08-000 11 22' WHERE name = 'Love Nordenmark'"
count_in "$ARTICLE" 8 "08-000 11 22"
check "a contact change shows on every next request (seen $seen/8)" \
    test "$seen" = 8
count_in "$ARTICLE" 1 "08-452 76 41"
check "the old phone is gone" test "$seen" = 0

# --- the clock: a scheduled article and a notice --------------------------------------

due=$(( $(date +%s) + 3 ))
sqlite3 "$DB" "UPDATE article SET publish_at = $due WHERE slug = '$SCHEDULED';
    INSERT INTO notice (text, active_from) VALUES ('Testnotis om vattenläcka', $due)"
count_in /nyheter 6 "/nyheter/$SCHEDULED"
check "before its time the scheduled article is not listed" test "$seen" = 0
count_in / 6 "Testnotis om vattenläcka"
check "before its time the notice is not shown" test "$seen" = 0
hits=$(cached_lines /)
check "the start page is cached while waiting ($hits)" test "$hits" -ge 3
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

before=$(grep -c " cached" "$T/server.log" || true)
for ((i = 0; i < 4; i++)); do
	staff_request cachetest GET /nyheter
done
after=$(grep -c " cached" "$T/server.log" || true)
check "requests with a session are rendered, not cached" \
    test "$before" = "$after"
assert_header Cache-Control 'no-store'

done_testing

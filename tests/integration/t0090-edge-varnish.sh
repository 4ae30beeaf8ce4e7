#!/usr/bin/env bash
# t0090-edge-varnish.sh -- an edge cache (Varnish with deploy/varnish.vcl)
# in front of the site, purged by Pressrum on every change
# (pressrum serve --purge, here through PRESSRUM_PURGE_URLS).
#
#  1. A repeat is a hit; a conditional request is answered 304.
#  2. A staff save, an outside sqlite3 write and a scheduled publish
#     time (no reader, no staff action) each show through the edge
#     within 2 s, although the edge would keep the page for 60 s.
#  3. /admin, and anything asked with a session cookie, is never kept.
#  4. PURGE and BAN from an address outside the VCL's acl are refused.
#  5. An edge that hangs (SIGSTOP) does not fail or stall a staff save;
#     the staff start page names it; once it answers again it is
#     purged and shows the save.
#  6. Behind the edge, Pressrum sees the reader's address (nginx's
#     real_ip from the edge's X-Forwarded-For), not the edge's.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/varnish.sh"

VPORT=$(free_port)
export PRESSRUM_PURGE_URLS="http://127.0.0.1:$VPORT/"
site_start
trap 'varnish_stop; site_stop' EXIT
varnish_start "$PORT" "$VPORT" || bail "varnishd did not start"
# The purge at start failed (no Varnish yet) and is retried: wait for
# it, so it does not drop what the tests below expect kept.
for ((i = 0; i < 50; i++)); do
	grep -q "edge .* answers again" "$T/server.log" && break
	sleep 0.1
done

# vget PATH [curl args]: GET through the edge.
vget() { local p=$1; shift; get "$VBASE$p" "$@"; }

# shows_within SECS PATH TEXT: poll PATH through the edge until TEXT is
# on it; ELAPSED_MS is how long that took.
shows_within() {
	local secs=$1 p=$2 text=$3 t0 now
	t0=$(date +%s%3N)
	while :; do
		vget "$p"
		now=$(date +%s%3N)
		ELAPSED_MS=$((now - t0))
		[[ $BODY == *"$text"* ]] && return 0
		[ "$ELAPSED_MS" -gt $((secs * 1000)) ] && return 1
		sleep 0.05
	done
}

# 1. hits and 304s
vget /nyheter
assert_status 200
vget /nyheter
assert_header X-Cache '^HIT$'
assert_header Cache-Control '^public, max-age=0, must-revalidate$'
assert_no_header Surrogate-Control
etag=$(header ETag)
vget /nyheter -H "If-None-Match: $etag"
assert_status 304
vget /css/site.css
vget /css/site.css
assert_header X-Cache '^HIT$'

# 2a. a staff save
staff_user_add red redaktor
staff_signin red
vget /nyheter		# kept by the edge from here on
publish_article red "Kantcachen ser sparningen" kant-sparning "Text."
assert_status 303
check "a staff save shows through the edge within 2 s" \
    shows_within 2 /nyheter "Kantcachen ser sparningen"
printf '# staff save to edge: %s ms\n' "$ELAPSED_MS"

# 2b. an outside write
vget /nyheter
q "UPDATE article SET title = 'Utifrån ändrad rubrik' WHERE slug = 'kant-sparning'"
check "an sqlite3 write shows through the edge within 2 s" \
    shows_within 2 /nyheter "Utifrån ändrad rubrik"
printf '# outside write to edge: %s ms\n' "$ELAPSED_MS"

# 2c. a scheduled publish time, with no reader in between
at=$(( $(date +%s) + 5 ))
q "UPDATE article SET publish_at = $at, title = 'Schemalagd till kanten' WHERE slug = 'kant-sparning'"
sleep 2		# past the second purge of that write (src/cli/edges.c)
vget /nyheter
assert_body_lacks "Schemalagd till kanten"
vget /nyheter
assert_header X-Cache '^HIT$'
while [ "$(date +%s%3N)" -lt $((at * 1000)) ]; do sleep 0.05; done
check "a scheduled article shows through the edge within 2 s of its time" \
    shows_within 2 /nyheter "Schemalagd till kanten"
printf '# scheduled time to edge: %s ms\n' "$ELAPSED_MS"

# 3. never kept: staff pages, session requests
for i in 1 2; do vget /admin -b "$T/red.jar"; done
assert_status 200
assert_header X-Cache '^MISS$'
assert_body_contains "Översikt"
for i in 1 2; do vget /nyheter -b "$T/red.jar"; done
assert_header X-Cache '^MISS$'
vget /admin
assert_status 303

# 4. purges from elsewhere
for m in PURGE BAN; do
	request $m "$VBASE/nyheter" --interface 127.0.0.2
	assert_status 403
done
request PURGE "$VBASE/nyheter"
assert_status 200

# 5. an edge that hangs
vget /nyheter
kids=$(children "$VARNISH_PID")
kill -STOP "$VARNISH_PID" $kids
t0=$(date +%s%3N)
publish_article red "Medan kanten sov" kant-sov "Text."
save_ms=$(( $(date +%s%3N) - t0 ))
assert_status 303
check "the save did not wait for the edge (${save_ms} ms)" test "$save_ms" -lt 1000
printf '# staff save with the edge hung: %s ms\n' "$save_ms"
get /nyheter
assert_body_contains "Medan kanten sov"
sleep 2.5		# the purge's 2 s deadline has passed
staff_request red GET /admin
assert_body_contains "En cache svarar inte"
assert_body_contains "127.0.0.1:$VPORT"
kill -CONT $kids "$VARNISH_PID"
check "the edge catches up within 5 s of answering again" \
    shows_within 5 /nyheter "Medan kanten sov"
printf '# edge back to fresh: %s ms\n' "$ELAPSED_MS"
staff_request red GET /admin
assert_body_lacks "En cache svarar inte"

# 6. the reader's address: a sign-up through the edge counts the reader
# (127.0.0.2, as Varnish's X-Forwarded-For says), not the edge, while
# a reader who is not an edge cannot name another address.
post "$VBASE/prenumerera" --interface 127.0.0.2 -H "Origin: $BASE" \
    --data-urlencode "epost=kant@exempel.se" --data-urlencode omfang=alla \
    --data-urlencode takt=direkt
assert_status 200
assert_eq "a sign-up through the edge has the reader's address" \
    "$(q "SELECT remote_addr FROM subscriber WHERE email = 'kant@exempel.se'")" \
    127.0.0.2
post /prenumerera --interface 127.0.0.2 -H "Origin: $BASE" \
    -H "X-Forwarded-For: 198.51.100.7" \
    --data-urlencode "epost=direkt@exempel.se" --data-urlencode omfang=alla \
    --data-urlencode takt=direkt
assert_status 200
assert_eq "... and one straight to nginx its own, whatever it claims" \
    "$(q "SELECT remote_addr FROM subscriber WHERE email = 'direkt@exempel.se'")" \
    127.0.0.2

done_testing

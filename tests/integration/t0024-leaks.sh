#!/usr/bin/env bash
# t0024-leaks.sh -- no leaks across a few thousand requests in one worker.
#
# The site runs with one worker, page files on, and
# PRESSRUM_MAX_REQUESTS=N, so the worker serves N requests over every
# public route (pages, feeds, errors, 405, 413, HEAD), frees what it owns
# and exit()s, where the leak checker reports.  With an ASan build (ldd shows libasan) LeakSanitizer checks;
# otherwise the worker runs under valgrind (definite and indirect leaks
# and memory errors fail).  LEAK_REQUESTS overrides N (default 2000).
. "$(dirname "$0")/lib.sh"
site_start

N=${LEAK_REQUESTS:-2000}
if ldd "$PRESSRUM_BIN" 2>/dev/null | grep libasan >/dev/null ||
    nm "$PRESSRUM_BIN" 2>/dev/null | grep ' __asan_init' >/dev/null; then
	mode=asan
else
	command -v valgrind >/dev/null || bail "valgrind is not installed"
	mode=valgrind
fi
printf '# checking with %s over %d requests\n' "$mode" "$N"

# Every public route, and the error paths.
urls=(/ /nyheter "/nyheter?sida=2" "/nyheter?typ=pressmeddelande"
    "/nyheter?ar=2024" /amnen /kontakt /tillganglighet /nyheter.atom
    /sitemap.xml /robots.txt "/sok?q=skola" /finns-inte /nyheter/finns-inte
    "/nyheter?sida=%FF" "/sok?q=%zz")
for s in $(sqlite3 "$DB" "SELECT slug FROM article ORDER BY id"); do
	urls+=("/nyheter/$s")
done
for s in $(sqlite3 "$DB" "SELECT slug FROM topic ORDER BY id"); do
	urls+=("/amnen/$s" "/amnen/$s.atom")
done

# Restart the app alone, with one worker, under the checker.
stop_pid "$SERVER_PID"
rm -f "$SOCKET"
serve=("$PRESSRUM_BIN" serve --db "$DB" --socket "$SOCKET" --workers 1
    --templates "$PRESSRUM_SRC/templates" --base-url "$BASE"
    --page-dir "$T/pages")
export PRESSRUM_MAX_REQUESTS=$N
if [ "$mode" = asan ]; then
	ASAN_OPTIONS=detect_leaks=1:log_path=$T/asan \
	    "${serve[@]}" </dev/null >>"$T/server.log" 2>&1 &
else
	valgrind --leak-check=full --show-leak-kinds=definite,indirect \
	    --errors-for-leak-kinds=definite,indirect --error-exitcode=42 \
	    --track-fds=no --log-file="$T/vg.%p" \
	    "${serve[@]}" </dev/null >>"$T/server.log" 2>&1 &
fi
SERVER_PID=$!
unset PRESSRUM_MAX_REQUESTS
for ((i = 0; i < 300; i++)); do
	[ -S "$SOCKET" ] && break
	sleep 0.1
done

# The POSTs and a HEAD first, then the GETs through curl config files
# (one curl, one keep-alive connection to nginx per batch) until the
# worker has served N: nginx answers pages Pressrum has written as files
# itself, so more than N are sent (at most 6N).
bad=0
{ printf 'a='; head -c 1500000 /dev/zero | tr '\0' x; } >"$T/big"
post / --data 'x=1'
[ "$STATUS" = 405 ] || bad=$((bad + 1))
post / -H 'Content-Type: application/x-www-form-urlencoded' \
    --data-binary "@$T/big"
[ "$STATUS" = 413 ] || bad=$((bad + 1))
post / -H 'Content-Type: application/x-www-form-urlencoded' \
    --data 'a=%zz'
request HEAD /nyheter
check "the POST and HEAD requests got their statuses" test "$bad" -eq 0
sent=4
: >"$T/batch"
for u in "${urls[@]}"; do
	printf 'url = "%s%s"\noutput = "/dev/null"\n' "$BASE" "$u" >>"$T/batch"
done
while [ "$sent" -lt $((6 * N)) ] &&
    ! grep -qE 'worker [0-9]+ exited with' "$T/server.log"; do
	curl -s --max-time 120 -w '%{http_code}\n' -K "$T/batch" >>"$T/codes"
	sent=$((sent + ${#urls[@]}))
done
printf '# %d requests sent\n' "$sent"
check "every answer was a 2xx, 3xx or 4xx" \
    sh -c '! grep -vE "^[234][0-9][0-9]$" "$1" | grep -q .' - "$T/codes"

# The worker exits after its N-th request; the master starts another.
for ((i = 0; i < 600; i++)); do
	grep -qE 'worker [0-9]+ exited with' "$T/server.log" && break
	sleep 0.1
done
line=$(grep -E 'worker [0-9]+ exited with' "$T/server.log" | head -n 1)
printf '# %s\n' "$line"
check "the worker exited cleanly with status 0 after $N requests" \
    sh -c 'printf "%s" "$1" | grep -q "exited with 0;"' - "$line"
wpid=$(printf '%s' "$line" | sed -E 's/.*worker ([0-9]+) exited.*/\1/')
stop_pid "$SERVER_PID" 30
SERVER_PID=""

if [ "$mode" = asan ]; then
	cat "$T"/asan.* 2>/dev/null | head -n 60
	check "LeakSanitizer and ASan reported nothing" \
	    sh -c '! cat "$1"/asan.* 2>/dev/null | grep -q .' - "$T"
else
	f=$T/vg.$wpid
	check "valgrind checked the worker" grep -q 'HEAP SUMMARY' "$f"
	if ! grep -q 'ERROR SUMMARY: 0 errors' "$f"; then
		sed -n '/HEAP SUMMARY/,$p' "$f" | head -n 100
	fi
	check "valgrind: no definite or indirect leak in the worker" \
	    sh -c '! grep -qE "(definitely|indirectly) lost: [1-9]" "$1"' - "$f"
	check "valgrind: no memory error in the worker" \
	    grep -q 'ERROR SUMMARY: 0 errors' "$f"
	check "valgrind: no memory error in any process" \
	    sh -c '! cat "$1"/vg.* | grep -qE "Invalid (read|write|free)|uninitialised|Mismatched"' - "$T"
fi

done_testing

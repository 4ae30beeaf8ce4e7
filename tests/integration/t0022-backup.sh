#!/usr/bin/env bash
# t0022-backup.sh -- `pressrum backup FILE` copies the live database while
# the site serves and a writer writes, and the restore path in README.md
# (stop, put the copy in place, migrate, start) brings back the same pages.
. "$(dirname "$0")/lib.sh"
site_start

pages=(/ /nyheter /amnen /kontakt /tillganglighet /nyheter.atom /sitemap.xml)
article=$(sqlite3 "$DB" "SELECT slug FROM article WHERE status = 'publicerad'
    AND publish_at <= unixepoch() AND kind = 'nyhet' ORDER BY id LIMIT 1")
topic=$(sqlite3 "$DB" "SELECT slug FROM topic ORDER BY id LIMIT 1")
check "the demo has a published article and a topic" \
    test -n "$article" -a -n "$topic"
pages+=("/nyheter/$article" "/amnen/$topic")

# snapshot DIR: every page's body into DIR/N.
snapshot() {
	local i
	mkdir -p "$1"
	for i in "${!pages[@]}"; do
		curl -s --max-time 10 -o "$1/$i" "$BASE${pages[$i]}"
	done
}
snapshot "$T/before"

# Readers and a writer keep the site busy while the backup runs.  The
# writer's updates change nothing visible, so the pages stay comparable.
touch "$T/busy"
(
	while [ -e "$T/busy" ]; do
		for p in "${pages[@]}"; do
			curl -s -o /dev/null --max-time 10 -w '%{http_code}\n' \
			    "$BASE$p"
		done
	done
) >"$T/codes" &
readers=$!
(
	while [ -e "$T/busy" ]; do
		sqlite3 -cmd '.timeout 5000' "$DB" \
		    "UPDATE setting SET value = value;
		     UPDATE article SET updated_at = updated_at;" || echo fail
		sleep 0.05
	done
) >"$T/writer" 2>&1 &
writer=$!
sleep 1

"$PRESSRUM_BIN" backup "$T/copy.db" --db "$DB" >"$T/backup.out" 2>&1
check "backup of a live database exits 0" test $? -eq 0
check "backup says where the copy is" grep -q 'copy.db' "$T/backup.out"
"$PRESSRUM_BIN" backup --db "$DB" "$T/copy.db" >"$T/backup2.out" 2>&1
check "backup refuses to overwrite an existing file" test $? -eq 1
check "... and says so in Swedish" grep -q 'finns redan' "$T/backup2.out"
before=$(stat -c %Y.%s "$T/copy.db")
sleep 1
PRESSRUM_DB=$DB "$PRESSRUM_BIN" backup "$T/copy.db" --force \
    >"$T/backup3.out" 2>&1
check "backup --force replaces it (database from PRESSRUM_DB)" \
    test $? -eq 0 -a "$(stat -c %Y.%s "$T/copy.db")" != "$before"
sleep 0.5
rm -f "$T/busy"
wait "$readers" "$writer"

check "no temporary file is left next to the copy" \
    test -z "$(find "$T" -maxdepth 1 -name 'copy.db?*')"
check "the copy is private (mode 0600)" \
    test "$(stat -c %a "$T/copy.db")" = 600
check "the copy passes PRAGMA integrity_check" \
    test "$(sqlite3 "$T/copy.db" 'PRAGMA integrity_check')" = ok
check "the copy has the articles" test "$(sqlite3 "$T/copy.db" \
    'SELECT count(*) FROM article')" = "$(sqlite3 "$DB" \
    'SELECT count(*) FROM article')"
check "readers got answers while the backup ran" test -s "$T/codes"
check "every read during the backup was a 200" \
    test -z "$(grep -v '^200$' "$T/codes")"
check "the writer was never locked out" test ! -s "$T/writer"

"$PRESSRUM_BIN" backup "$T/nope.db" --db "$T/does-not-exist.db" \
    >"$T/backup4.out" 2>&1
check "backup of a missing database fails" test $? -eq 1
check "... and leaves no file behind" \
    test -z "$(find "$T" -maxdepth 1 -name 'nope.db*')"
"$PRESSRUM_BIN" backup >/dev/null 2>&1
check "backup without FILE is a usage error" test $? -eq 2

# Lose an article after the backup, then restore as README.md says.
sqlite3 "$DB" "PRAGMA foreign_keys = ON;
    DELETE FROM article WHERE slug = '$article'"
get "/nyheter/$article"
assert_status 404

stop_pid "$SERVER_PID"
rm -f "$DB-wal" "$DB-shm"
cp "$T/copy.db" "$DB"
"$PRESSRUM_BIN" migrate --db "$DB" >"$T/migrate.out" 2>&1
check "migrate on the restored database" test $? -eq 0
rm -f "$SOCKET"
"$PRESSRUM_BIN" serve --db "$DB" --socket "$SOCKET" --workers 2 \
    --templates "$PRESSRUM_SRC/templates" --base-url "$BASE" \
    --page-dir "$T/pages" </dev/null >>"$T/server.log" 2>&1 &
SERVER_PID=$!
for ((i = 0; i < 100; i++)); do
	[ -S "$SOCKET" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' \
	    "$BASE/")" = 200 ] && break
	sleep 0.1
done

get "/nyheter/$article"
assert_status 200
snapshot "$T/after"
for i in "${!pages[@]}"; do
	check "restored ${pages[$i]} is byte-for-byte the same" \
	    cmp -s "$T/before/$i" "$T/after/$i"
done
check "the restored database passes integrity_check" \
    test "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok

check "no sanitizer report and no worker crash in the server log" \
    sh -c '! grep -qE "AddressSanitizer|LeakSanitizer|runtime error:|killed by signal" "$1"' \
    - "$T/server.log"

done_testing

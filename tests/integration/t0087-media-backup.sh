#!/usr/bin/env bash
# t0087-media-backup.sh -- one backup file holds the pictures and
# documents (issue 14): their bytes live in SQLite, so `pressrum backup`
# copies them with everything else, and a restore onto an empty media
# directory (a new server) brings every picture file and document back
# byte for byte, written out by `serve` at start.  Also: an upload cut
# off half-way (the client goes away) leaves no row and no file.
. "$(dirname "$0")/lib.sh"
site_start
png=$PRESSRUM_SRC/tests/integration/media_png.py
staff_user_add red redaktor
staff_signin red
/usr/bin/python3 "$png" 1800 1200 "$T/a.png"
"$PRESSRUM_BIN" media add "$T/a.png" --alt "En bild" --credit "Eva" \
    --db "$DB" --media-dir "$T/media" >/dev/null
mid=$(q "SELECT max(id) FROM media")
publish_article red "Rapport" rapport "Se rapporten."
aid=$ARTICLE_ID
printf '%%PDF-1.4\nrapport\n%%%%EOF\n' >"$T/r.pdf"
request POST "/admin/media/dokument/$aid" -b "$T/red.jar" -H "Origin: $BASE" \
    -F "csrf=$(staff_csrf red)" -F "atgard=ladda-upp" -F "fil=@$T/r.pdf" \
    -F "titel=Rapporten"
assert_status 303
staff_request red POST "/admin/media/artikel/$aid" --data-urlencode "bild=$mid"
assert_status 303
(cd "$T/media" && find . -type f ! -name '.*' -exec sha256sum {} + | sort) \
    >"$T/files.before"
check "files to compare" test "$(wc -l <"$T/files.before")" -ge 9
get /nyheter/rapport
before=$BODY

"$PRESSRUM_BIN" backup "$T/copy.db" --db "$DB" >/dev/null 2>&1
check "backup exits 0" test $? -eq 0
# The restore path of README.md, on a new server: no media directory.
stop_pid "$SERVER_PID"
rm -rf "$T/media" "$T/pages" "$DB" "$DB-wal" "$DB-shm"
cp "$T/copy.db" "$DB"
"$PRESSRUM_BIN" migrate --db "$DB" >/dev/null 2>&1
server_start
(cd "$T/media" && find . -type f ! -name '.*' -exec sha256sum {} + | sort) \
    >"$T/files.after"
check "every picture file and document back, byte for byte" \
    cmp -s "$T/files.before" "$T/files.after"
get /nyheter/rapport
assert_eq "the article page is the same" "$BODY" "$before"
src=$(printf '%s' "$BODY" | grep -o 'src="/media/[^"]*"' | head -n 1 |
    sed 's/src="//; s/"$//')
get "$src"
assert_status 200

# Half an upload: curl sends the headers and part of the body, then goes.
n=$(q "SELECT count(*) FROM media")
head -c 3000000 /dev/urandom >"$T/big.bin"
curl -s -o /dev/null --max-time 1 --limit-rate 200k -b "$T/red.jar" \
    -H "Origin: $BASE" -F "csrf=$(staff_csrf red)" -F "alt=x" -F "credit=y" \
    -F "fil=@$T/big.bin;filename=half.jpg" "$BASE/admin/media" || true
sleep 0.5
assert_eq "no row from a cut-off upload" "$(q "SELECT count(*) FROM media")" "$n"
check "no temporary file left in the media directory" \
    test -z "$(find "$T/media" -name '.*.tmp')"
get /
assert_status 200
done_testing

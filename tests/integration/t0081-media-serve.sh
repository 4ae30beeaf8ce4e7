#!/usr/bin/env bash
# t0081-media-serve.sh -- nginx serves a picture's files itself from the
# media directory (/media/HASH-WIDTH.webp) with a year's immutable cache
# header, also while Pressrum is down; `serve --media-dir` writes at start
# any file the directory lacks (the bytes live in the database).
. "$(dirname "$0")/lib.sh"
site_start
M=$T/media

/usr/bin/python3 "$PRESSRUM_SRC/tests/integration/media_png.py" 700 500 \
    "$T/bild.png"
"$PRESSRUM_BIN" media add "$T/bild.png" --alt "Gradient" --credit "Anna" \
    --db "$DB" --media-dir "$M" >"$T/add.out" 2>&1
check "media add into the running site's database" test $? -eq 0
webp=$(q "SELECT name FROM media_file WHERE mime = 'image/webp' AND width = 640")
jpeg=$(q "SELECT name FROM media_file WHERE mime = 'image/jpeg' AND width = 320")
check "a 640 WebP and a 320 JPEG are stored" test -n "$webp" -a -n "$jpeg"

get "/media/$webp"
assert_status 200
assert_header Content-Type "image/webp"
assert_header Cache-Control "public, max-age=31536000, immutable"
assert_header X-Content-Type-Options nosniff
get "/media/$jpeg"
assert_status 200
assert_header Content-Type "image/jpeg"
curl -s -o "$T/got.webp" "$BASE/media/$webp"
q "SELECT writefile('$T/want.webp', data) FROM media_file
    WHERE name = '$webp'" >/dev/null
check "the bytes served are the bytes stored" cmp -s "$T/got.webp" "$T/want.webp"

# Without Pressrum, nginx still answers: no picture request reaches it.
stop_pid "$SERVER_PID"
SERVER_PID=""
get "/media/$webp"
assert_status 200
assert_header Cache-Control "public, max-age=31536000, immutable"

# A lost file (new server, restored backup) is written again at start.
rm -f "$M/$webp"
server_start
check "serve --media-dir wrote the missing file at start" test -s "$M/$webp"
get "/media/$webp"
assert_status 200
get "/media/0123456789abcdef0123456789abcdef-640.webp"
assert_status 404
done_testing

#!/usr/bin/env bash
# t0082-press-images.sh -- /pressbilder lists the press pictures newest
# first, paged, each a <picture> with WebP and JPEG srcsets, alt text,
# caption, credit, licence and a download link to the original that
# nginx serves; /pressbilder/ID shows one.  The pages are well-formed
# (tidy), and a change to a picture's text shows at once although the
# pages are cached (page cache and page files).
. "$(dirname "$0")/lib.sh"
site_start
png=$PRESSRUM_SRC/tests/integration/media_png.py

get /pressbilder
assert_status 200
assert_body_contains "Det finns inga pressbilder ännu."

for i in $(seq 1 13); do
	/usr/bin/python3 "$png" $((400 + i)) 300 "$T/bild$i.png"
	"$PRESSRUM_BIN" media add "$T/bild$i.png" --alt "Gradient nummer $i" \
	    --credit "Fotograf $i" --licence "CC BY 4.0" \
	    --caption "Bildtext $i" --db "$DB" --media-dir "$T/media" \
	    >/dev/null 2>&1 || fail "media add $i"
	q "UPDATE media SET created_at = created_at + $i WHERE id = $i"
done

get /pressbilder
assert_status 200
assert_body_contains "Gradient nummer 13"
assert_body_contains "Fotograf 13. Licens: CC BY 4.0"
assert_body_contains "Bildtext 13"
assert_body_lacks "Gradient nummer 1\""
check "12 pictures on the first page" \
    test "$(printf '%s' "$BODY" | grep -c '<figure class="press-image">')" -eq 12
check "newest first" test "$(printf '%s' "$BODY" |
    grep -o 'Bildtext [0-9]*' | head -n 2 | tr '\n' ' ')" = "Bildtext 13 Bildtext 12 "
webp=$(q "SELECT group_concat('/media/' || name || ' ' || width || 'w', ', ')
    FROM (SELECT * FROM media_file WHERE media_id = 13 AND original = 0
    AND mime = 'image/webp' ORDER BY width)")
assert_body_contains "<source type=\"image/webp\" srcset=\"$webp\""
assert_body_contains 'alt="Gradient nummer 13"'
orig=$(q "SELECT name FROM media_file WHERE media_id = 13 AND original = 1")
assert_body_contains "<a href=\"/media/$orig\" download=\"bild13.png\">"
assert_body_contains 'href="/pressbilder?sida=2"'
tidy -q -e "$T/body" >"$T/tidy.out" 2>&1
check "/pressbilder: tidy finds no errors" test $? -lt 2

get "/media/$orig"
assert_status 200
assert_header Content-Type image/png

get "/pressbilder?sida=2"
assert_status 200
assert_body_contains "Gradient nummer 1"
get "/pressbilder?sida=3"
assert_status 404
get "/pressbilder?sida=x"
assert_status 400

get /pressbilder/7
assert_status 200
assert_body_contains "<h1>Bildtext 7</h1>"
assert_body_contains 'alt="Gradient nummer 7"'
tidy -q -e "$T/body" >"$T/tidy.out" 2>&1
check "/pressbilder/7: tidy finds no errors" test $? -lt 2
get /pressbilder/999
assert_status 404

# Cached pages follow a change made behind the app's back.
get /pressbilder/7
q "UPDATE media SET credit = 'Ny fotograf' WHERE id = 7"
sleep 1.1
get /pressbilder/7
assert_body_contains "Foto: Ny fotograf"
q "UPDATE media SET alt = 'Ny beskrivning' WHERE id = 13"
sleep 1.1
get /pressbilder
assert_body_contains 'alt="Ny beskrivning"'
done_testing

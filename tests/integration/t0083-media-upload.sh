#!/usr/bin/env bash
# t0083-media-upload.sh -- the staff upload form and library (issue 14):
# an editor uploads a photo through /admin/media (multipart/form-data,
# as a browser without JavaScript sends it); it is stored like `media
# add` does (no GPS left, read back with exiftool) and served by nginx.
# The form's refusals (SVG, HTML named .jpg, a pixel bomb, a file over
# 20 MB, no alt text) answer in Swedish with the text kept and nothing
# stored; a body over 21 MiB gets nginx's Swedish 413 page.  The library
# searches, saves text and consent (an ended consent hides the picture
# from /pressbilder), replaces a file under the same id and deletes an
# unused picture.  Nothing is stored without the CSRF token.
. "$(dirname "$0")/lib.sh"
command -v exiftool >/dev/null || { echo "# no exiftool: skip"; exit 77; }
site_start
png=$PRESSRUM_SRC/tests/integration/media_png.py
staff_user_add red redaktor
staff_signin red
count() { q "SELECT count(*) FROM media"; }

# upload WHO PATH CURL-ARGS...: a multipart POST with the csrf field.
upload() {
	local who=$1 path=$2
	shift 2
	request POST "$path" -b "$T/$who.jar" -H "Origin: $BASE" \
	    -F "csrf=$(staff_csrf "$who")" "$@"
}

staff_request red GET /admin/media/ny
assert_status 200
assert_body_contains 'enctype="multipart/form-data"'
assert_body_contains '<input id="fil" name="fil" type="file"'

# 1. A photo with a GPS position, through the form.
# (A JPEG made by `media add` into a scratch library: its full-size copy.)
/usr/bin/python3 "$png" 1200 800 "$T/src.png"
"$PRESSRUM_BIN" media add "$T/src.png" --alt x --credit x \
    --db "$T/scratch.db" --media-dir "$T/scratch" >/dev/null ||
    bail "media add failed"
cp "$T/scratch"/*-1200.jpg "$T/photo.jpg" 2>/dev/null ||
    cp "$(ls -S "$T/scratch"/*.jpg | head -n 1)" "$T/photo.jpg"
exiftool -q -overwrite_original -n -GPSLatitude=59.33 -GPSLatitudeRef=N \
    -GPSLongitude=18.07 -GPSLongitudeRef=E -Make=Canon "$T/photo.jpg"
check "the test photo has a GPS position" \
    grep -q 59.33 <(exiftool -n -GPSLatitude "$T/photo.jpg")
upload red /admin/media -F "fil=@$T/photo.jpg;filename=Invigning maj.jpg" \
    -F "alt=Ordföranden klipper bandet" -F "credit=Anna Fotograf" \
    -F "caption=Invigningen" -F "licence=CC BY 4.0"
assert_status 303
assert_header Location '^/admin/media/[0-9]+\?klart=uppladdad$'
id=$(header Location | sed 's|.*/media/\([0-9]*\).*|\1|')
assert_eq "one row, as the form said" "$(q "SELECT alt, credit, caption,
    licence, filename, width FROM media WHERE id = $id")" \
    "Ordföranden klipper bandet|Anna Fotograf|Invigningen|CC BY 4.0|Invigning_maj.jpg|1200"
leak=""
for name in $(q "SELECT name FROM media_file WHERE media_id = $id"); do
	check "$name written for nginx" test -s "$T/media/$name"
	leak+=$(exiftool -a -G1 -s "$T/media/$name" | grep -iE 'GPS|Canon')
done
assert_eq "no GPS or camera in any served file" "$leak" ""
staff_request red GET "/admin/media/$id?klart=uppladdad"
assert_status 200
assert_body_contains "Bilden är uppladdad"
assert_body_contains "Bilden används inte"
get "/pressbilder/$id"
assert_status 200
assert_body_contains "Foto: Anna Fotograf"
jpg=$(q "SELECT name FROM media_file WHERE media_id = $id AND width = 640
    AND mime = 'image/jpeg'")
get "/media/$jpg"
assert_status 200
assert_header Cache-Control 'public, max-age=31536000, immutable'

# 2. Refusals: Swedish, the text kept, nothing stored.
refused() {	# WHAT STATUS MESSAGE CURL-F-FILE
	upload red /admin/media -F "fil=@$4" -F "alt=Min text" \
	    -F "credit=Bo Bild"
	assert_status "$2"
	assert_body_contains "$3"
	assert_body_contains 'value="Bo Bild"'
	assert_eq "$1: nothing stored" "$(count)" 1
}
printf '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>' \
    >"$T/x.svg"
refused "an SVG" 415 "SVG-bilder tas inte emot: de kan bära skript" "$T/x.svg"
printf '<!doctype html><title>x</title><script>alert(1)</script>' \
    >"$T/page.jpg"
refused "HTML named .jpg" 415 "Filen är ingen bild" "$T/page.jpg"
/usr/bin/python3 "$png" 20000 20000 "$T/bomb.png" grey1
refused "a 20,000 x 20,000 PNG" 422 "för många bildpunkter" "$T/bomb.png"
head -c $((20 * 1024 * 1024 + 1)) /dev/zero >"$T/big.jpg"
refused "20 MiB + 1 byte" 413 "högst 20 MB" "$T/big.jpg"
upload red /admin/media -F "fil=@$T/photo.jpg" -F "credit=Bo Bild"
assert_status 400
assert_body_contains "Beskriv vad bilden visar"
assert_body_contains 'value="Bo Bild"'
upload red /admin/media -F "fil=@$T/photo.jpg" -F "alt=Igen" -F "credit=Bo"
assert_status 409
assert_body_contains "finns redan i bildbanken"
assert_eq "... none of them stored" "$(count)" 1
head -c $((21 * 1024 * 1024 + 10)) /dev/zero >"$T/huge.jpg"
upload red /admin/media -F "fil=@$T/huge.jpg" -F "alt=A" -F "credit=B"
assert_status 413
assert_body_contains "För stor förfrågan"
assert_eq "... nor the 21 MiB body" "$(count)" 1
request POST /admin/media -b "$T/red.jar" -H "Origin: $BASE" \
    -F "csrf=wrong" -F "fil=@$T/src.png" -F "alt=A" -F "credit=B"
assert_status 403
assert_eq "... no upload without the token" "$(count)" 1

# 3. The library: search, text and consent, replace, delete.
/usr/bin/python3 "$png" 640 480 "$T/other.png"
upload red /admin/media -F "fil=@$T/other.png" -F "decorative=1" \
    -F "credit=Kalle Kamera"
assert_status 303
id2=$(header Location | sed 's|.*/media/\([0-9]*\).*|\1|')
staff_request red GET "/admin/media?q=kamera"
assert_status 200
assert_body_contains "1 bild matchar"
assert_body_contains "Utsmyckning"
assert_body_lacks "Anna Fotograf"
staff_request red POST "/admin/media/$id" --data-urlencode "atgard=spara" \
    --data-urlencode "alt=" --data-urlencode "credit=Anna F." \
    --data-urlencode "expires_at=2020-01-01"
assert_status 400
assert_body_contains "Beskriv vad bilden visar"
assert_body_contains "Ange den rättsliga grunden"
assert_body_contains 'value="2020-01-01"'
staff_request red POST "/admin/media/$id" --data-urlencode "atgard=spara" \
    --data-urlencode "alt=Ordföranden" --data-urlencode "credit=Anna F." \
    --data-urlencode "legal_basis=Samtycke" \
    --data-urlencode "consent_at=2019-05-01" \
    --data-urlencode "expires_at=2020-01-01"
assert_status 303
get "/pressbilder/$id"
assert_status 404
get /pressbilder
assert_body_lacks "Anna F."
staff_request red GET /admin/media
assert_body_contains "samtycket har gått ut"
assert_body_contains "Dold: samtycket gick ut 1 januari 2020"
before=$(q "SELECT sha256 FROM media WHERE id = $id2")
oldfile=$(q "SELECT name FROM media_file WHERE media_id = $id2 LIMIT 1")
check "the picture's file is served" test -s "$T/media/$oldfile"
/usr/bin/python3 "$png" 700 500 "$T/new.png"
upload red "/admin/media/$id2" -F "atgard=byt" -F "fil=@$T/new.png"
assert_status 303
assert_eq "replaced: same id, new file" "$(q "SELECT width, sha256 <> '$before'
    FROM media WHERE id = $id2")" "700|1"
check "... the old files are gone from the media directory" \
    test ! -e "$T/media/$oldfile"
newfile=$(q "SELECT name FROM media_file WHERE media_id = $id2 LIMIT 1")
staff_request red POST "/admin/media/$id2" --data-urlencode "atgard=radera"
assert_status 303
staff_user_add ada admin
staff_signin ada
staff_request ada GET "/admin/logg?typ=bild"
assert_status 200
assert_body_contains "laddade upp"
assert_body_contains "/admin/media/$id"
assert_eq "deleted with its files" "$(q "SELECT count(*) FROM media_file
    WHERE media_id = $id2")|$(count)" "0|1"
check "... from the media directory too" test ! -e "$T/media/$newfile"
get "/media/$newfile"
assert_status 404
done_testing

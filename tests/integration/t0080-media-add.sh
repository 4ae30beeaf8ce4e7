#!/usr/bin/env bash
# t0080-media-add.sh -- `pressrum media add FILE ...` (issue 14): a JPEG,
# PNG or WebP goes into the library with its resized copies; its GPS
# position and other metadata are gone from every stored file (exiftool),
# it is turned upright by its EXIF orientation; SVG (named as such), a
# TIFF, a text file, a decompression bomb (20,000 x 20,000 PNG of 50 kB)
# and a file over 20 MB are refused in Swedish with nothing stored.  HEIC and AVIF are taken
# (their full-size copy made as a JPEG).  One picture is made at a time,
# and a 24 MP photo fits in what the systemd unit leaves for it.
. "$(dirname "$0")/lib.sh"
command -v exiftool >/dev/null || { echo "# no exiftool: skip"; exit 77; }
T=$(mktemp -d "${TMPDIR:-/tmp}/pressrum-it.XXXXXX")
trap site_stop EXIT
DB=$T/db.sqlite
M=$T/media
png=$PRESSRUM_SRC/tests/integration/media_png.py

# add FILE ARGS...: run media add, its output in $T/out, status in $rc.
add() {
	"$PRESSRUM_BIN" media add "$@" --db "$DB" --media-dir "$M" \
	    >"$T/out" 2>&1
	rc=$?
}

/usr/bin/python3 "$png" 800 600 "$T/Sjö bild?.png"
add "$T/Sjö bild?.png" --alt "En gradient" --credit "Anna Andersson" \
    --licence "CC BY 4.0" --caption "Provbild"
check "a PNG is added (exit 0)" test "$rc" -eq 0
check "... and says what it stored" \
    grep -q "^Bild 1 sparad: Sjö_bild_.png, 800 × 600\.$" "$T/out"
assert_eq "one row" "$(q "SELECT count(*) FROM media")" 1
assert_eq "its fields" "$(q "SELECT filename, mime, width, height, alt,
    credit, licence, caption, legal_basis IS NULL FROM media")" \
    "Sjö_bild_.png|image/png|800|600|En gradient|Anna Andersson|CC BY 4.0|Provbild|1"
assert_eq "sha256 of the upload" "$(q "SELECT sha256 FROM media")" \
    "$(sha256sum "$T/Sjö bild?.png" | cut -d' ' -f1)"
# 320 and 640 below 800, then 800 itself (not enlarged to 1024/1600).
assert_eq "files: the original and 320/640/800 in WebP and JPEG" \
    "$(q "SELECT group_concat(original || mime || width, ' ') FROM
        (SELECT * FROM media_file ORDER BY original DESC, width, mime)")" \
    "1image/png800 0image/jpeg320 0image/webp320 0image/jpeg640 0image/webp640 0image/jpeg800 0image/webp800"
ok=1
for name in $(q "SELECT name FROM media_file"); do
	[[ $name =~ ^[0-9a-f]{32}-[0-9]+\.(webp|jpg|png)$ ]] || ok=0
	cmp -s "$M/$name" <(q "SELECT writefile('$T/blob', data) FROM
	    media_file WHERE name = '$name'" >/dev/null; cat "$T/blob") || ok=0
done
check "each file is named HASH-WIDTH.EXT and written out as stored" \
    test "$ok" -eq 1
check "the WebP files are WebP" \
    test "$(file -b --mime-type "$M"/*-320.webp)" = image/webp

# A JPEG with a GPS position, a camera and orientation 6 (turn 90°).
cp "$M"/*-640.jpg "$T/photo.jpg"
exiftool -q -overwrite_original -n -GPSLatitude=59.33 -GPSLatitudeRef=N \
    -GPSLongitude=18.07 -GPSLongitudeRef=E -Orientation=6 -Make=Canon \
    -XMP:Creator=Hemlig "$T/photo.jpg"
check "the test photo has a GPS position" \
    grep -q 59.33 <(exiftool -n -GPSLatitude "$T/photo.jpg")
add "$T/photo.jpg" --alt "Ett foto" --credit "Bo"
check "a JPEG is added" test "$rc" -eq 0
assert_eq "turned upright: 480 x 640" \
    "$(q "SELECT width || 'x' || height FROM media WHERE id = 2")" 480x640
assert_eq "original stored as JPEG, full size" \
    "$(q "SELECT mime || width || 'x' || height FROM media_file
        WHERE media_id = 2 AND original = 1")" "image/jpeg480x640"
leak=""
for name in $(q "SELECT name FROM media_file WHERE media_id = 2"); do
	leak+=$(exiftool -a -G1 -s "$M/$name" |
	    grep -iE 'GPS|Canon|Make|Hemlig|Creator|Rotate 90')
done
assert_eq "no GPS, camera or XMP in any stored file" "$leak" ""

# The same with a colour profile, as most cameras and phones write: the
# profile is kept (the savers then keep metadata), nothing else is.
/usr/bin/python3 "$png" 400 300 "$T/icc.png"
/usr/bin/python3 "$PRESSRUM_SRC/bench/vips_convert.py" "$T/icc.png" \
    "$T/icc.jpg[Q=90,profile=srgb]"
exiftool -q -overwrite_original -n -GPSLatitude=59.33 -GPSLatitudeRef=N \
    -GPSLongitude=18.07 -GPSLongitudeRef=E -Make=Canon \
    -XMP:Creator=Hemlig "$T/icc.jpg"
check "the test photo has a colour profile and a GPS position" \
    sh -c 'exiftool -a -G1 -s "$1" | grep -q "ICC-header" &&
    exiftool -n -GPSLatitude "$1" | grep -q 59.33' - "$T/icc.jpg"
add "$T/icc.jpg" --alt "Med profil" --credit "Bo"
check "a JPEG with a colour profile is added" test "$rc" -eq 0
leak="" noicc=""
for name in $(q "SELECT f.name FROM media_file AS f JOIN media AS m
    ON m.id = f.media_id WHERE m.alt = 'Med profil'"); do
	leak+=$(exiftool -a -G1 -s "$M/$name" | grep -v '^\[ICC' |
	    grep -iE 'GPS|Canon|Make|Hemlig|Creator')
	exiftool -a -G1 -s "$M/$name" | grep -q "ICC-header" ||
	    noicc+=" $name"
done
assert_eq "with a profile too: no GPS, camera or XMP in any stored file" \
    "$leak" ""
assert_eq "... and every stored file keeps the profile" "$noicc" ""

add "$T/photo.jpg" --alt "Igen" --credit "Bo"
check "the same file again is refused" test "$rc" -eq 1
check "... in Swedish" grep -q "finns redan" "$T/out"

# refused FILE MESSAGE WHAT: media add exits 1, says MESSAGE, stores nothing.
refused() {
	local before
	before=$(q "SELECT count(*) FROM media"):$(q "SELECT count(*) FROM media_file")
	add "$1" --alt "x" --credit "y"
	check "$3 is refused (exit 1)" test "$rc" -eq 1
	check "... saying '$2'" grep -q "$2" "$T/out"
	assert_eq "... nothing stored" "$(q "SELECT count(*) FROM media"):$(q \
	    "SELECT count(*) FROM media_file")" "$before"
}
printf '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>' \
    >"$T/x.svg"
refused "$T/x.svg" "SVG-bilder tas inte emot: de kan bära skript" "an SVG"
/usr/bin/python3 "$png" 40 30 "$T/small-tiff.png"
/usr/bin/python3 "$PRESSRUM_SRC/bench/vips_convert.py" "$T/small-tiff.png" \
    "$T/x.tif"
refused "$T/x.tif" "Bara JPEG, PNG, WebP, HEIC och AVIF" "a TIFF"
echo "inte en bild" >"$T/x.jpg"
refused "$T/x.jpg" "ingen bild" "a text file named .jpg"
/usr/bin/python3 "$png" 20000 20000 "$T/bomb.png" grey1
check "the bomb is small on disk" test "$(stat -c %s "$T/bomb.png")" -lt 100000
start=$(date +%s%N)
refused "$T/bomb.png" "för många bildpunkter" "a 20,000 x 20,000 PNG"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
check "... at once, without decoding it (${ms} ms)" test "$ms" -lt 2000
head -c 20971521 /dev/zero >"$T/big.jpg"
refused "$T/big.jpg" "högst 20 MB" "a file of 20 MiB + 1 byte"
head -c 20 /dev/zero >"$T/trunc.png"
cat "$M"/*-800.png | head -c 5000 >"$T/trunc.png"
refused "$T/trunc.png" "trasig" "a truncated PNG"

# HEIC and AVIF (libvips through libheif): taken, the full-size copy a JPEG.
/usr/bin/python3 "$png" 300 200 "$T/small.png"
for kind in heic avif; do
	if ! /usr/bin/python3 "$PRESSRUM_SRC/bench/vips_convert.py" \
	    "$T/small.png" "$T/small.$kind" 2>/dev/null; then
		echo "# this libvips cannot write $kind: not checked"
		continue
	fi
	add "$T/small.$kind" --alt "En liten $kind" --credit "Bo"
	check "a $kind picture is added (exit 0)" test "$rc" -eq 0
	assert_eq "... its full-size copy a JPEG, and 300 wide in WebP and JPEG" \
	    "$(q "SELECT group_concat(x, ', ') FROM (SELECT f.original || ' ' ||
	    f.mime || ' ' || f.width AS x FROM media_file AS f JOIN media AS m
	    ON m.id = f.media_id WHERE m.alt = 'En liten $kind'
	    ORDER BY f.original DESC, f.mime)")" \
	    "1 image/jpeg 300, 0 image/jpeg 300, 0 image/webp 300"
done

add "$T/photo.jpg" --credit "Bo"
check "no --alt (and not --decorative) is a usage error" test "$rc" -eq 2
check "... asking for a description" grep -q "beskriv bilden" "$T/out"

# One picture is made at a time: while another holds the turn (the
# lock beside the database), an add waits, then goes on.
/usr/bin/python3 "$png" 400 300 "$T/turn.png"
flock "$T/.db.sqlite.bild-lock" sleep 2 &
holder=$!
sleep 0.3
add "$T/turn.png" --alt "Väntade" --credit "Bo" &
adder=$!
sleep 1
assert_eq "while another picture is being made, an add waits its turn" \
    "$(q "SELECT count(*) FROM media WHERE alt = 'Väntade'")" 0
wait "$holder"
wait "$adder"
assert_eq "... and is added once the turn is free" \
    "$(q "SELECT count(*) FROM media WHERE alt = 'Väntade'")" 1

# The service's memory bound (deploy/pressrum.service) leaves room for
# its workers (16 MB each), the master and the mail process, and one
# 24-megapixel photo turned upright being made, with its upload.  Not
# with a sanitizer build, whose shadow memory counts too.
if ldd "$PRESSRUM_BIN" 2>/dev/null | grep -q libasan ||
    nm "$PRESSRUM_BIN" 2>/dev/null | grep -q ' __asan_init'; then
	echo "# a sanitizer build: memory not measured"
	done_testing
fi
unit=$PRESSRUM_SRC/deploy/pressrum.service
max_mb=$(sed -n 's/^MemoryMax=\([0-9]*\)M$/\1/p' "$unit")
workers=$(sed -n 's/^ *--workers \([0-9]*\).*/\1/p' "$unit")
/usr/bin/python3 "$png" 6000 4000 "$T/big.png"
/usr/bin/python3 "$PRESSRUM_SRC/bench/vips_convert.py" "$T/big.png" \
    "$T/big.jpg[Q=90]"
exiftool -q -overwrite_original -n -Orientation=6 "$T/big.jpg"
/usr/bin/time -f %M -o "$T/rss" "$PRESSRUM_BIN" media add "$T/big.jpg" \
    --alt "Stor" --credit "Bo" --db "$DB" --media-dir "$M" >/dev/null 2>&1
peak_mb=$(($(cat "$T/rss") / 1024))
room=$((max_mb - workers * 16 - 32 - 21))
check "a 24 MP photo turned upright is made in ${peak_mb} MB, within the ${room} MB the unit's MemoryMax=${max_mb}M leaves for one" \
    test "$peak_mb" -gt 0 -a "$peak_mb" -le "$room"
done_testing

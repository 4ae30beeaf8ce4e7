#!/usr/bin/env bash
# t0088-media-consent-files.sh -- when a picture's consent ends, its
# files leave the directory nginx serves at that moment, with no reader
# and no staff action (the master's watch wakes at the consent's end),
# so no one can fetch the portrait by its hashed name afterwards; a
# renewed consent writes them again.  Outside writes (the sqlite3 tool)
# stand in for the staff form here.
. "$(dirname "$0")/lib.sh"
site_start
M=$T/media

/usr/bin/python3 "$PRESSRUM_SRC/tests/integration/media_png.py" 600 800 \
    "$T/face.png"
"$PRESSRUM_BIN" media add "$T/face.png" --alt "Porträtt" --credit "Foto" \
    --db "$DB" --media-dir "$M" >"$T/add.out" 2>&1
check "media add" test $? -eq 0
mid=$(q "SELECT max(id) FROM media")
jpeg=$(q "SELECT name FROM media_file WHERE media_id = $mid AND
    mime = 'image/jpeg' AND original = 0 ORDER BY width LIMIT 1")
get "/media/$jpeg"
assert_status 200

# Consent recorded, ending in 2 seconds.
q "UPDATE media SET legal_basis = 'Samtycke', consent_at = unixepoch(),
    expires_at = unixepoch() + 2 WHERE id = $mid"
sleep 0.5
get "/media/$jpeg"
assert_status 200
sleep 2.5
get "/media/$jpeg"
assert_status 404
left=0
for f in $(q "SELECT name FROM media_file WHERE media_id = $mid"); do
	[ -e "$M/$f" ] && left=$((left + 1))
done
assert_eq "every file of the picture has left the directory" "$left" 0
get "/pressbilder/$mid"
assert_status 404
assert_eq "the bytes stay in the database" "$(q "SELECT count(*) FROM
    media_file WHERE media_id = $mid")" \
    "$(q "SELECT count(*) FROM media_file WHERE media_id = $mid AND
    length(data) > 0")"

# Renewed: the files come back.
q "UPDATE media SET expires_at = unixepoch() + 86400 WHERE id = $mid"
for _ in 1 2 3 4 5 6 7 8 9 10; do
	[ -f "$M/$jpeg" ] && break
	sleep 0.2
done
get "/media/$jpeg"
assert_status 200
done_testing

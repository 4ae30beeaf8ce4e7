#!/usr/bin/env bash
# t0051-save-full.sh -- a save on a full disk loses nothing.  The database
# moves to a small tmpfs, with nginx's temporary files, its WAL is
# emptied and the rest of the tmpfs is filled with a file until ENOSPC.  Then every staff form (article:
# create, save with a 200 kB body, publish, schedule; topic, contact,
# press duty, notice, accounts, one's own password, accessibility
# statement) and the sign-in answer 507 with a Swedish message and the
# form as posted (never a password), and the database is unchanged; the
# staff start page warns of the low space.  With the file gone the same saves work and
# PRAGMA integrity_check says ok.  Needs root and tmpfs mounts: skipped
# (exit 77) where mount is not allowed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-save.sh"

MNT=""
cleanup() {
	stop_pid "$NGINX_PID"
	NGINX_PID=""
	stop_pid "$SERVER_PID"
	SERVER_PID=""
	[ -z "$MNT" ] || umount "$MNT" 2>/dev/null || true
	site_stop
}

# The answer to a save on a full disk: 507 with the Swedish message.
assert_full() {
	assert_status 507
	assert_body_contains "Servern kunde inte spara"
	assert_body_contains "Ingenting har ändrats"
	assert_body_lacks "Tekniskt fel"
}

site_start
trap cleanup EXIT
staff_user_add rita redaktor
staff_user_add pia press
staff_user_add anna admin
staff_signin rita
staff_signin pia
staff_signin anna
staff_csrf rita >/dev/null
staff_csrf pia >/dev/null
staff_csrf anna >/dev/null

ART=(--data-urlencode "kind=nyhet" --data-urlencode "lang=sv"
    --data-urlencode "lead=Om vägarna.")
staff_request rita POST /admin/artiklar --data-urlencode action=utkast \
    --data-urlencode version=0 --data-urlencode "title=Vägarbeten" \
    --data-urlencode "body=Kort text." "${ART[@]}"
assert_status 303
ID=$(header Location | sed -n 's|.*/admin/artiklar/\([0-9]*\).*|\1|p')

# No warning while the disk has room (when the test's disk has).
read -r size avail < <(df --output=size,avail -k "$T" | tail -n 1)
if [ "$avail" -gt 500000 ] && [ $((avail * 100)) -gt $((size * 5)) ]; then
	staff_request rita GET /admin
	assert_body_lacks "Lite ledigt diskutrymme"
fi

# --- the database on a small tmpfs -------------------------------------------
MNT=$T/full
mkdir -p "$MNT"
if ! mount -t tmpfs -o size=8m,mode=0700 tmpfs "$MNT" 2>"$T/mount.err"; then
	printf '# SKIP: cannot mount a tmpfs here (%s)\n' "$(cat "$T/mount.err")"
	MNT=""
	exit 77
fi
stop_pid "$SERVER_PID"
SERVER_PID=""
sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
cp "$DB" "$MNT/db.sqlite"
DB=$MNT/db.sqlite
server_start
# nginx's own temporary files on the full disk too (as when it shares
# the data partition); its workers (nobody) may write there.
chmod 0711 "$MNT"
mkdir -m 0777 "$MNT/body_temp"
rm -rf "$T/nginx/body_temp"
ln -s "$MNT/body_temp" "$T/nginx/body_temp"
# An empty WAL, so the next write needs new blocks on the full disk.
sqlite3 "$DB" '.timeout 2000' 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
dd if=/dev/zero of="$MNT/fill" bs=4k 2>"$T/dd.err"
check "dd filled the tmpfs (ENOSPC)" grep -q "No space left" "$T/dd.err"
check "no space is left" test "$(df --output=avail -k "$MNT" | tail -n 1 | tr -d ' ')" -eq 0

V=$(q "SELECT version FROM article WHERE id = $ID")
TV=$(q "SELECT version FROM topic WHERE id = 1")
CV=$(q "SELECT version FROM contact WHERE id = 3")
SV=$(q "SELECT version FROM article WHERE slug = 'tillganglighet'")
BEFORE=$(fingerprint)

# --- the start page warns ------------------------------------------------------
staff_request rita GET /admin
assert_status 200
assert_body_contains "Lite ledigt diskutrymme"
assert_body_contains "Det finns bara 0 MB ledigt (0 %)"

# --- every form: 507, the form as posted ------------------------------------------
# A long body reaches the app and comes back whole: nginx holds a staff
# form's body in memory (client_body_buffer_size 2m under /admin), never
# in a file on the full disk.
python3 -c 'import sys
sys.stdout.write("".join("Stycke %d om vägarbeten på Storgatan, etapp ett & två.\n\n" % i for i in range(3400)) + "SLUTET")' >"$T/long.md"
LONG=$(cat "$T/long.md")
check "the long body is over 150 kB" test "$(wc -c <"$T/long.md")" -gt 150000
staff_request rita POST "/admin/artiklar/$ID" --data-urlencode action=utkast \
    --data-urlencode "version=$V" --data-urlencode "title=Vägarbeten i sommar" \
    --data-urlencode "body@$T/long.md" "${ART[@]}"
assert_full
assert_field title "Vägarbeten i sommar"
assert_eq "the long body is in the form, whole" "$(field body | md5sum)" \
    "$(printf '%s' "$LONG" | md5sum)"
assert_tidy "the 507 article form"

staff_request rita POST /admin/artiklar --data-urlencode action=publicera \
    --data-urlencode version=0 --data-urlencode "title=Ny cykelbana" \
    --data-urlencode "body=Cykelbanan *öppnar* i maj." "${ART[@]}"
assert_full
assert_field title "Ny cykelbana"
assert_field body "Cykelbanan *öppnar* i maj."

staff_request rita POST "/admin/artiklar/$ID" --data-urlencode action=publicera \
    --data-urlencode "version=$V" --data-urlencode "title=Vägarbeten publicerade" \
    --data-urlencode "body=Publiceras nu." "${ART[@]}"
assert_full
assert_field title "Vägarbeten publicerade"

DAY=$(date -d '+10 days' +%F)
staff_request rita POST "/admin/artiklar/$ID" --data-urlencode action=schemalagg \
    --data-urlencode "version=$V" --data-urlencode "title=Vägarbeten schemalagda" \
    --data-urlencode "body=Publiceras senare." --data-urlencode "pub_date=$DAY" \
    --data-urlencode "pub_time=09:30" "${ART[@]}"
assert_full
assert_field title "Vägarbeten schemalagda"
assert_field pub_date "$DAY"
assert_field pub_time "09:30"

staff_request rita POST /admin/amnen --data-urlencode version=0 \
    --data-urlencode "name=Trafik" --data-urlencode "body=Om *trafik*." \
    --data-urlencode published=1
assert_full
assert_field name "Trafik"
assert_field body "Om *trafik*."

staff_request rita POST /admin/amnen/1 --data-urlencode "version=$TV" \
    --data-urlencode "name=Jämställdhet" --data-urlencode "lead=Ny ingress." \
    --data-urlencode "body=Ny text om jämställdhet." --data-urlencode published=1
assert_full
assert_field lead "Ny ingress."

staff_request pia POST /admin/kontakter --data-urlencode "namn=Olle Berg" \
    --data-urlencode "titel=Kommunikatör" --data-urlencode "telefon=08-123 45 67" \
    --data-urlencode visas=1
assert_full
assert_field namn "Olle Berg"
assert_field telefon "08-123 45 67"

staff_request pia POST /admin/kontakter/3 --data-urlencode "version=$CV" \
    --data-urlencode "namn=Karin Lund" --data-urlencode "titel=Presschef" \
    --data-urlencode "epost=karin@example.se"
assert_full
assert_field epost "karin@example.se"

staff_request pia POST /admin/pressjour --data-urlencode "telefon=08-999 99 99" \
    --data-urlencode "epost=jour@example.se"
assert_full
assert_field telefon "08-999 99 99"
assert_field epost "jour@example.se"

staff_request anna POST /admin/notis --data-urlencode id=0 \
    --data-urlencode "text=Vattnet stängs av på Storgatan." \
    --data-urlencode "fran_datum=$(date +%F)" --data-urlencode "fran_tid=00:00"
assert_full
assert_field text "Vattnet stängs av på Storgatan."

staff_request anna POST /admin/konton --data-urlencode "namn=nybyggare" \
    --data-urlencode "visningsnamn=Ny Byggare" --data-urlencode roll=press \
    --data-urlencode "losenord=hemligt-losen-99" \
    --data-urlencode "losenord2=hemligt-losen-99"
assert_full
assert_field namn nybyggare
assert_field visningsnamn "Ny Byggare"
assert_body_lacks "hemligt-losen-99"
assert_body_contains "utom lösenordet"

RITA=$(q "SELECT id FROM account WHERE name = 'rita'")
staff_request anna POST "/admin/konton/$RITA" --data-urlencode gora=spara \
    --data-urlencode "visningsnamn=Rita Redaktör" --data-urlencode roll=redaktor
assert_full
assert_field visningsnamn "Rita Redaktör"

staff_request pia POST /admin/mitt-konto --data-urlencode "losenord_nu=$STAFF_PW" \
    --data-urlencode "losenord=nytt-losen-4711" --data-urlencode "losenord2=nytt-losen-4711"
assert_full
assert_body_lacks "nytt-losen-4711"
assert_body_lacks "$STAFF_PW"
assert_no_header Set-Cookie

# A button without typed text (hide a contact): the Swedish 507 page.
staff_request pia POST /admin/kontakter/3 --data-urlencode "version=$CV" \
    --data-urlencode gora=dolj
assert_full

staff_request anna POST /admin/tillganglighet --data-urlencode "version=$SV" \
    --data-urlencode "ingress=Ny ingress." --data-urlencode "brodtext=Ny *redogörelse*." \
    --data-urlencode "granskad=$(date +%F)"
assert_full
assert_field brodtext "Ny *redogörelse*."

post /admin/logga-in -H "Origin: $BASE" --data-urlencode "namn=pia" \
    --data-urlencode "losenord=$STAFF_PW"
assert_full
assert_field namn pia
assert_body_lacks "$STAFF_PW"
assert_no_header Set-Cookie

assert_eq "nothing in the database changed" "$(fingerprint)" "$BEFORE"

# --- space again: the same saves work ---------------------------------------------
rm -f "$MNT/fill"
staff_request rita POST "/admin/artiklar/$ID" --data-urlencode action=utkast \
    --data-urlencode "version=$V" --data-urlencode "title=Vägarbeten i sommar" \
    --data-urlencode "body@$T/long.md" "${ART[@]}"
assert_status 303
assert_eq "the long body is saved, whole" \
    "$(q "SELECT body_md FROM article WHERE id = $ID" | md5sum)" \
    "$(printf '%s\n' "$LONG" | md5sum)"
staff_request anna POST /admin/notis --data-urlencode id=0 \
    --data-urlencode "text=Vattnet stängs av på Storgatan." \
    --data-urlencode "fran_datum=$(date +%F)" --data-urlencode "fran_tid=00:00"
assert_status 303
post /admin/logga-in -H "Origin: $BASE" --data-urlencode "namn=pia" \
    --data-urlencode "losenord=$STAFF_PW"
assert_status 303
get /
assert_status 200
assert_body_contains "Vattnet stängs av på Storgatan."
assert_eq "PRAGMA integrity_check" "$(q 'PRAGMA integrity_check')" ok

done_testing

#!/usr/bin/env bash
# t0050-save-busy.sh -- a save while another writer holds the database
# loses nothing.  The sqlite3 tool holds the write lock (BEGIN IMMEDIATE)
# while staff save an article (existing and new), a contact and a topic
# and sign in: each answer is 503 with Retry-After and a Swedish message
# after one wait of the busy timeout (not one more for the session),
# the form comes back with every field as posted (the password never),
# and the database is exactly as before.  Once the lock is gone the same
# saves and the sign-in work.  Public pages are read meanwhile (WAL).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-save.sh"

# hold_lock: the sqlite3 tool takes the write lock and keeps it until
# $T/release exists (at most 60 s); returns once it holds it.
hold_lock() {
	local i
	rm -f "$T/locked" "$T/release"
	cat >"$T/hold.sh" <<EOF
touch "$T/locked"
i=0
while [ ! -e "$T/release" ] && [ \$i -lt 600 ]; do sleep 0.1; i=\$((i + 1)); done
EOF
	printf '.timeout 5000\nBEGIN IMMEDIATE;\n.shell sh %s\nCOMMIT;\n' \
	    "$T/hold.sh" | sqlite3 "$DB" >"$T/holder.log" 2>&1 &
	HOLDER_PID=$!
	for ((i = 0; i < 100; i++)); do
		[ -e "$T/locked" ] && return 0
		sleep 0.1
	done
	bail "sqlite3 did not take the write lock"
}

release_lock() {
	touch "$T/release"
	wait "$HOLDER_PID"
	check "the sqlite3 tool committed and ended" test $? -eq 0
}

# bg NAME WHO PATH [curl args]: a staff POST in the background, its answer
# in $T/NAME.*; load NAME makes it the last response.
bg() {
	local name=$1 who=$2 path=$3
	shift 3
	curl -s --max-time 30 -o "$T/$name.body" -D "$T/$name.headers" \
	    -w '%{http_code}' -b "$T/$who.jar" -H "Origin: $BASE" \
	    --data-urlencode "csrf=$(staff_csrf "$who")" "$@" \
	    "$BASE$path" >"$T/$name.status" &
}
load() {
	STATUS=$(cat "$T/$1.status")
	BODY=$(cat "$T/$1.body")
	HEADERS=$(tr -d '\r' <"$T/$1.headers")
	LAST_URL="POST ($1)"
}

# The answer to a refused save: 503, Retry-After, the Swedish message.
assert_busy() {
	assert_status 503
	assert_header Retry-After '^[0-9]+$'
	assert_body_contains "Databasen är upptagen just nu"
	assert_body_contains "Ingenting har ändrats"
	assert_body_lacks "Tekniskt fel"
}

site_start
staff_user_add rita redaktor
staff_user_add pia press
staff_user_add anna admin
staff_signin rita
staff_signin pia
staff_csrf rita >/dev/null
staff_csrf pia >/dev/null

BODY_MD='Kommunen bygger **tre** nya förskolor <b>i år</b> & nästa år.

- Ängen
- Öster'
ARTICLE=(--data-urlencode "kind=nyhet" --data-urlencode "lang=sv"
    --data-urlencode "lead=Tre nya förskolor." --data-urlencode "body=$BODY_MD")
staff_request rita POST /admin/artiklar --data-urlencode action=utkast \
    --data-urlencode version=0 --data-urlencode "title=Nya förskolor" \
    "${ARTICLE[@]/Tre nya/Två nya}"
assert_status 303
ID=$(header Location | sed -n 's|.*/admin/artiklar/\([0-9]*\).*|\1|p')
V=$(q "SELECT version FROM article WHERE id = $ID")
CV=$(q "SELECT version FROM contact WHERE id = 3")
# Sessions last used two minutes ago: loading one marks it used (a
# write), which must not add a second wait to the save's.
q "UPDATE session SET last_seen_at = last_seen_at - 120"
BEFORE=$(fingerprint)

# --- the lock held: a save of an existing article ----------------------------
hold_lock
t0=$(date +%s%N)
staff_request rita POST "/admin/artiklar/$ID" --data-urlencode action=utkast \
    --data-urlencode "version=$V" --data-urlencode "title=Tre nya förskolor" \
    "${ARTICLE[@]}"
ms=$((($(date +%s%N) - t0) / 1000000))
assert_busy
assert_field title "Tre nya förskolor"
assert_field lead "Tre nya förskolor."
assert_field body "$BODY_MD"
assert_field version "$V"
assert_body_contains 'action="/admin/artiklar/'"$ID"'"'
check "the answer came within 8 s (${ms} ms), well before nginx gives up" \
    test "$ms" -lt 8000
assert_tidy "the 503 form"

# Public pages are read as usual.
get /nyheter
assert_status 200

# --- the lock held: a new article, a contact, a topic and a sign-in ---------
bg new rita /admin/artiklar --data-urlencode action=publicera \
    --data-urlencode version=0 --data-urlencode "title=Ny simhall" \
    "${ARTICLE[@]}"
bg contact pia /admin/kontakter/3 --data-urlencode "version=$CV" \
    --data-urlencode "namn=Karin Lund" --data-urlencode "titel=Presschef" \
    --data-urlencode "telefon=08-452 70 99" --data-urlencode "epost=karin@example.se" \
    --data-urlencode "pressansvarig=1"
bg topic rita /admin/amnen --data-urlencode version=0 \
    --data-urlencode "name=Förskola" --data-urlencode "lead=Om förskolan." \
    --data-urlencode "body=Text om *förskola*." --data-urlencode published=1
curl -s --max-time 30 -o "$T/login.body" -D "$T/login.headers" \
    -w '%{http_code}' -c "$T/anna.jar" -H "Origin: $BASE" \
    --data-urlencode "namn=anna" --data-urlencode "losenord=$STAFF_PW" \
    "$BASE/admin/logga-in" >"$T/login.status" &
wait_bg() {
	local i
	for ((i = 0; i < 400; i++)); do
		[ -s "$T/new.status" ] && [ -s "$T/contact.status" ] &&
		    [ -s "$T/topic.status" ] && [ -s "$T/login.status" ] &&
		    return 0
		sleep 0.1
	done
}
wait_bg

load new
assert_busy
assert_field title "Ny simhall"
assert_field body "$BODY_MD"
assert_body_contains 'action="/admin/artiklar"'

load contact
assert_busy
assert_field namn "Karin Lund"
assert_field telefon "08-452 70 99"
assert_field epost "karin@example.se"

load topic
assert_busy
assert_field name "Förskola"
assert_field body "Text om *förskola*."

load login
assert_busy
assert_field namn anna
assert_body_lacks "$STAFF_PW"
assert_body_contains "Du är inte inloggad"
assert_no_header Set-Cookie
assert_tidy "the 503 sign-in form"

release_lock
assert_eq "nothing in the database changed" "$(fingerprint)" "$BEFORE"

# --- the lock gone: the same saves work ----------------------------------------
staff_request rita POST "/admin/artiklar/$ID" --data-urlencode action=utkast \
    --data-urlencode "version=$V" --data-urlencode "title=Tre nya förskolor" \
    "${ARTICLE[@]}"
assert_status 303
assert_eq "the article's text is saved" \
    "$(q "SELECT body_md FROM article WHERE id = $ID")" "$BODY_MD"
assert_eq "its title too" "$(q "SELECT title FROM article WHERE id = $ID")" \
    "Tre nya förskolor"
staff_request pia POST /admin/kontakter/3 --data-urlencode "version=$CV" \
    --data-urlencode "namn=Karin Lund" --data-urlencode "titel=Presschef" \
    --data-urlencode "telefon=08-452 70 99" --data-urlencode "epost=karin@example.se" \
    --data-urlencode "pressansvarig=1"
assert_status 303
assert_eq "the contact is saved" "$(q "SELECT phone FROM contact WHERE id = 3")" \
    "08-452 70 99"
post /admin/logga-in -H "Origin: $BASE" --data-urlencode "namn=anna" \
    --data-urlencode "losenord=$STAFF_PW"
assert_status 303

done_testing

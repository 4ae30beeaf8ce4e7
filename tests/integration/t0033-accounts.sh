#!/usr/bin/env bash
# t0033-accounts.sh -- staff accounts and the staff area's guards,
# through nginx: an admin adds an account that can then sign in;
# disabling it or setting its password ends its sessions at once; the
# last active admin cannot demote or disable themselves; a POST without
# or with a wrong CSRF token (or from another origin) is a 403 that
# changes nothing; a signed-out session cookie is dead; wrong passwords
# are slowed down, then refused; and every /admin route in
# src/web/route.c answers each role (admin, redaktor, press, no session)
# as its flags say.
. "$(dirname "$0")/lib.sh"

PW=$STAFF_PW

site_start
staff_user_add anna admin
staff_signin anna
ANNA=$(q "SELECT id FROM account WHERE name = 'anna'")

# --- adding an account --------------------------------------------------------
staff_request anna GET /admin/konton
assert_status 200
assert_body_contains "anna"
staff_request anna GET /admin/konton/ny
assert_status 200
NPW='ett långt nytt lösenord'
staff_request anna POST /admin/konton -d namn=nils --data-urlencode "visningsnamn=Nils Nord" \
    -d roll=press --data-urlencode "losenord=$NPW" --data-urlencode "losenord2=$NPW x"
assert_status 400
assert_body_contains "Lösenorden är inte likadana"
assert_body_contains 'value="Nils Nord"'
assert_body_lacks "$NPW"
staff_request anna POST /admin/konton -d namn=nils -d roll=press -d losenord=kort -d losenord2=kort
assert_status 400
assert_body_contains "minst 10 tecken"
staff_request anna POST /admin/konton -d namn=anna -d roll=press --data-urlencode "losenord=$NPW" \
    --data-urlencode "losenord2=$NPW"
assert_status 409
assert_body_contains "Det finns redan ett konto"
assert_eq "no account from refused forms" "$(q "SELECT count(*) FROM account")" 1
staff_request anna POST /admin/konton -d namn=nils --data-urlencode "visningsnamn=Nils Nord" \
    -d roll=press --data-urlencode "losenord=$NPW" --data-urlencode "losenord2=$NPW"
assert_status 303
assert_header Location '^/admin/konton/[0-9]+\?skapat=1$'
NILS=$(q "SELECT id FROM account WHERE name = 'nils'")
assert_eq "nils is a press officer" "$(q "SELECT role, disabled FROM account WHERE id = $NILS")" "press|0"
check "the password is stored as argon2id" \
    test "$(q "SELECT substr(pw_hash, 1, 10) FROM account WHERE id = $NILS")" = '$argon2id$'
assert_eq "creation audited without secrets" "$(q "SELECT action || '|' ||
    json_extract(after_json, '\$.roll') FROM audit_log WHERE object_type = 'konto'
    AND object_id = $NILS")" "skapade|press"
check "no password or hash in the audit log" \
    test "$(q "SELECT count(*) FROM audit_log WHERE coalesce(before_json, '') ||
    coalesce(after_json, '') || summary LIKE '%argon2%' OR coalesce(after_json, '')
    LIKE '%långt nytt%'")" = 0
staff_signin nils "$NPW"
assert_signed_in nils
staff_request nils GET /admin/kontakter
assert_status 200

# --- change the role: at once, no new sign-in ---------------------------------
staff_request anna POST "/admin/konton/$NILS" -d gora=spara --data-urlencode "visningsnamn=Nils Nord" \
    -d roll=redaktor
assert_status 303
staff_request nils GET /admin/kontakter
assert_status 403
staff_request anna POST "/admin/konton/$NILS" -d gora=spara --data-urlencode "visningsnamn=Nils Nord" \
    -d roll=press
assert_status 303

# --- disabling ends the sessions at once --------------------------------------
staff_request anna POST "/admin/konton/$NILS" -d gora=stang-av
assert_status 400
assert_eq "an unknown gora changed nothing" "$(q "SELECT disabled FROM account WHERE id = $NILS")" 0
staff_request anna POST "/admin/konton/$NILS" -d gora=stang_av
assert_status 303
assert_signed_out nils
assert_eq "nils's sessions are gone" "$(q "SELECT count(*) FROM session WHERE account_id = $NILS")" 0
try_signin nils "$NPW"
assert_status 403
staff_request anna GET "/admin/konton/$NILS"
assert_body_contains "Kontot är avstängt"
staff_request anna POST "/admin/konton/$NILS" -d gora=aktivera
assert_status 303
staff_signin nils "$NPW"
assert_signed_in nils

# --- a new password ------------------------------------------------------------------
NPW2='ännu ett nytt lösenord'
staff_request anna POST "/admin/konton/$NILS" -d gora=losenord --data-urlencode "losenord=$NPW2" \
    --data-urlencode "losenord2=fel"
assert_status 400
assert_signed_in nils
staff_request anna POST "/admin/konton/$NILS" -d gora=losenord --data-urlencode "losenord=$NPW2" \
    --data-urlencode "losenord2=$NPW2"
assert_status 303
assert_signed_out nils
try_signin nils "$NPW"
assert_status 403
staff_signin nils "$NPW2"
assert_signed_in nils
assert_eq "password change audited" "$(q "SELECT action || '|' || coalesce(after_json, 'null')
    FROM audit_log WHERE object_type = 'konto' ORDER BY id DESC LIMIT 1")" \
    "bytte lösenord för|null"

# --- the last active admin ----------------------------------------------------------
staff_request anna POST "/admin/konton/$ANNA" -d gora=spara -d visningsnamn=Anna -d roll=redaktor
assert_status 409
assert_body_contains "minst en aktiv administratör"
staff_request anna POST "/admin/konton/$ANNA" -d gora=stang_av
assert_status 409
assert_eq "anna is still an active admin" "$(q "SELECT role, disabled FROM account WHERE id = $ANNA")" "admin|0"
staff_user_add berit admin
BERIT=$(q "SELECT id FROM account WHERE name = 'berit'")
staff_request anna POST "/admin/konton/$BERIT" -d gora=stang_av
assert_status 303
staff_request anna POST "/admin/konton/$ANNA" -d gora=spara -d visningsnamn=Anna -d roll=press
assert_status 409
staff_request anna POST "/admin/konton/$BERIT" -d gora=aktivera
assert_status 303
staff_request anna POST "/admin/konton/$ANNA" -d gora=spara -d visningsnamn=Anna -d roll=admin
assert_status 303

# --- CSRF: refused, nothing changed ------------------------------------------------
N=$(q "SELECT count(*) FROM account")
A=$(q "SELECT count(*) FROM audit_log")
post /admin/konton -b "$T/anna.jar" -H "Origin: $BASE" -d namn=mallory -d roll=admin \
    --data-urlencode "losenord=$NPW" --data-urlencode "losenord2=$NPW"
assert_status 403
post /admin/konton -b "$T/anna.jar" -H "Origin: $BASE" -d csrf=fel-token -d namn=mallory \
    -d roll=admin --data-urlencode "losenord=$NPW" --data-urlencode "losenord2=$NPW"
assert_status 403
assert_body_contains "Ingenting har ändrats"
post /admin/konton -b "$T/anna.jar" -H "Origin: http://evil.example" \
    --data-urlencode "csrf=$(staff_csrf anna)" -d namn=mallory -d roll=admin \
    --data-urlencode "losenord=$NPW" --data-urlencode "losenord2=$NPW"
assert_status 403
post "/admin/konton/$NILS" -b "$T/anna.jar" -H "Origin: $BASE" -d gora=stang_av
assert_status 403
post /admin/kontakter/3 -b "$T/anna.jar" -H "Origin: $BASE" -d csrf=fel -d version=1 \
    -d namn=X
assert_status 403
assert_eq "no account added by a refused POST" "$(q "SELECT count(*) FROM account")" "$N"
assert_eq "nils still enabled" "$(q "SELECT disabled FROM account WHERE id = $NILS")" 0
assert_eq "contact 3 unchanged" "$(q "SELECT name FROM contact WHERE id = 3")" "Helene Lindstrand"
assert_eq "no audit row from refused POSTs" "$(q "SELECT count(*) FROM audit_log")" "$A"

# --- signing out ends the session server-side ---------------------------------------
staff_signin anna
cp "$T/anna.jar" "$T/old.jar"
staff_request anna POST /admin/logga-ut
assert_status 303
assert_header Location '^/admin/logga-in'
assert_signed_out old
post /admin/konton -b "$T/old.jar" -H "Origin: $BASE" -d csrf=x -d namn=z
assert_status 401
staff_signin anna

# --- wrong passwords are throttled --------------------------------------------------
# Start from a clean slate: failures above count for this address too.
q "DELETE FROM login_attempt"
staff_user_add tove redaktor
for i in 1 2 3 4 5; do
	try_signin tove "fel-losenord-$i"
	assert_status 403
done
try_signin tove "fel-losenord-6"
assert_status 429
assert_body_contains "Vänta 30 sekunder"
try_signin tove "$PW"
assert_status 429
# Let 31 seconds pass between tries (by moving the recorded failures
# back), up to ten failures within 15 minutes.
for i in 6 7 8 9 10; do
	q "UPDATE login_attempt SET at = at - 31"
	try_signin tove "fel-losenord-$i"
	assert_status 403
done
q "UPDATE login_attempt SET at = at - 31"
try_signin tove "$PW"
assert_status 429
assert_body_contains "spärrad i 15 minuter"
# After the window the account opens again.
q "UPDATE login_attempt SET at = at - 15 * 60"
staff_signin tove
assert_signed_in tove
q "DELETE FROM login_attempt"

# --- roles on every /admin route -----------------------------------------------------
staff_user_add rita redaktor
staff_user_add presse press
staff_signin rita
staff_signin presse
staff_signin anna
ROUTES=$(python3 - "$PRESSRUM_SRC/src/web/route.c" <<'PY'
import re, sys
src = open(sys.argv[1]).read()
for m in re.finditer(r'\{\s*"(/admin[^"]*)"\s*,\s*(\w+)\s*,\s*([^}]*)\}', src):
	flags = set(re.findall(r'R_[A-Z]+', m.group(3)))
	for meth in ('GET', 'POST'):
		if 'R_' + meth in flags:
			print(m.group(1), meth, ','.join(sorted(flags)))
PY
)
NROUTES=$(printf '%s\n' "$ROUTES" | grep -c .)
check "the route table has admin routes ($NROUTES)" test "$NROUTES" -ge 20

# may ROLE FLAGS: 0 when the role may use a route with these flags.
may() {
	case $1 in admin) return 0 ;; esac
	case $2 in *R_ADMIN*|*R_EDIT*|*R_PRESS*) ;; *) return 0 ;; esac
	case $1 in
	redaktor) [[ $2 == *R_EDIT* ]] ;;
	press) [[ $2 == *R_PRESS* ]] ;;
	esac
}

walked=0
while read -r pattern meth flags; do
	[[ $flags == *R_STAFF* ]] || continue		# the sign-in page
	[ "$pattern" = /admin/logga-ut ] && continue	# ends the session: below
	path=${pattern//:id/1}
	path=${path//:slug/jamstalldhet}
	# No session: a GET goes to sign-in, a POST gets the sign-in form.
	request "$meth" "$path" -H "Origin: $BASE"
	if [ "$meth" = GET ]; then
		if [ "$STATUS" = 303 ] && [[ $(header Location) == /admin/logga-in\?till=* ]]; then
			pass "$meth $path without a session -> sign-in"
		else fail "$meth $path without a session -> $STATUS"; fi
	else
		if [ "$STATUS" = 401 ] && [[ $BODY == *'action="/admin/logga-in"'* ]]; then
			pass "$meth $path without a session -> 401 sign-in form"
		else fail "$meth $path without a session -> $STATUS"; fi
	fi
	for who in anna rita presse; do
		role=$(q "SELECT role FROM account WHERE name = '$who'")
		staff_request "$who" "$meth" "$path"
		if may "$role" "$flags"; then
			case $STATUS in
			403|401|000|5[0-9][0-9])
				fail "$meth $path as $role -> $STATUS, should be allowed" ;;
			303) if header Location | grep '^/admin/logga-in' >/dev/null; then
				fail "$meth $path as $role -> sent to sign-in"
			     else pass "$meth $path as $role -> 303 (allowed)"; fi ;;
			*) pass "$meth $path as $role -> $STATUS (allowed)" ;;
			esac
		else
			if [ "$STATUS" = 403 ]; then pass "$meth $path as $role -> 403"
			else fail "$meth $path as $role -> $STATUS, want 403"; fi
		fi
	done
	walked=$((walked + 1))
done <<<"$ROUTES"
check "walked every staff route but sign-out ($walked)" test "$walked" -ge 20
for who in anna rita presse; do
	staff_request "$who" POST /admin/logga-ut
	assert_status 303
	assert_signed_out "$who"
done
post /admin/logga-ut -H "Origin: $BASE" -d csrf=x
assert_status 401

done_testing

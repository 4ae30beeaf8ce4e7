#!/usr/bin/env bash
# t0115-role-table.sh -- one role table (src/util/role.c) drives the
# staff menu, the start page's cards, the refusals and the account
# form: for each role, every staff page in the admin's menu answers 200
# exactly when the role's own menu has it, and 403 naming the roles that
# may otherwise; the account form offers exactly the roles `pressrum
# user add` takes.
. "$(dirname "$0")/lib.sh"

site_start
staff_user_add anna admin
staff_user_add rita redaktor
staff_user_add presse press
for who in anna rita presse; do staff_signin "$who"; done

menu() {
	printf '%s\n' "$BODY" | sed -n '/aria-label="Redaktionens meny"/,/<\/nav>/p' |
	    grep -oE 'href="/admin[^"]*"' | sed 's/^href="//; s/"$//'
}

staff_request anna GET /admin
ALL=$(menu)
check "the admin's menu has every staff section ($(printf '%s' "$ALL" | grep -c .))" \
    test "$(printf '%s\n' "$ALL" | grep -c .)" -ge 9

declare -A WANT_MENU=(
	[anna]="/admin /admin/artiklar /admin/amnen /admin/media /admin/epost /admin/granskning /admin/kontakter /admin/pressjour /admin/presslista /admin/notis /admin/tillganglighet /admin/klarsprak /admin/konton /admin/logg"
	[rita]="/admin /admin/artiklar /admin/amnen /admin/media /admin/epost /admin/granskning"
	[presse]="/admin /admin/media /admin/kontakter /admin/pressjour /admin/presslista"
)
declare -A WHO_MAY=(
	[/admin/artiklar]="redaktörer och administratörer"
	[/admin/amnen]="redaktörer och administratörer"
	[/admin/epost]="redaktörer och administratörer"
	[/admin/granskning]="redaktörer och administratörer"
	[/admin/kontakter]="pressansvariga och administratörer"
	[/admin/pressjour]="pressansvariga och administratörer"
	[/admin/presslista]="pressansvariga och administratörer"
	[/admin/notis]="administratörer"
	[/admin/tillganglighet]="administratörer"
	[/admin/klarsprak]="administratörer"
	[/admin/konton]="administratörer"
	[/admin/logg]="administratörer"
)

for who in anna rita presse; do
	staff_request "$who" GET /admin
	mine=$(menu)
	assert_eq "$who's menu" "$(printf '%s\n' $mine | tr '\n' ' ')" "${WANT_MENU[$who]} "
	for path in $ALL; do
		staff_request "$who" GET "$path"
		# (a bash match, not printf | grep -q: with pipefail an early
		# grep exit is a SIGPIPE failure)
		if [[ $'\n'$mine$'\n' == *$'\n'"$path"$'\n'* ]]; then
			assert_status 200
		else
			assert_status 403
			assert_body_contains "Den här delen är till för ${WHO_MAY[$path]}."
		fi
	done
done

# The start page's cards follow the same table.
staff_request rita GET /admin
assert_body_contains 'href="/admin/artiklar">Artiklar</a></h2>'
assert_body_lacks 'href="/admin/kontakter">Kontakter</a></h2>'
assert_body_lacks 'href="/admin/notis">Notis</a></h2>'
staff_request presse GET /admin
assert_body_contains 'href="/admin/kontakter">Kontakter</a></h2>'
assert_body_lacks 'href="/admin/artiklar">Artiklar</a></h2>'

# The account form and the CLI offer the same roles.
staff_request anna GET /admin/konton/ny
assert_status 200
form_roles=$(printf '%s\n' "$BODY" | grep -oE 'name="roll" value="[a-z]+"' |
    sed 's/.*value="//; s/"$//' | tr '\n' '|')
usage=$("$PRESSRUM_BIN" user add 2>&1 | sed -n 's/.*--role \([a-z|]*\) NAME.*/\1/p')
assert_eq "the account form offers the CLI's roles" "$form_roles" "$usage|"
assert_eq "three roles" "$form_roles" "admin|redaktor|press|"
printf 'ett långt lösenord\n' | "$PRESSRUM_BIN" user add --role gast gunnar --db "$DB" >/dev/null 2>&1
check "user add refuses a role not in the table" test $? -eq 2
assert_eq "no account for an unknown role" "$(q "SELECT count(*) FROM account WHERE name = 'gunnar'")" 0

done_testing

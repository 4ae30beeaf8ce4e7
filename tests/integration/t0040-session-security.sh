#!/usr/bin/env bash
# t0040-session-security.sh -- what an outside review found in sign-in
# and sessions, through nginx:
#  - a cross-site POST without a session (or with a token we never
#    issued) gets a plain sign-in form that carries none of its fields;
#    a POST from our own form whose session ended keeps its text, never
#    a password, and is offered again only to the same account;
#  - the sign-in throttle counts a name in any letter case as one;
#  - sessions end after 60 minutes idle and 8 hours in all;
#  - signing in prunes ended sessions and old sign-in attempts;
#  - staff change their own password at /admin/mitt-konto;
#  - on https the cookie is __Host-pressrum_session (CGI run of the
#    binary with an https base URL), and an IPv6 address is throttled
#    by its /64.
. "$(dirname "$0")/lib.sh"

site_start
staff_user_add anna admin
staff_user_add rita redaktor
N_ACCOUNTS=$(q "SELECT count(*) FROM account")

# hidden NAME: the value of the first hidden input NAME in $BODY.
hidden() {
	printf '%s' "$BODY" | /usr/bin/python3 -c 'import html, re, sys
m = re.search(r"name=\"" + re.escape(sys.argv[1]) + r"\" value=\"([^\"]*)\"", sys.stdin.read())
print(html.unescape(m.group(1)) if m else "")' "$1"
}

# The replay fields of $BODY as a curl config of data-urlencode lines,
# in $T/pairs.cfg.
replay_args() {
	printf '%s' "$BODY" | /usr/bin/python3 -c 'import html, re, sys
b = sys.stdin.read()
for k, v in re.findall(r"name=\"(_replay_[a-z]+)\" value=\"([^\"]*)\"", b):
    kv = (k + "=" + html.unescape(v)).replace("\\", "\\\\").replace("\"", "\\\"")
    print("data-urlencode = \"" + kv + "\"")' >"$T/pairs.cfg"
}

# --- CSRF through the sign-in-again form --------------------------------------
post /admin/konton -H "Origin: https://evil.example" \
    -d namn=angripare-xq -d visningsnamn=Angripare -d roll=admin \
    -d losenord=HemligtLosen-987 -d losenord2=HemligtLosen-987
assert_status 401
assert_body_contains 'action="/admin/logga-in"'
assert_body_lacks "angripare-xq"
assert_body_lacks "HemligtLosen-987"
assert_body_lacks "_replay"
assert_body_lacks "Logga in igen"
assert_body_contains "ingenting sparades"

# Same origin, but a token no session of ours ever issued.
post /admin/konton -H "Origin: $BASE" -d csrf=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa \
    -d namn=angripare-xq -d roll=admin
assert_status 401
assert_body_lacks "angripare-xq"
assert_body_lacks "_replay"

# Our own form, session ended (idle): the text is kept, never a password.
staff_signin anna
TOK=$(staff_csrf anna)
check "anna has a form token" test -n "$TOK"
q "UPDATE session SET last_seen_at = last_seen_at - 3700"
assert_signed_out anna
post /admin/artiklar -b "$T/anna.jar" -H "Origin: $BASE" \
    --data-urlencode "csrf=$TOK" -d action=spara -d version=0 -d kind=nyhet \
    --data-urlencode "title=Kvar efter inloggning" -d slug= -d lang=sv \
    --data-urlencode "body=Texten som inte får försvinna." \
    -d losenord=InteHar-555
assert_status 401
assert_body_contains "Logga in igen"
assert_body_contains "Texten som inte får försvinna."
assert_body_lacks "InteHar-555"
assert_body_lacks "value=\"$TOK\" name=\"csrf\""
replay_args
check "the form carries a proof" grep -q '"_replay_proof=' "$T/pairs.cfg"

# Signing in as another account does not replay anna's form.
post /admin/logga-in -c "$T/rita.jar" -H "Origin: $BASE" -d namn=rita \
    --data-urlencode "losenord=$STAFF_PW" --config "$T/pairs.cfg"
assert_status 303
assert_header Location '^/admin$'
assert_body_lacks "Texten som inte får försvinna."

# anna signs in and gets her form back, with a fresh token.
rm -f "$T/anna.jar"
post /admin/logga-in -c "$T/anna.jar" -H "Origin: $BASE" -d namn=anna \
    --data-urlencode "losenord=$STAFF_PW" --config "$T/pairs.cfg"
assert_status 200
assert_body_contains "Du är inloggad igen"
assert_body_contains "Texten som inte får försvinna."
assert_body_lacks "InteHar-555"
NEWTOK=$(hidden csrf)
check "the replay form holds the new session's token" \
    test -n "$NEWTOK" -a "$NEWTOK" != "$TOK"
# Sending it again saves the article, under anna's new session.
ACTION=$(hidden _replay_action)
assert_eq "the replay form posts back to the interrupted address" \
    "$(printf '%s' "$BODY" | grep -o 'form class="form" action="[^"]*"')" \
    'form class="form" action="/admin/artiklar"'
printf '%s' "$BODY" | /usr/bin/python3 -c 'import html, re, sys
for k, v in re.findall(r"<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"", sys.stdin.read()):
    kv = (html.unescape(k) + "=" + html.unescape(v)).replace("\\", "\\\\").replace("\"", "\\\"")
    print("data-urlencode = \"" + kv + "\"")' >"$T/again.cfg"
post /admin/artiklar -b "$T/anna.jar" -H "Origin: $BASE" --config "$T/again.cfg"
assert_status 303
assert_eq "the kept text was saved" \
    "$(q "SELECT count(*) FROM article WHERE title = 'Kvar efter inloggning' AND body_md = 'Texten som inte får försvinna.'")" 1
assert_eq "no account was added by any of it" \
    "$(q "SELECT count(*) FROM account")" "$N_ACCOUNTS"

# --- throttle: one count whatever the letter case ------------------------------
q "DELETE FROM login_attempt"
i=0
for name in anna Anna ANNA aNNa anNA Anna ANNA anna AnNa aNnA; do
	i=$((i + 1))
	q "UPDATE login_attempt SET at = at - 31"
	try_signin "$name" "fel-losenord-$i"
	assert_status 403
done
q "UPDATE login_attempt SET at = at - 31"
try_signin anna "$STAFF_PW"
assert_status 429
assert_body_contains "spärrad"
assert_eq "failures are counted under one folded name" \
    "$(q "SELECT count(DISTINCT key) FROM login_attempt WHERE key LIKE 'konto:%'")" 1
q "DELETE FROM login_attempt"

# --- idle and absolute end -------------------------------------------------------
staff_signin anna
assert_signed_in anna
# Used 50 minutes ago: still signed in, and marked as used now.
q "UPDATE session SET last_seen_at = last_seen_at - 3000"
assert_signed_in anna
assert_eq "a use moves last_seen_at" \
    "$(q "SELECT count(*) FROM session WHERE last_seen_at > strftime('%s','now') - 60 AND expires_at > strftime('%s','now')")" 1
q "UPDATE session SET last_seen_at = last_seen_at - 3601"
assert_signed_out anna
staff_signin anna
# Busy all day: after 8 hours the session ends however recently used.
q "UPDATE session SET created_at = created_at - 28801, expires_at = expires_at - 28801"
assert_signed_out anna

# --- pruning ------------------------------------------------------------------------
q "INSERT INTO session (token_hash, account_id, csrf, created_at, expires_at, last_seen_at)
   VALUES ('old1', 1, 'c1', 0, 100, 50), ('old2', 1, 'c2', strftime('%s','now') - 700000, strftime('%s','now') + 100, strftime('%s','now') - 700000)"
q "INSERT INTO login_attempt (key, at) VALUES ('konto:x', 5), ('adress:x', strftime('%s','now') - 700000)"
staff_signin anna
assert_eq "ended sessions are pruned at sign-in" \
    "$(q "SELECT count(*) FROM session WHERE token_hash IN ('old1', 'old2')")" 0
assert_eq "old sign-in attempts are pruned" \
    "$(q "SELECT count(*) FROM login_attempt WHERE key IN ('konto:x', 'adress:x')")" 0

# --- one's own password --------------------------------------------------------------
staff_signin rita
cp "$T/rita.jar" "$T/rita-other.jar"
staff_request rita GET /admin
assert_body_contains 'href="/admin/mitt-konto"'
staff_request rita GET /admin/mitt-konto
assert_status 200
assert_body_contains "Byt lösenord"
staff_request rita POST /admin/mitt-konto -d losenord_nu=fel-fel-fel \
    -d losenord=nytt-losenord-42 -d losenord2=nytt-losenord-42
assert_status 400
assert_body_contains "Det nuvarande lösenordet stämmer inte"
assert_body_lacks "nytt-losenord-42"
staff_request rita POST /admin/mitt-konto --data-urlencode "losenord_nu=$STAFF_PW" \
    -d losenord=nytt-losenord-42 -d losenord2=annat-losenord-42
assert_status 400
assert_body_contains "Lösenorden är inte likadana"
assert_body_lacks "nytt-losenord-42"
staff_request rita POST /admin/mitt-konto --data-urlencode "losenord_nu=$STAFF_PW" \
    -d losenord=nytt-losenord-42 -d losenord2=nytt-losenord-42 -c "$T/rita.jar"
assert_status 303
assert_header Location '^/admin/mitt-konto\?bytt=1$'
rm -f "$T/rita.csrf"
staff_request rita GET /admin/mitt-konto?bytt=1
assert_status 200
assert_body_contains "Lösenordet är bytt"
assert_signed_out rita-other
try_signin rita "$STAFF_PW" "$T/rita-old.jar"
assert_status 403
try_signin rita nytt-losenord-42 "$T/rita-new.jar"
assert_status 303
assert_eq "the change is in the audit log" \
    "$(q "SELECT count(*) FROM audit_log WHERE summary LIKE '%ösenord%'")" 1
staff_signin rita nytt-losenord-42
staff_request rita POST /admin/mitt-konto -d losenord_nu=nytt-losenord-42 \
    -d losenord=nytt-losenord-42 -d losenord2=nytt-losenord-42
assert_status 400
assert_body_contains "samma som det nuvarande"
# Guessing the current password is throttled like signing in.
q "DELETE FROM login_attempt"
for i in 1 2 3 4 5 6 7 8 9 10; do
	q "UPDATE login_attempt SET at = at - 31"
	staff_request rita POST /admin/mitt-konto -d "losenord_nu=gissning-$i" \
	    -d losenord=tredje-losenord-1 -d losenord2=tredje-losenord-1
done
q "UPDATE login_attempt SET at = at - 31"
staff_request rita POST /admin/mitt-konto -d losenord_nu=nytt-losenord-42 \
    -d losenord=tredje-losenord-1 -d losenord2=tredje-losenord-1
assert_status 429
assert_body_contains "spärrad"
assert_eq "the password did not change while throttled" \
    "$(q "SELECT count(*) FROM audit_log WHERE summary LIKE '%ösenord%'")" 1
q "DELETE FROM login_attempt"

# --- contacts: an e-mail address is an address, not a mailto: with more -----------
staff_signin anna
for bad in 'press@kommun.se?bcc=kopia%40example.org' 'press@kommun.se?subject=hej' \
    'press@kommun.se%0d%0abcc:kopia' 'press@kommun.se&cc=kopia'; do
	staff_request anna POST /admin/kontakter --data-urlencode "namn=Testa Mejl" \
	    -d titel=Presschef -d enhet=Kommunikation -d telefon=08-123456 \
	    --data-urlencode "epost=$bad" -d version=0 -d aktiv=1
	assert_status 400
	assert_body_contains "Testa Mejl"
done
assert_eq "no contact was added" "$(q "SELECT count(*) FROM contact WHERE name = 'Testa Mejl'")" 0

# An address saved before the check (with "?bcc=") is never a mailto: link.
q "UPDATE contact SET email = 'press@kommun.se?bcc=kopia%40example.org' WHERE id = (SELECT min(id) FROM contact WHERE active = 1)"
get /kontakt
assert_status 200
assert_body_lacks "bcc="
assert_eq "form tokens are found by an index" \
    "$(q "SELECT count(*) FROM sqlite_master WHERE name = 'session_csrf'")" 1

# --- nginx: a __Host- session cookie is a session too (no page file) ---------------
app_hits() { grep -c "GET /amnen " "$T/server.log" || true; }
sleep 1.1	# the watcher has seen the sqlite3 calls above, and a page
		# changed in the current second gets no file
get /amnen
get /amnen
H=$(app_hits)
get /amnen
assert_eq "a repeat without a cookie comes from the page file" "$(app_hits)" "$H"
get /amnen -H "Cookie: __Host-pressrum_session=abc"
assert_eq "with a __Host- session cookie the request reaches Pressrum" "$(app_hits)" "$((H + 1))"

# --- https: the __Host- cookie, and IPv6 by /64 (the binary as CGI) ----------------
cgi() {	# cgi METHOD PATH [BODY] [COOKIE] [ADDR]: one request, headers and body on stdout
	local body=${3:-}
	printf '%s' "$body" | env -i GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD="$1" \
	    SCRIPT_NAME= REQUEST_URI="$2" DOCUMENT_URI="$2" PATH_INFO="$2" \
	    QUERY_STRING= CONTENT_TYPE=application/x-www-form-urlencoded \
	    CONTENT_LENGTH=${#body} HTTP_ORIGIN=https://nyheter.example.se \
	    HTTP_COOKIE="${4:-}" REMOTE_ADDR="${5:-127.0.0.1}" \
	    SERVER_NAME=nyheter.example.se HTTPS=on \
	    PRESSRUM_DB="$DB" PRESSRUM_TEMPLATES="$PRESSRUM_SRC/templates" \
	    PRESSRUM_BASE_URL=https://nyheter.example.se "$PRESSRUM_BIN"
}
q "DELETE FROM login_attempt"
OUT=$(cgi POST /admin/logga-in "namn=anna&losenord=$STAFF_PW" "" 2001:db8:1:2:aaaa::1)
COOKIE=$(printf '%s\n' "$OUT" | tr -d '\r' | sed -n 's/^Set-Cookie: \(__Host-pressrum_session=[^;]*\);.*/\1/p')
check "https: the session cookie is __Host-pressrum_session" test -n "$COOKIE"
check "https: the cookie is Secure with Path=/ and no Domain" \
    bash -c 'printf "%s" "$1" | grep "^Set-Cookie: __Host-" | grep "Path=/;" | grep "Secure" | grep -vqi "domain="' _ "$OUT"
OUT=$(cgi GET /admin "" "$COOKIE")
check "https: the __Host- cookie opens /admin" \
    bash -c 'printf "%s" "$1" | grep -q "Översikt"' _ "$OUT"
OUT=$(cgi GET /admin "" "pressrum_session=${COOKIE#*=}")
check "https: the same token without the prefix does not" \
    bash -c 'printf "%s" "$1" | grep -qi "^Location: /admin/logga-in"' _ "$OUT"
cgi POST /admin/logga-in "namn=anna&losenord=fel1" "" 2001:db8:1:2:aaaa::1 >/dev/null
cgi POST /admin/logga-in "namn=anna&losenord=fel2" "" 2001:db8:1:2:bbbb::7 >/dev/null
assert_eq "IPv6 failures count by /64" \
    "$(q "SELECT count(*) FROM login_attempt WHERE key = 'adress:2001:db8:1:2::/64'")" 2

done_testing

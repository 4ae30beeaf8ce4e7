#!/usr/bin/env bash
# t0070-subscribe.sh -- news by e-mail, sign-up with double opt-in,
# through nginx: the form from the footer; bad input is a 400 in Swedish
# with the address kept and nothing stored; a good sign-up stores one
# unconfirmed subscriber and ONE confirmation mail in the outbox; the
# mail's link shows a button and a GET confirms nothing; the POST
# confirms; a form posted from another site is refused (403); the abuse
# limits (one pending confirmation per address a day, in any letter
# case; five sign-ups per remote address an hour, an IPv6 one by its
# /64) answer 429 in Swedish; the unsubscribe link
# shows a button and an RFC 8058 one-click POST ends it; unconfirmed
# rows older than seven days are pruned, their confirmation mail with
# them.
. "$(dirname "$0")/lib.sh"

site_start

get /
assert_body_contains 'href="/prenumerera"'
get /prenumerera
assert_status 200
assert_body_contains 'Nyheter via e-post'
assert_body_contains 'name="amne"'

# --- bad input -----------------------------------------------------------------
post /prenumerera -H "Origin: $BASE" --data-urlencode "epost=inte en adress" \
    --data-urlencode "omfang=amnen" --data-urlencode "takt=direkt"
assert_status 400
assert_body_contains 'Skriv en giltig e-postadress'
assert_body_contains 'Välj minst ett ämne'
assert_body_contains 'value="inte en adress"'
assert_eq "nothing stored after bad input" "$(q 'SELECT count(*) FROM subscriber')" 0

# --- another site's form -------------------------------------------------------
post /prenumerera -H "Origin: https://annan.example" \
    --data-urlencode "epost=anna@exempel.se" --data-urlencode "omfang=alla" \
    --data-urlencode "takt=direkt"
assert_status 403
assert_eq "nothing stored from another site" "$(q 'SELECT count(*) FROM subscriber')" 0

# --- a good sign-up ------------------------------------------------------------
TOPIC=$(q "SELECT id FROM topic ORDER BY id LIMIT 1")
post /prenumerera -H "Origin: $BASE" --data-urlencode "epost=åsa@exempel.se" \
    --data-urlencode "omfang=amnen" --data-urlencode "amne=$TOPIC" \
    --data-urlencode "takt=direkt"
assert_status 200
assert_body_contains 'Bekräfta i din inkorg'
assert_eq "one unconfirmed subscriber" \
    "$(q "SELECT email, scope, frequency, confirmed_at IS NULL FROM subscriber")" \
    "åsa@exempel.se|amnen|direkt|1"
assert_eq "the chosen topic" "$(q 'SELECT topic_id FROM subscriber_topic')" "$TOPIC"
assert_eq "one confirmation mail queued" \
    "$(q "SELECT count(*) FROM outbox WHERE recipient = 'åsa@exempel.se' AND state = 'ny'")" 1
assert_eq "... tied to its subscriber" \
    "$(q "SELECT count(*) FROM outbox o JOIN subscriber s ON s.id = o.subscriber_id WHERE s.email = 'åsa@exempel.se'")" 1
LINK=$(q "SELECT body_text FROM outbox" | grep -o '/prenumerera/bekrafta/[A-Za-z0-9_-]*')
check "the mail has a confirmation link" test -n "$LINK"
check "the token is not stored in the clear" \
    test "$(q "SELECT count(*) FROM subscriber WHERE confirm_hash = '${LINK##*/}'")" = 0

# The same address again the same day: refused, nothing more queued.
post /prenumerera -H "Origin: $BASE" --data-urlencode "epost=åsa@exempel.se" \
    --data-urlencode "omfang=alla" --data-urlencode "takt=dag"
assert_status 429
assert_body_contains 'Vi har redan skickat en bekräftelse'
assert_body_contains 'value="åsa@exempel.se"'
assert_eq "still one mail" "$(q 'SELECT count(*) FROM outbox')" 1
# ... in other letters' case too (Å and Ä as well as A-Z).
post /prenumerera -H "Origin: $BASE" --data-urlencode "epost=ÅSA@Exempel.SE" \
    --data-urlencode "omfang=alla" --data-urlencode "takt=dag"
assert_status 429
assert_body_contains 'Vi har redan skickat en bekräftelse'
assert_eq "still one mail, whatever the case" "$(q 'SELECT count(*) FROM outbox')" 1

# --- confirming ----------------------------------------------------------------
get "$LINK"
assert_status 200
assert_body_contains 'Bekräfta prenumerationen'
assert_body_contains "<form method=\"post\" action=\"$LINK\">"
assert_eq "a GET confirms nothing" "$(q 'SELECT confirmed_at IS NULL FROM subscriber')" 1
post "$LINK" -H "Origin: https://annan.example"
assert_status 403
post "$LINK" -H "Origin: $BASE"
assert_status 200
assert_body_contains 'prenumerationen är bekräftad'
assert_eq "confirmed" "$(q 'SELECT confirmed_at IS NOT NULL FROM subscriber')" 1
get "$LINK"
assert_body_contains 'redan bekräftad'
get /prenumerera/bekrafta/okand-token
assert_status 404
assert_body_contains 'Länken gäller inte längre'

# --- per remote address: five an hour -------------------------------------------
for i in 2 3 4 5; do
	post /prenumerera -H "Origin: $BASE" --data-urlencode "epost=p$i@exempel.se" \
	    --data-urlencode "omfang=press" --data-urlencode "takt=direkt"
	assert_status 200
done
post /prenumerera -H "Origin: $BASE" --data-urlencode "epost=p6@exempel.se" \
    --data-urlencode "omfang=press" --data-urlencode "takt=direkt"
assert_status 429
assert_body_contains 'För många anmälningar'
assert_eq "five subscribers" "$(q 'SELECT count(*) FROM subscriber')" 5

# An IPv6 sender counts by its /64, which one host usually has whole
# (the binary as CGI: nginx here listens on 127.0.0.1 only).
cgi_subscribe() {	# cgi_subscribe ADDR EMAIL: the sign-up's Status line
	local body="epost=$2&omfang=alla&takt=direkt"
	printf '%s' "$body" | env -i GATEWAY_INTERFACE=CGI/1.1 \
	    REQUEST_METHOD=POST SCRIPT_NAME= REQUEST_URI=/prenumerera \
	    DOCUMENT_URI=/prenumerera PATH_INFO=/prenumerera QUERY_STRING= \
	    CONTENT_TYPE=application/x-www-form-urlencoded \
	    CONTENT_LENGTH=${#body} HTTP_ORIGIN=https://nyheter.example.se \
	    REMOTE_ADDR="$1" SERVER_NAME=nyheter.example.se HTTPS=on \
	    PRESSRUM_DB="$DB" PRESSRUM_TEMPLATES="$PRESSRUM_SRC/templates" \
	    PRESSRUM_BASE_URL=https://nyheter.example.se "$PRESSRUM_BIN" |
	    tr -d '\r' | sed -n 's/^Status: //p'
}
for i in 1 2 3 4 5; do
	assert_eq "IPv6 sign-up $i from 2001:db8:5:6::/64" \
	    "$(cgi_subscribe "2001:db8:5:6:$i::1" "v$i@exempel.se")" "200 OK"
done
assert_eq "a sixth from another address of the same /64: refused" \
    "$(cgi_subscribe 2001:db8:5:6:ffff::9 v6@exempel.se | cut -c1-3)" 429
assert_eq "counted under the /64" \
    "$(q "SELECT count(*) FROM subscriber WHERE remote_addr = '2001:db8:5:6::/64'")" 5
assert_eq "another /64 may" "$(cgi_subscribe 2001:db8:5:7::1 v7@exempel.se | cut -c1-3)" 200
q "DELETE FROM subscriber WHERE email LIKE 'v_@exempel.se'"

# --- unsubscribing -------------------------------------------------------------
UNSUB=$(q "SELECT unsub_token FROM subscriber WHERE email = 'åsa@exempel.se'")
get "/prenumerera/avsluta/$UNSUB"
assert_status 200
assert_body_contains 'Avsluta prenumerationen'
assert_eq "a GET ends nothing" "$(q "SELECT count(*) FROM subscriber WHERE email = 'åsa@exempel.se'")" 1
# RFC 8058: a mail client's POST, from no page of ours.
post "/prenumerera/avsluta/$UNSUB" --data-urlencode "List-Unsubscribe=One-Click"
assert_status 200
assert_body_contains 'Prenumerationen är avslutad'
assert_eq "ended at once" "$(q "SELECT count(*) FROM subscriber WHERE email = 'åsa@exempel.se'")" 0
assert_eq "its topics gone too" "$(q 'SELECT count(*) FROM subscriber_topic')" 0
post "/prenumerera/avsluta/$UNSUB"
assert_status 404

# --- pruning: unconfirmed rows older than seven days ------------------------------
q "UPDATE subscriber SET created_at = created_at - 8 * 86400, remote_addr = 'x' WHERE email = 'p2@exempel.se'"
post /prenumerera -H "Origin: $BASE" --data-urlencode "epost=p7@exempel.se" \
    --data-urlencode "omfang=alla" --data-urlencode "takt=direkt"
assert_status 200
assert_eq "the old unconfirmed row is pruned" \
    "$(q "SELECT count(*) FROM subscriber WHERE email = 'p2@exempel.se'")" 0
assert_eq "... and its confirmation mail, token and all" \
    "$(q "SELECT count(*) FROM outbox WHERE recipient = 'p2@exempel.se'")" 0

# --- the tokens stay out of the log ----------------------------------------------
check "no token in the server log" sh -c "! grep -q -e '${LINK##*/}' -e '$UNSUB' '$T/server.log'"

done_testing

#!/usr/bin/env bash
# t0105-change-notes.sh -- saving a published article asks for a minor
# change (the default: readers see nothing, "Uppdaterad" stays) or an
# update with a note for readers: the note shows under the article's
# dates with its time and in the Atom entry, every note stays listed,
# and only a noted update moves "Uppdaterad" (and the entry's
# <updated>).  A note left empty is refused with the text kept.  The
# byline shows the author's display name, per article.
TEST_CLOCK=1
. "$(dirname "$0")/lib.sh"
# sqlite3 waits for the server's own writes (the search text it fills).
q() { sqlite3 -cmd ".timeout 10000" "$DB" "$1"; }

site_start
staff_user_add rita redaktor
q "UPDATE account SET display_name = 'Rita Redaktör' WHERE name = 'rita'"
staff_signin rita

SLUG=stod-till-kvinnofrid
publish_article rita "Stöd till kvinnofrid" "$SLUG" "Regeringen ger 2 miljoner kronor."
assert_status 303
ID=$ARTICLE_ID
FIELDS=(--data-urlencode "kind=nyhet" --data-urlencode "title=Stöd till kvinnofrid"
    --data-urlencode "slug=$SLUG" --data-urlencode "lead=Ingress."
    --data-urlencode "lang=sv" --data-urlencode "byline_shown=1")
# save VERSION [more]: "Spara ändringar" on the published article.
save() {
	local v=$1
	shift
	staff_request rita POST "/admin/artiklar/$ID" --data-urlencode action=spara \
	    --data-urlencode "version=$v" "${FIELDS[@]}" "$@"
}

# --- the form asks, minor change by default -------------------------------
staff_request rita GET "/admin/artiklar/$ID"
assert_status 200
assert_body_contains 'id="andring-liten" name="andring" value="liten" checked'
assert_body_contains "Uppdatering med en notis till läsarna"
assert_body_contains 'href="/admin/artiklar/'"$ID"'/dra-tillbaka"'
assert_body_lacks 'value="avpublicera"'

# --- a minor change 15 minutes later: no note, no "Uppdaterad" ---------------
q "INSERT INTO setting (key, value) VALUES ('test_clock_offset', '900')"
save 1 --data-urlencode "body=Regeringen ger 2 miljoner kronor (rättat stavfel)." \
    --data-urlencode andring=liten
assert_status 303
get "/nyheter/$SLUG"
assert_status 200
assert_body_contains "rättat stavfel"
assert_body_lacks "Uppdaterad"
assert_body_lacks "Ändringar"
get /nyheter.atom
assert_eq "the Atom entry is not updated by a minor change" \
    "$(printf '%s' "$BODY" | grep -A4 "/nyheter/$SLUG\"/>" | grep -c '<content')" 0

# --- an update without its note: refused, text kept, nothing saved -------
save 2 --data-urlencode "body=Regeringen ger 20 miljoner kronor." \
    --data-urlencode andring=notis --data-urlencode "notis=  "
assert_status 400
assert_body_contains "Skriv notisen till läsarna"
assert_body_contains "Regeringen ger 20 miljoner kronor."
assert_body_contains 'id="andring-notis" name="andring" value="notis" checked'
assert_eq "nothing saved" "$(q "SELECT version || '|' || count(n.id) FROM article a LEFT JOIN article_note n ON n.article_id = a.id WHERE a.id = $ID")" "2|0"

# --- an update with a note, half an hour after publishing -------------------
q "UPDATE setting SET value = '1800' WHERE key = 'test_clock_offset'"
NOTE="Rättelse: beloppet är 20 miljoner kronor, inte 2 miljoner."
save 2 --data-urlencode "body=Regeringen ger 20 miljoner kronor." \
    --data-urlencode andring=notis --data-urlencode "notis=$NOTE"
assert_status 303
NOTED=$(q "SELECT noted_at FROM article WHERE id = $ID")
assert_eq "noted_at is the note's time" "$(q "SELECT at FROM article_note WHERE article_id = $ID")" "$NOTED"
WHEN=$(TZ=Europe/Stockholm date -d "@$NOTED" '+%H.%M')
get "/nyheter/$SLUG"
assert_status 200
assert_body_contains "Uppdaterad <time"
assert_body_contains "<h2 id=\"andringar\">Ändringar</h2>"
assert_body_contains "kl. $WHEN</time>: $NOTE"
get /nyheter.atom
ENTRY=$(printf '%s' "$BODY" | sed -n "\|/nyheter/$SLUG\"/>|,\|</entry>|p")
# The entry's content is HTML, escaped once for the feed's XML.
assert_eq "the Atom entry carries the note" \
    "$(printf '%s' "$ENTRY" | grep -c "&lt;li&gt;&lt;time datetime=&quot;[^&]*&quot;&gt;[^&]*kl. $WHEN&lt;/time&gt;: $NOTE&lt;/li&gt;")" 1
check "the Atom entry's <updated> is the noted update" /usr/bin/python3 -c '
import sys, datetime
e = sys.argv[1]
u = e.split("<updated>")[1].split("</updated>")[0]
t = datetime.datetime.fromisoformat(u.replace("Z", "+00:00")).timestamp()
sys.exit(int(t) != int(sys.argv[2]))' "$ENTRY" "$NOTED"
check "the feed is well-formed XML" /usr/bin/python3 -c '
import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())' <<<"$BODY"

# --- a later minor change: "Uppdaterad" stays, the note stays ------------
q "UPDATE setting SET value = '2700' WHERE key = 'test_clock_offset'"
save 3 --data-urlencode "body=Regeringen ger 20 miljoner kronor i år."
assert_status 303
assert_eq "a minor change leaves noted_at" "$(q "SELECT noted_at FROM article WHERE id = $ID")" "$NOTED"
# --- a second note: both listed, newest first -----------------------------
save 4 --data-urlencode "body=Regeringen ger 20 miljoner kronor i år." \
    --data-urlencode andring=notis --data-urlencode "notis=Tillägg: pengarna betalas ut i maj."
assert_status 303
get "/nyheter/$SLUG"
check "both notes listed, newest first" /usr/bin/python3 -c '
import sys; b = sys.stdin.read()
a, c = b.find("Tillägg: pengarna"), b.find("Rättelse: beloppet")
sys.exit(not (0 < a < c))' <<<"$BODY"
assert_eq "notes kept" "$(q "SELECT count(*) FROM article_note WHERE article_id = $ID")" 2

# --- byline ---------------------------------------------------------------
assert_body_lacks "Av Rita Redaktör"
save 5 --data-urlencode "body=Regeringen ger 20 miljoner kronor i år." --data-urlencode byline=1
assert_status 303
get "/nyheter/$SLUG"
assert_body_contains '<p class="article-byline">Av Rita Redaktör</p>'
staff_request rita GET "/admin/artiklar/$ID"
assert_body_contains 'id="byline" name="byline" value="1" checked'
# a save from a form without the byline box leaves it as it is
staff_request rita POST "/admin/artiklar/$ID" --data-urlencode action=spara \
    --data-urlencode version=6 --data-urlencode "kind=nyhet" \
    --data-urlencode "title=Stöd till kvinnofrid" --data-urlencode "slug=$SLUG" \
    --data-urlencode "lead=Ingress." --data-urlencode "lang=sv" \
    --data-urlencode "body=Regeringen ger 20 miljoner kronor i år."
assert_status 303
assert_eq "byline kept" "$(q "SELECT byline FROM article WHERE id = $ID")" 1
save 7 --data-urlencode "body=Regeringen ger 20 miljoner kronor i år."
get "/nyheter/$SLUG"
assert_body_lacks "Av Rita Redaktör"
tidy -q -e "$T/body" >"$T/tidy.out" 2>&1
check "the article page has no HTML errors (tidy)" test $? -lt 2

done_testing

#!/usr/bin/env bash
# t0074-feed-fulltext.sh -- the Atom feeds carry each article's full text
# (HTML, escaped, type="html") beside the lead as summary, and feedparser
# reads it back: the body's paragraphs and markup, no script.
. "$(dirname "$0")/lib.sh"

site_start
staff_user_add red redaktor
staff_signin red
publish_article red "Fulltext i flödet" fulltext-flode \
    "Första stycket med **fetstil** & ett <script>alert(1)</script> försök.

Andra stycket om Åby."
assert_status 303

get /nyheter.atom
assert_status 200
assert_body_contains '<content type="html">'
printf '%s' "$BODY" >"$T/feed.xml"
OUT=$(/usr/bin/python3 - "$T/feed.xml" <<'PY'
import sys, feedparser
d = feedparser.parse(open(sys.argv[1], "rb").read())
assert not d.bozo, d.bozo_exception
e = [e for e in d.entries if e.title == "Fulltext i flödet"][0]
print("summary=" + e.summary)
c = e.content[0]
print("type=" + c.type)
print("value=" + c.value.replace("\n", " "))
PY
) || fail "feedparser could not read the feed"
check "the lead is the summary" sh -c "printf '%s' \"\$1\" | grep -qx 'summary=Ingress.'" _ "$OUT"
check "the content is HTML" sh -c "printf '%s' \"\$1\" | grep -qx 'type=text/html'" _ "$OUT"
check "the full text with its markup" sh -c "printf '%s' \"\$1\" | grep -q 'value=<p>Första stycket med <strong>fetstil</strong> &amp; ett'" _ "$OUT"
check "the second paragraph" sh -c "printf '%s' \"\$1\" | grep -q '<p>Andra stycket om Åby.</p>'" _ "$OUT"
check "no script" sh -c "! printf '%s' \"\$1\" | grep -q '<script'" _ "$OUT"

get "/amnen/$(q 'SELECT slug FROM topic ORDER BY id LIMIT 1').atom"
assert_status 200
assert_body_contains '<content type="html">'

done_testing

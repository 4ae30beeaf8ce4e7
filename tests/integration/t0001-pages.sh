#!/usr/bin/env bash
# t0001-pages.sh -- every public page answers 200 through nginx and shows
# the demo content (the seed pages in shared/seeds), as UTF-8 Swedish HTML.
. "$(dirname "$0")/lib.sh"
site_start

ARTICLE=fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid
TITLE="Fortsatt satsning på jämställdhet och kvinnofrid"

# The article links on the page just fetched, sorted and unique.
article_links() {
	printf '%s' "$BODY" | grep -oE '/nyheter/[a-z0-9-]+"' | tr -d '"' |
	    sort -u
}

html_page() {
	assert_status 200
	assert_header Content-Type '^text/html; *charset=utf-8$'
	assert_body_contains '<html lang="sv"'
}

# The newest public news item, whatever the demo holds.
NEWEST=$(sqlite3 "$DB" "SELECT title FROM article
    WHERE status = 'publicerad' AND publish_at <= unixepoch()
      AND kind IN ('nyhet', 'pressmeddelande')
    ORDER BY publish_at DESC LIMIT 1")
check "the demo has published news" test -n "$NEWEST"

get /
html_page
assert_body_contains "Har du en fråga med anledning av det pågående virusutbrottet?"
assert_body_contains "$NEWEST"
assert_body_contains "Pressjour"

get /nyheter
html_page
assert_body_contains "$NEWEST"
assert_body_contains "Nyhet"
page1=$(article_links)
check "/nyheter links to articles" test -n "$page1"

# The seed article, found by year and by topic.
get "/nyheter?ar=2021"
html_page
assert_body_contains "$TITLE"
assert_body_contains "Nyhet"
assert_body_contains "12 februari 2021"
get "/nyheter?amne=jamstalldhet"
html_page
assert_body_contains "$TITLE"
get "/nyheter?typ=pressmeddelande"
html_page
assert_body_lacks "$TITLE"

get "/nyheter?sida=2"
html_page
page2=$(article_links)
check "/nyheter?sida=2 links to articles" test -n "$page2"
check "page 2 lists other articles than page 1" \
    test -z "$(comm -12 <(printf '%s\n' "$page1") <(printf '%s\n' "$page2"))"

# The pager's links carry a keyset cursor; following them must give the
# same pages as the page numbers alone.
get /nyheter
next=$(printf '%s\n' "$BODY" | grep -o 'href="/nyheter?sida=2&amp;fore=[0-9]*\.[0-9]*"' |
    sed 's/^href="//; s/"$//; s/&amp;/\&/g' | head -n 1)
check "page 1 links to page 2 with a cursor ($next)" test -n "$next"
get "$next"
check "the cursor link lists what ?sida=2 does" \
    test "$(article_links)" = "$page2"
prev=$(printf '%s\n' "$BODY" | grep -o 'href="/nyheter"[^>]*rel="prev"' | head -n 1)
check "page 2 links back to page 1" test -n "$prev"
get "/nyheter?sida=2&fore=12x"
assert_status 400

get "/nyheter/$ARTICLE"
html_page
for text in "$TITLE" "20 miljoner kronor" \
    "Stärkt fokus på att förbygga hedersrelaterat våld" \
    "säger Arion Chryssafis" "Läs vidare" "Sakkunnig" \
    "Love Nordenmark" "Handläggare" "Jenny Norén" "Projektledare" \
    "Pressjour" "Helene Lindstrand" "Presschef" \
    "Publicerad 12 februari 2021"; do
	assert_body_contains "$text"
done

get /amnen/jamstalldhet
html_page
for text in "Jämställdhet" "Jämställd socialtjänst" "CEMR-deklarationen" \
    "Den europeiska deklarationen för jämställdhet mellan kvinnor och män" \
    "Aktuellt" "$TITLE"; do
	assert_body_contains "$text"
done

get /kontakt
html_page
assert_body_contains "Pressjour"
assert_body_contains "Helene Lindstrand"

# HEAD: same status and headers as GET, no body.
get /
get_status=$STATUS
get_type=$(header Content-Type)
get_csp=$(header Content-Security-Policy)
request HEAD /
check "HEAD / has GET's status ($get_status)" test "$STATUS" = "$get_status"
check "HEAD / has GET's Content-Type" \
    test "$(header Content-Type)" = "$get_type"
check "HEAD / has GET's Content-Security-Policy" \
    test "$(header Content-Security-Policy)" = "$get_csp"
# curl never reads a body after HEAD: ask over a raw HTTP/1.0 connection.
raw_head_body_bytes() {
	python3 -c 'import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
s.sendall(b"HEAD / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
data = b""
while True:
	chunk = s.recv(65536)
	if not chunk:
		break
	data += chunk
head, sep, body = data.partition(b"\r\n\r\n")
print(len(body) if sep else -1)' "$PORT"
}
check "HEAD / has an empty body" test "$(raw_head_body_bytes)" = 0

# Static files come from public/ through nginx, not from the application.
get /css/site.css
assert_status 200
assert_header Content-Type '^text/css'
assert_header Cache-Control 'max-age=3600'

get /robots.txt
assert_status 200
assert_header Content-Type '^text/plain'
assert_body_contains "User-agent: *"

done_testing

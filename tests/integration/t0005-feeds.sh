#!/usr/bin/env bash
# t0005-feeds.sh -- what crawlers and feed readers fetch: the Atom feeds
# parse (python3-feedparser, not bozo) and hold the news with absolute
# links on our base URL, newest first; the sitemap is well-formed XML
# listing article URLs; both follow a publish (and an unpublish) on the
# next request; robots.txt comes from the application and names the
# sitemap; pages link their feeds with <link rel="alternate">.
. "$(dirname "$0")/lib.sh"
site_start

# parse_feed FILE: prints "<entries> <first entry link>", exits 1 if bozo.
parse_feed() {
	/usr/bin/python3 -c 'import sys, feedparser
d = feedparser.parse(sys.argv[1])
if d.bozo:
	print("bozo:", d.bozo_exception, file=sys.stderr)
	sys.exit(1)
print(len(d.entries), d.entries[0].link if d.entries else "-")' "$1"
}

for path in /nyheter.atom /amnen/jamstalldhet.atom; do
	get "$path"
	assert_status 200
	assert_header Content-Type '^application/atom\+xml'
	if out=$(parse_feed "$T/body" 2>&1); then
		pass "$path parses as a feed ($out)"
	else
		fail "$path does not parse: $out"
		continue
	fi
	check "$path has entries" test "${out%% *}" -gt 0
	check "$path links are absolute on $BASE" \
	    test "${out#* }" != "${out#* "$BASE"/}"
done

get /sitemap.xml
assert_status 200
assert_header Content-Type 'xml'
check "/sitemap.xml is well-formed XML" python3 -c '
import sys, xml.etree.ElementTree as E
E.parse(sys.argv[1])' "$T/body"
assert_body_contains "$BASE/nyheter/fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid"

# Feed readers discover the feed from the pages people bookmark.
for path in / /nyheter; do
	get "$path"
	assert_body_contains '<link rel="alternate" type="application/atom+xml"'
done
get /amnen/jamstalldhet
assert_body_contains "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Nyheter om Jämställdhet\" href=\"$BASE/amnen/jamstalldhet.atom\">"

# feed_links FILE: the entry links in feed order, one a line; fails
# unless the entries are newest first (by published).
feed_links() {
	/usr/bin/python3 -c 'import sys, feedparser
d = feedparser.parse(sys.argv[1])
if d.bozo:
	sys.exit("bozo: %s" % d.bozo_exception)
p = [e.published_parsed for e in d.entries]
if p != sorted(p, reverse=True):
	sys.exit("entries are not newest first")
for e in d.entries:
	print(e.link)' "$1"
}

newest_first() {
	feed_links "$1" >/dev/null
}

# sitemap_articles FILE: the article URLs of the sitemap, in order.
sitemap_articles() {
	python3 -c 'import sys, xml.etree.ElementTree as E
ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
for u in E.parse(sys.argv[1]).getroot().findall("s:url", ns):
	loc = u.find("s:loc", ns).text
	if "/nyheter/" in loc:
		lm = u.find("s:lastmod", ns)
		print(loc, lm.text if lm is not None else "-")' "$1"
}

for path in /nyheter.atom /amnen/jamstalldhet.atom; do
	get "$path"
	check "$path: entries newest first" newest_first "$T/body"
done

# --- a publish shows in every feed and the sitemap on the next request ---------

NEW=$BASE/nyheter/t5-ny-publicering
sqlite3 "$DB" <<'SQL' || fail "could not publish the fixture"
INSERT INTO article (kind, slug, title, lead, body_md, status, publish_at)
VALUES ('nyhet', 't5-ny-publicering', 'Nypublicerat om jämställdhet',
	'Ingress.', 'Text.', 'publicerad', unixepoch() - 30),
       ('nyhet', 't5-planerad', 'Planerat om jämställdhet', 'Ingress.',
	'Text.', 'publicerad', unixepoch() + 86400),
       ('nyhet', 't5-utkast', 'Utkast om jämställdhet', 'Ingress.', 'Text.',
	'utkast', NULL);
INSERT INTO article_topic (article_id, topic_id)
	SELECT a.id, t.id FROM article a, topic t
	 WHERE a.slug LIKE 't5-%' AND t.slug = 'jamstalldhet';
SQL
for path in /nyheter.atom /amnen/jamstalldhet.atom; do
	get "$path"
	links=$(feed_links "$T/body") || fail "$path: $links"
	check "$path: the new article is the first entry" \
	    test "$(head -n 1 <<<"$links")" = "$NEW"
	check "$path: no scheduled or draft entry" \
	    test -z "$(grep -E 't5-(planerad|utkast)' <<<"$links")"
	check "$path: the feed's updated is the new entry's" /usr/bin/python3 -c '
import sys, feedparser
d = feedparser.parse(sys.argv[1])
sys.exit(d.feed.updated_parsed != d.entries[0].updated_parsed)' "$T/body"
done
get /sitemap.xml
arts=$(sitemap_articles "$T/body")
check "sitemap: the new article is the first article URL" \
    test "$(head -n 1 <<<"$arts" | cut -d' ' -f1)" = "$NEW"
check "sitemap: the new article has a lastmod" \
    test "$(head -n 1 <<<"$arts" | cut -d' ' -f2)" != -
check "sitemap: no scheduled or draft URL" \
    test -z "$(grep -E 't5-(planerad|utkast)' <<<"$arts")"

# Unpublished: gone from the feed and the sitemap at once.
sqlite3 "$DB" "UPDATE article SET status = 'avpublicerad'
    WHERE slug = 't5-ny-publicering'"
get /nyheter.atom
check "/nyheter.atom: an unpublished article is gone" \
    test -z "$(feed_links "$T/body" | grep -F "$NEW")"
get /sitemap.xml
check "/sitemap.xml: an unpublished article is gone" \
    test -z "$(sitemap_articles "$T/body" | grep -F "$NEW")"

# --- robots.txt, from the application -------------------------------------------

get /robots.txt
assert_status 200
assert_header Content-Type '^text/plain; charset=utf-8$'
check "robots.txt names the sitemap on the base URL" \
    test -n "$(grep -Fx "Sitemap: $BASE/sitemap.xml" "$T/body")"
check "robots.txt keeps crawlers out of /admin" \
    test -n "$(grep -Fx 'Disallow: /admin' "$T/body")"
check "robots.txt lets them into the rest" \
    test -z "$(grep -Fx 'Disallow: /' "$T/body")"

done_testing

#!/usr/bin/env bash
# t0005-feeds.sh -- what crawlers and feed readers fetch: the Atom feeds
# parse (python3-feedparser, not bozo) and hold the news with absolute
# links on our base URL, the sitemap is well-formed XML listing article
# URLs, and robots.txt is the static one.
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

done_testing

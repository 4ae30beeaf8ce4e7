#!/usr/bin/env bash
# t0101-demo-render.sh -- the Markdown renderer (cmark-gfm with the table,
# strikethrough and autolink extensions) renders the demo content byte
# for byte as plain cmark did: the body of every page in the sitemap,
# its meta description (md_plain) and the search text of every article
# and topic (md_plain) hash to what t0101-demo-render.sha256 recorded
# with cmark 0.30.2.  The demo content uses one extension: the autolink
# of a bare e-mail address (press@skr.se); a mail link whose text is its
# address is read as that text on both sides, and checked on its own.
#
# RECORD=1 rewrites the fixture from the binary under test.
. "$(dirname "$0")/lib.sh"
FIXTURE=$PRESSRUM_SRC/tests/integration/t0101-demo-render.sha256
site_start

# The rendered parts of the page on stdin: the article body (from the
# body div to the end of the article) and the meta description.
extract() {
	/usr/bin/python3 -c '
import re, sys
page = sys.stdin.read()
m = re.search(r"<div class=\"article-body prose\">\n(.*?)\n</div>\n</article>", page, re.S)
d = re.search(r"<meta name=\"description\" content=\"([^\"]*)\">", page)
body = re.sub(r"<a href=\"mailto:([^\"]*)\">\1</a>", r"\1", m.group(1)) if m else "-"
sys.stdout.write(body + "\n" + (d.group(1) if d else "-"))'
}

get /sitemap.xml
assert_status 200
URLS=$(printf '%s' "$BODY" | grep -o '<loc>[^<]*</loc>' |
    sed "s|<loc>$BASE||; s|</loc>||" | grep -E '^/(nyheter|amnen)/' | sort)
check "the sitemap lists the demo articles and topics" \
    test "$(printf '%s\n' "$URLS" | wc -l)" -gt 20

: >"$T/got"
for u in $URLS; do
	get "$u"
	printf '%s %s\n' "$(printf '%s' "$BODY" | extract | sha256sum |
	    cut -c1-64)" "$u" >>"$T/got"
done
printf '%s search-text-articles\n' "$(q "SELECT id, body_text FROM article
    ORDER BY id" | sha256sum | cut -c1-64)" >>"$T/got"
printf '%s search-text-topics\n' "$(q "SELECT id, body_text FROM topic
    ORDER BY id" | sha256sum | cut -c1-64)" >>"$T/got"

if [ "${RECORD:-0}" = 1 ]; then
	cp "$T/got" "$FIXTURE"
	pass "recorded $(wc -l <"$FIXTURE") hashes in $FIXTURE"
	done_testing
fi
check "every demo page body and description is as cmark rendered it" \
    diff "$FIXTURE" "$T/got"
n=$(grep -c . "$FIXTURE")
get /nyheter/local-and-regional-government-in-sweden
assert_body_contains 'e-mail <a href="mailto:press@skr.se">press@skr.se</a>.'
check "the fixture covers $n pages and the search text" test "$n" -gt 20

done_testing

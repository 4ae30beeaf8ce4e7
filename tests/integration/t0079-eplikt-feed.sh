#!/usr/bin/env bash
# t0079-eplikt-feed.sh -- the e-plikt feed (issue 15): documents an
# editor flags as publications (at upload, or later in the document
# list) appear in /eplikt.rss for the National Library to fetch: RSS 2.0
# with Dublin Core and Media RSS as KB's specification asks, one item
# per publication with its title, the file's absolute address, its type
# and size (enclosure and media:content) and its publication date; it
# parses with feedparser.  Documents not flagged, and flagged documents
# of an article that is not public, stay out; a flag taken back takes
# the item out.
. "$(dirname "$0")/lib.sh"
site_start
staff_user_add red redaktor
staff_signin red
publish_article red "Årsredovisning 2026" arsredovisning "Kommunens årsredovisning."
aid=$ARTICLE_ID
staff_request red POST /admin/artiklar --data-urlencode "action=spara" \
    --data-urlencode "version=0" --data-urlencode "kind=nyhet" \
    --data-urlencode "title=Utkast med rapport" --data-urlencode "slug=utkast-rapport" \
    --data-urlencode "lead=Ingress." --data-urlencode "body=Text." --data-urlencode "lang=sv"
draft=$(header Location | sed -n 's|.*/admin/artiklar/\([0-9]*\).*|\1|p')
upload() {	# ARTICLE_ID CURL-ARGS
	local a=$1
	shift
	request POST "/admin/media/dokument/$a" -b "$T/red.jar" \
	    -H "Origin: $BASE" -F "csrf=$(staff_csrf red)" \
	    -F "atgard=ladda-upp" "$@"
}
{ printf '%%PDF-1.4\n%% test\n'; head -c 300000 /dev/zero | tr '\0' 'x'; \
    printf '\n%%%%EOF\n'; } >"$T/rapport.pdf"
cp "$T/rapport.pdf" "$T/bilaga.pdf"; printf 'bilaga\n' >>"$T/bilaga.pdf"
cp "$T/rapport.pdf" "$T/hemlig.pdf"; printf 'hemlig\n' >>"$T/hemlig.pdf"

staff_request red GET "/admin/media/dokument/$aid"
assert_body_contains 'Dokumentet är en publikation'
upload "$aid" -F "fil=@$T/rapport.pdf;filename=Årsredovisning 2026.pdf" \
    -F "titel=Årsredovisning 2026" -F "publikation=1"
assert_status 303
upload "$aid" -F "fil=@$T/bilaga.pdf" -F "titel=Bilaga"
assert_status 303
upload "$draft" -F "fil=@$T/hemlig.pdf" -F "titel=Ej publicerad rapport" \
    -F "publikation=1"
assert_status 303
assert_eq "flags stored" "$(q "SELECT title || ':' || publication FROM document ORDER BY id" | tr '\n' ' ')" \
    "Årsredovisning 2026:1 Bilaga:0 Ej publicerad rapport:1 "
staff_request red GET "/admin/media/dokument/$aid"
assert_body_contains 'Inte en publikation<span class="visually-hidden">: Årsredovisning 2026'

get /eplikt.rss
assert_status 200
assert_header Content-Type "application/rss[+]xml; charset=utf-8"
printf '%s' "$BODY" >"$T/eplikt.xml"
file=$(q "SELECT name || '/' || filename FROM document WHERE title = 'Årsredovisning 2026'")
size=$(stat -c %s "$T/rapport.pdf")
check "the feed parses (feedparser) and holds the one public publication" \
    /usr/bin/python3 - "$T/eplikt.xml" "$BASE/media/dok/$file" "$size" <<'PY'
import sys, feedparser
d = feedparser.parse(open(sys.argv[1], "rb").read())
assert not d.bozo, d.bozo_exception
assert d.version == "rss20", d.version
assert len(d.entries) == 1, [e.title for e in d.entries]
e = d.entries[0]
assert e.title == "Årsredovisning 2026", e.title
assert e.link == sys.argv[2], e.link
enc = e.enclosures[0]
assert enc.href == sys.argv[2] and enc.type == "application/pdf" and enc.length == sys.argv[3], enc
mc = e.media_content[0]
assert mc["url"] == sys.argv[2] and mc["type"] == "application/pdf" and mc["filesize"] == sys.argv[3], mc
assert e.published_parsed is not None
PY
check "Dublin Core issued and publisher" grep -q '<dcterms:issued>20' "$T/eplikt.xml"
get "/media/dok/$file"
assert_status 200

# Taken back: out of the feed.
did=$(q "SELECT id FROM document WHERE title = 'Årsredovisning 2026'")
request POST "/admin/media/dokument/$aid" -b "$T/red.jar" -H "Origin: $BASE" \
    --data-urlencode "csrf=$(staff_csrf red)" --data-urlencode "atgard=inte-publikation" \
    --data-urlencode "dok=$did"
assert_status 303
get /eplikt.rss
assert_body_lacks 'Årsredovisning 2026'
assert_body_contains '<channel>'
done_testing

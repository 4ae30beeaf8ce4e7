#!/usr/bin/env bash
# t0010-search.sh -- /sok through nginx: Swedish letters kept apart
# ("har" is not "här"), case-insensitive, compound-word prefixes, a
# title match ranked above a body match, snippets highlighted and
# escaped, only public content found (never drafts, scheduled,
# unpublished articles or hidden topics, until their time), paging, and
# a table of hostile queries that all answer 200.
#
# Fixture rows go straight into the test's database with the sqlite3
# CLI; the search index follows them by its triggers, as it follows the
# staff area, and their bodies once the master has filled in their
# rendered text (wait_text).  Their words are made up (zyx...) so the
# demo cannot match them.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/search_lib.sh"
site_start

sqlite3 "$DB" <<'SQL' || bail "could not insert the fixtures"
INSERT INTO article (kind, slug, title, lead, body_md, status, publish_at)
VALUES
 ('nyhet', 't10-a-ring', 'Fixtur med å', 'Ingress.',
  'Texten nämner zyxbärg och inget annat.', 'publicerad', unixepoch() - 3600),
 ('nyhet', 't10-a-plain', 'Fixtur utan prickar', 'Ingress.',
  'Texten nämner zyxbarg och inget annat.', 'publicerad', unixepoch() - 3600),
 ('nyhet', 't10-compound', 'Fixtur om arbetssätt', 'Ingress.',
  'Om zyxjämställdhetsintegreringsarbetet i kommunerna.', 'publicerad',
  unixepoch() - 3600),
 ('nyhet', 't10-in-title', 'Zyxbudget i rubriken', 'En ingress.',
  'Brödtexten talar om annat.', 'publicerad', unixepoch() - 7200),
 ('pressmeddelande', 't10-in-body', 'En annan rubrik', 'En ingress.',
  'Här står zyxbudget bara i brödtexten.', 'publicerad', unixepoch() - 60),
 ('nyhet', 't10-script', 'Fixtur med skript', '',
  'Före <script>alert(1)</script> efter zyxskript & <b>fetstil</b>.',
  'publicerad', unixepoch() - 3600),
 ('nyhet', 't10-draft', 'Utkast zyxhemlig', '', 'zyxhemlig', 'utkast', NULL),
 ('nyhet', 't10-scheduled', 'Planerad zyxhemlig', '', 'zyxhemlig',
  'publicerad', unixepoch() + 86400),
 ('nyhet', 't10-unpublished', 'Avpublicerad zyxhemlig', '', 'zyxhemlig',
  'avpublicerad', unixepoch() - 3600);
INSERT INTO topic (slug, name, lead, body_md, published_at) VALUES
 ('t10-dolt-amne', 'Dolt ämne zyxhemlig', '', 'zyxhemlig', NULL);
SQL
wait_text

# --- the empty search ---------------------------------------------------------

for path in /sok "/sok?q=" "/sok?q=+++"; do
	get "$path"
	assert_status 200
	has '<form class="inline-search"'
	lacks 'result-count'
done

# --- a search box on every page -------------------------------------------------

for path in / /nyheter /nyheter/t10-a-ring /amnen/jamstalldhet /kontakt; do
	get "$path"
	has '<form class="site-search" role="search"'
done

# --- Swedish letters --------------------------------------------------------------

search zyxbärg
assert_status 200
check "zyxbärg finds only t10-a-ring" test "$(hit_links)" = /nyheter/t10-a-ring
search zyxbarg
check "zyxbarg finds only t10-a-plain" test "$(hit_links)" = /nyheter/t10-a-plain
search ZYXBÄRG
check "upper case ZYXBÄRG finds t10-a-ring" \
    test "$(hit_links)" = /nyheter/t10-a-ring
has '<mark>zyxbärg</mark>'

# And in the demo: what "här" highlights is never "har", and the other way.
search här
assert_status 200
check "här: some hits" test -n "$(hit_links)"
lacks '<mark>har'
lacks '<mark>Har'
check "här: marks här" test -n "$(printf '%s\n' "$BODY" | grep -iF '<mark>här')"
search har
check "har: some hits" test -n "$(hit_links)"
lacks '<mark>här'
lacks '<mark>Här'
check "har: marks har" test -n "$(printf '%s\n' "$BODY" | grep -iF '<mark>har')"

# --- compound words: a prefix finds the long word ---------------------------------

search zyxjämställdhet
check "zyxjämställdhet finds zyxjämställdhetsintegreringsarbetet" \
    test "$(hit_links)" = /nyheter/t10-compound
has '<mark>zyxjämställdhetsintegreringsarbetet</mark>'
search 'zyxjämställdhet*'
check "zyxjämställdhet* too" test "$(hit_links)" = /nyheter/t10-compound
# The demo's own: "jämställdhet" finds "jämställdhetsintegrering".
search jämställdhet
has '/nyheter/jamstalldhetsdata-visar-vagen'
has '<mark>jämställdhets'
has 'href="/amnen/jamstalldhet"'
has 'Ämne'

# --- ranking: a title match above a (newer) body match ------------------------------

search zyxbudget
check "the title match comes first, the body match second" \
    test "$(hit_links | tr '\n' ' ')" = "/nyheter/t10-in-title /nyheter/t10-in-body "
has '2 träffar för ”zyxbudget”'
has '<mark>Zyxbudget</mark> i rubriken'

# --- snippets are the text as shown, escaped ----------------------------------------

# The raw HTML tags are dropped on render (cmark without UNSAFE), so
# they are not in the snippet either; the text between them is shown.
search zyxskript
check "zyxskript finds t10-script" test "$(hit_links)" = /nyheter/t10-script
has 'Före alert(1) efter <mark>zyxskript</mark> &amp; fetstil.'
lacks 'script&gt;'
lacks '&lt;b&gt;'
lacks '<script>alert'
lacks '<b>fetstil'

# --- unpublished content is never found ---------------------------------------------

search zyxhemlig
assert_status 200
check "drafts, scheduled, unpublished and hidden topics are not found" \
    test -z "$(hit_links)"
has 'Inga träffar för ”zyxhemlig”'
lacks 't10-'
# The scheduled article is found once its time has come, with no write
# to the index (here: its time is moved to the past).
sqlite3 "$DB" "UPDATE article SET publish_at = unixepoch() - 1
    WHERE slug = 't10-scheduled'"
search zyxhemlig
check "the scheduled article is found from its publish time" \
    test "$(hit_links)" = /nyheter/t10-scheduled
# An edit in the staff area (here: the CLI) is searchable at once.
sqlite3 "$DB" "UPDATE article SET title = 'Ny rubrik zyxnyord'
    WHERE slug = 't10-a-plain'"
search zyxnyord
check "an edited title is found at once" test "$(hit_links)" = /nyheter/t10-a-plain
sqlite3 "$DB" "DELETE FROM article WHERE slug = 't10-a-plain'"
search zyxnyord
check "a deleted article is gone at once" test -z "$(hit_links)"

# --- paging ------------------------------------------------------------------------

search kommuner
assert_status 200
has 'Sida 1 av'
check "ten hits on the first page" test "$(hit_links | wc -l)" -eq 10
page1=$(hit_links)
search kommuner '&sida=2'
assert_status 200
page2=$(hit_links)
check "page 2 shows other hits" \
    test -z "$(comm -12 <(sort <<<"$page1") <(sort <<<"$page2"))"
search kommuner '&sida=9999'
assert_status 404
search kommuner '&sida=abc'
assert_status 400
search kommuner '&sida=0'
assert_status 400

# --- hostile queries: every one answers 200 -------------------------------------------

# 2,000 characters of junk, mixing operators, quotes, Swedish letters,
# other scripts, emoji and our own match markers; its URL stays under
# nginx's 8 KiB request line and req.c's 8 KiB query limit.
junk=$(python3 -c 'import random, urllib.parse
random.seed(4)
common = "abcdefghijklmnopqrstuvwxyzåäö"
rare = "\"()*:^-+{}[]\\/,.;€😀–”»«\u0308\ue000\ue001\u0416 "
s = "".join(random.choice(common) if random.random() < 0.8 else
    random.choice(rare) for _ in range(2000))
s = s.replace(" ", " NEAR ", 3).replace("a", " AND ", 3)
assert len(urllib.parse.quote(s, safe="")) < 7800
print(s[:2000])')
check "the junk query is 2000 characters" \
    test "$(printf '%s' "$junk" | python3 -c 'import sys; print(len(sys.stdin.read()))')" = 2000
while IFS= read -r q; do
	search "$q"
	if [ "$STATUS" = 200 ] && [[ $BODY == *result-count* ]]; then
		pass "hostile q=$(printf '%.40s' "$q") -> 200 with a result line"
	else
		fail "hostile q=$(printf '%.40s' "$q") -> $STATUS"
	fi
done <<EOF
"
(
)
AND
OR
NOT
*
-
^
:
NEAR(
"a" AND
a AND OR NOT b
NEAR(skola vård, 2)
title:skola
{title lead}:skola
skola*
*skola
"skola
skola"
'; DROP TABLE article; --
<script>alert(1)</script>
–
😀
$junk
EOF

# Invalid input is refused at the door (req.c), before any search: a NUL
# byte or malformed UTF-8 in the query string is 400, not 500.
for raw in '%00' 'a%00b' '%C3' '%FF' '%E2%82'; do
	get "/sok?q=$raw"
	assert_status 400
done

check "the server logged no FTS5 error" \
    test -z "$(grep -i 'fts5' "$T/server.log")"

done_testing

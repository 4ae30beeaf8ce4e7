# shellcheck shell=bash
# search_lib.sh -- helpers the search tests (t0010, t0055-t0059) share;
# source it after lib.sh.

urlq() {
	python3 -c 'import sys, urllib.parse
print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"
}

# search WORDS [extra query]: GET /sok?q=WORDS
search() {
	get "/sok?q=$(urlq "$1")${2:-}"
}

# The result links of the last page, in order, one a line.
hit_links() {
	printf '%s\n' "$BODY" | sed -n '/search-results/,/<\/ul>/p' |
	    grep -oE 'href="/(nyheter|amnen)/[^"]+"' | sed 's/^href="//; s/"$//'
}

# has TEXT / lacks TEXT: the last body holds TEXT, or does not (short
# names for lib.sh's asserts, as the search tests use them a lot).
has() { assert_body_contains "$1"; }
lacks() { assert_body_lacks "$1"; }

# The number of articles and topics whose rendered body text the search
# index still waits for (body_text IS NULL, migrations/0007).
text_owed() {
	sqlite3 "$DB" "SELECT (SELECT count(*) FROM article WHERE body_text IS NULL)
	    + (SELECT count(*) FROM topic WHERE body_text IS NULL)"
}

# After writing bodies with the sqlite3 CLI: wait (at most 5 s) until the
# master has seen the write and filled in their text, as it does for any
# write from outside the program.
wait_text() {
	local i
	for ((i = 0; i < 50; i++)); do
		[ "$(text_owed)" = 0 ] && { pass "body texts filled in"; return 0; }
		sleep 0.1
	done
	fail "body texts still owed after 5 s: $(text_owed)"
}

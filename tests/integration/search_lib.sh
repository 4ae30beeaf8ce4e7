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

# has TEXT / lacks TEXT: the last body's markup holds TEXT, or does not.
# (Pattern matching, not `printf | grep -q`: under pipefail, grep -q
# quitting early can kill printf with SIGPIPE and fail the pipeline.)
has() {
	if [[ $BODY == *"$1"* ]]; then
		pass "$LAST_URL shows '$1'"
	else
		fail "$LAST_URL lacks '$1'"
	fi
}

lacks() {
	if [[ $BODY == *"$1"* ]]; then
		fail "$LAST_URL shows '$1' but should not"
	else
		pass "$LAST_URL does not show '$1'"
	fi
}

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

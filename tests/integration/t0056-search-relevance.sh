#!/usr/bin/env bash
# t0056-search-relevance.sh -- the relevance set (search_relevance.tsv):
# Swedish queries over the demo content (inflections, compounds,
# misspellings, several words, å/ä/ö, English words in the English
# article, numbers), each with the pages that must be among the first
# five hits and the pages that must not be found.  A query with no hits
# is judged on the page its "Menade du" link opens.  Prints precision
# and recall at 5 per query, per kind and over the set (precision: the
# share of the first five hits, or fewer when fewer are found, that are
# among the must pages; recall: the share of the must pages found among
# the first five); with RELEVANCE_OUT=FILE it also writes them there.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/search_lib.sh"
site_start

SET=$(dirname "$0")/search_relevance.tsv
results=$T/relevance.txt
: >"$results"

# The href of the last page's "Menade du" link, entities decoded.
suggestion() {
	printf '%s\n' "$BODY" | grep -o 'class="suggest"[^>]*>[^<]*<a href="[^"]*"' |
	    sed 's/.*href="//; s/"$//; s/&amp;/\&/g' | head -n 1
}

while IFS=$'\t' read -r kind query must mustnot; do
	[ -z "$kind" ] || [ "${kind#\#}" != "$kind" ] && continue
	search "$query"
	if [ -z "$(hit_links)" ] && [ -n "$(suggestion)" ]; then
		get "$(suggestion)"
	fi
	top=$(hit_links | head -n 5)
	all=$(hit_links)
	found=0 nmust=0 ok=1
	for p in $must; do
		nmust=$((nmust + 1))
		if grep -qxF "$p" <<<"$top"; then
			found=$((found + 1))
		else
			ok=0
			printf '#   %s: %s not in the first five\n' "$query" "$p"
		fi
	done
	if [ "$mustnot" != - ]; then
		for p in $mustnot; do
			if grep -qxF "$p" <<<"$all"; then
				ok=0
				printf '#   %s: %s found\n' "$query" "$p"
			fi
		done
	fi
	ntop=$(grep -c . <<<"$top" || true)
	printf '%s\t%s\t%d\t%d\t%d\n' "$kind" "$query" "$found" "$ntop" \
	    "$nmust" >>"$results"
	if [ "$ok" = 1 ]; then
		pass "relevance [$kind] $query"
	else
		fail "relevance [$kind] $query"
	fi
done <"$SET"

summary=$(python3 - "$results" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
def pr(rs):
    p = [int(f) / int(t) if int(t) else 0.0 for _, _, f, t, _ in rs]
    r = [int(f) / int(m) for _, _, f, _, m in rs]
    return sum(p) / len(p), sum(r) / len(r)
kinds = []
for row in rows:
    if row[0] not in kinds:
        kinds.append(row[0])
for k in kinds:
    p, r = pr([x for x in rows if x[0] == k])
    print("%-12s P@5 %.2f  R@5 %.2f  (%d queries)" %
          (k, p, r, sum(1 for x in rows if x[0] == k)))
p, r = pr(rows)
print("%-12s P@5 %.2f  R@5 %.2f  (%d queries)" % ("all", p, r, len(rows)))
PY
)
printf '%s\n' "$summary" | sed 's/^/# /'
[ -n "${RELEVANCE_OUT:-}" ] && printf '%s\n' "$summary" >"$RELEVANCE_OUT"
check "the set has at least 30 queries" test "$(wc -l <"$results")" -ge 30

done_testing

#!/usr/bin/env bash
# media_page.sh -- article-page throughput with and without a lead image
# (issue 14: within 5 %).  A private site as the integration tests bring
# up (tests/integration/lib.sh, 2 workers, nginx in front, loopback);
# wrk asks for the seed article for SECONDS (default 10) each way, with a
# session-like cookie so that every request is rendered by Pressrum (no
# page file, no worker cache): the cost of the page itself.  Runs
# alternate (without, with, ...) to even out a busy machine; then the
# same as readers get it, from the page file nginx serves.
#   bench/media_page.sh [SECONDS]
set -u -o pipefail
. "$(dirname "$0")/../tests/integration/lib.sh"
secs=${1:-10}
site_start
png=$PRESSRUM_SRC/tests/integration/media_png.py
/usr/bin/python3 "$png" 1800 1200 "$T/p.png"
"$PRESSRUM_BIN" media add "$T/p.png" --alt "Bild" --credit "Eva" --db "$DB" \
    --media-dir "$T/media" >/dev/null
mid=$(q "SELECT max(id) FROM media")
slug=fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid
run() {	# LABEL [CURL-LIKE ARGS]: one wrk run, its req/s
	local l=$1
	shift
	wrk -t 2 -c 8 -d "${secs}s" "$@" "$BASE/nyheter/$slug" |
	    awk -v l="$l" '/Requests\/sec/ { printf "%-34s %s req/s\n", l, $2 }'
}
rendered=(-H 'Cookie: pressrum_session=bench')
for round in 1 2 3; do
	q "UPDATE article SET lead_media_id = NULL WHERE slug = '$slug'"
	run "rendered, without ($round)" "${rendered[@]}"
	q "UPDATE article SET lead_media_id = $mid WHERE slug = '$slug'"
	get "/nyheter/$slug"
	[[ $BODY == *article-image* ]] || bail "no lead image on the page"
	run "rendered, with lead image ($round)" "${rendered[@]}"
done
# As readers get it: nginx serves the page file Pressrum wrote.
for round in 1 2; do
	q "UPDATE article SET lead_media_id = NULL WHERE slug = '$slug'"
	get "/nyheter/$slug"; get "/nyheter/$slug"
	run "page file, without ($round)"
	q "UPDATE article SET lead_media_id = $mid WHERE slug = '$slug'"
	get "/nyheter/$slug"; get "/nyheter/$slug"
	run "page file, with lead image ($round)"
done

#!/usr/bin/env bash
# media_page.sh -- article-page throughput with and without a lead image
# (issue 14: within 5 %).  A private site as the integration tests bring
# up (tests/integration/lib.sh, 2 workers, nginx in front, loopback);
# wrk asks for the seed article for SECONDS (default 10) each way, with a
# session-like cookie so that every request is rendered by Pressrum (no
# page file, no worker cache): the cost of the page itself.  Runs
# alternate (without, with, without, with) to even out a busy machine.
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
run() {	# LABEL: one wrk run, its req/s
	wrk -t 2 -c 8 -d "${secs}s" -H 'Cookie: pressrum_session=bench' \
	    "$BASE/nyheter/$slug" | awk -v l="$1" '/Requests\/sec/ {
	    printf "%-22s %s req/s\n", l, $2 }'
}
for round in 1 2; do
	q "UPDATE article SET lead_media_id = NULL WHERE slug = '$slug'"
	run "without ($round)"
	q "UPDATE article SET lead_media_id = $mid WHERE slug = '$slug'"
	get "/nyheter/$slug"
	[[ $BODY == *article-image* ]] || bail "no lead image on the page"
	run "with lead image ($round)"
done

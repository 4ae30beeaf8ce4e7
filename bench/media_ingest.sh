#!/usr/bin/env bash
# media_ingest.sh -- time and peak memory of `pressrum media add` for a
# 12- and a 24-megapixel JPEG (all sizes made, stored, written out), the
# same code path as the upload form.  Usage: bench/media_ingest.sh [RUNS]
# Prints one line per run: wall and CPU seconds, peak RSS.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
bin=${PRESSRUM_BIN:-$src/build/pressrum}
runs=${1:-3}
t=$(mktemp -d "${TMPDIR:-/tmp}/pressrum-mbench.XXXXXX")
trap 'rm -rf "$t"' EXIT
for mp in "12 4000 3000" "24 6000 4000"; do
	set -- $mp
	/usr/bin/python3 "$src/tests/integration/media_png.py" "$2" "$3" "$t/p.png"
	/usr/bin/python3 "$here/vips_convert.py" "$t/p.png" "$t/p$1.jpg[Q=90]"
	"$bin" migrate --db "$t/base.db" >/dev/null 2>&1
	for ((i = 1; i <= runs; i++)); do
		rm -rf "$t/m" "$t/db"*
		cp "$t/base.db" "$t/db"
		/usr/bin/time -f "$1 MP JPEG ($(stat -c %s "$t/p$1.jpg") bytes): %e s wall, %U s user + %S s sys, peak RSS %M KB" \
		    "$bin" media add "$t/p$1.jpg" --alt a --credit b --db "$t/db" \
		    --media-dir "$t/m" 2>&1 >/dev/null | tail -n 1
	done
done

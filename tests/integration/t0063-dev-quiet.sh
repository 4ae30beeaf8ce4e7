#!/usr/bin/env bash
# t0063-dev-quiet.sh -- `./dev SUBCOMMAND` (e.g. `./dev user add`, the first
# command an IT person runs after `./dev run`) brings the build up to date
# without printing its log: with nothing to rebuild, only the subcommand
# itself speaks.  Uses this test's own build directory, which ctest has
# just built, so nothing is rebuilt here.
. "$(dirname "$0")/lib.sh"

T=$(mktemp -d "${TMPDIR:-/tmp}/pressrum-it.XXXXXX")
trap 'rm -rf "$T"' EXIT

PRESSRUM_BUILD_DIR=$(dirname "$PRESSRUM_BIN") \
    "$PRESSRUM_SRC/dev" migrate --db "$T/db.sqlite" >"$T/out" 2>&1 </dev/null
rc=$?
assert_eq "./dev migrate exits 0" "$rc" 0
check "the database was migrated" test -s "$T/db.sqlite"
if grep -q -E '^\[ *[0-9]+%\]|Built target|Building C object' "$T/out"; then
	fail "./dev printed the build log:"
	sed -n '1,10p' "$T/out"
else
	pass "./dev printed no build log"
fi
check "./dev migrate said what it did" grep -q "schemaversion" "$T/out"

done_testing

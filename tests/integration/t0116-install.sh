#!/usr/bin/env bash
# t0116-install.sh -- `cmake --install` into a temporary prefix gives a
# working site without the source tree: bin/pressrum and
# share/pressrum/{templates,public,sql} are there, no path of the build
# machine is in the binary, and the installed binary, started without
# --templates on a fresh database (migrate, not demo) behind nginx
# serving the installed public files, answers the start page.
. "$(dirname "$0")/lib.sh"

BUILD_DIR=$(dirname "$PRESSRUM_BIN")
[ -f "$BUILD_DIR/cmake_install.cmake" ] || bail "no cmake build at $BUILD_DIR"
command -v nginx >/dev/null || bail "nginx is not installed"
T=$(mktemp -d "${TMPDIR:-/tmp}/pressrum-it.XXXXXX")
trap site_stop EXIT
PREFIX=$T/prefix
cmake --install "$BUILD_DIR" --prefix "$PREFIX" >"$T/install.log" 2>&1 ||
    { cat "$T/install.log"; bail "cmake --install failed"; }
pass "cmake --install into a temporary prefix"

BIN=$PREFIX/bin/pressrum
DATA=$PREFIX/share/pressrum
check "bin/pressrum is installed and executable" test -x "$BIN"
check "templates under the data directory" test -f "$DATA/templates/home.html"
check "public files under the data directory" test -f "$DATA/public/css/site.css"
check "SQL under the data directory" test -f "$DATA/sql/migrations/0001_schema.sql"
check "the README under share/doc" test -f "$PREFIX/share/doc/pressrum/README.md"
# A sanitizer build carries its sources' paths in the sanitizers' own
# metadata, which no prefix map reaches: only a release build is checked.
if grep -qE '^CMAKE_BUILD_TYPE:STRING=(Asan|Fuzz)$' "$BUILD_DIR/CMakeCache.txt"; then
	pass "sanitizer build: build paths not checked"
else
	check "no path of the source tree in the binary" \
	    sh -c '! grep -qF "$1" "$2"' - "$PRESSRUM_SRC" "$BIN"
	check "no path of the build directory in the binary" \
	    sh -c '! grep -qF "$1" "$2"' - "$(cd "$BUILD_DIR" && pwd)" "$BIN"
fi

PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
SOCKET=$T/pressrum.sock
DB=$T/fresh.sqlite
export T PORT BASE SOCKET DB
"$BIN" migrate --db "$DB" >"$T/migrate.log" 2>&1 ||
    { cat "$T/migrate.log"; bail "the installed pressrum could not migrate"; }
assert_eq "a fresh database holds no article" "$(q "SELECT count(*) FROM article")" 0

# The source tree is out of reach: run from / with no PRESSRUM_* set.
(cd / && exec env -u PRESSRUM_TEMPLATES "$BIN" serve --db "$DB" \
    --socket "$SOCKET" --workers 2 --base-url "$BASE" \
    </dev/null >>"$T/server.log" 2>&1) &
SERVER_PID=$!
nginx_start "$DATA/public"
wait_site

get /
assert_status 200
assert_body_contains '<main'
assert_body_contains '<html lang="sv"'
get /css/site.css
assert_status 200
check "nginx serves the installed stylesheet" cmp -s "$T/body" "$PRESSRUM_SRC/public/css/site.css"
get /finns-inte
assert_status 404
assert_body_contains 'lang="sv"'

done_testing

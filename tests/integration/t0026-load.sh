#!/usr/bin/env bash
# t0026-load.sh -- the load run of bench/load.sh, short: 10 s of mixed
# public reads under wrk (1 thread, 4 connections) while an editor
# publishes an article every second.  Passes when there is no 5xx, no
# socket error, every publish answered 303 and every published article
# was visible (its page 200, on /nyheter page 1) on the next read.  The
# 60 s run is `bench/load.sh`; this one keeps the logic checked in CI.
. "$(dirname "$0")/lib.sh"

command -v wrk >/dev/null || bail "wrk is not installed"
export PRESSRUM_BIN PRESSRUM_SRC
timeout 120 bash "$PRESSRUM_SRC/bench/load.sh" --seconds 10 \
    --connections 4 --threads 1 >"${TMPDIR:-/tmp}/t0026.$$.out" 2>&1
rc=$?
sed 's/^/# /' "${TMPDIR:-/tmp}/t0026.$$.out"
grep -q '^not ok' "${TMPDIR:-/tmp}/t0026.$$.out" &&
    grep '^not ok' "${TMPDIR:-/tmp}/t0026.$$.out"
rm -f "${TMPDIR:-/tmp}/t0026.$$.out"
check "bench/load.sh --seconds 10 passed (exit $rc)" test "$rc" = 0
done_testing

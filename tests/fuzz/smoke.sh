#!/usr/bin/env bash
# smoke.sh -- build the libFuzzer targets and give each a bounded run.
#
#   smoke.sh --build          configure + build every tests/fuzz/fuzz_*.c
#   smoke.sh [-t SECS] NAME...  run those targets (default: all) for SECS
#                             seconds each (default $FUZZ_SECONDS or 8)
#
# The targets are built with clang (-DPRESSRUM_FUZZ=ON: libFuzzer, ASan,
# UBSan) in a build directory of their own, $PRESSRUM_FUZZ_BUILD (ctest
# sets it to <build>/fuzz; default build-fuzz/ in the source tree).  Each
# run starts from the seeds in tests/fuzz/corpus/NAME/ plus whatever
# earlier runs found, kept in $PRESSRUM_FUZZ_BUILD/corpus/NAME/ (never in
# the source tree).  A crash, leak, timeout or UBSan report fails the run;
# the input that caused it is kept as $PRESSRUM_FUZZ_BUILD/crash/NAME-*
# and printed.  tests/fuzz/run-long.sh is the same with long runs.
set -euo pipefail

SRC=${PRESSRUM_SRC:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
BUILD=${PRESSRUM_FUZZ_BUILD:-$SRC/build-fuzz}
SECS=${FUZZ_SECONDS:-8}
# UBSan findings are fatal in the fuzz build; leaks are reported by
# libFuzzer itself.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

targets() {
	local f
	for f in "$SRC"/tests/fuzz/fuzz_*.c; do
		f=${f##*/}
		printf '%s\n' "${f%.c}"
	done
}

build() {
	command -v clang >/dev/null || { echo "smoke.sh: clang not found" >&2; exit 1; }
	if [ ! -f "$BUILD/CMakeCache.txt" ]; then
		CC=clang cmake -S "$SRC" -B "$BUILD" -DPRESSRUM_FUZZ=ON \
		    -DCMAKE_BUILD_TYPE=Fuzz >/dev/null
	fi
	# Only the fuzz targets: the rest of the tree needs no clang build.
	# shellcheck disable=SC2046
	cmake --build "$BUILD" -j"$(nproc)" $(targets | sed 's/^/--target /')
}

# run NAME: fuzz one target for SECS seconds; non-zero on a finding.
run() {
	local name=$1 work=$BUILD/corpus/$1 crash=$BUILD/crash rc=0
	local seeds=$SRC/tests/fuzz/corpus/$1

	[ -x "$BUILD/$name" ] || { echo "smoke.sh: $BUILD/$name not built (run --build)" >&2; return 1; }
	mkdir -p "$work" "$crash"
	[ -d "$seeds" ] || seeds=""
	"$BUILD/$name" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 \
	    -max_len=65536 -print_final_stats=1 -artifact_prefix="$crash/$name-" \
	    "$work" ${seeds:+"$seeds"} >"$BUILD/$name.log" 2>&1 || rc=$?
	grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done)' \
	    "$BUILD/$name.log" | sed "s/^/$name: /" || true
	if [ "$rc" -ne 0 ]; then
		tail -n 60 "$BUILD/$name.log"
		echo "$name: FAILED (exit $rc); reproducer: $(ls -t "$crash/$name-"* 2>/dev/null | head -n 1)"
		return 1
	fi
	echo "$name: ok (${SECS}s)"
}

main() {
	local names=() n failed=0

	if [ "${1:-}" = --build ]; then
		build
		return
	fi
	if [ "${1:-}" = -t ]; then
		SECS=$2
		shift 2
	fi
	if [ $# -gt 0 ]; then names=("$@"); else mapfile -t names < <(targets); fi
	[ -x "$BUILD/${names[0]}" ] || build
	for n in "${names[@]}"; do
		run "$n" || failed=$((failed + 1))
	done
	[ "$failed" -eq 0 ]
}

main "$@"

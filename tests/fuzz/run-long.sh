#!/usr/bin/env bash
# run-long.sh -- the long fuzz run: every target for SECS seconds (default
# 300), one after another, through smoke.sh.  Findings stop nothing: each
# target gets its full time and the summary at the end says which failed.
#
#   tests/fuzz/run-long.sh 600            # ten minutes per target
#   tests/fuzz/run-long.sh 600 fuzz_md    # just one
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
secs=${1:-300}
[ $# -gt 0 ] && shift
"$here/smoke.sh" --build || exit 1
exec "$here/smoke.sh" -t "$secs" "$@"

#!/usr/bin/env bash
# staff_search.sh -- time the staff article list (/admin/artiklar): its
# search over title, lead and body and its filters, signed in.
#
#   bench/staff_search.sh DB BASE_URL BIN [COUNT]
#
# Against a Pressrum that is already running behind nginx at BASE_URL
# and serving DB: give every 50th article an author (bench/gen.py sets
# none), add an admin account with BIN (`pressrum user add`), sign in,
# then GET each of the list's typical URLs COUNT times (default 10) and
# time each with curl's time_total (nginx, the session check, the
# queries and the render).  Every GET must answer 200.
#
# Output on stdout: one line per URL, "LABEL median MS max MS (N
# articles)", N being the count the page shows.  The account and the
# authors stay in DB: point it at a bench copy.  Every request is
# bounded by curl --max-time 10; the cookie jar lives in a temp dir
# removed on exit.
set -euo pipefail
export LC_NUMERIC=C

die() {
	printf 'staff_search.sh: %s\n' "$*" >&2
	exit 1
}

if [ $# -lt 3 ] || [ $# -gt 4 ]; then
	printf 'usage: %s DB BASE_URL BIN [COUNT]\n' "$0" >&2
	exit 2
fi
DB=$1 BASE=${2%/} BIN=$3 COUNT=${4:-10}
ORIGIN=${ORIGIN:-$BASE}
[[ $COUNT =~ ^[1-9][0-9]*$ ]] || die "COUNT must be a positive integer"
[ -f "$DB" ] || die "no database at $DB"
command -v sqlite3 >/dev/null || die "sqlite3 is not installed"

T=$(mktemp -d "${TMPDIR:-/tmp}/pressrum-staff.XXXXXX")
trap 'rm -rf "$T"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
JAR=$T/jar
RUN=$(od -An -tx1 -N4 /dev/urandom | tr -d ' \n')
USER_NAME=benchsok$RUN
PW=bench-$RUN-$RUN

printf '%s\n' "$PW" | "$BIN" user add --role admin "$USER_NAME" \
    --db "$DB" >"$T/user.log" 2>&1 ||
    { cat "$T/user.log" >&2; die "user add $USER_NAME failed"; }
ME=$(sqlite3 -cmd ".timeout 10000" "$DB" \
    "SELECT id FROM account WHERE name = '$USER_NAME'")
sqlite3 -cmd ".timeout 10000" "$DB" \
    "UPDATE article SET author_id = $ME WHERE id % 50 = 0"
code=$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' -c "$JAR" \
    -H "Origin: $ORIGIN" --data-urlencode "namn=$USER_NAME" \
    --data-urlencode "losenord=$PW" "$BASE/admin/logga-in") || code=000
[ "$code" = 303 ] || die "sign-in answered $code, expected 303"

# time LABEL PATH: COUNT GETs, one line of output.
time_url() {
	local label=$1 path=$2 i out code secs times=() n
	for ((i = 0; i < COUNT; i++)); do
		out=$(curl -s --max-time 10 -o "$T/page.html" -b "$JAR" \
		    -w '%{http_code} %{time_total}' "$BASE$path") || out="000 0"
		read -r code secs <<<"$out"
		[ "$code" = 200 ] || die "$path answered $code, expected 200"
		times+=("$secs")
	done
	n=$(sed -n 's#.*<p role="status">\([^<]*\) artik\(el\|lar\)\.</p>.*#\1#p' \
	    "$T/page.html")
	printf '%s\n' "${times[@]}" | sort -g | awk -v l="$label" -v n="$n" '
		{ a[NR] = $1 * 1000 }
		END {
			m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
			printf "%-34s median %6.1f ms  max %6.1f ms  (%s articles)\n", l, m, a[NR], n
		}'
}

time_url "list, newest change" "/admin/artiklar"
time_url "list, page 2000" "/admin/artiklar?sida=2000"
time_url "list, newest publication" "/admin/artiklar?sortera=publicerad"
time_url "status draft" "/admin/artiklar?status=utkast"
time_url "author (1 in 50)" "/admin/artiklar?forfattare=$ME"
time_url "topic" "/admin/artiklar?amne=1"
time_url "search 'budget'" "/admin/artiklar?q=budget"
time_url "search 'budget' + filters" "/admin/artiklar?q=budget&status=publicerad&typ=nyhet&sortera=publicerad"
time_url "search, two words" "/admin/artiklar?q=regeringen+kommun"
time_url "search, no hit" "/admin/artiklar?q=qxzqxzqxz"

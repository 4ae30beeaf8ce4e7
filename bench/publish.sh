#!/usr/bin/env bash
# publish.sh -- time a publish through the staff form's real code path.
#
#   bench/publish.sh DB BASE_URL BIN [COUNT]
#
# Against a Pressrum that is already running behind nginx at BASE_URL
# (e.g. http://127.0.0.1:8080) and serving the database DB: add a
# redaktor account with BIN (`pressrum user add`), sign in over HTTP,
# read the CSRF token from /admin, then POST the new-article form
# (/admin/artiklar, action=publicera) COUNT times (default 20), each a
# unique news article with a ~2 KB Markdown body, and time each POST with
# curl's time_total: the full round trip through nginx, the form parse,
# validation, the write transaction (article, revision, audit) and the
# commit.  Every POST must answer 303, and the last article must then
# answer 200 at /nyheter/SLUG, or the script fails (non-zero exit).
#
# Output: one line on stdout, the median in ms with one decimal ("12.3");
# min/median/max on stderr.  Nothing else goes to stdout.
# The account and the COUNT articles stay in DB: point it at a bench copy.
# ORIGIN (default BASE_URL) is the Origin header sent; it must match the
# --base-url the server was started with (its same-origin check).
# Every request is bounded by curl --max-time 10; the cookie jar lives in
# a temp dir removed on exit.
set -euo pipefail
export LC_NUMERIC=C

die() {
	printf 'publish.sh: %s\n' "$*" >&2
	exit 1
}

if [ $# -lt 3 ] || [ $# -gt 4 ]; then
	printf 'usage: %s DB BASE_URL BIN [COUNT]\n' "$0" >&2
	exit 2
fi
DB=$1 BASE=${2%/} BIN=$3 COUNT=${4:-20}
ORIGIN=${ORIGIN:-$BASE}
[[ $COUNT =~ ^[1-9][0-9]*$ ]] || die "COUNT must be a positive integer"
[ -f "$DB" ] || die "no database at $DB"
[ -x "$BIN" ] || die "no pressrum binary at $BIN"
command -v curl >/dev/null || die "curl is not installed"

T=$(mktemp -d "${TMPDIR:-/tmp}/pressrum-publish.XXXXXX")
trap 'rm -rf "$T"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
JAR=$T/jar

# N random lowercase hex characters (N even).
rand_hex() {
	od -An -tx1 -N"$(($1 / 2))" /dev/urandom | tr -d ' \n'
}

RUN=$(rand_hex 8)
USER_NAME=benchpub$RUN
PW=bench-$(rand_hex 16)

# 1. The account.
printf '%s\n' "$PW" | "$BIN" user add --role redaktor "$USER_NAME" \
    --db "$DB" >"$T/user.log" 2>&1 ||
    { cat "$T/user.log" >&2; die "user add $USER_NAME failed"; }

# 2. Sign in.
code=$(curl -s --max-time 10 -o "$T/login.html" -w '%{http_code}' \
    -c "$JAR" -H "Origin: $ORIGIN" \
    --data-urlencode "namn=$USER_NAME" --data-urlencode "losenord=$PW" \
    "$BASE/admin/logga-in") || code=000
[ "$code" = 303 ] || die "sign-in answered $code, expected 303"

# 3. The session's CSRF token.
code=$(curl -s --max-time 10 -o "$T/admin.html" -w '%{http_code}' \
    -b "$JAR" "$BASE/admin") || code=000
[ "$code" = 200 ] || die "GET /admin answered $code, expected 200"
CSRF=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/admin.html")
CSRF=${CSRF%%$'\n'*}
[ -n "$CSRF" ] || die "no csrf token on /admin"

# The article text: a few paragraphs of Markdown, about 2 KB.
body_md() {
	cat <<-EOF
	Regeringen presenterade på tisdagen en samlad plan för att korta
	handläggningstiderna i den statliga förvaltningen. Planen omfattar
	både nya arbetssätt och en översyn av de regler som styr hur ärenden
	fördelas mellan myndigheterna. Det här är mätning nummer $1.

	## Bakgrund

	Under de senaste åren har väntetiderna ökat i flera verksamheter,
	bland annat inom tillståndsprövning och socialförsäkring. En
	utredning som lämnades i våras pekade på att en stor del av
	fördröjningarna beror på att ärenden skickas fram och tillbaka
	mellan olika instanser innan de kan avgöras.

	- Ärenden ska kunna avgöras av den myndighet som först tar emot dem.
	- Digitala underlag ska kunna delas mellan myndigheter utan nya
	  ansökningar från den enskilde.
	- Uppföljningen av handläggningstider ska redovisas varje kvartal.

	## Vad händer nu

	Förslagen skickas nu på remiss till berörda myndigheter,
	kommuner och organisationer. Remisstiden löper till den sista
	oktober. Därefter avser regeringen att återkomma med en proposition
	till riksdagen under nästa år.

	– Människor ska inte behöva vänta månader på ett besked som borde ta
	några veckor, säger ansvarigt statsråd i en kommentar.

	Mer information finns i [promemorian](https://example.se/promemoria)
	och i den tidigare utredningens *slutbetänkande*. Frågor om
	remissen besvaras av departementets presstjänst på vardagar mellan
	klockan nio och sexton.

	## Kostnader

	De samlade kostnaderna för reformen beräknas till omkring 240
	miljoner kronor fördelat över tre år. Huvuddelen avser
	it-utveckling och utbildning av handläggare. Regeringen bedömer att
	kostnaderna på sikt vägs upp av kortare handläggningstider och
	färre överklaganden.

	Flera remissinstanser har redan välkomnat inriktningen men efterlyser
	en tydligare plan för hur de mindre myndigheterna ska få stöd i
	omställningen. Frågan väntas tas upp när riksdagens utskott går
	igenom propositionen under våren.
	EOF
}

# 4. Publish COUNT articles; each POST must answer 303.
TIMES=()
for ((i = 1; i <= COUNT; i++)); do
	SLUG=matning-av-publicering-$RUN-$i
	out=$(curl -s --max-time 10 -o "$T/post.html" -D "$T/post.head" \
	    -w '%{http_code} %{time_total}' -b "$JAR" -H "Origin: $ORIGIN" \
	    --data-urlencode "csrf=$CSRF" --data-urlencode "action=publicera" \
	    --data-urlencode "version=0" --data-urlencode "kind=nyhet" \
	    --data-urlencode "title=Mätning av publicering $i ($RUN)" \
	    --data-urlencode "slug=$SLUG" --data-urlencode "lead=Ingress." \
	    --data-urlencode "body=$(body_md "$i")" --data-urlencode "lang=sv" \
	    "$BASE/admin/artiklar") || out="000 0"
	read -r code secs <<<"$out"
	if [ "$code" != 303 ]; then
		head -c 2000 "$T/post.html" >&2 2>/dev/null || true
		die "publish $i ($SLUG) answered $code, expected 303"
	fi
	TIMES+=("$secs")
done

# 5. The last article is public on the next request.
code=$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' \
    "$BASE/nyheter/$SLUG") || code=000
[ "$code" = 200 ] || die "/nyheter/$SLUG answered $code after publishing"

# 6. min / median / max in ms.
read -r min med max < <(printf '%s\n' "${TIMES[@]}" | sort -g | awk '
	{ a[NR] = $1 * 1000 }
	END {
		m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
		printf "%.1f %.1f %.1f\n", a[1], m, a[NR]
	}')
printf 'publish: %d POSTs  min %s ms  median %s ms  max %s ms\n' \
    "$COUNT" "$min" "$med" "$max" >&2
printf '%s\n' "$med"

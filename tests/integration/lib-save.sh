# shellcheck shell=bash
# lib-save.sh -- helpers for the tests of saves the database refuses
# (t0050 busy, t0051 disk full); sourced after lib.sh.

# The value of form field NAME (input value or textarea text) in $BODY.
field() {
	printf '%s' "$BODY" | python3 -c 'import sys
from html.parser import HTMLParser
want, out = sys.argv[1], []
class P(HTMLParser):
    area = False
    def handle_starttag(self, tag, a):
        a = dict(a)
        if a.get("name") != want:
            return
        if tag == "input" and a.get("type") not in ("checkbox", "radio"):
            out.append(a.get("value") or "")
        self.area = tag == "textarea"
    def handle_endtag(self, tag):
        self.area = False
    def handle_data(self, d):
        if self.area:
            out.append(d)
P(convert_charrefs=True).feed(sys.stdin.read())
sys.stdout.write("".join(out).lstrip("\n"))' "$1"
}

# assert_field NAME WANT: the form in $BODY shows WANT in field NAME.
assert_field() {
	assert_eq "$LAST_URL: field $1 kept" "$(field "$1")" "$2"
}

# Every row of every table, as text.
fingerprint() {
	sqlite3 "$DB" .dump | md5sum
}

# assert_tidy WHAT: $BODY is well-formed HTML (tidy finds no errors).
assert_tidy() {
	printf '%s' "$BODY" >"$T/tidy.html"
	tidy -q -e "$T/tidy.html" >"$T/tidy.out" 2>&1
	check "$1 is well-formed HTML (tidy)" test $? -lt 2
}

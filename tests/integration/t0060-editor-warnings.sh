#!/usr/bin/env bash
# t0060-editor-warnings.sh -- what a new editor trips over when publishing:
# a link the renderer drops (javascript:, data:) is named in the warnings
# and shows as plain text (not <a href="">, a link to the page itself); a
# relative image path is warned about; a warning quotes the link and gives
# its own line; a title with markup gets a slug from its words.
. "$(dirname "$0")/lib.sh"

site_start
staff_user_add rita redaktor
staff_signin rita

BODY='Första stycket.

Andra stycket
fortsätter här och [läs rapporten](javascript:alert(1)) sedan.

![Karta över länet](bild.png)'
publish() {
	staff_request rita POST /admin/artiklar --data-urlencode action=publicera \
	    --data-urlencode version=0 --data-urlencode kind=nyhet \
	    --data-urlencode "title=$1" --data-urlencode "lead=Ingress." \
	    --data-urlencode "body=$BODY" --data-urlencode lang=sv "${@:2}"
}

publish "Varningar om länkar"
assert_status 400
assert_body_contains "Rad 4, länken [läs rapporten](javascript:alert(1)): adressen"
assert_body_contains "visas som vanlig text"
assert_body_contains "Rad 6, bilden ![Karta över länet](bild.png): adressen"
assert_body_contains "/bild.png för en fil på webbplatsen"
assert_body_lacks "Rad 3"
# published anyway: the dropped link is text, not a link to the page itself
publish "Varningar om länkar" --data-urlencode override_a11y=1
assert_status 303
get /nyheter/varningar-om-lankar
assert_status 200
assert_body_contains "fortsätter här och läs rapporten sedan."
assert_body_lacks 'href=""'

# markup typed into a title is not part of the slug
BODY='Text.'
publish "Ny <b>fet</b> satsning på &amp; vården"
assert_status 303
assert_eq "slug from the words" \
    "$(q "SELECT slug FROM article ORDER BY id DESC LIMIT 1")" \
    "ny-fet-satsning-pa-varden"

done_testing

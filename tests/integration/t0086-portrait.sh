#!/usr/bin/env bash
# t0086-portrait.sh -- a contact's portrait with consent (issue 14): a
# press officer uploads a photo of a person, records the consent (legal
# basis, date, expiry) in the library and chooses it for the contact at
# /admin/media/kontakt/ID (only pictures with consent are offered); the
# portrait shows on /kontakt and with the article that names the
# contact as expert, and in the press-duty box when the person is on
# duty; when the consent ends it disappears from both at
# once (the page cache and page files too), and the library and the
# staff start page tell the staff (the start page two weeks ahead).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-save.sh"
TEST_CLOCK=1
site_start
png=$PRESSRUM_SRC/tests/integration/media_png.py
staff_user_add pia press
staff_signin pia
cid=$(q "SELECT id FROM contact WHERE active = 1 AND press_officer = 1
    ORDER BY id LIMIT 1")
name=$(q "SELECT name FROM contact WHERE id = $cid")
/usr/bin/python3 "$png" 600 800 "$T/face.png"
request POST /admin/media -b "$T/pia.jar" -H "Origin: $BASE" \
    -F "csrf=$(staff_csrf pia)" -F "fil=@$T/face.png" \
    -F "alt=Porträtt av $name" -F "credit=Kommunens fotograf"
assert_status 303
mid=$(header Location | sed 's|.*/media/\([0-9]*\).*|\1|')

staff_request pia GET "/admin/kontakter/$cid"
assert_body_contains "/admin/media/kontakt/$cid"
staff_request pia GET "/admin/media/kontakt/$cid"
assert_status 200
assert_body_lacks "bild-$mid"
staff_request pia POST "/admin/media/kontakt/$cid" --data-urlencode "bild=$mid"
assert_status 400
assert_eq "no portrait without consent" "$(q "SELECT ifnull(photo_media_id, 0)
    FROM contact WHERE id = $cid")" 0

exp=$(date -d '+30 days' +%F)
staff_request pia POST "/admin/media/$mid" --data-urlencode "atgard=spara" \
    --data-urlencode "alt=Porträtt av $name" \
    --data-urlencode "credit=Kommunens fotograf" \
    --data-urlencode "legal_basis=Samtycke (GDPR art. 6.1 a)" \
    --data-urlencode "consent_at=$(date +%F)" \
    --data-urlencode "expires_at=$exp"
assert_status 303
staff_request pia GET /admin
assert_body_lacks "Samtycke till bilder"	# a month ahead: not yet
staff_request pia GET "/admin/media/kontakt/$cid"
assert_body_contains "bild-$mid"
staff_request pia POST "/admin/media/kontakt/$cid" --data-urlencode "bild=$mid"
assert_status 303
get /kontakt
assert_status 200
assert_body_contains "alt=\"Porträtt av $name\""
assert_body_contains 'class="contact-photo"'
get /kontakt	# now from the page file / cache
assert_body_contains 'class="contact-photo"'
# On press duty, the portrait is in the press-duty box of every page.
q "UPDATE contact SET on_duty = 1 WHERE id = $cid"
get /
assert_body_contains "alt=\"Porträtt av $name\""

# The consent ends in 2 s, with no write at that moment: the cached page
# and nginx's page file must not outlive it (cache_state's next moment).
q "UPDATE media SET expires_at = unixepoch() + 2 WHERE id = $mid"
get /kontakt
get /kontakt
assert_body_contains 'class="contact-photo"'
sleep 2.5
get /kontakt
assert_body_lacks 'class="contact-photo"'
q "UPDATE media SET expires_at = unixepoch('$exp') WHERE id = $mid"
get /kontakt
assert_body_contains 'class="contact-photo"'

# 20 days later the consent ends within two weeks: the start page says so.
q "INSERT OR REPLACE INTO setting (key, value)
    VALUES ('test_clock_offset', '$((20 * 86400))')"
staff_signin pia	# (the old session has run out meanwhile)
staff_request pia GET /admin
assert_body_contains "Samtycke till bilder"
assert_body_contains "<a href=\"/admin/media/$mid\">Porträtt av $name</a>: samtycket går ut"

# 31 days later the consent has ended: gone at once, and staff are told.
q "INSERT OR REPLACE INTO setting (key, value)
    VALUES ('test_clock_offset', '$((31 * 86400))')"
get /kontakt
assert_status 200
assert_body_lacks 'class="contact-photo"'
assert_body_lacks "Porträtt av $name"
get /
assert_body_lacks "Porträtt av $name"
get "/pressbilder/$mid"
assert_status 404
staff_signin pia	# (the old session has run out meanwhile)
staff_request pia GET /admin/media
assert_body_contains "samtycket har gått ut"
staff_request pia GET "/admin/media/$mid"
assert_body_contains "Dold: samtycket gick ut"
staff_request pia GET /admin
assert_body_contains "<a href=\"/admin/media/$mid\">Porträtt av $name</a>: samtycket gick ut"
assert_body_contains "bilden visas inte längre på webbplatsen"
assert_tidy "the start page with the consent notice"
done_testing

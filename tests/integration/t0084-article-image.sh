#!/usr/bin/env bash
# t0084-article-image.sh -- an article's lead image (issue 14): chosen
# from the library at /admin/media/artikel/ID (the editor links there),
# shown on the article as <figure> with <picture> (WebP and JPEG
# srcsets), caption and credit; og:image and og:image:alt with absolute
# URLs; the page file nginx serves is never stale when the picture's
# text changes or its consent ends; the library says where it is used
# and will not delete it.  The topic page of the article links the
# picture as a press image; lists show a thumbnail, the feed an
# enclosure.
. "$(dirname "$0")/lib.sh"
site_start
png=$PRESSRUM_SRC/tests/integration/media_png.py
staff_user_add red redaktor
staff_signin red
/usr/bin/python3 "$png" 1700 1000 "$T/p.png"
"$PRESSRUM_BIN" media add "$T/p.png" --alt "Solnedgång över hamnen" \
    --credit "Eva Ek" --caption "Hamnen i kväll" --db "$DB" \
    --media-dir "$T/media" >/dev/null
mid=$(q "SELECT max(id) FROM media")
publish_article red "Hamnen öppnar" hamnen-oppnar "Text om hamnen."
aid=$ARTICLE_ID
staff_request red GET "/admin/artiklar/$aid"
assert_body_contains "/admin/media/artikel/$aid"
staff_request red GET "/admin/media/artikel/$aid"
assert_status 200
assert_body_contains "Solnedgång över hamnen"
staff_request red POST "/admin/media/artikel/$aid" --data-urlencode "bild=$mid"
assert_status 303
assert_eq "lead image stored" "$(q "SELECT lead_media_id FROM article
    WHERE id = $aid")" "$mid"
get /nyheter/hamnen-oppnar
assert_status 200
assert_body_contains '<figure class="article-image">'
assert_body_contains 'alt="Solnedgång över hamnen"'
assert_body_contains '<source type="image/webp" srcset="/media/'
assert_body_contains '1600w'
assert_body_contains 'Hamnen i kväll Foto: Eva Ek Pressbild'
big=$(q "SELECT name FROM media_file WHERE media_id = $mid AND original = 0
    AND mime = 'image/jpeg' ORDER BY width DESC LIMIT 1")
assert_body_contains "<meta property=\"og:image\" content=\"$BASE/media/$big\">"
assert_body_contains '<meta property="og:image:alt" content="Solnedgång över hamnen">'
q "INSERT INTO article_topic (article_id, topic_id)
    SELECT $aid, id FROM topic WHERE slug = 'jamstalldhet'"
get /amnen/jamstalldhet
assert_body_contains '<h2 id="pressbilder-rubrik">Pressbilder</h2>'
assert_body_contains "<a href=\"/pressbilder/$mid\"><img"
get /nyheter
assert_body_contains '<img class="news-thumb" src="/media/'
get /nyheter.atom
assert_body_contains "<link rel=\"enclosure\" type=\"image/jpeg\" href=\"$BASE/media/$big\""
get "/media/$big"
assert_status 200
assert_header Cache-Control '^public, max-age=31536000, immutable$'
assert_header Content-Type '^image/jpeg$'
# The page again, now as nginx's page file; then the caption changes.
file=$T/pages/current/nyheter/hamnen-oppnar/index.html
for ((i = 0; i < 20; i++)); do
	get /nyheter/hamnen-oppnar
	[ -s "$file" ] && break
	sleep 0.1
done
check "the article is kept as a page file for nginx" test -s "$file"
staff_request red POST "/admin/media/$mid" --data-urlencode "atgard=spara" \
    --data-urlencode "alt=Solnedgång över hamnen" --data-urlencode \
    "credit=Eva Ek" --data-urlencode "caption=Hamnen en vårkväll"
assert_status 303
get /nyheter/hamnen-oppnar
assert_body_contains "Hamnen en vårkväll"
staff_request red GET "/admin/media/$mid"
assert_body_contains "Hamnen öppnar"
assert_body_contains "kan inte raderas"
staff_request red POST "/admin/media/$mid" --data-urlencode "atgard=radera"
assert_status 409
assert_eq "... and it is still there" "$(q "SELECT count(*) FROM media")" 1
# Consent ends: the lead image and og:image go at once.
q "UPDATE media SET legal_basis = 'Samtycke', expires_at = unixepoch() - 1"
get /nyheter/hamnen-oppnar
assert_status 200
assert_body_lacks 'article-image'
assert_body_lacks 'og:image'
# None.
q "UPDATE media SET expires_at = NULL"
staff_request red POST "/admin/media/artikel/$aid" --data-urlencode "bild=0"
assert_status 303
get /nyheter/hamnen-oppnar
assert_body_lacks 'article-image'
staff_request red POST "/admin/media/artikel/$aid" --data-urlencode "bild=999"
assert_status 400

# Pictures of the library in the text: alone on a line a <figure>, within
# a paragraph a <picture>, an unknown one its alt text; an image from
# elsewhere is a warning in the editor.
staff_request red GET "/admin/media/$mid"
assert_body_contains "![Solnedgång över hamnen](/pressbilder/$mid)"
BODY_MD="Före.

![Hamnen från kajen](/pressbilder/$mid)

Text med ![liten hamn](/pressbilder/$mid) i mitten och ![saknad bild](/pressbilder/999)."
# A picture the library does not have is a warning: not published
# until the editor overrides it, and no row is written.
publish_article red "Bilder i text" bilder-i-text "$BODY_MD"
assert_status 400
assert_body_contains 'bildbanken har ingen bild nummer 999 att visa'
assert_body_lacks "bildbanken har ingen bild nummer $mid "
assert_eq 'the refused article is not stored' "$(q "SELECT count(*) FROM article WHERE slug = 'bilder-i-text'")" 0
# The editor offers the library: the newest pictures with their lines.
staff_request red GET /admin/artiklar/ny
assert_body_contains '<details class="library" id="bildbank">'
assert_body_contains "<code class=\"library-md\">![Solnedgång över hamnen](/pressbilder/$mid)</code>"
publish_article red "Bilder i text" bilder-i-text "$BODY_MD" \
    --data-urlencode "override_a11y=1"
assert_status 303
get /nyheter/bilder-i-text
assert_body_contains '<figure class="article-image">'
assert_body_contains 'alt="Hamnen från kajen"'
assert_body_contains 'Hamnen en vårkväll Foto: Eva Ek'
assert_body_contains '<picture><source type="image/webp"'
assert_body_contains 'alt="liten hamn"'
assert_body_contains 'i mitten och saknad bild.'
assert_body_lacks 'src="/pressbilder/'
staff_request red GET "/admin/media/$mid"
assert_body_contains "Bilder i text"
publish_article red "Bild utifrån" bild-utifran "![Karta](https://example.se/karta.png)"
assert_status 400
assert_body_contains "bilden finns inte i bildbanken"
done_testing

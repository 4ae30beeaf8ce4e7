#!/usr/bin/env bash
# t0062-audit-log.sh -- the audit log (/admin/logg) reads as Swedish: an
# article's entries use the editor's field labels (no column names like
# body_md or publish_at), names instead of topic and expert ids, links as
# "title – url" (not JSON), times in Stockholm time, the body as a line
# diff, and roles and notice times as the forms show them.
TEST_CLOCK=1
. "$(dirname "$0")/lib.sh"

site_start
staff_user_add rita redaktor
staff_user_add anna admin
staff_signin rita
staff_signin anna

BODY1='Första stycket.

Andra stycket om resorna.'
BODY2='Första stycket.

Andra stycket om resorna, nu längre.

Tredje stycket.'
staff_request rita POST /admin/artiklar --data-urlencode action=utkast \
    --data-urlencode version=0 --data-urlencode kind=nyhet \
    --data-urlencode "title=Nya regler för färdtjänst" \
    --data-urlencode "lead=Regionen inför nya regler." \
    --data-urlencode "body=$BODY1" --data-urlencode lang=sv \
    --data-urlencode topic=1 --data-urlencode expert=1
assert_status 303
ID=$(header Location | sed -n 's|.*/admin/artiklar/\([0-9]*\).*|\1|p')
staff_request rita POST "/admin/artiklar/$ID" --data-urlencode action=publicera \
    --data-urlencode version=1 --data-urlencode kind=nyhet \
    --data-urlencode "title=Nya regler för färdtjänst" \
    --data-urlencode "lead=Regionen inför nya regler." \
    --data-urlencode "body=$BODY2" --data-urlencode lang=sv \
    --data-urlencode topic=1 --data-urlencode expert=1 --data-urlencode expert=2 \
    --data-urlencode "link_title_1=Färdtjänst" \
    --data-urlencode "link_url_1=/amnen/jamstalldhet"
assert_status 303
# rows as older versions wrote them: a notice with UTC times, a role
q "INSERT INTO audit_log (at, account_id, action, object_type, object_id,
    summary, before_json, after_json) VALUES
    (unixepoch(), NULL, 'ändrade', 'notis', 1, 'Notisen ändrades',
     json_object('text', 'Gammal', 'visas från', '2021-01-10 08:00:00 UTC'),
     json_object('text', 'Ny', 'visas från', '2021-07-10 08:00:00 UTC')),
    (unixepoch(), NULL, 'ändrade', 'konto', 1, 'Kontot ändrades',
     json_object('roll', 'press'), json_object('roll', 'redaktor'))"

staff_request anna GET "/admin/logg?typ=artikel"
assert_status 200
for raw in body_md publish_at '"url"' '>kind<' '>topics<' '>experts<' \
    '>status<'; do
	assert_body_lacks "$raw"
done
for label in Rubrik Ingress Brödtext Ämnen Sakkunniga "Läs vidare" \
    Publiceringstid Status; do
	assert_body_contains "<dt class=\"audit-field-label\">$label</dt>"
done
assert_body_contains "Ändrat: Brödtext, Status, Publiceringstid, Sakkunniga, Läs vidare"
assert_body_contains "Jämställdhet"
assert_body_contains "<ins>Jenny Norén</ins>"
assert_body_contains "Färdtjänst – /amnen/jamstalldhet"
assert_body_contains "<del>Utkast</del>"
assert_body_contains "<ins>Publicerad</ins>"
# the body as lines: the new paragraph is a line of its own
assert_body_contains '<span class="dl dl-add"><span class="sign" aria-hidden="true">+</span><span class="visually-hidden">Tillagd rad: </span><ins>Tredje stycket.</ins></span>'
# Stockholm time: the publish time as the editor shows it
PUB=$(q "SELECT publish_at FROM article WHERE id=$ID")
WHEN=$(TZ=Europe/Stockholm date -d "@$PUB" '+%-d')
assert_body_contains "<ins>$WHEN "
assert_body_contains "rita</strong> publicerade <a href=\"/admin/artiklar/$ID\">artikel $ID</a>: &quot;Nya regler för färdtjänst&quot;</p>"
assert_body_contains "<a href=\"/admin/artiklar/$ID\">artikel $ID</a>"

staff_request anna GET /admin/logg
assert_body_contains "<del>Pressansvarig</del>"
assert_body_contains "<ins>Redaktör</ins>"
assert_body_lacks ">redaktor<"
assert_body_contains "Borttagen rad: 10 januari 2021 kl. 09.00"
assert_body_contains "Tillagd rad: 10 juli 2021 kl. 10.00"
assert_body_lacks "UTC"

done_testing

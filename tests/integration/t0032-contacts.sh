#!/usr/bin/env bash
# t0032-contacts.sh -- the press officer's contacts and press duty pages,
# the site notice and the accessibility statement, through nginx:
# a change shows at once on /kontakt and on the article naming the
# contact (no cache, not even a conditional GET, serves the old text);
# hiding a contact removes it from the public pages; every change is in
# the audit log with before and after (sqlite3 and /admin/logg); bad
# input is a 400 that keeps the text and changes nothing; a conflicting
# save is a 409; the roles are enforced (403 pages that say why).
. "$(dirname "$0")/lib.sh"

SEED=/nyheter/fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid

site_start
staff_user_add presse press
staff_user_add rita redaktor
staff_user_add anna admin
staff_signin presse
staff_signin rita
staff_signin anna
PRESSE_ID=$(q "SELECT id FROM account WHERE name = 'presse'")

# --- the list and the form ---------------------------------------------------
staff_request presse GET /admin/kontakter
assert_status 200
assert_body_contains "Helene Lindstrand"
assert_body_contains "Johan Berg"		# hidden contacts are listed too
assert_body_contains 'href="/admin/kontakter/3"'
staff_request presse GET /admin/kontakter/3
assert_status 200
assert_body_contains 'value="08-452 70 47"'
assert_body_contains "GDPR"
assert_body_contains "Dölj från webbplatsen"
staff_request presse GET /admin/kontakter/999
assert_status 404

# --- a phone number changes everywhere at once --------------------------------
get /kontakt
assert_body_contains "08-452 70 47"
ETAG=$(header ETag)
LASTMOD=$(header Last-Modified)
get "$SEED"
assert_body_contains "08-452 70 47"
V=$(q "SELECT version FROM contact WHERE id = 3")
staff_request presse POST /admin/kontakter/3 -d "version=$V" \
    --data-urlencode "namn=Helene Lindstrand" --data-urlencode "titel=Presschef" \
    --data-urlencode "enhet=Kommunikationsavdelningen" \
    --data-urlencode "telefon=08-452 70 99" \
    --data-urlencode "epost=helene.lindstrand@skr.se" -d pressansvarig=1
assert_status 303
assert_header Location '^/admin/kontakter/3\?sparad=1$'
staff_request presse GET /admin/kontakter/3?sparad=1
assert_body_contains "Kontakten är sparad"
assert_eq "phone in the db" "$(q "SELECT phone FROM contact WHERE id = 3")" "08-452 70 99"
assert_eq "version bumped" "$(q "SELECT version FROM contact WHERE id = 3")" "$((V + 1))"
get /kontakt
assert_body_contains "08-452 70 99"
assert_body_lacks "08-452 70 47"
# Even a browser revalidating its copy gets the new page, not a 304.
get /kontakt -H "If-None-Match: ${ETAG:-none}" \
    -H "If-Modified-Since: ${LASTMOD:-Thu, 01 Jan 1970 00:00:00 GMT}"
assert_status 200
assert_body_contains "08-452 70 99"
get "$SEED"
assert_body_contains "08-452 70 99"
assert_body_lacks "08-452 70 47"

# The audit row: who, and the before and after (sqlite3).
ROW=$(q "SELECT account_id, action, object_type, object_id,
    json_extract(before_json, '\$.telefon'), json_extract(after_json, '\$.telefon')
    FROM audit_log WHERE object_type = 'kontakt' ORDER BY id DESC LIMIT 1")
assert_eq "audit row for the phone change" "$ROW" \
    "$PRESSE_ID|ändrade|kontakt|3|08-452 70 47|08-452 70 99"

# --- hiding a contact ---------------------------------------------------------
get /kontakt
assert_body_contains "Love Nordenmark"
get "$SEED"
assert_body_contains "Love Nordenmark"
V=$(q "SELECT version FROM contact WHERE id = 1")
staff_request presse POST /admin/kontakter/1 -d "version=$V" -d gora=gom
assert_status 400
assert_eq "an unknown gora changed nothing" "$(q "SELECT active || '|' || version FROM contact WHERE id = 1")" "1|$V"
staff_request presse POST /admin/kontakter/1 -d "version=$V" -d gora=dolj
assert_status 303
assert_header Location '^/admin/kontakter/1\?dold=1$'
assert_eq "hidden in the db" "$(q "SELECT active FROM contact WHERE id = 1")" 0
get /kontakt
assert_body_lacks "Love Nordenmark"
get "$SEED"
assert_body_lacks "Love Nordenmark"
assert_body_contains "Jenny Norén"		# the other expert stays
assert_eq "audit row for hiding" "$(q "SELECT action || '|' ||
    json_extract(before_json, '\$.\"visas på webbplatsen\"') || '|' ||
    json_extract(after_json, '\$.\"visas på webbplatsen\"')
    FROM audit_log WHERE object_type = 'kontakt' AND object_id = 1
    ORDER BY id DESC LIMIT 1")" "dolde|1|0"
staff_request presse GET /admin/kontakter
assert_body_contains "Dold"

# --- bad input: 400, the text kept, nothing changed ----------------------------
BEFORE=$(q "SELECT title, email, version FROM contact WHERE id = 4")
NAUDIT=$(q "SELECT count(*) FROM audit_log")
V=$(q "SELECT version FROM contact WHERE id = 4")
staff_request presse POST /admin/kontakter/4 -d "version=$V" \
    --data-urlencode "namn=Karin Holmqvist" \
    --data-urlencode "titel=Pressekreterare och talesperson" \
    --data-urlencode "telefon=08-452 71 53" \
    --data-urlencode "epost=karin.holmqvist-at-skr" -d pressansvarig=1
assert_status 400
assert_body_contains "Det finns fel i formuläret"
assert_body_contains "Skriv en e-postadress"
assert_body_contains 'value="Pressekreterare och talesperson"'
assert_body_contains 'value="karin.holmqvist-at-skr"'
assert_body_contains 'aria-invalid="true"'
assert_body_contains 'href="#epost"'
assert_eq "contact 4 unchanged" "$(q "SELECT title, email, version FROM contact WHERE id = 4")" "$BEFORE"
assert_eq "no audit row for a refused save" "$(q "SELECT count(*) FROM audit_log")" "$NAUDIT"
staff_request presse POST /admin/kontakter/4 -d "version=$V" --data-urlencode "namn= " \
    --data-urlencode "telefon=ring mig"
assert_status 400
assert_body_contains "Skriv kontaktpersonens namn"
assert_body_contains "Skriv telefonnumret med siffror"

# --- two press officers at once: 409, both versions shown ---------------------
staff_user_add petra press
staff_signin petra
V=$(q "SELECT version FROM contact WHERE id = 2")
staff_request petra POST /admin/kontakter/2 -d "version=$V" --data-urlencode "namn=Jenny Norén" \
    --data-urlencode "titel=Projektledare" --data-urlencode "telefon=08-452 79 13" \
    --data-urlencode "epost=jenny.noren@skr.se" -d amne=1
assert_status 303
staff_request presse POST /admin/kontakter/2 -d "version=$V" --data-urlencode "namn=Jenny Norén" \
    --data-urlencode "titel=Senior projektledare" --data-urlencode "telefon=08-452 79 12" \
    --data-urlencode "epost=jenny.noren@skr.se" -d amne=1
assert_status 409
assert_body_contains "Någon annan har ändrat kontakten"
assert_body_contains 'value="Senior projektledare"'	# their text kept
assert_body_contains "08-452 79 13"			# the current value shown
assert_eq "the first save stands" "$(q "SELECT title || '|' || phone FROM contact WHERE id = 2")" \
    "Projektledare|08-452 79 13"

# --- a new contact ------------------------------------------------------------
staff_request presse GET /admin/kontakter/ny
assert_status 200
staff_request presse POST /admin/kontakter --data-urlencode "namn=Ulla Test" \
    --data-urlencode "titel=Pressekreterare" --data-urlencode "telefon=08-452 70 01" \
    --data-urlencode "epost=ulla.test@skr.se" -d pressansvarig=1 -d visas=1
assert_status 303
assert_header Location '^/admin/kontakter/[0-9]+\?sparad=1$'
get /kontakt
assert_body_contains "Ulla Test"
assert_eq "creation audited" "$(q "SELECT action || '|' || coalesce(before_json, 'null') || '|' ||
    json_extract(after_json, '\$.namn') FROM audit_log ORDER BY id DESC LIMIT 1")" \
    "skapade|null|Ulla Test"

# --- press duty -----------------------------------------------------------------
staff_request presse GET /admin/pressjour
assert_status 200
assert_body_contains 'value="08-452 70 00"'
staff_request presse POST /admin/pressjour --data-urlencode "telefon=08-452 70 10" \
    --data-urlencode "epost=press@skr.se" -d jour=4
assert_status 303
assert_header Location '^/admin/pressjour\?sparad=1$'
assert_eq "press phone setting" "$(q "SELECT value FROM setting WHERE key = 'press_phone'")" "08-452 70 10"
assert_eq "on duty now" "$(q "SELECT group_concat(id) FROM contact WHERE on_duty = 1")" 4
ROW=$(q "SELECT account_id, action, json_extract(before_json, '\$.\"pressjourens telefon\"'),
    json_extract(after_json, '\$.\"pressjourens telefon\"'),
    json_extract(after_json, '\$.\"har jour\"[0]'), at > 0
    FROM audit_log WHERE object_type = 'pressjour' ORDER BY id DESC LIMIT 1")
assert_eq "press duty audited (who, before, after)" "$ROW" \
    "$PRESSE_ID|ändrade|08-452 70 00|08-452 70 10|Karin Holmqvist|1"
get /kontakt
assert_body_contains "08-452 70 10"
get "$SEED"
assert_body_contains "08-452 70 10"
assert_body_contains "Karin Holmqvist"
staff_request presse POST /admin/pressjour --data-urlencode "telefon=ring växeln" \
    --data-urlencode "epost=press@skr.se" -d jour=3
assert_status 400
assert_body_contains 'value="ring växeln"'
assert_eq "a refused press duty save changes nothing" \
    "$(q "SELECT value FROM setting WHERE key = 'press_phone'")" "08-452 70 10"

# --- the audit log page -----------------------------------------------------------
staff_request anna GET /admin/logg
assert_status 200
assert_body_contains "08-452 70 47"
assert_body_contains "08-452 70 99"
assert_body_contains "Pressjouren ändrades"
assert_body_contains 'href="/admin/kontakter/3"'
assert_body_contains "<details>"
staff_request anna GET "/admin/logg?typ=kontakt"
assert_status 200
assert_body_contains "Kontakten Helene Lindstrand ändrades"
assert_body_lacks "Pressjouren ändrades"
staff_request anna GET "/admin/logg?typ=pressjour"
assert_body_contains "Pressjouren ändrades"
assert_body_lacks "Kontakten Helene Lindstrand ändrades"
staff_request anna GET "/admin/logg?sida=99"
assert_status 404

# --- roles: refusals say why ------------------------------------------------------
staff_request rita GET /admin/kontakter
assert_status 403
assert_body_contains "pressansvariga och administratörer"
assert_body_contains "Redaktör"
V=$(q "SELECT version FROM contact WHERE id = 3")
staff_request rita POST /admin/kontakter/3 -d "version=$V" --data-urlencode "namn=Hackad" \
    --data-urlencode "telefon=08-000 00 00"
assert_status 403
assert_eq "a refused POST changes nothing" "$(q "SELECT name FROM contact WHERE id = 3")" "Helene Lindstrand"
staff_request rita GET /admin/pressjour
assert_status 403
staff_request presse GET /admin/artiklar
assert_status 403
assert_body_contains "redaktörer och administratörer"
staff_request presse GET /admin/konton
assert_status 403
assert_body_contains "administratörer"
staff_request presse GET /admin/logg
assert_status 403
staff_request anna GET /admin/kontakter
assert_status 200

# --- the site notice ----------------------------------------------------------------
staff_request anna GET /admin/notis
assert_status 200
assert_body_contains "Notisen visas nu"
NID=$(q "SELECT max(id) FROM notice")
TODAY=$(TZ=Europe/Stockholm date +%Y-%m-%d)
staff_request anna POST /admin/notis -d "id=$NID" --data-urlencode "text=Växeln är stängd i dag." \
    --data-urlencode "lanktext=Om växeln" --data-urlencode "lankadress=javascript:alert(1)" \
    -d "fran_datum=$TODAY" -d fran_tid=00:00
assert_status 400
assert_body_contains "Växeln är stängd i dag."
assert_body_contains "Skriv en adress som börjar med https://"
staff_request anna POST /admin/notis -d "id=$NID" --data-urlencode "text=Växeln är stängd i dag." \
    --data-urlencode "lanktext=Om växeln" --data-urlencode "lankadress=/kontakt" \
    -d "fran_datum=$TODAY" -d fran_tid=00:00
assert_status 303
get /
assert_body_contains "Växeln är stängd i dag."
get /kontakt
assert_body_contains "Växeln är stängd i dag."
staff_request anna POST /admin/notis -d "id=$NID" -d gora=ta-bort
assert_status 400
get /
assert_body_contains "Växeln är stängd i dag."
staff_request anna POST /admin/notis -d "id=$NID" -d gora=ta_bort
assert_status 303
get /
assert_body_lacks "Växeln är stängd i dag."
assert_eq "notice edits audited" "$(q "SELECT group_concat(action, ',') FROM
    (SELECT action FROM audit_log WHERE object_type = 'notis' ORDER BY id)")" "ändrade,tog bort"
staff_request anna GET /admin/notis
assert_body_contains "Ingen notis visas just nu"

# --- the accessibility statement ------------------------------------------------------
get /tillganglighet
assert_status 200
assert_body_contains "Senast granskad"
assert_body_contains "delvis förenlig"
assert_body_contains "https://www.digg.se/tdosanmalan"
assert_body_contains "kakbanner"
staff_request anna GET /admin/tillganglighet
assert_status 200
V=$(q "SELECT version FROM article WHERE slug = 'tillganglighet'")
BODYMD=$(q "SELECT body_md FROM article WHERE slug = 'tillganglighet'")
staff_request anna POST /admin/tillganglighet -d "version=$V" --data-urlencode "ingress=Ny ingress." \
    --data-urlencode "brodtext=$BODYMD" -d granskad=2021-02-01
assert_status 303
get /tillganglighet
assert_body_contains "Senast granskad 1 februari 2021"
assert_body_contains "Ny ingress."
assert_eq "statement revision kept" "$(q "SELECT count(*) FROM article_revision r JOIN article a
    ON a.id = r.article_id WHERE a.slug = 'tillganglighet' AND r.version = $((V + 1))")" 1
staff_request anna POST /admin/tillganglighet -d "version=$V" --data-urlencode "ingress=Gammal." \
    --data-urlencode "brodtext=Text." -d granskad=2021-02-02
assert_status 409
assert_body_contains "Någon annan har sparat redogörelsen"
staff_request presse GET /admin/tillganglighet
assert_status 403

done_testing

#!/usr/bin/env bash
# t0102-klarsprak.sh -- the preview's klarspråk panel: LIX of the text a
# reader sees with the site's target, long sentences, longest words, and
# Swedish spelling with suggestions, first without and then with the
# site's word list that an admin keeps at /admin/klarsprak (audited; a
# redaktör may not change it; bad input is refused with the text kept).
# URLs, addresses and code are not spell-checked; nothing is saved.
. "$(dirname "$0")/lib.sh"

site_start
staff_user_add anna admin
staff_user_add rita redaktor
staff_signin anna
staff_signin rita

TEXT='## Nordenmark om kommunnen

Nordenmark på SKR skriver om kommunnen. Läs https://skr.se/rapport eller mejla press@skr.se. Kör `sudo kontrol` inte.

- Förvaltningsorganisationen redovisar kostnadsutvecklingen för verksamhetsområdet, bl.a. för äldreomsorgen, t.ex. hemtjänsten, och för socialtjänsten i samtliga kommundelar under hela budgetperioden fram till och med år 2026 enligt beslut.

| Kommun | Kontakt |
|---|---|
| Ale | Nordenmark |'
ARTICLES=$(q "SELECT count(*) FROM article")
preview() {
	staff_request rita POST /admin/artiklar --data-urlencode action=forhandsgranska \
	    --data-urlencode version=0 --data-urlencode kind=nyhet \
	    --data-urlencode "title=Kommunen och budgeten" \
	    --data-urlencode "lead=Ingress om budgeten." \
	    --data-urlencode "body=$TEXT" --data-urlencode lang=sv
	assert_status 200
}

# Without a target or a word list.
preview
assert_body_contains '<section class="preview-klarsprak" aria-label="Klarspråk">'
# Title (3) + lead (3) + heading (3) + three sentences (6, 5 with the
# URL and the address as words, 4 with the code) + the item (27 words,
# one sentence): 51 words in 7 sentences; 20 long (over six letters:
# Kommunen, budgeten x2, Ingress, Nordenmark x2, kommunnen x2, skriver,
# kontrol and ten in the item; the URL and the address are not), 39 %;
# LIX 51/7 + 2000/51 = 7.29 + 39.22 = 46.5, rounded 47.  The table is
# no running text: its cells are not sentences (spelling reads them).
assert_body_contains "<strong>LIX 47: Medelsvår.</strong> 51 ord i 7 meningar, 39 % långa ord"
assert_body_contains "Meningar med fler än 25 ord (1)"
assert_body_contains "(27 ord)"
assert_body_contains "Förvaltningsorganisationen <span class=\"klarsprak-count\">(26 bokstäver)"
assert_body_lacks "webbplatsens mål"
assert_body_contains "<strong>Nordenmark</strong> <span class=\"klarsprak-count\">(3 gånger)</span>: förslag Nordmark"
assert_body_contains "<strong>SKR</strong>"
assert_body_contains "<strong>kommunnen</strong> <span class=\"klarsprak-count\">(2 gånger)</span>: förslag kommunen"
assert_body_lacks "<strong>kontrol</strong>"
assert_body_lacks "<strong>skr.se"
assert_body_lacks "<strong>press"
assert_eq "a preview saves nothing" "$(q "SELECT count(*) FROM article")" "$ARTICLES"

# The settings are the admin's.
staff_request rita GET /admin/klarsprak
assert_status 403
staff_request rita POST /admin/klarsprak --data-urlencode mal=30
assert_status 403
assert_eq "a redaktör set no target" "$(q "SELECT count(*) FROM setting WHERE key = 'lix_target'")" 0

staff_request anna GET /admin/klarsprak
assert_status 200
assert_body_contains '<label for="ordlista">Webbplatsens ordlista</label>'
staff_request anna POST /admin/klarsprak --data-urlencode mal=tjugo \
    --data-urlencode "ordlista=Nordenmark
två ord"
assert_status 400
assert_body_contains "Skriv målet som ett heltal från 10 till 80"
assert_body_contains 'Rätta raden &quot;två ord&quot;'
assert_body_contains "Nordenmark
två ord</textarea>"
assert_eq "nothing saved on bad input" "$(q "SELECT count(*) FROM setting WHERE key IN ('lix_target', 'spell_words')")" 0

staff_request anna POST /admin/klarsprak --data-urlencode mal=20 \
    --data-urlencode "ordlista=  Nordenmark
SKR

Nordenmark"
assert_status 303
assert_eq "the target is kept" "$(q "SELECT value FROM setting WHERE key = 'lix_target'")" 20
assert_eq "the word list is kept, trimmed, once each" \
    "$(q "SELECT value FROM setting WHERE key = 'spell_words'")" "Nordenmark
SKR"
assert_eq "the change is in the audit log" \
    "$(q "SELECT count(*) FROM audit_log WHERE object_type = 'klarsprak' AND after_json LIKE '%Nordenmark%'")" 1
staff_request anna GET "/admin/klarsprak?sparad=1"
assert_body_contains "Inställningarna är sparade."

# With the target and the word list.
preview
assert_body_contains "Texten ligger över webbplatsens mål, LIX 20."
assert_body_lacks "<strong>Nordenmark</strong>"
assert_body_lacks "<strong>SKR</strong>"
assert_body_contains "<strong>kommunnen</strong>"

# A text within the target.
staff_request anna POST /admin/klarsprak --data-urlencode mal=80 \
    --data-urlencode "ordlista=Nordenmark"
preview
assert_body_contains "Texten håller webbplatsens mål, LIX 80."

done_testing

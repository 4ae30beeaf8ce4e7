#!/usr/bin/env bash
# t0076-press-list.sh -- the press list (issue 15) through nginx and a
# real SMTP server: a press officer adds, edits and removes journalists
# at /admin/presslista (refusals in Swedish with the text kept, nothing
# stored; an address twice is a 409; each change in the audit log); a
# redaktor publishes a press release with "Skicka till presslistan" and
# each journalist whose topics match (or who chose none) gets exactly one
# mail; an embargoed (scheduled) release mails the journalists its
# embargo preview link at once, the link opens the text, and at the
# publish time the subscribers get theirs while the journalists get no
# second mail; a journalist's unsubscribe link takes them off the list.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/mail_lib.sh"

smtp_start
trap 'smtp_stop; site_stop' EXIT
site_start
trap 'smtp_stop; site_stop' EXIT
staff_user_add pia press
staff_user_add red redaktor
staff_signin pia
staff_signin red
T1=$(q "SELECT id FROM topic ORDER BY id LIMIT 1")
T2=$(q "SELECT id FROM topic ORDER BY id LIMIT 1 OFFSET 1")

# --- the list ----------------------------------------------------------------
staff_request pia GET /admin/presslista
assert_status 200
assert_body_contains 'Presslistan är tom.'
staff_request red GET /admin/presslista
assert_status 403
staff_request pia POST /admin/presslista --data-urlencode "name=Karin Ek" \
    --data-urlencode "outlet=Lokaltidningen" --data-urlencode "email=karin@"
assert_status 400
assert_body_contains 'Skriv en e-postadress'
assert_body_contains 'value="Karin Ek"'
assert_body_contains 'value="Lokaltidningen"'
staff_request pia POST /admin/presslista --data-urlencode "name=" \
    --data-urlencode "email=karin@lokaltidningen.se"
assert_status 400
assert_body_contains 'Skriv journalistens namn.'
assert_eq "nothing stored after refusals" "$(q "SELECT count(*) FROM journalist")" 0
staff_request pia POST /admin/presslista --data-urlencode "name=Karin Ek" \
    --data-urlencode "outlet=Lokaltidningen" \
    --data-urlencode "email=karin@lokaltidningen.se"
assert_status 303
KARIN=$(q "SELECT id FROM journalist WHERE email = 'karin@lokaltidningen.se'")
staff_request pia POST /admin/presslista --data-urlencode "name=Olle Berg" \
    --data-urlencode "outlet=Radio Öst" --data-urlencode "email=olle@radio.se" \
    --data-urlencode "topics=$T1"
assert_status 303
OLLE=$(q "SELECT id FROM journalist WHERE email = 'olle@radio.se'")
staff_request pia POST /admin/presslista --data-urlencode "name=Sara Lind" \
    --data-urlencode "email=sara@tv.se" --data-urlencode "topics=$T2"
assert_status 303
SARA=$(q "SELECT id FROM journalist WHERE email = 'sara@tv.se'")
staff_request pia POST /admin/presslista --data-urlencode "name=Karin igen" \
    --data-urlencode "email=karin@lokaltidningen.se"
assert_status 409
assert_body_contains 'Adressen finns redan på presslistan.'
assert_body_contains 'value="Karin igen"'
staff_request pia GET /admin/presslista
assert_body_contains '3 journalister på presslistan'
assert_body_contains 'Alla pressmeddelanden'
assert_body_contains 'Radio Öst'
staff_request pia POST "/admin/presslista/$OLLE" --data-urlencode "name=Olle Berg" \
    --data-urlencode "outlet=Radio Öst Nyheter" --data-urlencode "email=olle@radio.se" \
    --data-urlencode "topics=$T1"
assert_status 303
assert_eq "edited" "$(q "SELECT outlet FROM journalist WHERE id = $OLLE")" "Radio Öst Nyheter"
assert_eq "topics kept" "$(q "SELECT group_concat(topic_id) FROM journalist_topic WHERE journalist_id = $OLLE")" "$T1"
staff_request pia GET "/admin/presslista/$OLLE"
assert_body_contains "id=\"topic-$T1\" name=\"topics\" value=\"$T1\" checked"
assert_eq "each change in the audit log" \
    "$(q "SELECT count(*) FROM audit_log WHERE object_type = 'journalist'")" 4

# --- a press release with the box ticked -------------------------------------
staff_request red GET /admin/artiklar/ny
assert_body_contains 'Skicka till presslistan (3 journalister)'
publish_press red "Ny skola i Åby" ny-skola --data-urlencode "topic=$T1" \
    --data-urlencode "presslista=1"
assert_status 303
A1=$ARTICLE_ID
check "karin (all releases) gets it" wait_mail karin@lokaltidningen.se 1
check "olle (topic 1) gets it" wait_mail olle@radio.se 1
sleep 1
assert_eq "sara (topic 2) does not" "$(mails_to sara@tv.se)" 0
F=$(mail_file olle@radio.se)
assert_eq "its Message-ID" "$(mail_header "$F" Message-ID)" "<a$A1.j$OLLE@127.0.0.1>"
assert_eq "the title" "$(mail_header "$F" Subject)" "Ny skola i Åby"
JTOK=$(q "SELECT unsub_token FROM journalist WHERE id = $OLLE")
assert_eq "an unsubscribe link of their own" "$(mail_header "$F" List-Unsubscribe)" "<$BASE/prenumerera/avsluta/$JTOK>"
# A save again with the box ticked sends nothing more.
V=$(form_version red "$A1")
staff_request red POST "/admin/artiklar/$A1" --data-urlencode "action=spara" \
    --data-urlencode "version=$V" --data-urlencode "kind=pressmeddelande" \
    --data-urlencode "title=Ny skola i Åby" --data-urlencode "slug=ny-skola" \
    --data-urlencode "lead=Ingress." --data-urlencode "body=Text, rättad." \
    --data-urlencode "lang=sv" --data-urlencode "topic=$T1" \
    --data-urlencode "presslista=1" --data-urlencode "andring=liten"
assert_status 303
sleep 1
assert_eq "one mail each, not two" "$(mails_to olle@radio.se)/$(mails_to karin@lokaltidningen.se)" "1/1"
# A news article (not a press release) never goes to the list.
publish_article red "En nyhet" en-nyhet "Text." --data-urlencode "presslista=1"
assert_status 303
sleep 1
assert_eq "news stays off the press list" "$(mails_to karin@lokaltidningen.se)" 1

# --- an embargoed release ----------------------------------------------------
subscribe_confirmed pelle@exempel.se press direkt
wait_mail pelle@exempel.se 1 || true
at=$(/usr/bin/python3 -c 'import time, datetime, zoneinfo
t = datetime.datetime.fromtimestamp(time.time() + 120, zoneinfo.ZoneInfo("Europe/Stockholm"))
print(t.strftime("%Y-%m-%d %H:%M"))')
staff_request red POST /admin/artiklar --data-urlencode "action=schemalagg" \
    --data-urlencode "version=0" --data-urlencode "kind=pressmeddelande" \
    --data-urlencode "title=Budget under embargo" --data-urlencode "slug=budget-embargo" \
    --data-urlencode "lead=Ingress." --data-urlencode "body=Hemlig text tills vidare." \
    --data-urlencode "lang=sv" --data-urlencode "pub_date=${at% *}" \
    --data-urlencode "pub_time=${at#* }" --data-urlencode "presslista=1"
assert_status 303
A2=$(header Location | sed -n 's|.*/admin/artiklar/\([0-9]*\).*|\1|p')
check "karin gets the embargo mail at once" wait_mail karin@lokaltidningen.se 2
F=$(mail_file karin@lokaltidningen.se)
check "the subject says embargo" sh -c "printf '%s' \"\$1\" | grep -q '^Under embargo till '" _ "$(mail_header "$F" Subject)"
LINK=$(mail_part "$F" text/plain | grep -o "$BASE/forhandsvisning/[A-Za-z0-9_-]*" | head -n 1)
check "it holds a preview link" test -n "$LINK"
get "${LINK#"$BASE"}"
assert_status 200
assert_body_contains 'Hemlig text tills vidare.'
get /nyheter/budget-embargo
assert_status 404
assert_eq "the subscriber has nothing yet" "$(mails_to pelle@exempel.se)" 1
staff_request red GET "/admin/artiklar/$A2"
assert_body_contains 'Pressmeddelandet går till presslistan.'
# The time comes (moved here by the database: the mail process notices).
q "UPDATE article SET publish_at = unixepoch() - 1 WHERE id = $A2;
   UPDATE article_mail SET due_at = unixepoch() - 1 WHERE article_id = $A2"
check "the subscriber's mail goes at publication" wait_mail pelle@exempel.se 2
sleep 1
assert_eq "karin got one mail for it, the embargo one" \
    "$(q "SELECT count(*) FROM outbox WHERE article_id = $A2 AND recipient = 'karin@lokaltidningen.se'")" 1

# --- off the list by the link in a mail ---------------------------------------
post "/prenumerera/avsluta/$JTOK" -H "Origin: $BASE" --data-urlencode "List-Unsubscribe=One-Click"
assert_status 200
assert_eq "olle is off the list" "$(q "SELECT count(*) FROM journalist WHERE id = $OLLE")" 0
# And a press officer removes one.
staff_request pia POST "/admin/presslista/$SARA" --data-urlencode "atgard=radera"
assert_status 400
assert_eq "an unknown atgard removed nothing" "$(q "SELECT count(*) FROM journalist WHERE id = $SARA")" 1
staff_request pia POST "/admin/presslista/$SARA" --data-urlencode "atgard=ta-bort"
assert_status 303
assert_eq "sara is removed" "$(q "SELECT count(*) FROM journalist WHERE id = $SARA")" 0
staff_request pia GET /admin/presslista
assert_body_contains '1 journalister på presslistan'
done_testing

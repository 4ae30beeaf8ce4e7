#!/usr/bin/env bash
# t0071-mail-send.sh -- news by e-mail through a real SMTP server
# (aiosmtpd): sign up and confirm through the pages; a publish puts one
# mail per matching subscriber in the outbox in the publish's
# transaction and the master's mail process delivers it, with the
# headers RFC 8058/2047 ask for; topic and press-release filtering; an
# edit sends nothing unless "skicka uppdatering", and that goes only to
# those who got the first mail; the relay down for a
# while then up: everything arrives once; an unpublish before sending
# cancels; a one-click unsubscribe POST ends it.  A relay URL with a
# password on smtp:// sends nothing to a relay that offers no STARTTLS.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/mail_lib.sh"

smtp_start
trap 'smtp_stop; site_stop' EXIT
site_start
trap 'smtp_stop; site_stop' EXIT
staff_user_add red redaktor
staff_signin red

T1=$(q "SELECT id FROM topic ORDER BY id LIMIT 1")
T2=$(q "SELECT id FROM topic ORDER BY id LIMIT 1 OFFSET 1")

subscribe_confirmed anna@exempel.se alla direkt
check "the confirmation mail arrives" wait_mail anna@exempel.se 1
subscribe_confirmed bertil@exempel.se amnen direkt --data-urlencode "amne=$T1"
subscribe_confirmed cecilia@exempel.se press direkt
subscribe_confirmed dag@exempel.se alla dag
wait_mail dag@exempel.se 1 || true
ANNA=$(q "SELECT id FROM subscriber WHERE email = 'anna@exempel.se'")

# --- a news article in topic 2: only "all news" gets it ---------------------
publish_article red "Nytt äldreboende i Åby" nytt-aldreboende "Brödtext." \
    --data-urlencode "topic=$T2"
assert_status 303
A1=$ARTICLE_ID
assert_eq "one outbox row per matching subscriber, made with the publish" \
    "$(q "SELECT group_concat(recipient) FROM outbox WHERE article_id = $A1")" \
    "anna@exempel.se"
check "anna's mail arrives" wait_mail anna@exempel.se 2
sleep 1
assert_eq "bertil (topic 1) got only the confirmation" "$(mails_to bertil@exempel.se)" 1
assert_eq "cecilia (press releases) got only the confirmation" "$(mails_to cecilia@exempel.se)" 1
assert_eq "dag (daily digest) got only the confirmation" "$(mails_to dag@exempel.se)" 1
F=$(mail_file anna@exempel.se)
assert_eq "Subject decoded (RFC 2047)" "$(mail_header "$F" Subject)" "Nytt äldreboende i Åby"
check "Subject encoded on the wire" grep -q '^Subject: =?UTF-8?B?' "$F"
TOK=$(q "SELECT unsub_token FROM subscriber WHERE id = $ANNA")
assert_eq "List-Unsubscribe" "$(mail_header "$F" List-Unsubscribe)" "<$BASE/prenumerera/avsluta/$TOK>"
assert_eq "List-Unsubscribe-Post" "$(mail_header "$F" List-Unsubscribe-Post)" "List-Unsubscribe=One-Click"
assert_eq "List-Id" "$(mail_header "$F" List-Id)" "<nyheter.127.0.0.1>"
assert_eq "Message-ID per recipient and article" "$(mail_header "$F" Message-ID)" "<a$A1.s$ANNA@127.0.0.1>"
check "a Date header" test -n "$(mail_header "$F" Date)"
TXT=$(mail_part "$F" text/plain)
HTML=$(mail_part "$F" text/html)
check "text: title, lead, link" sh -c "printf '%s' \"\$1\" | grep -q 'Nytt äldreboende i Åby' && printf '%s' \"\$1\" | grep -q '^Ingress.' && printf '%s' \"\$1\" | grep -q '$BASE/nyheter/nytt-aldreboende'" _ "$TXT"
check "text: the unsubscribe link" sh -c "printf '%s' \"\$1\" | grep -q '/prenumerera/avsluta/$TOK'" _ "$TXT"
check "html: escaped title and a plain link" sh -c "printf '%s' \"\$1\" | grep -q '<a href=\"$BASE/nyheter/nytt-aldreboende\">'" _ "$HTML"
check "html: no images, no remote resources" sh -c "! printf '%s' \"\$1\" | grep -qi -e '<img' -e 'src='" _ "$HTML"
assert_eq "the row is marked sent" "$(q "SELECT state FROM outbox WHERE article_id = $A1")" "skickad"

# --- topic 1 and a press release ---------------------------------------------------
publish_press red "Pressmeddelande om skolan" press-skolan \
    --data-urlencode "topic=$T1"
A2=$ARTICLE_ID
check "anna gets the press release" wait_mail anna@exempel.se 3
check "bertil gets topic 1" wait_mail bertil@exempel.se 2
check "cecilia gets the press release" wait_mail cecilia@exempel.se 2

# --- an edit sends nothing; "skicka uppdatering" sends one --------------------------
# erik signs up after the first mail: the update is not for him.
subscribe_confirmed erik@exempel.se alla direkt
check "erik's confirmation mail arrives" wait_mail erik@exempel.se 1
V=$(form_version red "$A1")
staff_request red POST "/admin/artiklar/$A1" --data-urlencode "action=spara" \
    --data-urlencode "version=$V" --data-urlencode "kind=nyhet" \
    --data-urlencode "title=Nytt äldreboende i Åby" --data-urlencode "slug=nytt-aldreboende" \
    --data-urlencode "lead=Ny ingress." --data-urlencode "body=Brödtext." \
    --data-urlencode "lang=sv" --data-urlencode "topic=$T2"
assert_status 303
sleep 2
assert_eq "an edit after sending sends nothing" "$(mails_to anna@exempel.se)" 3
staff_request red POST "/admin/artiklar/$A1" --data-urlencode "action=spara" \
    --data-urlencode "version=$((V + 1))" --data-urlencode "kind=nyhet" \
    --data-urlencode "title=Nytt äldreboende i Åby" --data-urlencode "slug=nytt-aldreboende" \
    --data-urlencode "lead=Rättad ingress." --data-urlencode "body=Brödtext." \
    --data-urlencode "lang=sv" --data-urlencode "topic=$T2" --data-urlencode "uppdatering=1"
assert_status 303
check "\"skicka uppdatering\" sends one update" wait_mail anna@exempel.se 4
assert_eq "the update says so" "$(mail_header "$(mail_file anna@exempel.se)" Subject)" "Uppdaterad: Nytt äldreboende i Åby"
assert_eq "the update went only to those who got the first mail" \
    "$(q "SELECT group_concat(recipient) FROM outbox WHERE article_id = $A1 AND kind = 'uppdatering'")" \
    "anna@exempel.se"
assert_eq "erik got no update" "$(mails_to erik@exempel.se)" 1

# --- the relay down for a while, then up: all arrives, once --------------------------
touch "$MAILDIR/down"
publish_article red "Vägarbete på Storgatan" vagarbete "Text." --data-urlencode "topic=$T1"
A3=$ARTICLE_ID
publish_article red "Ska inte skickas" avbryts "Text." --data-urlencode "topic=$T2"
A4=$ARTICLE_ID
sleep 3
check "the relay's answer is kept" test -n "$(q "SELECT last_error FROM outbox WHERE article_id = $A3 AND last_error LIKE '%451%' LIMIT 1")"
# Unpublish A4 while its mail waits: it is cancelled.
V=$(form_version red "$A4")
# Taking an article down silently is for an admin, with a reason.
staff_user_add anna admin
staff_signin anna
staff_request anna POST "/admin/artiklar/$A4" --data-urlencode "action=avpublicera" \
    --data-urlencode "skal=Fel mottagare." \
    --data-urlencode "version=$V" --data-urlencode "kind=nyhet" \
    --data-urlencode "title=Ska inte skickas" --data-urlencode "slug=avbryts" \
    --data-urlencode "lead=Ingress." --data-urlencode "body=Text." --data-urlencode "lang=sv"
assert_status 303
assert_eq "unpublishing cancels what has not left" "$(q "SELECT count(*) FROM outbox WHERE article_id = $A4")" 0
# Withdrawn with an explanation while its mail waits: cancelled too.
publish_article red "Dras tillbaka" dras-tillbaka "Text." --data-urlencode "topic=$T2"
A5=$ARTICLE_ID
check "the withdrawn article's mail waited" test "$(q "SELECT count(*) FROM outbox WHERE article_id = $A5")" -gt 0
staff_request red POST "/admin/artiklar/$A5/dra-tillbaka" \
    --data-urlencode "version=$(q "SELECT version FROM article WHERE id = $A5")" \
    --data-urlencode satt=forklaring --data-urlencode "forklaring=Fel uppgifter."
assert_status 303
assert_eq "withdrawing cancels what has not left" "$(q "SELECT count(*) FROM outbox WHERE article_id = $A5")" 0
rm -f "$MAILDIR/down"
check "after the relay is back, anna gets A3" wait_mail anna@exempel.se 5 20
check "and bertil" wait_mail bertil@exempel.se 3 20
sleep 2
assert_eq "anna: each mail once" "$(mails_to anna@exempel.se)" 5
assert_eq "no mail about the unpublished article" \
    "$(grep -l 'Ska inte skickas' "$MAILDIR"/*.eml 2>/dev/null | wc -l)" 0
assert_eq "every Message-ID once" \
    "$(grep -h '^Message-ID:' "$MAILDIR"/*.eml | sort | uniq -d | wc -l)" 0

# --- one-click unsubscribe ends it ------------------------------------------------
post "/prenumerera/avsluta/$TOK" --data-urlencode "List-Unsubscribe=One-Click"
assert_status 200
publish_article red "Efter avslutet" efter-avslut "Text."
assert_eq "no row for the ended subscription" \
    "$(q "SELECT count(*) FROM outbox WHERE article_id = $ARTICLE_ID AND recipient = 'anna@exempel.se'")" 0

# --- credentials on smtp:// need STARTTLS --------------------------------------
# The sink offers no STARTTLS: with a password in the URL nothing is said
# to it in clear (without one, TLS is only tried: every mail above went).
stop_pid "$SERVER_PID"
export PRESSRUM_SMTP_URL="smtp://nyheter:hemligt@127.0.0.1:$SMTP_PORT"
server_start
post /prenumerera -H "Origin: $BASE" --data-urlencode "epost=tls@exempel.se" \
    --data-urlencode "omfang=alla" --data-urlencode "takt=direkt"
assert_status 200
for _ in $(seq 50); do
	[ -n "$(q "SELECT last_error FROM outbox WHERE recipient = 'tls@exempel.se'")" ] && break
	sleep 0.1
done
ERR=$(q "SELECT last_error FROM outbox WHERE recipient = 'tls@exempel.se'")
check "with a password, no STARTTLS: the mail waits with the reason ($ERR)" test -n "$ERR"
sleep 1
assert_eq "... and the relay got nothing" "$(mails_to tls@exempel.se)" 0

done_testing

#!/usr/bin/env bash
# t0073-mail-schedule.sh -- mail that goes by the clock, with no reader:
# a scheduled article's mail leaves when its time comes (the master's
# mail process notices; no page is asked for), not before; a scheduled
# article taken back to draft before its time sends nothing; the daily
# digest at 07.00 Stockholm time carries the day's articles a daily
# subscriber chose, once, in one mail.
TEST_CLOCK=1
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/mail_lib.sh"

smtp_start
trap 'smtp_stop; site_stop' EXIT
site_start
trap 'smtp_stop; site_stop' EXIT
staff_user_add red redaktor
staff_signin red
subscribe_confirmed eva@exempel.se alla direkt
subscribe_confirmed dora@exempel.se alla dag
wait_mail eva@exempel.se 1 || true
wait_mail dora@exempel.se 1 || true

# local DATE TIME of now + SECONDS (Stockholm)
local_at() {
	/usr/bin/python3 -c 'import sys, time, datetime, zoneinfo
t = datetime.datetime.fromtimestamp(time.time() + int(sys.argv[1]), zoneinfo.ZoneInfo("Europe/Stockholm"))
print(t.strftime("%Y-%m-%d %H:%M"))' "$1"
}
# schedule TITLE SLUG SECONDS: a news article scheduled SECONDS ahead.
schedule() {
	local at
	at=$(local_at "$3")
	staff_request red POST /admin/artiklar --data-urlencode "action=schemalagg" \
	    --data-urlencode "version=0" --data-urlencode "kind=nyhet" \
	    --data-urlencode "title=$1" --data-urlencode "slug=$2" \
	    --data-urlencode "lead=Ingress." --data-urlencode "body=Text." \
	    --data-urlencode "lang=sv" --data-urlencode "pub_date=${at% *}" \
	    --data-urlencode "pub_time=${at#* }"
	[ "$STATUS" = 303 ] || bail "scheduling $1: $STATUS"
	ARTICLE_ID=$(header Location | sed -n 's|.*/admin/artiklar/\([0-9]*\).*|\1|p')
}

schedule "Planerad nyhet" planerad 7200
A1=$ARTICLE_ID
schedule "Återkallad nyhet" aterkallad 7200
A2=$ARTICLE_ID
assert_eq "nothing in the outbox before the time" "$(q "SELECT count(*) FROM outbox WHERE article_id IN ($A1, $A2)")" 0
sleep 2
assert_eq "nothing sent before the time" "$(mails_to eva@exempel.se)" 1

V=$(form_version red "$A2")
staff_request red POST "/admin/artiklar/$A2" --data-urlencode "action=utkast" \
    --data-urlencode "version=$V" --data-urlencode "kind=nyhet" \
    --data-urlencode "title=Återkallad nyhet" --data-urlencode "slug=aterkallad" \
    --data-urlencode "lead=Ingress." --data-urlencode "body=Text." --data-urlencode "lang=sv"
assert_status 303

# The clock moves past the time; nobody asks for a page.
NGINX_REQS=$(wc -l <"$T/nginx/access.log" 2>/dev/null || echo 0)
q "INSERT OR REPLACE INTO setting (key, value) VALUES ('test_clock_offset', '7300')"
check "the scheduled article's mail goes at its time" wait_mail eva@exempel.se 2 15
assert_eq "with no request in between" "$(wc -l <"$T/nginx/access.log" 2>/dev/null || echo 0)" "$NGINX_REQS"
assert_eq "it is the planned article" "$(mail_header "$(mail_file eva@exempel.se)" Subject)" "Planerad nyhet"
sleep 2
assert_eq "nothing for the one taken back" "$(mails_to eva@exempel.se)" 2

# --- the digest at the next 07.00 after the article ----------------------------
OFF=$(/usr/bin/python3 -c 'import time, datetime, zoneinfo
z = zoneinfo.ZoneInfo("Europe/Stockholm")
now = time.time() + 7300
t = datetime.datetime.fromtimestamp(now, z)
d = t.replace(hour=7, minute=1, second=0, microsecond=0)
if d.timestamp() <= now:
    d += datetime.timedelta(days=1)
print(int(d.timestamp() - time.time()))')
q "INSERT OR REPLACE INTO setting (key, value) VALUES ('test_clock_offset', '$OFF')"
check "the daily subscriber gets a digest" wait_mail dora@exempel.se 2 15
F=$(mail_file dora@exempel.se)
case $(mail_header "$F" Subject) in "Nyheter "*) pass "digest subject";; *) fail "digest subject: $(mail_header "$F" Subject)";; esac
TXT=$(mail_part "$F" text/plain)
check "it lists the day's article" sh -c "printf '%s' \"\$1\" | grep -q 'Planerad nyhet'" _ "$TXT"
check "not the one taken back" sh -c "! printf '%s' \"\$1\" | grep -q 'Återkallad'" _ "$TXT"
sleep 2
assert_eq "one digest a day" "$(mails_to dora@exempel.se)" 2
assert_eq "the direct subscriber gets no digest" "$(mails_to eva@exempel.se)" 2

done_testing

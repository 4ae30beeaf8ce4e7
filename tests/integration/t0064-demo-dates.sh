#!/usr/bin/env bash
# t0064-demo-dates.sh -- the demo content is dated in the past: no
# article, revision, topic or contact was created or saved after the
# moment the demo was loaded (only a scheduled publish time may lie
# ahead), so the editor never says "Senast sparad 15 januari 2030".
. "$(dirname "$0")/lib.sh"

site_start
staff_user_add rita redaktor
staff_signin rita

NOW=$(date +%s)
for t in article topic contact; do
	assert_eq "no $t created or saved in the future" \
	    "$(q "SELECT count(*) FROM $t WHERE created_at > $NOW OR updated_at > $NOW")" 0
done
assert_eq "no revision saved in the future" \
    "$(q "SELECT count(*) FROM article_revision WHERE saved_at > $NOW")" 0
assert_eq "the scheduled press release is still scheduled" \
    "$(q "SELECT count(*) FROM article WHERE status = 'publicerad' AND publish_at > $NOW")" 1
SID=$(q "SELECT id FROM article WHERE status = 'publicerad' AND publish_at > $NOW")
staff_request rita GET "/admin/artiklar/$SID"
assert_status 200
assert_body_contains "Senast sparad 29 mars 2021"
staff_request rita GET "/admin/artiklar"
assert_body_lacks "2030</time>"

done_testing

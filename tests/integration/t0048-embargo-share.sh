#!/usr/bin/env bash
# t0048-embargo-share.sh -- an embargo preview page's sharing data (Open
# Graph og:url, the canonical link, the NewsArticle microdata's url)
# names the article's public address, /nyheter/SLUG on the base URL, the
# one it will have once published; never "(null)".  The page sends no
# Referer anywhere (Referrer-Policy: no-referrer): its address is the
# secret.
. "$(dirname "$0")/lib.sh"
site_start
staff_user_add rita redaktor
staff_signin rita

staff_request rita POST /admin/artiklar --data-urlencode action=utkast \
    --data-urlencode version=0 --data-urlencode kind=nyhet \
    --data-urlencode "title=Budget under embargo" \
    --data-urlencode slug=budget-under-embargo \
    --data-urlencode "lead=Ingress." --data-urlencode "body=Brödtext." \
    --data-urlencode lang=sv
assert_status 303
ID=$(header Location | sed -n 's|.*/admin/artiklar/\([0-9]*\).*|\1|p')
staff_request rita POST "/admin/artiklar/$ID/forhandslank" \
    --data-urlencode giltig=3 -c "$T/rita.jar"
assert_status 303
# Valid for 1, 3 or 7 days, written as the form's radios write them.
for d in 2 03 +7 x ''; do
	staff_request rita POST "/admin/artiklar/$ID/forhandslank" \
	    --data-urlencode "giltig=$d"
	assert_status 400
done
assert_eq "one link made" "$(q "SELECT count(*) FROM preview_link WHERE article_id = $ID")" 1
staff_request rita GET "/admin/artiklar/$ID?klart=forhandslank" -c "$T/rita.jar"
assert_status 200
TOKEN=$(printf '%s' "$BODY" | grep -o '/forhandsvisning/[A-Za-z0-9_-]*' |
    head -n 1 | sed 's|.*/||')
check "a preview link (${#TOKEN} chars)" test "${#TOKEN}" = 43

get "/forhandsvisning/$TOKEN"
assert_status 200
assert_body_contains "Under embargo"
assert_body_lacks "(null)"
url=$BASE/nyheter/budget-under-embargo
assert_body_contains "<link itemprop=\"url mainEntityOfPage\" href=\"$url\">"
assert_body_contains "<meta property=\"og:url\" content=\"$url\">"
assert_body_contains "<link rel=\"canonical\" href=\"$url\">"
assert_body_contains '<meta name="robots" content="noindex">'
# The address is the secret: no click from the page carries it as a
# Referer, and there is one policy, not nginx's beside Pressrum's.
assert_header Referrer-Policy '^no-referrer$'
assert_eq "one Referrer-Policy" "$(header Referrer-Policy | wc -l)" 1
get "/forhandsvisning/finnsinte0000000000000000000000000000000000"
assert_status 410
assert_header Referrer-Policy '^no-referrer$'
get /nyheter
assert_header Referrer-Policy '^strict-origin-when-cross-origin$'
done_testing

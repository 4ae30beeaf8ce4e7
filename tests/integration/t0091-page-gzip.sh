#!/usr/bin/env bash
# t0091-page-gzip.sh -- public page files are also written gzipped
# (PATH/index.html.gz, src/cache/pagefiles.c), and nginx sends that file
# to a client that takes gzip (gzip_static), without Pressrum and
# without compressing anything itself: the same bytes, fewer on the wire.
. "$(dirname "$0")/lib.sh"

site_start
P=/nyheter
file=$T/pages/current$P/index.html
for ((i = 0; i < 30; i++)); do	# a file once its date is a second old
	get $P
	[ -f "$file.gz" ] && break
	sleep 0.2
done
check "Pressrum wrote $P gzipped next to the page" test -f "$file.gz"
check "the gzipped file holds the page" \
    sh -c "gzip -dc '$file.gz' | cmp -s - '$file'"
n=$(grep -c "GET $P " "$T/server.log")
get $P -H 'Accept-Encoding: gzip' 2>/dev/null
assert_status 200
assert_header Content-Encoding '^gzip$'
assert_header Content-Length "^$(stat -c %s "$file.gz")\$"
assert_header Vary 'Accept-Encoding'
assert_header Cache-Control '^public, max-age=0, must-revalidate$'
assert_header Surrogate-Control '^max-age=60$'
check "the gzipped answer is the page" \
    sh -c "gzip -dc '$T/body' | cmp -s - '$file'"
get $P
assert_no_header Content-Encoding
assert_body_contains '<h1>Nyheter och pressmeddelanden</h1>'
check "nginx answered both from the files" \
    test "$(grep -c "GET $P " "$T/server.log")" = "$n"
done_testing

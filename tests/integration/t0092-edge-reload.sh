#!/usr/bin/env bash
# t0092-edge-reload.sh -- a template reload (SIGHUP) purges the edge:
# a page Varnish keeps shows the new templates within 3 s (the reload,
# then the purge and its second purge; src/cli/serve.c, edges.c).  An
# edge that is down (nothing listening) does not stop the site or the
# reload, and is purged once it is there.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/varnish.sh"

TEMPLATES=$(mktemp -d "${TMPDIR:-/tmp}/pressrum-tmpl.XXXXXX")
cp "$PRESSRUM_SRC"/templates/* "$TEMPLATES/"
export TEMPLATES
VPORT=$(free_port)
export PRESSRUM_PURGE_URLS="http://127.0.0.1:$VPORT/"
site_start
trap 'varnish_stop; site_stop; rm -rf "$TEMPLATES"' EXIT

# The edge is not there yet: the site answers, the reload goes through.
sed -i 's|<p class="footer-org">|<p class="footer-org" data-v="ett">|' "$TEMPLATES/foot.html"
kill -HUP "$SERVER_PID"
sleep 0.5
get /nyheter
assert_status 200
assert_body_contains 'data-v="ett"'

varnish_start "$PORT" "$VPORT" || bail "varnishd did not start"
for ((i = 0; i < 50; i++)); do
	grep -q "edge .* answers again" "$T/server.log" && break
	sleep 0.1
done
check "the edge that was down is purged once it answers" \
    grep -q "edge .* answers again" "$T/server.log"
sleep 1.2		# past the second purge
get "$VBASE/nyheter"
get "$VBASE/nyheter"
assert_header X-Cache '^HIT$'
assert_body_contains 'data-v="ett"'

sed -i 's|data-v="ett"|data-v="tva"|' "$TEMPLATES/foot.html"
kill -HUP "$SERVER_PID"
ok=0
for ((i = 0; i < 30; i++)); do
	get "$VBASE/nyheter"
	[[ $BODY == *'data-v="tva"'* ]] && { ok=1; break; }
	sleep 0.1
done
check "after a template reload the edge shows the new templates within 3 s" \
    test "$ok" = 1
done_testing

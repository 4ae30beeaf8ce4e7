# shellcheck shell=bash
# varnish.sh -- Varnish (Debian's varnishd 7) with deploy/varnish.vcl in
# front of a site, for the edge tests (t009x) and bench/edge.sh.
#
# varnish_start BACKEND_PORT VPORT: varnishd on 127.0.0.1:VPORT with the
# project's VCL, its backend moved to 127.0.0.1:BACKEND_PORT, in the
# foreground (-F) so VARNISH_PID is the manager's; waits until it
# answers.  varnishd drops privileges, so the VCL and its work dir sit
# in a 0755 dir of their own ($VT), not in a 0700 mktemp dir.
# varnish_stop: stop it by PID, remove $VT.  VCL=FILE: another VCL.
VARNISH_PID="" VT=""

varnish_start() {
	local backend=$1 vport=$2 i
	command -v varnishd >/dev/null ||
	    { echo "# varnishd is not installed"; exit 77; }
	VT=$(mktemp -d "${TMPDIR:-/tmp}/pressrum-varnish.XXXXXX")
	chmod 0755 "$VT"
	sed "s/\.port = \"8080\"/.port = \"$backend\"/" \
	    "${VCL:-$PRESSRUM_SRC/deploy/varnish.vcl}" >"$VT/site.vcl"
	chmod 0644 "$VT/site.vcl"
	varnishd -F -a "127.0.0.1:$vport" -f "$VT/site.vcl" -n "$VT/work" \
	    -T none -s malloc,64m -p thread_pools=1 \
	    </dev/null >"$VT/varnish.log" 2>&1 &
	VARNISH_PID=$!
	VBASE=http://127.0.0.1:$vport
	for ((i = 0; i < 100; i++)); do
		curl -s -o /dev/null --max-time 1 "$VBASE/" && return 0
		kill -0 "$VARNISH_PID" 2>/dev/null || break
		sleep 0.1
	done
	cat "$VT/varnish.log"
	echo "# varnishd did not start"
	return 1
}

varnish_stop() {
	if [ -n "$VARNISH_PID" ]; then
		kill -TERM "$VARNISH_PID" 2>/dev/null
		wait "$VARNISH_PID" 2>/dev/null
	fi
	VARNISH_PID=""
	[ -n "$VT" ] && rm -rf "$VT"
	VT=""
}

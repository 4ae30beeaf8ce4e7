#!/usr/bin/env bash
# render-nginx-conf.sh -- turn deploy/nginx-dev.conf.in into a runnable
# nginx.conf for a private, unprivileged nginx in front of pressrum.
#
# Used by ./dev run and by tests/integration/lib.sh, so the development
# server and the tests go through exactly the same nginx configuration.
#
# Usage: render-nginx-conf.sh PORT SOCKET PUBLIC_DIR PREFIX [PAGE_DIR [MEDIA_DIR]]
#        > nginx.conf
#   PORT        loopback port nginx listens on (127.0.0.1 only)
#   SOCKET      pressrum's FastCGI socket: a unix socket path, or HOST:PORT
#   PUBLIC_DIR  directory of static files (public/)
#   PREFIX      nginx prefix: pid file, logs and temp dirs go here
#   PAGE_DIR    pressrum serve --page-dir: pages nginx serves as files
#   MEDIA_DIR   pressrum serve --media-dir: picture files under /media/
# Relative paths are made absolute.  Exits non-zero on a bad argument or
# a placeholder left unreplaced.
set -euo pipefail

if [ $# -lt 4 ] || [ $# -gt 6 ]; then
	echo "usage: $0 PORT SOCKET PUBLIC_DIR PREFIX [PAGE_DIR [MEDIA_DIR]]" >&2
	exit 2
fi
port=$1 socket=$2 public=$3 prefix=$4 pages=${5:-} media=${6:-}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
template=$here/nginx-dev.conf.in

case $port in
''|*[!0-9]*) echo "$0: bad port '$port'" >&2; exit 2 ;;
esac
abspath() {
	case $1 in
	/*) printf '%s\n' "$1" ;;
	*) printf '%s/%s\n' "$PWD" "$1" ;;
	esac
}
public=$(cd "$public" && pwd)
prefix=$(abspath "$prefix")
# Without PAGE_DIR (pressrum serve without --page-dir) nginx looks in a
# directory that never exists and asks Pressrum every time.
pages=$(abspath "${pages:-$prefix/no-page-files}")
media=$(abspath "${media:-$prefix/no-media-files}")
case $socket in
/*|./*|../*|*/*) upstream=unix:$(abspath "$socket") ;;
*:*) upstream=$socket ;;
*) upstream=unix:$(abspath "$socket") ;;
esac

# nginx started as root would run its workers as "nobody", who can neither
# reach a socket in a private temp dir nor write the prefix: keep them as
# the invoking user.  Unprivileged, the directive is not wanted at all.
if [ "$(id -u)" -eq 0 ]; then
	user_line="user root root;"
else
	user_line="# (not root: workers run as $(id -un))"
fi

conf=$(<"$template")
# Quoted replacements: no '&' or '\' expansion from patsub_replacement.
conf=${conf//@PORT@/"$port"}
conf=${conf//@UPSTREAM@/"$upstream"}
conf=${conf//@PUBLIC_DIR@/"$public"}
conf=${conf//@PAGE_DIR@/"$pages"}
conf=${conf//@MEDIA_DIR@/"$media"}
conf=${conf//@PREFIX@/"$prefix"}
conf=${conf//@USER_LINE@/"$user_line"}
if [[ $conf =~ @[A-Z_]+@ ]]; then
	echo "$0: unreplaced placeholder ${BASH_REMATCH[0]} in $template" >&2
	exit 1
fi
printf "# Generated from %s -- edit that file, not this one.\n%s\n" "$template" "$conf"

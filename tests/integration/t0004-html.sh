#!/usr/bin/env bash
# t0004-html.sh -- the public pages are well-formed HTML (tidy reports no
# errors) with the landmarks a screen reader relies on: one <main>, one
# <h1>, a non-empty <title>.  Every page answers 200 (only /finns-inte
# and a subscription link with an unknown token are 404).  Warnings are shown but do not fail.
. "$(dirname "$0")/lib.sh"
site_start

PAGES="/ /nyheter /nyheter?sida=2 /nyheter?ar=2021
/nyheter/fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid
/amnen/jamstalldhet /kontakt /sok?q=jämställdhet /prenumerera
/prenumerera/bekrafta/okand /prenumerera/avsluta/okand /finns-inte"

count() {
	printf '%s' "$BODY" | grep -oiE "$1" | grep -c .
}

for path in $PAGES; do
	get "$path"
	want=200
	case $path in /finns-inte|*/okand) want=404 ;; esac
	if [ "$STATUS" = "$want" ]; then
		pass "$LAST_URL answers $STATUS"
	else
		fail "$LAST_URL -> $STATUS, want $want"
		continue
	fi
	tidy -q -e --gnu-emacs yes "$T/body" >"$T/tidy.out" 2>&1
	rc=$?
	if [ "$rc" -ge 2 ]; then
		fail "$path: tidy finds errors"
		grep -i error "$T/tidy.out" | head -n 10 | sed 's/^/#   /'
	else
		pass "$path: tidy finds no errors"
	fi
	check "$path: one <main>" test "$(count '<main[ >]')" -eq 1
	check "$path: one <h1>" test "$(count '<h1[ >]')" -eq 1
	check "$path: a non-empty <title>" \
	    test "$(count '<title>[^<]+</title>')" -eq 1
done

done_testing

#!/usr/bin/env bash
# t0025-crash.sh -- crash safety of saves: an editor publishes and edits
# articles in a loop while (1) workers are killed with SIGKILL at random
# moments (the master starts new ones), then (2) the whole process tree
# (master and workers) is killed with SIGKILL a few times and the server
# restarted on the same database.  After each phase: PRAGMA
# integrity_check is ok, and every save that was acknowledged (the 303
# reached curl) is in the database: the article row (or a later save of
# it), its revision row and its audit row; every article's revisions and
# audit rows match its version (no half-written save).
#
# Bounded: each phase runs CRASH_SECS seconds (default 20) and at most
# CRASH_MAX_SAVES saves; everything is on 127.0.0.1 and every process is
# stopped by PID.
. "$(dirname "$0")/lib.sh"

SECS=${CRASH_SECS:-20}
MAX_SAVES=${CRASH_MAX_SAVES:-3000}
EDITOR=krasch

# nap MS: sleep without a fork (a read that times out on a fifo nobody
# writes), for the polling in aim.
nap() {
	read -r -t "0.$(printf '%03d' "$1")" -u "$NAP" || true
}

# aim PHASE: half the time, wait (at most 1 s) until a save of PHASE is
# in flight, then watch the workers (a busy loop, at most 1.5 s, ended
# by the save's answer) until one is running (its wchan is 0: not
# waiting for a connection or for bytes), wait a random 0-20 ms more
# and set TARGET to that worker: the kill lands inside the save, or
# just after its commit, before or after the answer went out.  The
# other half, and when no worker was seen running, TARGET is empty and
# the kill lands at a purely random moment.
aim() {
	local i k w end
	TARGET=""
	[ $((RANDOM % 2)) = 0 ] && return 0
	for ((i = 0; i < 100; i++)); do
		[ -s "$T/$1.posting" ] && break
		nap 10
	done
	mapfile -t KIDS < <(children "$SERVER_PID")
	end=$((${EPOCHREALTIME/[.,]/} + 1500000))
	while [ -s "$T/$1.posting" ] && ((${EPOCHREALTIME/[.,]/} < end)); do
		for k in "${KIDS[@]}"; do
			w=""
			read -r w <"/proc/$k/wchan" 2>/dev/null  # no newline
			[ "$w" = 0 ] || continue
			# A random moment of the next 0-20 ms.
			end=$((${EPOCHREALTIME/[.,]/} + RANDOM % 20001))
			while ((${EPOCHREALTIME/[.,]/} < end)); do :; done
			TARGET=$k
			return 0
		done
	done
}

# A random pause of LO..HI milliseconds.
pause_ms() {
	local ms=$(($1 + RANDOM % ($2 - $1 + 1)))
	sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
}

# save_loop PHASE STOPFILE END: publish new articles and edit existing
# ones until STOPFILE exists or the clock passes END (epoch seconds).
# Every third save carries a long body (about 150 kB: a save that takes
# the server longer, so that more kills land inside one).  Runs in the
# background; writes, tab-separated,
#   $T/PHASE.try  kind id seq title marker   before every save
#   $T/PHASE.ack  kind id seq version title marker   after every 303
#   $T/PHASE.status  the status of every save, one a line
# and keeps $T/PHASE.posting non-empty while a save is in flight.
save_loop() {
	local phase=$1 stop=$2 end=$3 seq=0 id v title slug marker kind
	local ids=() path
	declare -A slug_of=()

	trap - EXIT
	while [ ! -e "$stop" ] && [ "$EPOCHSECONDS" -lt "$end" ] &&
	    [ "$seq" -lt "$MAX_SAVES" ]; do
		seq=$((seq + 1))
		marker="[mk-$phase-$seq]"
		{
			[ $((seq % 3)) = 0 ] && cat "$T/long.md"
			printf 'Brödtext för kraschtestet, sparning %d. %s\n' \
			    "$seq" "$marker"
		} >"$T/$phase.body"
		if [ "${#ids[@]}" -lt 3 ] || [ $((RANDOM % 2)) = 0 ]; then
			kind=new id=0 v=0 path=/admin/artiklar
			title="Kraschtest $phase $seq"
			slug="kraschtest-$phase-$seq"
		else
			kind=edit id=${ids[RANDOM % ${#ids[@]}]}
			path=/admin/artiklar/$id
			staff_request "$EDITOR" GET "$path"
			printf 'GET %s\n' "$STATUS" >>"$T/$phase.status"
			[ "$STATUS" = 200 ] || continue
			v=$(printf '%s' "$BODY" |
			    grep -o 'name="version" value="[0-9]*"' | head -n 1 |
			    grep -o '[0-9]*"$' | tr -d '"')
			[ -n "$v" ] || continue
			title="Kraschtest $phase $seq ändrad"
			slug=${slug_of[$id]}
		fi
		printf '%s\t%d\t%d\t%s\t%s\n' "$kind" "$id" "$seq" "$title" \
		    "$marker" >>"$T/$phase.try"
		echo "$seq" >"$T/$phase.posting"
		staff_request "$EDITOR" POST "$path" \
		    --data-urlencode "action=$([ $kind = new ] &&
			echo publicera || echo spara)" \
		    --data-urlencode "version=$v" --data-urlencode "kind=nyhet" \
		    --data-urlencode "title=$title" --data-urlencode "slug=$slug" \
		    --data-urlencode "lead=Ingress $seq." \
		    --data-urlencode "body@$T/$phase.body" \
		    --data-urlencode "lang=sv"
		: >"$T/$phase.posting"
		printf 'POST %s\n' "$STATUS" >>"$T/$phase.status"
		[ "$STATUS" = 303 ] || continue
		if [ "$kind" = new ]; then
			id=$(header Location |
			    sed -n 's|.*/admin/artiklar/\([0-9]*\).*|\1|p')
			[ -n "$id" ] || continue
			ids+=("$id")
			slug_of[$id]=$slug
		fi
		printf '%s\t%d\t%d\t%d\t%s\t%s\n' "$kind" "$id" "$seq" \
		    $((v + 1)) "$title" "$marker" >>"$T/$phase.ack"
	done
}

# start_saver PHASE: save_loop in the background for SECS + 10 s at most;
# sets SAVER_PID.
start_saver() {
	: >"$T/$1.try"
	: >"$T/$1.ack"
	: >"$T/$1.status"
	rm -f "$T/$1.stop"
	save_loop "$1" "$T/$1.stop" $((EPOCHSECONDS + SECS + 10)) &
	SAVER_PID=$!
}

# stop_saver PHASE: ask the loop to stop after its current save.
stop_saver() {
	touch "$T/$1.stop"
	wait_exit "$SAVER_PID" 30
	case $? in
	124) fail "$1: the save loop did not stop"; stop_pid "$SAVER_PID" ;;
	esac
	SAVER_PID=""
}

# The sqlite3 CLI on an in-memory db with the site's db attached as d
# and the loop's records of PHASE as tables try and ack; SQL on stdin.
records_sql() {
	{
		printf "ATTACH '%s' AS d;\n" "$DB"
		printf 'CREATE TABLE try (kind TEXT, id INTEGER, seq INTEGER, '
		printf 'title TEXT, marker TEXT);\n'
		printf 'CREATE TABLE ack (kind TEXT, id INTEGER, seq INTEGER, '
		printf 'version INTEGER, title TEXT, marker TEXT);\n'
		printf '.mode tabs\n'
		printf '.import %s try\n' "$T/$1.try"
		printf '.import %s ack\n' "$T/$1.ack"
		printf '.mode list\n'
		cat
	} | sqlite3 :memory:
}

# verify PHASE: integrity, and every acknowledged save of PHASE present.
verify() {
	local p=$1 n out id seq title

	out=$(sqlite3 "$DB" 'PRAGMA integrity_check')
	if [ "$out" = ok ]; then
		pass "$p: PRAGMA integrity_check is ok"
	else
		fail "$p: PRAGMA integrity_check: $(printf '%s' "$out" | head -n 5)"
	fi
	out=$(sqlite3 "$DB" 'PRAGMA foreign_key_check')
	if [ -z "$out" ]; then
		pass "$p: PRAGMA foreign_key_check is empty"
	else
		fail "$p: PRAGMA foreign_key_check: $(printf '%s' "$out" | head -n 5)"
	fi

	n=$(wc -l <"$T/$p.ack")
	check "$p: saves were acknowledged ($n)" test "$n" -ge 5
	printf '# %s: %s saves tried, %s acknowledged; statuses: %s\n' "$p" \
	    "$(wc -l <"$T/$p.try")" "$n" \
	    "$(sort "$T/$p.status" | uniq -c |
	    awk '{ printf "%s %s×%s  ", $2, $3, $1 }')"

	out=$(records_sql "$p" <<'EOF'
SELECT 'new article missing: ' || a.id || ' ' || a.title FROM ack a
 WHERE a.kind = 'new' AND NOT EXISTS (SELECT 1 FROM d.article r
   WHERE r.id = a.id AND r.status = 'publicerad'
     AND r.slug = 'kraschtest-' || substr(a.marker, 5, length(a.marker) - 5));
SELECT 'revision missing: ' || a.id || ' v' || a.version || ' ' || a.marker
  FROM ack a WHERE NOT EXISTS (SELECT 1 FROM d.article_revision r
   WHERE r.article_id = a.id AND r.version = a.version
     AND r.title = a.title AND instr(r.body_md, a.marker) > 0);
SELECT 'audit row missing: ' || a.id || ' v' || a.version || ' ' || a.marker
  FROM ack a WHERE NOT EXISTS (SELECT 1 FROM d.audit_log l
   WHERE l.object_type = 'article' AND l.object_id = a.id
     AND l.action = CASE a.kind WHEN 'new' THEN 'publicerade' ELSE 'sparade' END
     AND json_extract(l.after_json, '$.version') = a.version
     AND json_extract(l.after_json, '$.title') = a.title
     AND instr(json_extract(l.after_json, '$.body_md'), a.marker) > 0);
SELECT 'article older than its last acknowledged save: ' || r.id
  FROM (SELECT id, max(seq) AS s FROM ack GROUP BY id) m
  JOIN d.article r ON r.id = m.id
 WHERE NOT EXISTS (SELECT 1 FROM try t
   WHERE t.seq >= m.s AND (t.id = r.id OR t.kind = 'new')
     AND t.title = r.title AND instr(r.body_md, t.marker) > 0);
EOF
	)
	if [ -z "$out" ]; then
		pass "$p: every acknowledged save is in the database"
	else
		fail "$p: acknowledged saves lost:"
		printf '%s\n' "$out" | head -n 20 | sed 's/^/#   /'
	fi

	printf '# %s: %s saves not acknowledged but committed (killed after the commit)\n' \
	    "$p" "$(records_sql "$p" <<'EOF'
SELECT count(*) FROM try t WHERE NOT EXISTS (SELECT 1 FROM ack a
  WHERE a.seq = t.seq) AND EXISTS (SELECT 1 FROM d.article_revision r
  WHERE instr(r.body_md, t.marker) > 0);
EOF
	)"

	out=$(sqlite3 "$DB" "SELECT 'article ' || a.id || ' v' || a.version ||
	    ': ' || (SELECT count(*) FROM article_revision r
	             WHERE r.article_id = a.id) || ' revisions, ' ||
	    (SELECT count(*) FROM audit_log l WHERE l.object_type = 'article'
	      AND l.object_id = a.id) || ' audit rows'
	  FROM article a WHERE a.slug LIKE 'kraschtest-$p-%' AND (
	    (SELECT count(*) FROM article_revision r WHERE r.article_id = a.id)
	      <> a.version OR
	    (SELECT max(version) FROM article_revision r
	      WHERE r.article_id = a.id) <> a.version OR
	    (SELECT count(*) FROM audit_log l WHERE l.object_type = 'article'
	      AND l.object_id = a.id) <> a.version)")
	if [ -z "$out" ]; then
		pass "$p: every article has one revision and one audit row per version"
	else
		fail "$p: half-written saves:"
		printf '%s\n' "$out" | head -n 20 | sed 's/^/#   /'
	fi

	# The public site shows the last few acknowledged new articles, with
	# their latest title.
	while IFS=$'\t' read -r _ id seq _; do
		get "/nyheter/kraschtest-$p-$seq"
		assert_status 200
		title=$(sqlite3 "$DB" "SELECT title FROM article WHERE id = $id")
		if [[ $BODY == *"<h1>$title</h1>"* ]]; then
			pass "$LAST_URL shows its title '$title'"
		else
			fail "$LAST_URL lacks its title '$title'"
		fi
	done < <(grep '^new' "$T/$p.ack" | tail -n 3)
}

site_start
python3 -c 'import sys
p = "Ett längre stycke om jämställdhet och kvinnofrid i kommunerna. " * 30
sys.stdout.write((p + "\n\n") * 70)' >"$T/long.md"
mkfifo "$T/nap"
exec {NAP}<>"$T/nap"
staff_user_add "$EDITOR" redaktor
staff_signin "$EDITOR"
check "the editor has a csrf token" test -n "$(staff_csrf "$EDITOR")"
check "the master has 2 workers" test "$(children "$SERVER_PID" | wc -l)" = 2

# --- 1. workers killed at random -----------------------------------------
start_saver w
END=$((EPOCHSECONDS + SECS))
KILLS=0 AIMED=0
while [ "$EPOCHSECONDS" -lt "$END" ]; do
	pause_ms 200 1000
	aim w
	if [ -n "$TARGET" ]; then
		AIMED=$((AIMED + 1))
	else
		mapfile -t KIDS < <(children "$SERVER_PID")
		[ "${#KIDS[@]}" -gt 0 ] || continue
		TARGET=${KIDS[RANDOM % ${#KIDS[@]}]}
	fi
	kill -KILL "$TARGET" 2>/dev/null && KILLS=$((KILLS + 1))
done
stop_saver w
printf '# 1: %d workers killed in %d s (%d of them while running)\n' \
    "$KILLS" "$SECS" "$AIMED"
check "workers were killed ($KILLS)" test "$KILLS" -gt 5
check "the master survived" alive "$SERVER_PID"
for ((i = 0; i < 50; i++)); do
	[ "$(children "$SERVER_PID" | wc -l)" = 2 ] && break
	sleep 0.1
done
check "the master runs 2 workers again" \
    test "$(children "$SERVER_PID" | wc -l)" = 2
check "the master logged the killed workers" \
    grep -q 'killed by signal 9' "$T/server.log"
verify w

# --- 2. the whole tree killed, the server restarted ----------------------------
start_saver t
END=$((EPOCHSECONDS + SECS))
ROUNDS=0
while [ "$EPOCHSECONDS" -lt "$END" ] && [ "$ROUNDS" -lt 6 ]; do
	pause_ms 1500 3500
	aim t
	# Stop the master first so that it forks no worker we do not see.
	kill -STOP "$SERVER_PID"
	mapfile -t KIDS < <(children "$SERVER_PID")
	kill -KILL "$SERVER_PID" "${KIDS[@]}" 2>/dev/null
	wait "$SERVER_PID" 2>/dev/null
	for pid in "${KIDS[@]}"; do
		for ((i = 0; i < 50; i++)); do
			alive "$pid" || break
			sleep 0.1
		done
		alive "$pid" && bail "worker $pid survived SIGKILL"
	done
	ROUNDS=$((ROUNDS + 1))
	pause_ms 100 500
	server_start
done
stop_saver t
printf '# 2: the whole tree killed and restarted %d times in %d s\n' \
    "$ROUNDS" "$SECS"
check "the tree was killed a few times ($ROUNDS)" test "$ROUNDS" -ge 3
verify t

# Both phases' articles are still all there after phase 2.
verify w

get /
assert_status 200
done_testing

/*
 * digest.c -- the daily digest (see digest.h).  A day's run is a row in
 * digest_run made in the same transaction as its mails, so a restart
 * never makes a day twice; the next run starts where the last ended, so
 * no article falls between two digests.
 */
#include <stdio.h>

#include "../render/date.h"
#include "../store/digest.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "compose.h"
#include "digest.h"
#include "queue.h"

#define DAY_S	86400

/* Every reader's digest for [since, until); *made counts them. */
static enum status
make_all(struct store *db, struct arena *ar, const char *base_url,
    const char *day, int64_t since, int64_t until, int64_t *made)
{
	struct digest_reader *r;
	struct mail_article *a;
	struct mail_body b;
	char		 host[256], mid[320];
	size_t		 n, k, i;
	enum status	 st;

	mail_host(base_url, host, sizeof(host));
	if ((st = store_digest_readers(db, ar, &r, &n)) != ST_OK)
		return st;
	for (i = 0; i < n; i++) {
		if ((st = store_digest_articles(db, ar, r[i].id, since, until,
		    &a, &k)) != ST_OK)
			return st;
		if (k == 0)
			continue;
		mail_compose_digest(ar, base_url, date_sv(ar, since), a, k,
		    &b);
		snprintf(mid, sizeof(mid), "d%s.s%lld@%s", day,
		    (long long)r[i].id, host);
		if ((st = store_digest_enqueue(db, &r[i], &b, mid, until)) !=
		    ST_OK)
			return st;
		(*made)++;
	}
	return ST_OK;
}

int64_t
mail_make_digest(struct store *db, struct arena *ar, const char *base_url,
    int64_t now)
{
	const char	*day = date_ymd(ar, now);
	int64_t		 at = date_parse_local(day, DIGEST_HOUR), last, made = 0;
	int		 done;
	enum status	 st;

	if (at < 0 || now < at)
		return 0;
	/* Looked at every second: only read until there is work. */
	if (store_digest_last(db, day, &done, &last) != ST_OK)
		return -1;
	if (done)
		return 0;
	if (store_begin(db) != ST_OK)
		return -1;
	st = store_digest_last(db, day, &done, &last);
	if (st == ST_OK && done) {
		store_rollback(db);
		return 0;
	}
	if (last == 0 || last < at - 7 * DAY_S)
		last = at - DAY_S;
	if (st == ST_OK)
		st = store_digest_run(db, day, last, at);
	if (st == ST_OK)
		st = make_all(db, ar, base_url, day, last, at, &made);
	if (st != ST_OK || store_commit(db) != ST_OK) {
		store_rollback(db);
		return -1;
	}
	return made;
}

/*
 * site.c -- what every page shows around its content: the site notice
 * banner and the site settings (site name, organisation, press line).
 *
 * Strings are copied into the caller's arena.
 */
#include <string.h>

#include "../util/arena.h"
#include "../util/num.h"
#include "store_int.h"

/*
 * The notice active at now (the most recently started one if several).
 * Strings in ar.  ST_OK, ST_NOTFOUND or ST_DBERR.
 */
enum status
store_notice_active(struct store *db, struct arena *ar, int64_t now,
    struct notice *out)
{
	sqlite3_stmt	*q = db->stmt[Q_NOTICE_ACTIVE];
	enum status	 st = ST_DBERR;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if (bind_int64(q, ":now", now) != SQLITE_OK)
		goto out;
	if ((rc = sqlite3_step(q)) == SQLITE_DONE)
		st = ST_NOTFOUND;
	else if (rc == SQLITE_ROW) {
		out->text = column_text(ar, q, 0);
		out->link_text = column_text(ar, q, 1);
		out->link_url = column_text(ar, q, 2);
		st = ST_OK;
	}
out:
	if (st == ST_DBERR)
		store_log_error(db, Q_NOTICE_ACTIVE);
	stmt_done(q);
	return st;
}

/*
 * A site setting by key.  *val in ar.  ST_OK, ST_NOTFOUND (unset) or
 * ST_DBERR.
 */
enum status
store_setting(struct store *db, struct arena *ar, const char *key,
    const char **val)
{
	sqlite3_stmt	*q = db->stmt[Q_SETTING_GET];
	enum status	 st = ST_DBERR;
	int		 rc;

	*val = NULL;
	if (bind_text(q, ":key", key) != SQLITE_OK)
		goto out;
	if ((rc = sqlite3_step(q)) == SQLITE_DONE)
		st = ST_NOTFOUND;
	else if (rc == SQLITE_ROW) {
		*val = column_text(ar, q, 0);
		st = ST_OK;
	}
out:
	if (st == ST_DBERR)
		store_log_error(db, Q_SETTING_GET);
	stmt_done(q);
	return st;
}

int64_t
store_test_clock_offset(struct store *db, struct arena *ar)
{
	const char	*v;
	int64_t		 off = 0;

	if (store_setting(db, ar, "test_clock_offset", &v) == ST_OK)
		(void)num_parse_int(v, INT64_MIN / 2, INT64_MAX / 2, &off);
	return off;
}

/*
 * change.c -- when the public pages last changed, for HTTP
 * Last-Modified (pages/layout.c hands it to the response).
 *
 * Triggers keep site_change.at at the time of the last write to any
 * table a public page shows (sql/migrations/0002_search.sql); changes
 * that happen by the clock alone (a scheduled article's publish time, a
 * notice's start or end) are read from their own rows.
 */
#include "search.h"
#include "store_int.h"

/*
 * The newest moment the public pages may have changed at now, into
 * *out.  ST_OK or ST_DBERR (logged; *out is then 0).
 */
enum status
store_last_change(struct store *db, int64_t now, int64_t *out)
{
	sqlite3_stmt	*q = db->stmt[Q_SITE_LAST_CHANGE];
	enum status	 st = ST_DBERR;

	*out = 0;
	if (bind_int64(q, ":now", now) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW) {
		*out = sqlite3_column_int64(q, 0);
		st = ST_OK;
	} else
		store_log_error(db, Q_SITE_LAST_CHANGE);
	stmt_done(q);
	return st;
}

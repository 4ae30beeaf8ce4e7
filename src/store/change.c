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

/*
 * The page cache's view of the database at now: *seq changes with every
 * write a public page could show, *until is the next moment a page
 * changes by the clock alone (INT64_MAX: none planned).  Call it inside
 * the read transaction the page is rendered in.  ST_OK or ST_DBERR.
 */
enum status
store_cache_state(struct store *db, int64_t now, int64_t *seq,
    int64_t *until)
{
	sqlite3_stmt	*q = db->stmt[Q_CACHE_STATE];
	enum status	 st = ST_DBERR;

	if (bind_int64(q, ":now", now) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW) {
		*seq = sqlite3_column_int64(q, 0);
		*until = sqlite3_column_int64(q, 1);
		st = ST_OK;
	} else
		store_log_error(db, Q_CACHE_STATE);
	stmt_done(q);
	return st;
}

/*
 * audit.c -- the audit log: who did what to which thing, and when.
 *
 * Writers call store_audit() inside the transaction of the change it
 * records, so a change and its audit row land together or not at all.
 */
#include <string.h>
#include "../util/clock.h"

#include "../util/arena.h"
#include "store_int.h"

enum status
store_audit(struct store *db, int64_t account_id, const char *action,
    const char *object_type, int64_t object_id, const char *summary,
    const char *before_json, const char *after_json)
{
	sqlite3_stmt	*q = db->stmt[Q_AUDIT_INSERT];
	enum status	 st = ST_DBERR;

	if (bind_int64(q, ":at", clock_now()) != SQLITE_OK ||
	    (account_id > 0 ? bind_int64(q, ":account_id", account_id) :
	    bind_null(q, ":account_id")) != SQLITE_OK ||
	    bind_text(q, ":action", action) != SQLITE_OK ||
	    bind_text(q, ":object_type", object_type) != SQLITE_OK ||
	    bind_int64(q, ":object_id", object_id) != SQLITE_OK ||
	    bind_text(q, ":summary", summary ? summary : "") != SQLITE_OK ||
	    bind_text(q, ":before_json", before_json) != SQLITE_OK ||
	    bind_text(q, ":after_json", after_json) != SQLITE_OK)
		goto out;
	if (sqlite3_step(q) == SQLITE_DONE)
		st = ST_OK;
out:
	if (st != ST_OK)
		store_log_error(db, Q_AUDIT_INSERT);
	stmt_done(q);
	return st;
}

static enum status
audit_total(struct store *db, const char *object_type, int64_t *total)
{
	sqlite3_stmt	*q = db->stmt[Q_AUDIT_COUNT];
	enum status	 st = ST_DBERR;

	if (bind_text(q, ":object_type", object_type) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW) {
		*total = sqlite3_column_int64(q, 0);
		st = ST_OK;
	} else
		store_log_error(db, Q_AUDIT_COUNT);
	stmt_done(q);
	return st;
}

enum status
store_audit_list(struct store *db, struct arena *ar, const char *object_type,
    size_t limit, size_t offset, struct audit_entry **out, size_t *n,
    int64_t *total)
{
	sqlite3_stmt		*q = db->stmt[Q_AUDIT_LIST];
	struct audit_entry	*v = NULL, *e;
	size_t			 cap = 0;
	enum status		 st = ST_DBERR;
	int			 rc;

	*out = NULL;
	*n = 0;
	if (audit_total(db, object_type, total) != ST_OK)
		return ST_DBERR;
	if (bind_text(q, ":object_type", object_type) != SQLITE_OK ||
	    bind_int64(q, ":limit", (int64_t)limit) != SQLITE_OK ||
	    bind_int64(q, ":offset", (int64_t)offset) != SQLITE_OK)
		goto out;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		v = arena_grow(ar, v, *n, &cap, sizeof(*v));
		e = &v[(*n)++];
		e->id = sqlite3_column_int64(q, 0);
		e->at = sqlite3_column_int64(q, 1);
		e->who = column_text(ar, q, 2);
		e->action = column_text(ar, q, 3);
		e->object_type = column_text(ar, q, 4);
		e->object_id = sqlite3_column_int64(q, 5);
		e->summary = column_text(ar, q, 6);
		e->before_json = column_text(ar, q, 7);
		e->after_json = column_text(ar, q, 8);
	}
	if (rc == SQLITE_DONE) {
		*out = v;
		st = ST_OK;
	}
out:
	if (st != ST_OK)
		store_log_error(db, Q_AUDIT_LIST);
	stmt_done(q);
	return st;
}

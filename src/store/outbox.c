/*
 * outbox.c -- the mail outbox as the master's sender reads it: the next
 * due mail, and marking it sent or for another try, each in its own
 * short transaction.
 */
#include <string.h>

#include "store_int.h"
#include "subscribe.h"

enum status
store_outbox_next(struct store *db, struct arena *ar, int64_t now,
    struct outbox_mail *out)
{
	sqlite3_stmt	*q = db->stmt[Q_OUTBOX_DUE];
	enum status	 st = ST_DBERR;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if (bind_int64(q, ":now", now) == SQLITE_OK) {
		rc = sqlite3_step(q);
		if (rc == SQLITE_ROW) {
			out->id = sqlite3_column_int64(q, 0);
			out->m.recipient = column_text(ar, q, 1);
			out->m.subject = column_text(ar, q, 2);
			out->m.body_text = column_text(ar, q, 3);
			out->m.body_html = column_text(ar, q, 4);
			out->m.unsub_token = column_text(ar, q, 5);
			out->m.message_id = column_text(ar, q, 6);
			out->attempts = sqlite3_column_int(q, 7);
			out->created_at = sqlite3_column_int64(q, 8);
			st = ST_OK;
		} else if (rc == SQLITE_DONE)
			st = ST_NOTFOUND;
		else if (rc == SQLITE_BUSY)
			st = ST_BUSY;
	}
	if (st == ST_DBERR)
		store_log_error(db, Q_OUTBOX_DUE);
	stmt_done(q);
	return st;
}

/* Run the bound write id in a transaction of its own. */
static enum status
write_alone(struct store *db, enum query_id id, int rc)
{
	enum status	 st;

	if ((st = store_begin(db)) != ST_OK) {
		stmt_done(db->stmt[id]);
		return st;
	}
	if ((st = stmt_write(db, id, rc)) != ST_OK) {
		store_rollback(db);
		return st;
	}
	return store_commit(db);
}

enum status
store_outbox_sent(struct store *db, int64_t id, int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_OUTBOX_SENT];
	int		 rc;

	rc = bind_int64(q, ":id", id);
	if (rc == SQLITE_OK)
		rc = bind_int64(q, ":now", now);
	return write_alone(db, Q_OUTBOX_SENT, rc);
}

enum status
store_outbox_retry(struct store *db, int64_t id, int64_t next,
    const char *error, int max_attempts)
{
	sqlite3_stmt	*q = db->stmt[Q_OUTBOX_RETRY];
	int		 rc;

	rc = bind_int64(q, ":id", id);
	if (rc == SQLITE_OK)
		rc = bind_int64(q, ":next", next);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":error", error);
	if (rc == SQLITE_OK)
		rc = bind_int64(q, ":max", max_attempts);
	return write_alone(db, Q_OUTBOX_RETRY, rc);
}

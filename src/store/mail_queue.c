/*
 * mail_queue.c -- an article's mail plan and its outbox rows (see
 * mail_queue.h).  The rows for all recipients are made by one INSERT ..
 * SELECT; their Message-IDs are UNIQUE, so making them twice adds
 * nothing.
 */
#include <string.h>

#include "mail_queue.h"
#include "store_int.h"

/* Run query id bound to :article_id alone. */
static enum status
on_article(struct store *db, enum query_id id, int64_t article_id)
{
	return stmt_write(db, id, bind_int64(db->stmt[id], ":article_id",
	    article_id));
}

enum status
store_mail_plan(struct store *db, int64_t article_id, int64_t due_at,
    int press)
{
	sqlite3_stmt	*q = db->stmt[Q_ARTICLE_MAIL_PLAN];
	int		 rc;

	rc = bind_int64(q, ":article_id", article_id);
	if (rc == SQLITE_OK)
		rc = bind_int64(q, ":due_at", due_at);
	if (rc == SQLITE_OK)
		rc = bind_int64(q, ":press", press != 0);
	return stmt_write(db, Q_ARTICLE_MAIL_PLAN, rc);
}

enum status
store_mail_plan_state(struct store *db, int64_t article_id, int *done,
    int *press)
{
	sqlite3_stmt	*q = db->stmt[Q_ARTICLE_MAIL_STATE];
	enum status	 st = ST_DBERR;
	int		 rc = SQLITE_ERROR;

	if (bind_int64(q, ":article_id", article_id) == SQLITE_OK)
		rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		*done = strcmp((const char *)sqlite3_column_text(q, 0),
		    "klar") == 0;
		*press = sqlite3_column_int(q, 1);
		st = ST_OK;
	} else if (rc == SQLITE_DONE)
		st = ST_NOTFOUND;
	else
		store_log_error(db, Q_ARTICLE_MAIL_STATE);
	stmt_done(q);
	return st;
}

enum status
store_mail_due(struct store *db, int64_t now, int64_t *article_id,
    int *public)
{
	sqlite3_stmt	*q = db->stmt[Q_ARTICLE_MAIL_DUE];
	enum status	 st = ST_DBERR;
	int		 rc = SQLITE_ERROR;

	if (bind_int64(q, ":now", now) == SQLITE_OK)
		rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		*article_id = sqlite3_column_int64(q, 0);
		*public = sqlite3_column_int(q, 1);
		st = ST_OK;
	} else if (rc == SQLITE_DONE)
		st = ST_NOTFOUND;
	else if (rc == SQLITE_BUSY)
		st = ST_BUSY;
	else
		store_log_error(db, Q_ARTICLE_MAIL_DUE);
	stmt_done(q);
	return st;
}

enum status
store_mail_done(struct store *db, int64_t article_id)
{
	return on_article(db, Q_ARTICLE_MAIL_DONE, article_id);
}

enum status
store_mail_forget(struct store *db, int64_t article_id)
{
	return on_article(db, Q_ARTICLE_MAIL_FORGET, article_id);
}

enum status
store_mail_cancel(struct store *db, int64_t article_id)
{
	enum status	 st;

	if ((st = on_article(db, Q_OUTBOX_CANCEL_ARTICLE, article_id)) !=
	    ST_OK)
		return st;
	return on_article(db, Q_ARTICLE_MAIL_FORGET, article_id);
}

enum status
store_mail_article(struct store *db, struct arena *ar, int64_t article_id,
    struct mail_article *a)
{
	sqlite3_stmt	*q = db->stmt[Q_MAIL_ARTICLE];
	enum status	 st = ST_DBERR;
	int		 rc = SQLITE_ERROR;

	memset(a, 0, sizeof(*a));
	if (bind_int64(q, ":article_id", article_id) == SQLITE_OK)
		rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		a->id = article_id;
		a->kind = column_text(ar, q, 0);
		a->slug = column_text(ar, q, 1);
		a->title = column_text(ar, q, 2);
		a->lead = column_text(ar, q, 3);
		a->status = column_text(ar, q, 4);
		a->publish_at = sqlite3_column_int64(q, 5);
		st = ST_OK;
	} else if (rc == SQLITE_DONE)
		st = ST_NOTFOUND;
	else
		store_log_error(db, Q_MAIL_ARTICLE);
	stmt_done(q);
	return st;
}

/* Bind what every enqueue query shares. */
static int
bind_body(sqlite3_stmt *q, int64_t article_id, const struct mail_body *b,
    const char *host, int64_t now)
{
	int	 rc;

	rc = bind_int64(q, ":article_id", article_id);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":subject", b->subject);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":body_text", b->text);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":body_html", b->html);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":host", host);
	if (rc == SQLITE_OK)
		rc = bind_int64(q, ":now", now);
	return rc;
}

enum status
store_mail_enqueue(struct store *db, int64_t article_id, const char *kind,
    const char *suffix, const struct mail_body *b, const char *host,
    int64_t now, int64_t *n)
{
	sqlite3_stmt	*q = db->stmt[Q_MAIL_ENQUEUE_SUBSCRIBERS];
	enum status	 st;
	int		 rc;

	rc = bind_body(q, article_id, b, host, now);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":kind", kind);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":suffix", suffix);
	st = stmt_write(db, Q_MAIL_ENQUEUE_SUBSCRIBERS, rc);
	*n = st == ST_OK ? sqlite3_changes64(db->db) : 0;
	return st;
}

enum status
store_mail_enqueue_press(struct store *db, int64_t article_id,
    const struct mail_body *b, const char *host, int64_t now, int64_t *n)
{
	enum status	 st;

	st = stmt_write(db, Q_MAIL_ENQUEUE_PRESS, bind_body(
	    db->stmt[Q_MAIL_ENQUEUE_PRESS], article_id, b, host, now));
	*n = st == ST_OK ? sqlite3_changes64(db->db) : 0;
	return st;
}

/*
 * digest.c -- the daily digest's reads and writes (see digest.h).
 */
#include <string.h>

#include "../util/arena.h"
#include "digest.h"
#include "store_int.h"

enum status
store_digest_last(struct store *db, const char *day, int *done,
    int64_t *last_until)
{
	sqlite3_stmt	*q = db->stmt[Q_DIGEST_LAST];
	enum status	 st = ST_DBERR;

	if (bind_text(q, ":day", day) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW) {
		*done = sqlite3_column_int(q, 0) > 0;
		*last_until = sqlite3_column_int64(q, 1);
		st = ST_OK;
	} else
		store_log_error(db, Q_DIGEST_LAST);
	stmt_done(q);
	return st;
}

enum status
store_digest_run(struct store *db, const char *day, int64_t since,
    int64_t until)
{
	sqlite3_stmt	*q = db->stmt[Q_DIGEST_RUN_INSERT];
	int		 rc;

	rc = bind_text(q, ":day", day);
	if (rc == SQLITE_OK)
		rc = bind_int64(q, ":since", since);
	if (rc == SQLITE_OK)
		rc = bind_int64(q, ":until", until);
	return stmt_write(db, Q_DIGEST_RUN_INSERT, rc);
}

enum status
store_digest_readers(struct store *db, struct arena *ar,
    struct digest_reader **out, size_t *n)
{
	sqlite3_stmt	*q = db->stmt[Q_DIGEST_SUBSCRIBERS];
	struct digest_reader *r = NULL;
	size_t		 cap = 0;
	int		 rc;

	*n = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		r = arena_grow(ar, r, *n, &cap, sizeof(*r));
		r[*n].id = sqlite3_column_int64(q, 0);
		r[*n].email = column_text(ar, q, 1);
		r[*n].unsub_token = column_text(ar, q, 2);
		(*n)++;
	}
	*out = r;
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_DIGEST_SUBSCRIBERS);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

enum status
store_digest_articles(struct store *db, struct arena *ar,
    int64_t subscriber_id, int64_t since, int64_t until,
    struct mail_article **out, size_t *n)
{
	sqlite3_stmt	*q = db->stmt[Q_DIGEST_ARTICLES];
	struct mail_article *a = NULL;
	size_t		 cap = 0;
	int		 rc = SQLITE_ERROR;

	*n = 0;
	if (bind_int64(q, ":subscriber_id", subscriber_id) == SQLITE_OK &&
	    bind_int64(q, ":since", since) == SQLITE_OK &&
	    bind_int64(q, ":until", until) == SQLITE_OK)
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			a = arena_grow(ar, a, *n, &cap, sizeof(*a));
			memset(&a[*n], 0, sizeof(*a));
			a[*n].kind = column_text(ar, q, 0);
			a[*n].slug = column_text(ar, q, 1);
			a[*n].title = column_text(ar, q, 2);
			a[*n].lead = column_text(ar, q, 3);
			(*n)++;
		}
	*out = a;
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_DIGEST_ARTICLES);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

enum status
store_digest_enqueue(struct store *db, const struct digest_reader *r,
    const struct mail_body *b, const char *message_id, int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_DIGEST_OUTBOX_INSERT];
	int		 rc;

	rc = bind_int64(q, ":subscriber_id", r->id);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":recipient", r->email);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":unsub_token", r->unsub_token);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":subject", b->subject);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":body_text", b->text);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":body_html", b->html);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":message_id", message_id);
	if (rc == SQLITE_OK)
		rc = bind_int64(q, ":now", now);
	return stmt_write(db, Q_DIGEST_OUTBOX_INSERT, rc);
}

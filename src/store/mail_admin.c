/*
 * mail_admin.c -- counts for /admin/epost (see mail_admin.h).
 */
#include <string.h>

#include "../util/arena.h"
#include "mail_admin.h"
#include "store_int.h"

enum status
store_mail_counts(struct store *db, struct arena *ar, struct mail_count **out,
    size_t *n)
{
	sqlite3_stmt	*q = db->stmt[Q_MAIL_ADMIN_ARTICLES];
	struct mail_count *c = NULL;
	size_t		 cap = 0;
	int		 rc;

	*n = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		c = arena_grow(ar, c, *n, &cap, sizeof(*c));
		c[*n].article_id = sqlite3_column_int64(q, 0);
		c[*n].title = column_text(ar, q, 1);
		c[*n].sent = sqlite3_column_int64(q, 2);
		c[*n].waiting = sqlite3_column_int64(q, 3);
		c[*n].failed = sqlite3_column_int64(q, 4);
		c[*n].last_sent_at = sqlite3_column_int64(q, 5);
		c[*n].last_error = column_text(ar, q, 6);
		(*n)++;
	}
	*out = c;
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_MAIL_ADMIN_ARTICLES);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

enum status
store_mail_totals(struct store *db, struct mail_tally *t)
{
	static const char *const labels[5] = { "Alla prenumeranter",
	    "Alla nyheter", "Bara pressmeddelanden", "Valda ämnen",
	    "Dagligt sammandrag" };
	sqlite3_stmt	*q = db->stmt[Q_MAIL_ADMIN_TOTALS];
	enum status	 st = ST_DBERR;
	int		 i;

	if (sqlite3_step(q) == SQLITE_ROW) {
		for (i = 0; i < 5; i++) {
			t[i].label = labels[i];
			t[i].n = sqlite3_column_int64(q, i);
		}
		st = ST_OK;
	} else
		store_log_error(db, Q_MAIL_ADMIN_TOTALS);
	stmt_done(q);
	return st;
}

enum status
store_mail_topics(struct store *db, struct arena *ar, struct mail_tally **out,
    size_t *n)
{
	sqlite3_stmt	*q = db->stmt[Q_MAIL_ADMIN_TOPICS];
	struct mail_tally *t = NULL;
	size_t		 cap = 0;
	int		 rc;

	*n = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		t = arena_grow(ar, t, *n, &cap, sizeof(*t));
		t[*n].label = column_text(ar, q, 0);
		t[*n].n = sqlite3_column_int64(q, 1);
		(*n)++;
	}
	*out = t;
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_MAIL_ADMIN_TOPICS);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

enum status
store_mail_retry(struct store *db, int64_t article_id, int64_t now,
    int64_t *n)
{
	sqlite3_stmt	*q = db->stmt[Q_OUTBOX_RETRY_ARTICLE];
	enum status	 st;
	int		 rc;

	*n = 0;
	if ((st = store_begin(db)) != ST_OK)
		return st;
	rc = bind_int64(q, ":article_id", article_id);
	if (rc == SQLITE_OK)
		rc = bind_int64(q, ":now", now);
	if ((st = stmt_write(db, Q_OUTBOX_RETRY_ARTICLE, rc)) != ST_OK) {
		store_rollback(db);
		return st;
	}
	*n = sqlite3_changes64(db->db);
	return store_commit(db);
}

/*
 * withdrawal.c -- withdrawn articles: taking a public article down with
 * a public explanation (or a replacement), and what its old URL shows.
 *
 * A withdrawn article has status 'avpublicerad' and a row in
 * article_withdrawal (migrations/0009); publishing it again removes the
 * row by trigger.  Called by pages/admin_withdraw.c (in its
 * transaction) and pages/withdrawn.c.
 */
#include "../util/arena.h"
#include "editorial_int.h"

/*
 * The withdrawn article at slug as its URL shows it (a replacement only
 * while public at now).  ST_OK, ST_NOTFOUND or ST_DBERR.
 */
enum status
store_withdrawal_by_slug(struct store *db, struct arena *ar,
    const char *slug, int64_t now, struct withdrawal *w)
{
	sqlite3_stmt	*q = db->stmt[Q_WITHDRAWAL_BY_SLUG];
	enum status	 st = ST_DBERR;
	int		 rc;

	if (bind_text(q, ":slug", slug) == SQLITE_OK &&
	    bind_int64(q, ":now", now) == SQLITE_OK) {
		if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			w->article_id = sqlite3_column_int64(q, 0);
			w->title = column_text(ar, q, 1);
			w->published_at = sqlite3_column_int64(q, 2);
			w->at = sqlite3_column_int64(q, 3);
			w->explanation = column_text(ar, q, 4);
			w->replacement = column_text(ar, q, 5);
			w->who = "";
			st = ST_OK;
		} else if (rc == SQLITE_DONE)
			st = ST_NOTFOUND;
	}
	if (st == ST_DBERR)
		store_log_error(db, Q_WITHDRAWAL_BY_SLUG);
	stmt_done(q);
	return st;
}

/* The withdrawal of article_id for the staff pages (title and
 * published_at are not read).  ST_OK, ST_NOTFOUND or ST_DBERR. */
enum status
store_withdrawal_get(struct store *db, struct arena *ar, int64_t article_id,
    struct withdrawal *w)
{
	sqlite3_stmt	*q = db->stmt[Q_WITHDRAWAL_GET];
	enum status	 st = ST_DBERR;
	int		 rc;

	w->article_id = article_id;
	w->title = "";
	w->published_at = 0;
	if (bind_int64(q, ":id", article_id) == SQLITE_OK) {
		if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			w->at = sqlite3_column_int64(q, 0);
			w->explanation = column_text(ar, q, 1);
			w->replacement = column_text(ar, q, 2);
			w->who = column_text(ar, q, 3);
			st = ST_OK;
		} else if (rc == SQLITE_DONE)
			st = ST_NOTFOUND;
	}
	if (st == ST_DBERR)
		store_log_error(db, Q_WITHDRAWAL_GET);
	stmt_done(q);
	return st;
}

/*
 * Take the public article id (still at version) down and record why
 * (explanation NULL: silently, no withdrawal row, a plain 404).  ST_OK; ST_CONFLICT when it changed since or is not public; ST_BUSY,
 * ST_FULL, ST_DBERR.
 */
enum status
store_withdraw(struct store *db, int64_t id, int64_t version,
    const char *explanation, int64_t replacement_id, int64_t account_id,
    int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_WITHDRAW];
	enum status	 st;

	st = stmt_one(db, Q_WITHDRAW,
	    bind_int64(q, ":id", id) == SQLITE_OK &&
	    bind_int64(q, ":version", version) == SQLITE_OK &&
	    bind_int64(q, ":now", now) == SQLITE_OK);
	if (st != ST_OK || explanation == NULL)
		return st;
	q = db->stmt[Q_WITHDRAWAL_ADD];
	return stmt_run_bound(db, Q_WITHDRAWAL_ADD,
	    bind_int64(q, ":id", id) == SQLITE_OK &&
	    bind_int64(q, ":now", now) == SQLITE_OK &&
	    bind_text(q, ":explanation", explanation) == SQLITE_OK &&
	    bind_int64(q, ":replacement_id", replacement_id) == SQLITE_OK &&
	    bind_int64(q, ":account_id", account_id) == SQLITE_OK);
}

/* The id of the public news item or press release at slug. */
enum status
store_public_article_id(struct store *db, const char *slug, int64_t now,
    int64_t *id)
{
	sqlite3_stmt	*q = db->stmt[Q_PUBLIC_ARTICLE_ID];

	return stmt_int(db, Q_PUBLIC_ARTICLE_ID,
	    bind_text(q, ":slug", slug) == SQLITE_OK &&
	    bind_int64(q, ":now", now) == SQLITE_OK, id);
}

/*
 * review.c -- the second pair of eyes: a redaktor's article waits in
 * article_review until another redaktor or an admin publishes it or
 * sends it back with a comment (migrations/0009).  Publishing ends the
 * review by trigger.  Called by pages/admin_review.c and
 * pages/admin_editorial.c, inside their transactions for writes.
 */
#include "../util/arena.h"
#include "editorial_int.h"

static void
read_review(struct arena *ar, sqlite3_stmt *q, struct review *r)
{
	r->version = sqlite3_column_int64(q, 0);
	r->state = column_text(ar, q, 1);
	r->publish_at = sqlite3_column_int64(q, 2);
	r->sent_by = sqlite3_column_int64(q, 3);
	r->sent_at = sqlite3_column_int64(q, 4);
	r->comment = column_text(ar, q, 5);
	r->sender = column_text(ar, q, 6);
	r->decider = column_text(ar, q, 7);
	r->decided_at = sqlite3_column_int64(q, 8);
	r->title = r->kind = "";
}

/* The review of article_id.  ST_OK, ST_NOTFOUND or ST_DBERR. */
enum status
store_review_get(struct store *db, struct arena *ar, int64_t article_id,
    struct review *r)
{
	sqlite3_stmt	*q = db->stmt[Q_REVIEW_GET];
	enum status	 st = ST_DBERR;
	int		 rc;

	r->article_id = article_id;
	if (bind_int64(q, ":id", article_id) == SQLITE_OK) {
		if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			read_review(ar, q, r);
			st = ST_OK;
		} else if (rc == SQLITE_DONE)
			st = ST_NOTFOUND;
	}
	if (st == ST_DBERR)
		store_log_error(db, Q_REVIEW_GET);
	stmt_done(q);
	return st;
}

/* Ask for review of the article's current version; publish_at 0:
 * publish when approved. */
enum status
store_review_send(struct store *db, int64_t article_id, int64_t account_id,
    int64_t publish_at, int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_REVIEW_SEND];

	return stmt_run_bound(db, Q_REVIEW_SEND,
	    bind_int64(q, ":id", article_id) == SQLITE_OK &&
	    bind_int64(q, ":account_id", account_id) == SQLITE_OK &&
	    bind_int64(q, ":publish_at", publish_at) == SQLITE_OK &&
	    bind_int64(q, ":now", now) == SQLITE_OK);
}

enum status
store_review_return(struct store *db, int64_t article_id, int64_t version,
    int64_t account_id, const char *comment, int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_REVIEW_RETURN];

	return stmt_one(db, Q_REVIEW_RETURN,
	    bind_int64(q, ":id", article_id) == SQLITE_OK &&
	    bind_int64(q, ":version", version) == SQLITE_OK &&
	    bind_int64(q, ":account_id", account_id) == SQLITE_OK &&
	    bind_text(q, ":comment", comment) == SQLITE_OK &&
	    bind_int64(q, ":now", now) == SQLITE_OK);
}

enum status
store_review_publish(struct store *db, int64_t article_id, int64_t version,
    int64_t publish_at, int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_REVIEW_PUBLISH];

	return stmt_one(db, Q_REVIEW_PUBLISH,
	    bind_int64(q, ":id", article_id) == SQLITE_OK &&
	    bind_int64(q, ":version", version) == SQLITE_OK &&
	    bind_int64(q, ":publish_at", publish_at) == SQLITE_OK &&
	    bind_int64(q, ":now", now) == SQLITE_OK);
}

/* Every pending review, oldest first; *out in ar. */
enum status
store_review_list(struct store *db, struct arena *ar, struct review **out,
    size_t *n)
{
	sqlite3_stmt	*q = db->stmt[Q_REVIEW_LIST];
	struct review	*r;
	size_t		 cap = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		*out = arena_grow(ar, *out, *n, &cap, sizeof(**out));
		r = &(*out)[(*n)++];
		r->article_id = sqlite3_column_int64(q, 0);
		r->title = column_text(ar, q, 1);
		r->kind = column_text(ar, q, 2);
		r->sent_at = sqlite3_column_int64(q, 3);
		r->sender = column_text(ar, q, 4);
		r->publish_at = sqlite3_column_int64(q, 5);
	}
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_REVIEW_LIST);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

/* The last published version of article_id (0: none). */
enum status
store_review_base(struct store *db, int64_t article_id, int64_t *version)
{
	sqlite3_stmt	*q = db->stmt[Q_REVIEW_BASE];
	enum status	 st;

	st = stmt_int(db, Q_REVIEW_BASE,
	    bind_int64(q, ":id", article_id) == SQLITE_OK, version);
	if (st == ST_NOTFOUND) {
		*version = 0;
		st = ST_OK;
	}
	return st;
}

/* The account that created article_id (0: unknown). */
enum status
store_article_author(struct store *db, int64_t article_id, int64_t *author)
{
	sqlite3_stmt	*q = db->stmt[Q_ARTICLE_AUTHOR];

	return stmt_int(db, Q_ARTICLE_AUTHOR,
	    bind_int64(q, ":id", article_id) == SQLITE_OK, author);
}

/* Turn the site setting review_required on or off (in the caller's
 * transaction). */
enum status
store_review_required_set(struct store *db, int on)
{
	sqlite3_stmt	*q = db->stmt[Q_SETTING_PUT];

	return stmt_run_bound(db, Q_SETTING_PUT,
	    bind_text(q, ":key", "review_required") == SQLITE_OK &&
	    bind_text(q, ":value", on ? "1" : "0") == SQLITE_OK);
}

/*
 * preview.c -- embargo preview links: a random token whose hash is
 * stored with an expiry, listed on the edit page, revocable; each
 * opening through /forhandsvisning/TOKEN is logged.
 */
#include <string.h>

#include "../util/arena.h"
#include "admin_int.h"
#include "article_admin.h"

/* Store a new link.  ST_OK or ST_DBERR. */
enum status
store_preview_add(struct store *db, int64_t article_id,
    const char *token_hash, int64_t expires_at, int64_t account_id,
    int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_PREVIEW_INSERT];
	int		 rc = SQLITE_ERROR;

	if (bind_text(q, ":token_hash", token_hash) == SQLITE_OK &&
	    bind_int64(q, ":article_id", article_id) == SQLITE_OK &&
	    bind_int64(q, ":expires_at", expires_at) == SQLITE_OK &&
	    bind_int64(q, ":account_id", account_id) == SQLITE_OK &&
	    bind_int64(q, ":now", now) == SQLITE_OK)
		rc = sqlite3_step(q);
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_PREVIEW_INSERT);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

/* The article's links, newest first, with how often each was opened. */
enum status
store_preview_list(struct store *db, struct arena *ar, int64_t article_id,
    struct preview_row **out, size_t *n)
{
	sqlite3_stmt	*q = db->stmt[Q_PREVIEW_LIST];
	struct preview_row *p;
	size_t		 cap = 0;
	int		 rc = SQLITE_ERROR;

	*out = NULL;
	*n = 0;
	if (bind_int64(q, ":article_id", article_id) == SQLITE_OK)
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			*out = arena_grow(ar, *out, *n, &cap, sizeof(**out));
			p = &(*out)[(*n)++];
			p->id = sqlite3_column_int64(q, 0);
			p->expires_at = sqlite3_column_int64(q, 1);
			p->revoked = sqlite3_column_int(q, 2);
			p->created_at = sqlite3_column_int64(q, 3);
			p->opens = sqlite3_column_int64(q, 4);
			p->last_open = sqlite3_column_int64(q, 5);
			p->who = column_text(ar, q, 6);
		}
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_PREVIEW_LIST);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

/* Revoke link_id of the article.  ST_NOTFOUND when no live link. */
enum status
store_preview_revoke(struct store *db, int64_t article_id, int64_t link_id)
{
	sqlite3_stmt	*q = db->stmt[Q_PREVIEW_REVOKE];
	int		 rc = SQLITE_ERROR;

	if (bind_int64(q, ":id", link_id) == SQLITE_OK &&
	    bind_int64(q, ":article_id", article_id) == SQLITE_OK)
		rc = sqlite3_step(q);
	stmt_done(q);
	if (rc != SQLITE_DONE) {
		store_log_error(db, Q_PREVIEW_REVOKE);
		return ST_DBERR;
	}
	return sqlite3_changes(db->db) == 1 ? ST_OK : ST_NOTFOUND;
}

/*
 * The live link with token_hash: *article_id gets its article and the
 * opening is logged (its own statement, autocommit).  ST_NOTFOUND for
 * an unknown, revoked or expired link; ST_DBERR.
 */
enum status
store_preview_open(struct store *db, const char *token_hash, int64_t now,
    int64_t *article_id)
{
	sqlite3_stmt	*q = db->stmt[Q_PREVIEW_FIND];
	enum status	 st = ST_DBERR;
	int64_t		 link = 0;
	int		 rc;

	if (bind_text(q, ":token_hash", token_hash) == SQLITE_OK) {
		if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			link = sqlite3_column_int64(q, 0);
			*article_id = sqlite3_column_int64(q, 1);
			st = sqlite3_column_int64(q, 2) > now &&
			    sqlite3_column_int(q, 3) == 0 ? ST_OK : ST_NOTFOUND;
		} else if (rc == SQLITE_DONE)
			st = ST_NOTFOUND;
	}
	if (st == ST_DBERR)
		store_log_error(db, Q_PREVIEW_FIND);
	stmt_done(q);
	if (st != ST_OK)
		return st;
	q = db->stmt[Q_PREVIEW_OPEN_LOG];
	rc = SQLITE_ERROR;
	if (bind_int64(q, ":link_id", link) == SQLITE_OK &&
	    bind_int64(q, ":now", now) == SQLITE_OK)
		rc = sqlite3_step(q);
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_PREVIEW_OPEN_LOG);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

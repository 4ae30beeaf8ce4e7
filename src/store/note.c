/*
 * note.c -- change notes for readers and the byline: a noted update
 * adds a row to article_note and moves the article's noted_at (the
 * public "Uppdaterad"); the public page reads the notes, noted_at and
 * the author's display name when the article has a byline.
 *
 * Called by pages/admin_editorial.c (writes, in the save's transaction)
 * and pages/article_notes.c (reads).
 */
#include "../util/arena.h"
#include "editorial_int.h"

/*
 * Add the note `text` at `at` by account_id and set the article's
 * noted_at.  ST_OK, ST_BUSY, ST_FULL or ST_DBERR.
 */
enum status
store_note_add(struct store *db, int64_t article_id, int64_t account_id,
    int64_t at, const char *text)
{
	sqlite3_stmt	*q = db->stmt[Q_NOTE_ADD];
	enum status	 st;

	st = stmt_run_bound(db, Q_NOTE_ADD,
	    bind_int64(q, ":id", article_id) == SQLITE_OK &&
	    bind_int64(q, ":account_id", account_id) == SQLITE_OK &&
	    bind_int64(q, ":at", at) == SQLITE_OK &&
	    bind_text(q, ":text", text) == SQLITE_OK);
	if (st != ST_OK)
		return st;
	q = db->stmt[Q_NOTE_MARK];
	return stmt_run_bound(db, Q_NOTE_MARK,
	    bind_int64(q, ":id", article_id) == SQLITE_OK &&
	    bind_int64(q, ":at", at) == SQLITE_OK);
}

/* Every note of article_id, newest first, into *out (ar). */
enum status
store_note_list(struct store *db, struct arena *ar, int64_t article_id,
    struct article_note **out, size_t *n)
{
	sqlite3_stmt	*q = db->stmt[Q_NOTE_LIST];
	size_t		 cap = 0;
	int		 rc = SQLITE_ERROR;

	*out = NULL;
	*n = 0;
	if (bind_int64(q, ":id", article_id) == SQLITE_OK)
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			*out = arena_grow(ar, *out, *n, &cap, sizeof(**out));
			(*out)[*n].at = sqlite3_column_int64(q, 0);
			(*out)[(*n)++].text = column_text(ar, q, 1);
		}
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_NOTE_LIST);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

/* noted_at, byline and author of article_id; all zero when unknown. */
enum status
store_article_extra(struct store *db, struct arena *ar, int64_t article_id,
    struct article_extra *x)
{
	sqlite3_stmt	*q = db->stmt[Q_ARTICLE_EXTRA];
	enum status	 st = ST_DBERR;
	int		 rc;

	x->noted_at = 0;
	x->byline = 0;
	x->author = "";
	if (bind_int64(q, ":id", article_id) == SQLITE_OK) {
		if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			x->noted_at = sqlite3_column_int64(q, 0);
			x->byline = sqlite3_column_int(q, 1);
			x->author = column_text(ar, q, 2);
			st = ST_OK;
		} else if (rc == SQLITE_DONE)
			st = ST_NOTFOUND;
	}
	if (st == ST_DBERR)
		store_log_error(db, Q_ARTICLE_EXTRA);
	stmt_done(q);
	return st;
}

/* Show (on 1) or hide the article's byline. */
enum status
store_byline_set(struct store *db, int64_t article_id, int on)
{
	sqlite3_stmt	*q = db->stmt[Q_BYLINE_SET];

	return stmt_run_bound(db, Q_BYLINE_SET,
	    bind_int64(q, ":id", article_id) == SQLITE_OK &&
	    bind_int64(q, ":byline", on != 0) == SQLITE_OK);
}

enum status
stmt_one(struct store *db, enum query_id id, int bound)
{
	enum status	st = stmt_run_bound(db, id, bound);

	if (st == ST_OK && sqlite3_changes(db->db) != 1)
		st = ST_CONFLICT;
	return st;
}

enum status
stmt_int(struct store *db, enum query_id id, int bound, int64_t *out)
{
	sqlite3_stmt	*q = db->stmt[id];
	enum status	 st = ST_DBERR;
	int		 rc;

	if (bound) {
		if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			*out = sqlite3_column_int64(q, 0);
			st = ST_OK;
		} else if (rc == SQLITE_DONE)
			st = ST_NOTFOUND;
	}
	if (st == ST_DBERR)
		store_log_error(db, id);
	stmt_done(q);
	return st;
}

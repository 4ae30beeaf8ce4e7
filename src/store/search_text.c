/*
 * search_text.c -- the text search reads: an article's or topic's body
 * as a reader sees it, filled into body_text for the index.
 *
 * The search index holds body_text, not body_md (see
 * sql/migrations/0007_search_text.sql): raw HTML that cmark drops and
 * link targets it removes must never be found or shown in a snippet.
 * body_text is NULL while owed (a write from outside the program, or a
 * fresh migration); store_text_fill() fills owed rows with
 * pressrum_plain(body_md), an SQL function over md_plain(), inside the
 * caller's transaction.  store_commit() runs it before every commit, the
 * master before it forks its workers and whenever it sees a write from
 * elsewhere (store_text_fill_all()).
 */
#include <stdint.h>

#include "../render/md.h"
#include "../util/arena.h"
#include "../util/log.h"
#include "search_int.h"
#include "store_int.h"

/* Rows filled per transaction by store_text_fill_all(). */
#define FILL_BATCH	200

/*
 * pressrum_plain(md): the plain text of the rendered Markdown md, whole
 * (md_plain() with no length limit); NULL stays NULL.
 */
static void
sql_plain(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct arena	 ar;
	const char	*md;
	char		*text;

	(void)argc;
	if ((md = (const char *)sqlite3_value_text(argv[0])) == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	arena_init(&ar);
	text = md_plain(&ar, md, SIZE_MAX / 2);
	sqlite3_result_text(ctx, text, -1, SQLITE_TRANSIENT);
	arena_free(&ar);
}

int
search_text_register(sqlite3 *db)
{
	return sqlite3_create_function(db, "pressrum_plain", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL,
	    sql_plain, NULL, NULL);
}

/* Run one fill statement for up to n rows; adds the rows it filled to
 * *done.  ST_OK or ST_DBERR (logged). */
static enum status
fill_one(struct store *db, enum query_id id, int64_t n, int64_t *done)
{
	enum status	 st;

	st = stmt_write(db, id, bind_int64(db->stmt[id], ":n", n));
	if (st == ST_OK)
		*done += sqlite3_changes(db->db);
	return st == ST_OK ? ST_OK : ST_DBERR;
}

/*
 * Fill the body text of up to n articles and n topics that owe it, in
 * the open transaction.  *done (may be NULL) gets the rows filled.
 * ST_OK or ST_DBERR (logged).
 */
enum status
store_text_fill(struct store *db, int64_t n, int64_t *done)
{
	int64_t		 k = 0;
	enum status	 st;

	if ((st = fill_one(db, Q_SEARCH_TEXT_ARTICLE, n, &k)) == ST_OK)
		st = fill_one(db, Q_SEARCH_TEXT_TOPIC, n, &k);
	if (done != NULL)
		*done = k;
	return st;
}

/*
 * Fill every owed body text, FILL_BATCH rows of each table a
 * transaction, so a stop loses at most one batch and readers and
 * writers get the database between batches.  ST_OK or ST_DBERR
 * (logged).
 */
enum status
store_text_fill_all(struct store *db)
{
	int64_t		 done, total = 0;
	enum status	 st;

	do {
		if ((st = store_begin(db)) != ST_OK)
			return st;
		if ((st = store_text_fill(db, FILL_BATCH, &done)) != ST_OK ||
		    (st = store_commit(db)) != ST_OK) {
			store_rollback(db);
			return st;
		}
		total += done;
	} while (done > 0);
	if (total > 0)
		log_info("store: search text of %lld articles and topics "
		    "filled in", (long long)total);
	return ST_OK;
}

/* Open path, fill every owed body text, close.  ST_OK, ST_ERROR (a
 * wrong schema version) or ST_DBERR (logged). */
enum status
store_text_fill_path(const char *path)
{
	struct store	*db;
	enum status	 st;

	if ((st = store_open(path, &db)) != ST_OK)
		return st;
	st = store_text_fill_all(db);
	store_close(db);
	return st;
}

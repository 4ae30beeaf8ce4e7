/*
 * store_int.h -- private to the files in src/store/: the store's insides.
 *
 * struct store, the statement table indexed by enum query_id (generated
 * from sql/queries/ by embed_sql), and the small helpers every table
 * family uses: named binds, column copies into the arena, "statement
 * done" and error logging.  Nothing outside src/store/ and the unit
 * tests includes this file.
 */
#ifndef STORE_INT_H
#define STORE_INT_H

#include <sqlite3.h>

#include "sql_embed.h"
#include "store.h"

struct store {
	sqlite3		*db;
	sqlite3_stmt	*stmt[Q__COUNT];
	int		 wrote;		/* committed since store_after_write */
	int		 fail;		/* extended code of the last failure
					 * since the last write began */
};

/* Name-based binds; a NULL text binds SQL NULL.  An unknown parameter
 * name is a programming error: logged, returns SQLITE_RANGE. */
int		 bind_text(sqlite3_stmt *, const char *name, const char *);
int		 bind_int64(sqlite3_stmt *, const char *name, int64_t);
int		 bind_null(sqlite3_stmt *, const char *name);

/* Copy a text column into the arena; NULL reads as "". */
const char	*column_text(struct arena *, sqlite3_stmt *, int col);

/* Reset the statement and clear its bindings: call after every use. */
void		 stmt_done(sqlite3_stmt *);
/* Step a bound statement that returns no rows, then stmt_done() it.
 * ST_OK, ST_BUSY, ST_FULL (see store_failure()), or ST_DBERR (logged
 * with the query's name). */
enum status	 stmt_run(struct store *, enum query_id);
/* stmt_run() when `bound` (every bind went well), else stmt_done() and
 * ST_DBERR. */
enum status	 stmt_run_bound(struct store *, enum query_id, int bound);
/* stmt_run() for upkeep that may be left for later: it does not wait
 * for a busy database but answers ST_BUSY at once (not logged), so a
 * request never waits twice. */
enum status	 stmt_try(struct store *, enum query_id);
/* Step a bound write (bind_rc: the binding's result; not SQLITE_OK
 * skips the step) and reset it: ST_OK, ST_CONFLICT when a UNIQUE
 * constraint refused it, ST_BUSY or ST_FULL, else ST_DBERR (logged). */
enum status	 stmt_write(struct store *, enum query_id, int bind_rc);
/* Run a "who else has this slug" query (:slug, :id; columns id and a
 * label): ST_OK with the other row's id and label (in ar), ST_NOTFOUND
 * when the slug is free, ST_DBERR (logged). */
enum status	 slug_owner(struct store *, enum query_id, struct arena *,
		    const char *slug, int64_t id, int64_t *owner,
		    const char **label);

/* Register the collation "fold" (fold.c) on db: an SQLite code. */
int		 fold_register(sqlite3 *);

/* Log "store: <query name>: <sqlite3_errmsg>" and remember the error's
 * code for store_failure(). */
void		 store_log_error(struct store *, enum query_id);
/* The BLOB of the one row query qid finds for :name, malloc'd into
 * *data (caller frees).  ST_OK, ST_NOTFOUND or ST_DBERR (store/media.c;
 * picture files and documents). */
enum status	 store_blob(struct store *, enum query_id qid,
		    const char *name, void **data, size_t *len);

/* Read the nine contact columns starting at col into *c (arena). */
void		 read_contact(struct arena *, sqlite3_stmt *, int col,
		    struct contact *);
/* Step q (already bound) and collect its contact rows, by position
 * as returned.  Resets q.  Returns ST_OK or ST_DBERR (logged). */
enum status	 collect_contacts(struct store *, struct arena *,
		    enum query_id, struct contact **, size_t *);

/* Migrate path with an explicit list of migrations (tests inject broken
 * ones); store_migrate() passes the built-in list. */
enum status	 store_migrate_with(const char *path,
		    const char *const *names, const char *const *texts, int n);

#endif

/*
 * search_text.c -- the text search reads: an article's or topic's body
 * as a reader sees it, filled into body_text for the index.
 *
 * The search index holds body_text, not body_md (see
 * sql/migrations/0007_search_text.sql): raw HTML that cmark drops and
 * link targets it removes must never be found or shown in a snippet.
 * body_text is NULL while owed (a write from outside the program, or a
 * fresh migration); store_text_fill() fills owed rows with md_plain()
 * of body_md and the stems of title, lead and text (search_stem.c,
 * migrations/0008), inside the caller's transaction.  store_commit() runs it before every commit, the
 * master before it forks its workers and whenever it sees a write from
 * elsewhere (store_text_fill_all()).
 */
#include <stdint.h>
#include <unistd.h>

#include "../render/md.h"
#include "../util/arena.h"
#include "../util/log.h"
#include "search_int.h"
#include "store_int.h"

/* Rows filled per transaction: while the service runs, a few hundred
 * milliseconds of the write lock at most (500 rows took one to two
 * seconds on a busy machine); before it serves (at start, migrate),
 * when nobody waits, larger batches. */
#define FILL_BATCH	100
#define FILL_BATCH_ALONE 500
/* After filling more rows than this, the index's segments are merged
 * into one: a fill of every row leaves hundreds of segments, and
 * searches were five to ten times slower over them. */
#define FILL_OPTIMIZE	2000
/* Merge steps at most (each about 500 pages): far more than 100,000
 * articles need, a bound should FTS5 keep finding work. */
#define MERGE_STEPS	100000
/* While the service runs, a pause between two of those transactions in
 * which a waiting writer (a staff save) gets the database: SQLite's
 * busy handler looks again every 100 ms at most, so a waiter meets one
 * of these within a few tries rather than never. */
#define YIELD_US	25000

struct owed {
	int64_t		 id;
	const char	*text[3];	/* title, lead, body_md */
};

/* Read up to n owed rows with q into ar; *k gets their count.  SQLite
 * result codes. */
static int
read_owed(struct arena *ar, sqlite3_stmt *q, int64_t n, struct owed **out,
    size_t *k)
{
	size_t		 cap = 0;
	int		 rc, i;

	*out = NULL;
	*k = 0;
	if ((rc = bind_int64(q, ":n", n)) != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		*out = arena_grow(ar, *out, *k, &cap, sizeof(**out));
		(*out)[*k].id = sqlite3_column_int64(q, 0);
		for (i = 0; i < 3; i++)
			(*out)[*k].text[i] = column_text(ar, q, i + 1);
		(*k)++;
	}
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Fill one owed row: its rendered text and the stems of head and
 * body.  ST_OK or ST_DBERR (logged). */
static enum status
fill_row(struct store *db, struct arena *ar, enum query_id fill,
    const struct owed *o, struct search_vocab *v)
{
	sqlite3_stmt	*q = db->stmt[fill];
	const char	*text = md_plain(ar, o->text[2], SIZE_MAX / 2);
	const char	*head = search_stems(ar, o->text, 2);
	const char	*body = search_stems(ar, &text, 1);
	int		 rc;

	search_vocab_add(v, o->text[0]);
	search_vocab_add(v, o->text[1]);
	search_vocab_add(v, text);
	if ((rc = bind_text(q, ":text", text)) == SQLITE_OK &&
	    (rc = bind_text(q, ":head", head)) == SQLITE_OK &&
	    (rc = bind_text(q, ":body", body)) == SQLITE_OK)
		rc = bind_int64(q, ":id", o->id);
	return stmt_write(db, fill, rc) == ST_OK ? ST_OK : ST_DBERR;
}

/* Fill up to n owed rows of one table; adds their count to *done. */
static enum status
fill_table(struct store *db, enum query_id owed, enum query_id fill,
    int64_t n, int64_t *done)
{
	struct arena	 ar;
	struct owed	*o;
	struct search_vocab *v;
	size_t		 k, i;
	enum status	 st = ST_OK;
	int		 rc;

	arena_init(&ar);
	v = search_vocab_new(&ar);
	rc = read_owed(&ar, db->stmt[owed], n, &o, &k);
	if (rc != SQLITE_OK) {
		store_log_error(db, owed);
		st = ST_DBERR;
	}
	stmt_done(db->stmt[owed]);
	for (i = 0; st == ST_OK && i < k; i++)
		st = fill_row(db, &ar, fill, &o[i], v);
	if (st == ST_OK)
		st = search_vocab_flush(db, v);
	if (st == ST_OK)
		*done += (int64_t)k;
	arena_free(&ar);
	return st;
}

/*
 * Fill the body text and stems of up to n articles and n topics that
 * owe them, in the open transaction.  *done (may be NULL) gets the rows
 * filled.  ST_OK or ST_DBERR (logged).
 */
enum status
store_text_fill(struct store *db, int64_t n, int64_t *done)
{
	int64_t		 k = 0;
	enum status	 st;

	st = fill_table(db, Q_SEARCH_OWED_ARTICLE, Q_SEARCH_FILL_ARTICLE, n,
	    &k);
	if (st == ST_OK)
		st = fill_table(db, Q_SEARCH_OWED_TOPIC, Q_SEARCH_FILL_TOPIC,
		    n, &k);
	if (done != NULL)
		*done = k;
	return st;
}

/* 1 if some article or topic owes its text (0 also on an error,
 * logged). */
int
store_text_owed(struct store *db)
{
	sqlite3_stmt	*q = db->stmt[Q_SEARCH_OWED_ANY];
	int		 owed = 0;

	if (sqlite3_step(q) == SQLITE_ROW)
		owed = sqlite3_column_int(q, 0);
	else
		store_log_error(db, Q_SEARCH_OWED_ANY);
	stmt_done(q);
	return owed;
}

/*
 * Merge the index's segments into one, a step a transaction, with a
 * pause of yield_us between them, so writers get the database.  FTS5
 * tells a step that found work by two or more changes.  ST_OK or
 * ST_DBERR (logged).
 */
static enum status
merge_all(struct store *db, useconds_t yield_us)
{
	sqlite3_int64	 before;
	enum status	 st;
	int		 steps = 0;

	do {
		before = sqlite3_total_changes64(db->db);
		if ((st = store_begin(db)) != ST_OK)
			return st;
		if ((st = stmt_run(db, Q_SEARCH_MERGE_ALL)) != ST_OK ||
		    (st = store_commit(db)) != ST_OK) {
			store_rollback(db);
			return st;
		}
		if (yield_us > 0)
			usleep(yield_us);
	} while (sqlite3_total_changes64(db->db) - before >= 2 &&
	    ++steps < MERGE_STEPS);
	log_info("store: search index merged in %d steps", steps + 1);
	return ST_OK;
}

/*
 * Fill every owed body text, batch rows of each table a transaction
 * with a pause of yield_us between them, so a stop loses at most one
 * batch and readers and writers get the database between batches; then
 * merge the index after a large fill.  ST_OK or ST_DBERR (logged).
 */
static enum status
fill_all(struct store *db, int64_t batch, useconds_t yield_us)
{
	int64_t		 done, total = 0;
	enum status	 st;

	if (!store_text_owed(db))
		return ST_OK;	/* no write lock taken */
	do {
		if ((st = store_begin(db)) != ST_OK)
			return st;
		if ((st = store_text_fill(db, batch, &done)) != ST_OK ||
		    (st = store_commit(db)) != ST_OK) {
			store_rollback(db);
			return st;
		}
		total += done;
		if (done > 0 && yield_us > 0)
			usleep(yield_us);
	} while (done > 0);
	if (total > 0)
		log_info("store: search text of %lld articles and topics "
		    "filled in", (long long)total);
	if (total > FILL_OPTIMIZE)
		(void)merge_all(db, yield_us);	/* logged; works unmerged */
	return ST_OK;
}

/* The running service's fill (the master, after a write from outside):
 * small batches, pauses between them. */
enum status
store_text_fill_all(struct store *db)
{
	return fill_all(db, FILL_BATCH, YIELD_US);
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
	st = fill_all(db, FILL_BATCH_ALONE, 0);
	store_close(db);
	return st;
}

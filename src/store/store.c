/*
 * store.c -- the SQLite connection: open, PRAGMAs, migrations, the
 * statement table and the helpers the table families share.
 *
 * The master calls store_migrate() before it forks; each worker calls
 * store_open(), which refuses a database whose user_version is not the
 * one this binary was built with, and prepares every named query from
 * sql/queries/ once with SQLITE_PREPARE_PERSISTENT, so a broken query
 * stops the process at boot rather than on some later request.  This is
 * the only file that opens or closes a connection; store/<table>.c run
 * the prepared statements.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "../util/arena.h"
#include "../util/log.h"
#include "search_int.h"
#include "store_int.h"

/*
 * How long a write waits for another writer's lock before it gives up
 * with SQLITE_BUSY (the page then shows the form again, 503).  Our own
 * write transactions take milliseconds, so this is only ever reached by
 * something outside holding the database (a sqlite3 shell, a stuck
 * process).  A request waits at most once: the staff pages stop at the
 * first ST_BUSY.  5 s is far under nginx's fastcgi_read_timeout (30 s in
 * deploy/nginx-site.conf) and short enough for a person to wait.
 */
#define BUSY_TIMEOUT_MS	5000

static const char pragmas[] =
    "PRAGMA journal_mode = WAL;"
    "PRAGMA foreign_keys = ON;"
    "PRAGMA synchronous = NORMAL;";

int
store_schema_version(void)
{
	return sql_nmigrations;
}

/*
 * Swedish collation ("COLLATE sv"): letters compare without case, accented
 * letters as their base letter, and å, ä, ö sort after z in that order
 * (ä with æ, ö with ø).  Equal keys fall back to byte order so the
 * ordering stays total.  Only Latin-1 letters are folded; other code
 * points sort after them by value.
 */
static const char latin1_fold[32] =
    "aaaa|{|ceeeeiiiidnoooo}.}uuuyy.y";

static unsigned long
next_weight(const unsigned char **pp, const unsigned char *end)
{
	const unsigned char	*p = *pp;
	unsigned long		 c = *p++;

	if (c >= 0xc0 && c < 0xe0 && p < end) {
		c = ((c & 0x1f) << 6) | (p[0] & 0x3f);
		p += 1;
	} else if (c >= 0xe0 && c < 0xf0 && end - p >= 2) {
		c = ((c & 0x0f) << 12) | ((unsigned long)(p[0] & 0x3f) << 6) |
		    (p[1] & 0x3f);
		p += 2;
	} else if (c >= 0xf0 && end - p >= 3) {
		c = ((c & 0x07) << 18) | ((unsigned long)(p[0] & 0x3f) << 12) |
		    ((unsigned long)(p[1] & 0x3f) << 6) | (p[2] & 0x3f);
		p += 3;
	}
	*pp = p;
	if (c >= 'A' && c <= 'Z')
		return c + 0x20;
	if (c >= 0xc0 && c <= 0xde && c != 0xd7)
		c += 0x20;
	if (c >= 0xe0 && c <= 0xff && latin1_fold[c - 0xe0] != '.')
		return (unsigned char)latin1_fold[c - 0xe0];
	return c < 0x80 ? c : c + 0x100;
}

static int
collate_sv(void *arg, int na, const void *a, int nb, const void *b)
{
	const unsigned char	*pa = a, *pb = b, *ea = pa + na, *eb = pb + nb;
	unsigned long		 wa, wb;
	int			 c;

	(void)arg;
	while (pa < ea && pb < eb) {
		wa = next_weight(&pa, ea);
		wb = next_weight(&pb, eb);
		if (wa != wb)
			return wa < wb ? -1 : 1;
	}
	if (pa < ea || pb < eb)
		return pa < ea ? 1 : -1;
	if ((c = memcmp(a, b, (size_t)(na < nb ? na : nb))) != 0)
		return c;
	return na - nb;
}

/* Binds by name. */
static int
param(sqlite3_stmt *q, const char *name)
{
	int	i;

	if ((i = sqlite3_bind_parameter_index(q, name)) == 0)
		log_error("store: no parameter %s in: %.60s", name,
		    sqlite3_sql(q));
	return i;
}

int
bind_text(sqlite3_stmt *q, const char *name, const char *v)
{
	int	i;

	if ((i = param(q, name)) == 0)
		return SQLITE_RANGE;
	if (v == NULL)
		return sqlite3_bind_null(q, i);
	return sqlite3_bind_text(q, i, v, -1, SQLITE_STATIC);
}

int
bind_int64(sqlite3_stmt *q, const char *name, int64_t v)
{
	int	i;

	if ((i = param(q, name)) == 0)
		return SQLITE_RANGE;
	return sqlite3_bind_int64(q, i, v);
}

int
bind_null(sqlite3_stmt *q, const char *name)
{
	int	i;

	if ((i = param(q, name)) == 0)
		return SQLITE_RANGE;
	return sqlite3_bind_null(q, i);
}

const char *
column_text(struct arena *ar, sqlite3_stmt *q, int col)
{
	const unsigned char	*p;

	if ((p = sqlite3_column_text(q, col)) == NULL)
		return "";
	return arena_strndup(ar, (const char *)p,
	    (size_t)sqlite3_column_bytes(q, col));
}

void
stmt_done(sqlite3_stmt *q)
{
	sqlite3_reset(q);
	sqlite3_clear_bindings(q);
}

/* The status for a failed call's (extended) result code: the two
 * failures a person can wait out or report, and everything else. */
static enum status
fail_status(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return ST_BUSY;
	case SQLITE_FULL:
	case SQLITE_IOERR:
		return ST_FULL;
	default:
		return ST_DBERR;
	}
}

void
store_log_error(struct store *db, enum query_id id)
{
	db->fail = sqlite3_extended_errcode(db->db);
	log_error("store: %s: %s", sql_query_name[id], sqlite3_errmsg(db->db));
}

enum status
store_failure(const struct store *db, enum status st)
{
	if (st != ST_DBERR || db == NULL)
		return st;
	return fail_status(db->fail);
}

/* Open path with flags and set the busy timeout; logs failures. */
static enum status
open_db(const char *path, int flags, sqlite3 **out)
{
	sqlite3	*db = NULL;
	int	 rc;

	rc = sqlite3_open_v2(path, &db, flags, NULL);
	if (rc != SQLITE_OK) {
		log_error("store: %s: %s", path,
		    db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		*out = NULL;
		return ST_DBERR;
	}
	sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(db, 1);
	*out = db;
	return ST_OK;
}

/* Run constant SQL text; logs with what on error. */
static enum status
exec(sqlite3 *db, const char *sql, const char *what)
{
	char	*err = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &err) == SQLITE_OK)
		return ST_OK;
	log_error("store: %s: %s", what, err ? err : sqlite3_errmsg(db));
	sqlite3_free(err);
	return ST_DBERR;
}

/* Read PRAGMA user_version into *v. */
static enum status
user_version(sqlite3 *db, int *v)
{
	sqlite3_stmt	*q;
	enum status	 st = ST_DBERR;

	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q,
	    NULL) != SQLITE_OK) {
		log_error("store: user_version: %s", sqlite3_errmsg(db));
		return ST_DBERR;
	}
	if (sqlite3_step(q) == SQLITE_ROW) {
		*v = sqlite3_column_int(q, 0);
		st = ST_OK;
	} else
		log_error("store: user_version: %s", sqlite3_errmsg(db));
	sqlite3_finalize(q);
	return st;
}

/* ST_OK when PRAGMA foreign_key_check finds nothing. */
static enum status
fk_check(sqlite3 *db, const char *name)
{
	sqlite3_stmt	*q;
	int		 rc;

	if (sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &q,
	    NULL) != SQLITE_OK)
		return ST_DBERR;
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		log_error("store: migration %s: foreign key violation in %s",
		    name, (const char *)sqlite3_column_text(q, 0));
	else if (rc != SQLITE_DONE)
		log_error("store: migration %s: %s", name,
		    sqlite3_errmsg(db));
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

/*
 * Apply migration number n (1-based) in one transaction that also sets
 * user_version = n.  Foreign keys are off while it runs (they cannot be
 * turned off inside a transaction), so a migration may rebuild a table
 * the way SQLite documents it (drop it and rename a copy: with them on,
 * the drop would delete the children of every row); PRAGMA
 * foreign_key_check must then find nothing before the commit.  On
 * failure everything is rolled back.
 */
static enum status
apply_one(sqlite3 *db, int n, const char *name, const char *text)
{
	char		 pragma[64];
	enum status	 st;

	/* PRAGMA takes no bound parameters; n is our own loop counter. */
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d;", n);
	if ((st = exec(db, "PRAGMA foreign_keys = OFF", name)) != ST_OK)
		return st;
	if ((st = exec(db, "BEGIN IMMEDIATE", name)) != ST_OK)
		goto out;
	if ((st = exec(db, text, name)) == ST_OK &&
	    (st = exec(db, pragma, name)) == ST_OK &&
	    (st = fk_check(db, name)) == ST_OK &&
	    (st = exec(db, "COMMIT", name)) == ST_OK) {
		log_info("store: applied migration %s", name);
		goto out;
	}
	if (!sqlite3_get_autocommit(db))
		(void)exec(db, "ROLLBACK", name);
	st = ST_DBERR;
out:
	if (exec(db, "PRAGMA foreign_keys = ON", name) != ST_OK)
		st = ST_DBERR;
	return st;
}

/*
 * Create path if missing and bring it to version n with the given
 * migrations.  A database newer than n is refused (ST_ERROR).  A failing
 * migration returns ST_DBERR and leaves the version at the last good one.
 */
enum status
store_migrate_with(const char *path, const char *const *names,
    const char *const *texts, int n)
{
	sqlite3		*db;
	enum status	 st;
	int		 v, i;

	st = open_db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &db);
	if (st != ST_OK)
		return st;
	if ((st = exec(db, "PRAGMA journal_mode = WAL", path)) != ST_OK ||
	    (st = user_version(db, &v)) != ST_OK)
		goto out;
	if (v > n) {
		log_error("store: %s: schema version %d is newer than this "
		    "program's %d", path, v, n);
		st = ST_ERROR;
		goto out;
	}
	for (i = v; i < n; i++)
		if ((st = apply_one(db, i + 1, names[i], texts[i])) != ST_OK)
			goto out;
out:
	sqlite3_close(db);
	return st;
}

enum status
store_migrate(const char *path)
{
	return store_migrate_with(path, sql_migration_name,
	    sql_migration_text, sql_nmigrations);
}

/* Open an existing database and check its schema version. */
static enum status
open_checked(const char *path, sqlite3 **out)
{
	enum status	 st;
	int		 v;

	if ((st = open_db(path, SQLITE_OPEN_READWRITE, out)) != ST_OK)
		return st;
	if ((st = exec(*out, pragmas, path)) != ST_OK ||
	    (st = user_version(*out, &v)) != ST_OK)
		goto fail;
	if (v != store_schema_version()) {
		log_error("store: %s: schema version %d, expected %d "
		    "(run migrate)", path, v, store_schema_version());
		st = ST_ERROR;
		goto fail;
	}
	return ST_OK;
fail:
	sqlite3_close(*out);
	*out = NULL;
	return st;
}

/* Prepare one named query; its text must hold exactly one statement. */
static enum status
prepare(sqlite3 *db, enum query_id id, sqlite3_stmt **out)
{
	const char	*tail = NULL;
	sqlite3_stmt	*extra = NULL;

	if (sqlite3_prepare_v3(db, sql_query_text[id], -1,
	    SQLITE_PREPARE_PERSISTENT, out, &tail) != SQLITE_OK ||
	    *out == NULL) {
		log_error("store: prepare %s: %s", sql_query_name[id],
		    sqlite3_errmsg(db));
		return ST_DBERR;
	}
	if (tail != NULL && *tail != '\0' &&
	    (sqlite3_prepare_v2(db, tail, -1, &extra, NULL) != SQLITE_OK ||
	    extra != NULL)) {
		log_error("store: prepare %s: more than one statement",
		    sql_query_name[id]);
		sqlite3_finalize(extra);
		return ST_DBERR;
	}
	return ST_OK;
}

/*
 * Open path for a worker: PRAGMAs, schema version check, Swedish
 * collation, the search ranking function, every statement prepared.  *out is
 * heap; store_close() frees it.  ST_ERROR on a wrong schema version, ST_DBERR otherwise
 * (both logged); *out is NULL on failure.
 */
enum status
store_open(const char *path, struct store **out)
{
	struct store	*db;
	enum status	 st;
	int		 i;

	*out = NULL;
	if ((db = calloc(1, sizeof(*db))) == NULL)
		abort();
	if ((st = open_checked(path, &db->db)) != ST_OK)
		goto fail;
	st = ST_DBERR;
	if (sqlite3_create_collation(db->db, "sv", SQLITE_UTF8, NULL,
	    collate_sv) != SQLITE_OK || fold_register(db->db) != SQLITE_OK) {
		log_error("store: collation: %s", sqlite3_errmsg(db->db));
		goto fail;
	}
	if (search_rank_register(db->db) != SQLITE_OK) {
		log_error("store: pressrum_rank: %s", sqlite3_errmsg(db->db));
		goto fail;
	}
	for (i = 0; i < Q__COUNT; i++)
		if ((st = prepare(db->db, (enum query_id)i,
		    &db->stmt[i])) != ST_OK)
			goto fail;
	*out = db;
	return ST_OK;
fail:
	store_close(db);
	return st;
}

void
store_close(struct store *db)
{
	int	i;

	if (db == NULL)
		return;
	for (i = 0; i < Q__COUNT; i++)
		sqlite3_finalize(db->stmt[i]);
	sqlite3_close(db->db);
	free(db);
}

const char *
store_file(struct store *db)
{
	const char	*f = sqlite3_db_filename(db->db, "main");

	return f != NULL ? f : "";
}

/* ST_OK if the database holds no article, ST_CONFLICT if it does. */
static enum status
check_empty(sqlite3 *db)
{
	sqlite3_stmt	*q;
	enum status	 st = ST_DBERR;
	int		 rc;

	if (sqlite3_prepare_v2(db, sql_query_text[Q_ARTICLE_ANY], -1, &q,
	    NULL) != SQLITE_OK) {
		log_error("store: article_any: %s", sqlite3_errmsg(db));
		return ST_DBERR;
	}
	if ((rc = sqlite3_step(q)) == SQLITE_ROW)
		st = sqlite3_column_int(q, 0) ? ST_CONFLICT : ST_OK;
	else
		log_error("store: article_any: %s", sqlite3_errmsg(db));
	sqlite3_finalize(q);
	return st;
}

/*
 * Load sql/demo.sql into an empty, migrated database in one
 * transaction, then fill in its bodies' search text
 * (store_text_fill_path()).  ST_CONFLICT if it already holds articles, ST_ERROR on a
 * wrong schema version, ST_DBERR if the demo fails (rolled back).
 */
enum status
store_load_demo(const char *path)
{
	sqlite3		*db;
	enum status	 st;

	if ((st = open_checked(path, &db)) != ST_OK)
		return st;
	if ((st = exec(db, "BEGIN IMMEDIATE", "demo")) != ST_OK)
		goto out;
	if ((st = check_empty(db)) == ST_OK &&
	    (st = exec(db, sql_demo_text, "demo")) == ST_OK &&
	    (st = exec(db, "COMMIT", "demo")) == ST_OK) {
		log_info("store: demo content loaded");
		sqlite3_close(db);
		return store_text_fill_path(path);
	}
	if (!sqlite3_get_autocommit(db))
		(void)exec(db, "ROLLBACK", "demo");
	if (st == ST_CONFLICT)
		log_error("store: %s already has articles; demo not loaded",
		    path);
out:
	sqlite3_close(db);
	return st;
}

/* exec() on the store's connection; a failure is remembered for
 * store_failure() and answered as ST_BUSY, ST_FULL or ST_DBERR. */
static enum status
store_exec(struct store *db, const char *sql, const char *what)
{
	if (exec(db->db, sql, what) == ST_OK)
		return ST_OK;
	db->fail = sqlite3_extended_errcode(db->db);
	return fail_status(db->fail);
}

/*
 * Transactions for the staff side's writes.  BEGIN IMMEDIATE takes the
 * write lock at once, so a busy database waits (busy_timeout) here and
 * never half-way through a change: ST_BUSY when it waited in vain.  A
 * full disk shows in a write or at COMMIT: ST_FULL, all rolled back.
 */
enum status
store_begin(struct store *db)
{
	db->fail = SQLITE_OK;
	return store_exec(db, "BEGIN IMMEDIATE", "begin");
}

/* Body texts a commit fills in for the search index (search_text.c):
 * the one or two a save made owed, and a few more owed by writes from
 * outside the program. */
#define COMMIT_TEXT_FILL	16

enum status
store_commit(struct store *db)
{
	enum status	 st;

	if ((st = store_text_fill(db, COMMIT_TEXT_FILL, NULL)) == ST_OK &&
	    (st = store_exec(db, "COMMIT", "commit")) == ST_OK) {
		db->wrote = 1;
		return ST_OK;
	}
	store_rollback(db);
	return st;
}

void
store_rollback(struct store *db)
{
	if (sqlite3_get_autocommit(db->db) == 0)
		(void)exec(db->db, "ROLLBACK", "rollback");
}

enum status
store_read_begin(struct store *db)
{
	db->fail = SQLITE_OK;
	return store_exec(db, "BEGIN", "read begin");
}

void
store_read_end(struct store *db)
{
	if (sqlite3_get_autocommit(db->db) == 0)
		(void)exec(db->db, "COMMIT", "read end");
}

enum status
stmt_write(struct store *db, enum query_id id, int bind_rc)
{
	sqlite3_stmt	*q = db->stmt[id];
	int		 rc;
	enum status	 st = ST_OK;

	db->fail = SQLITE_OK;
	rc = bind_rc == SQLITE_OK ? sqlite3_step(q) : bind_rc;
	if (rc != SQLITE_DONE && sqlite3_extended_errcode(db->db) ==
	    SQLITE_CONSTRAINT_UNIQUE)
		st = ST_CONFLICT;	/* a clash the user can fix: no log */
	else if (rc != SQLITE_DONE) {
		store_log_error(db, id);
		st = fail_status(db->fail);
	}
	stmt_done(q);
	return st;
}

enum status
stmt_run(struct store *db, enum query_id id)
{
	enum status	 st = stmt_write(db, id, SQLITE_OK);

	return st == ST_CONFLICT ? ST_DBERR : st;
}

enum status
stmt_run_bound(struct store *db, enum query_id id, int bound)
{
	if (!bound) {
		store_log_error(db, id);
		stmt_done(db->stmt[id]);
		return ST_DBERR;
	}
	return stmt_run(db, id);
}

enum status
stmt_try(struct store *db, enum query_id id)
{
	sqlite3_stmt	*q = db->stmt[id];
	enum status	 st = ST_OK;
	int		 rc;

	sqlite3_busy_timeout(db->db, 0);
	if ((rc = sqlite3_step(q)) != SQLITE_DONE &&
	    (st = fail_status(rc)) != ST_BUSY)
		store_log_error(db, id);
	stmt_done(q);
	sqlite3_busy_timeout(db->db, BUSY_TIMEOUT_MS);
	return st;
}

enum status
slug_owner(struct store *db, enum query_id id_q, struct arena *ar,
    const char *slug, int64_t id, int64_t *owner, const char **label)
{
	sqlite3_stmt	*q = db->stmt[id_q];
	enum status	 st = ST_DBERR;
	int		 rc;

	if (bind_text(q, ":slug", slug) == SQLITE_OK &&
	    bind_int64(q, ":id", id) == SQLITE_OK) {
		if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			*owner = sqlite3_column_int64(q, 0);
			*label = column_text(ar, q, 1);
			st = ST_OK;
		} else if (rc == SQLITE_DONE)
			st = ST_NOTFOUND;
	}
	if (st == ST_DBERR)
		store_log_error(db, id_q);
	stmt_done(q);
	return st;
}

void
store_no_autocheckpoint(struct store *db)
{
	sqlite3_wal_autocheckpoint(db->db, 0);
}

int
store_wrote(const struct store *db)
{
	return db->wrote;
}

void
store_after_write(struct store *db)
{
	int	 rc;

	if (!db->wrote)
		return;
	db->wrote = 0;
	/* At most 100 pages: milliseconds of write lock (about 100 ms at
	 * worst on a 100,000-article index).  Skipped when another writer
	 * has the database; the next write's step catches up. */
	(void)stmt_try(db, Q_SEARCH_MERGE);
	rc = sqlite3_wal_checkpoint_v2(db->db, NULL, SQLITE_CHECKPOINT_PASSIVE,
	    NULL, NULL);
	if (rc != SQLITE_OK && rc != SQLITE_BUSY)
		log_error("store: checkpoint: %s", sqlite3_errmsg(db->db));
}

/*
 * test_migrate.c -- the migration runner and the schema version check.
 *
 * A fresh file is created and brought to the built-in version; a second
 * run changes nothing; a failing migration rolls back to the last good
 * version; a worker refuses a database of another version; the demo
 * loads once.  Each test uses its own file under /tmp, removed after.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "store/store.h"
#include "store/store_int.h"

struct tmpdb {
	char	path[64];
};

/* A unique, not yet existing path under /tmp. */
static int
setup(void **state)
{
	struct tmpdb	*t;
	int		 fd;

	t = calloc(1, sizeof(*t));
	assert_non_null(t);
	snprintf(t->path, sizeof(t->path), "/tmp/pressrum-test-XXXXXX");
	fd = mkstemp(t->path);
	assert_true(fd >= 0);
	close(fd);
	unlink(t->path);
	*state = t;
	return 0;
}

static void
remove_db(const char *path)
{
	char	buf[80];

	unlink(path);
	snprintf(buf, sizeof(buf), "%s-wal", path);
	unlink(buf);
	snprintf(buf, sizeof(buf), "%s-shm", path);
	unlink(buf);
	snprintf(buf, sizeof(buf), "%s-journal", path);
	unlink(buf);
}

static int
teardown(void **state)
{
	struct tmpdb	*t = *state;

	remove_db(t->path);
	free(t);
	return 0;
}

/* Run one integer-valued SQL query on path directly. */
static int64_t
query_int(const char *path, const char *sql)
{
	sqlite3		*db;
	sqlite3_stmt	*q;
	int64_t		 v = -1;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &q, NULL),
	    SQLITE_OK);
	if (sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	sqlite3_close(db);
	return v;
}

static void
exec_sql(const char *path, const char *sql)
{
	sqlite3	*db;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void
test_fresh(void **state)
{
	struct tmpdb	*t = *state;

	assert_true(store_schema_version() >= 1);
	assert_int_equal(store_migrate(t->path), ST_OK);
	assert_int_equal(query_int(t->path, "PRAGMA user_version"),
	    store_schema_version());
	assert_int_equal(query_int(t->path, "SELECT count(*) FROM "
	    "sqlite_schema WHERE type = 'table' AND name = 'article'"), 1);
	assert_int_equal(query_int(t->path, "SELECT journal_mode = 'wal' "
	    "FROM pragma_journal_mode"), 1);
}

static void
test_rerun_is_noop(void **state)
{
	struct tmpdb	*t = *state;
	int64_t		 n;

	assert_int_equal(store_migrate(t->path), ST_OK);
	exec_sql(t->path, "INSERT INTO setting (key, value) "
	    "VALUES ('x', 'kept')");
	n = query_int(t->path, "SELECT count(*) FROM sqlite_schema");
	assert_int_equal(store_migrate(t->path), ST_OK);
	assert_int_equal(query_int(t->path, "PRAGMA user_version"),
	    store_schema_version());
	assert_int_equal(query_int(t->path,
	    "SELECT count(*) FROM sqlite_schema"), n);
	assert_int_equal(query_int(t->path,
	    "SELECT count(*) FROM setting WHERE key = 'x'"), 1);
}

static void
test_failure_rolls_back(void **state)
{
	struct tmpdb		*t = *state;
	const char *const	 names[] = {
		"0001_a", "0002_b", "0003_c"
	};
	const char *const	 bad[] = {
		"CREATE TABLE a (x INTEGER) STRICT;",
		("CREATE TABLE b (x INTEGER) STRICT;"
		"INSERT INTO no_such_table VALUES (1);"),
		"CREATE TABLE c (x INTEGER) STRICT;"
	};
	const char *const	 good[] = {
		"CREATE TABLE a (x INTEGER) STRICT;",
		"CREATE TABLE b (x INTEGER) STRICT;",
		"CREATE TABLE c (x INTEGER) STRICT;"
	};

	assert_int_equal(store_migrate_with(t->path, names, bad, 3),
	    ST_DBERR);
	assert_int_equal(query_int(t->path, "PRAGMA user_version"), 1);
	assert_int_equal(query_int(t->path, "SELECT count(*) FROM "
	    "sqlite_schema WHERE name IN ('a', 'b', 'c')"), 1);
	/* Fixed: picks up where it stopped. */
	assert_int_equal(store_migrate_with(t->path, names, good, 3), ST_OK);
	assert_int_equal(query_int(t->path, "PRAGMA user_version"), 3);
	assert_int_equal(query_int(t->path, "SELECT count(*) FROM "
	    "sqlite_schema WHERE name IN ('a', 'b', 'c')"), 3);
}

static void
test_fk_violation_rolls_back(void **state)
{
	struct tmpdb		*t = *state;
	const char *const	 names[] = { "0001_p", "0002_c" };
	const char *const	 texts[] = {
		"CREATE TABLE p (id INTEGER PRIMARY KEY) STRICT;",
		("CREATE TABLE c (p INTEGER REFERENCES p (id)) STRICT;"
		"INSERT INTO c VALUES (42);")
	};

	assert_int_equal(store_migrate_with(t->path, names, texts, 2),
	    ST_DBERR);
	assert_int_equal(query_int(t->path, "PRAGMA user_version"), 1);
	assert_int_equal(query_int(t->path, "SELECT count(*) FROM "
	    "sqlite_schema WHERE name = 'c'"), 0);
}

static void
test_newer_db_refused(void **state)
{
	struct tmpdb	*t = *state;

	assert_int_equal(store_migrate(t->path), ST_OK);
	exec_sql(t->path, "PRAGMA user_version = 999");
	assert_int_equal(store_migrate(t->path), ST_ERROR);
	assert_int_equal(query_int(t->path, "PRAGMA user_version"), 999);
}

static void
test_open_checks_version(void **state)
{
	struct tmpdb	*t = *state;
	struct store	*db = NULL;

	/* Not created by a worker. */
	assert_int_equal(store_open(t->path, &db), ST_DBERR);
	assert_null(db);
	assert_int_equal(access(t->path, F_OK), -1);

	assert_int_equal(store_migrate(t->path), ST_OK);
	assert_int_equal(store_open(t->path, &db), ST_OK);
	assert_non_null(db);
	store_close(db);

	exec_sql(t->path, "PRAGMA user_version = 0");
	assert_int_equal(store_open(t->path, &db), ST_ERROR);
	assert_null(db);
	exec_sql(t->path, "PRAGMA user_version = 999");
	assert_int_equal(store_open(t->path, &db), ST_ERROR);
	assert_null(db);
}

static void
test_demo_loads_once(void **state)
{
	struct tmpdb	*t = *state;

	assert_int_equal(store_load_demo(t->path), ST_DBERR);
	assert_int_equal(store_migrate(t->path), ST_OK);
	assert_int_equal(store_load_demo(t->path), ST_OK);
	assert_true(query_int(t->path, "SELECT count(*) FROM article") > 20);
	assert_int_equal(store_load_demo(t->path), ST_CONFLICT);
	assert_int_equal(query_int(t->path,
	    "SELECT count(*) FROM notice"), 1);
	assert_int_equal(query_int(t->path,
	    "SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fresh, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rerun_is_noop,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_failure_rolls_back,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_fk_violation_rolls_back,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_db_refused,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_checks_version,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_demo_loads_once,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

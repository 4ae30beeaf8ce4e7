/*
 * test_migrate.c -- the migration runner and the schema version check.
 *
 * A fresh file is created and brought to the built-in version; a second
 * run changes nothing; a failing migration rolls back to the last good
 * version; a worker refuses a database of another version; the demo
 * loads once.  0013_enums rebuilds article and article_review: every
 * row, child row, index, trigger and foreign key comes through, in the
 * new words.  0014_mail_forget ties confirmation mails to their
 * subscriber and forgets mail of people gone, then and from then on.
 * Each test uses its own file under /tmp, removed after.
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

/* Run sql on path with foreign keys on; the sqlite3_exec() code. */
static int
exec_fk(const char *path, const char *sql)
{
	sqlite3	*db;
	int	 rc;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL,
	    NULL, NULL), SQLITE_OK);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

/* The database of 0012 with rows in every old word. */
static const char enum_fixture[] =
    "INSERT INTO account (id, name, role, pw_hash) "
    "  VALUES (1, 'rita', 'redaktor', 'x');"
    "INSERT INTO topic (id, slug, name) VALUES (1, 'skola', 'Skola');"
    "INSERT INTO contact (id, name) VALUES (1, 'Anna');"
    "INSERT INTO media (id, sha256, filename, mime, width, height, bytes,"
    "  credit, created_at, alt) VALUES (1, 'h', 'a.jpg', 'image/jpeg',"
    "  10, 10, 100, 'Foto', 1, 'Bild');"
    "INSERT INTO article (id, kind, slug, title, status, publish_at,"
    "  author_id, lead_media_id, byline, noted_at) VALUES"
    "  (1, 'nyhet', 'a', 'Zyxett', 'published', 100, 1, 1, 1, 7),"
    "  (2, 'pressmeddelande', 'b', 'Zyxtva', 'draft', NULL, 1, NULL, 0,"
    "   NULL),"
    "  (3, 'sida', 'c', 'Zyxtre', 'unpublished', 50, NULL, NULL, 0, NULL);"
    "INSERT INTO article_topic (article_id, topic_id) VALUES (1, 1), (3, 1);"
    "INSERT INTO article_expert (article_id, contact_id, position)"
    "  VALUES (1, 1, 0);"
    "INSERT INTO article_link (article_id, position, title, url)"
    "  VALUES (1, 0, 'L', '/x');"
    "INSERT INTO article_revision (article_id, version, kind, slug, title,"
    "  lang, status) VALUES (1, 1, 'nyhet', 'a', 'Zyxett', 'sv', 'draft'),"
    "  (1, 2, 'nyhet', 'a', 'Zyxett', 'sv', 'published'),"
    "  (3, 1, 'sida', 'c', 'Zyxtre', 'sv', 'unpublished');"
    "INSERT INTO article_review (article_id, version, state, sent_at,"
    "  comment) VALUES (2, 1, 'pending', 1, ''), (1, 1, 'returned', 1,"
    "  'Nej');"
    "INSERT INTO article_withdrawal (article_id, at, explanation,"
    "  replacement_id) VALUES (3, 60, 'Fel', 1);"
    "INSERT INTO audit_log (action, object_type, object_id, before_json,"
    "  after_json) VALUES ('publicerade', 'article', 1,"
    "  '{\"id\":1,\"status\":\"draft\"}',"
    "  '{\"id\":1,\"status\":\"published\"}'),"
    "  ('x', 'account', 1, '{\"status\":\"draft\"}', NULL);";

/* The names of every index and trigger, and of every table. */
static const char schema_names[] =
    "SELECT group_concat(type || ' ' || name, ',') FROM (SELECT type, name"
    "  FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY 1, 2)";

static void
test_enums_keep_everything(void **state)
{
	struct tmpdb	*t = *state;
	sqlite3		*db;
	sqlite3_stmt	*q;
	char		*before;
	int		 n12 = 12;

	/* 0001..0012 and their data, then 0013 alone. */
	assert_string_equal(sql_migration_name[n12], "0013_enums");
	assert_int_equal(store_migrate_with(t->path, sql_migration_name,
	    sql_migration_text, n12), ST_OK);
	assert_int_equal(exec_fk(t->path, enum_fixture), SQLITE_OK);
	assert_int_equal(sqlite3_open_v2(t->path, &db, SQLITE_OPEN_READONLY,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, schema_names, -1, &q, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	before = strdup((const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	sqlite3_close(db);

	assert_int_equal(store_migrate_with(t->path, sql_migration_name,
	    sql_migration_text, n12 + 1), ST_OK);
	assert_int_equal(query_int(t->path, "PRAGMA user_version"), n12 + 1);
	/* The same tables, indexes and triggers by name. */
	assert_int_equal(sqlite3_open_v2(t->path, &db, SQLITE_OPEN_READONLY,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, schema_names, -1, &q, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(q, 0), before);
	sqlite3_finalize(q);
	sqlite3_close(db);
	free(before);
	assert_int_equal(query_int(t->path, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name = 'article_lead_media' AND type = 'index'"), 1);

	/* Every row, in the new words, with its columns. */
	assert_int_equal(query_int(t->path, "SELECT group_concat(id || status,"
	    " ',') = '1publicerad,2utkast,3avpublicerad' FROM (SELECT id, status"
	    " FROM article ORDER BY id)"), 1);
	assert_int_equal(query_int(t->path, "SELECT lead_media_id = 1 AND"
	    " byline = 1 AND noted_at = 7 AND author_id = 1 AND publish_at ="
	    " 100 FROM article WHERE id = 1"), 1);
	assert_int_equal(query_int(t->path, "SELECT (SELECT count(*) FROM"
	    " article_topic) * 100 + (SELECT count(*) FROM article_expert) * 10"
	    " + (SELECT count(*) FROM article_link)"), 211);
	assert_int_equal(query_int(t->path, "SELECT group_concat(status, ',')"
	    " = 'utkast,publicerad,avpublicerad' FROM (SELECT status FROM"
	    " article_revision ORDER BY id)"), 1);
	assert_int_equal(query_int(t->path, "SELECT group_concat(article_id ||"
	    " state || comment, ',') = '1tillbakaNej,2vantar' FROM (SELECT *"
	    " FROM article_review ORDER BY article_id)"), 1);
	assert_int_equal(query_int(t->path, "SELECT replacement_id FROM"
	    " article_withdrawal WHERE article_id = 3"), 1);
	assert_int_equal(query_int(t->path, "SELECT json_extract(before_json,"
	    " '$.status') = 'utkast' AND json_extract(after_json, '$.status') ="
	    " 'publicerad' FROM audit_log WHERE object_type = 'article'"), 1);
	assert_int_equal(query_int(t->path, "SELECT before_json ="
	    " '{\"status\":\"draft\"}' FROM audit_log WHERE object_type ="
	    " 'account'"), 1);
	assert_int_equal(query_int(t->path, "SELECT count(*) FROM"
	    " pragma_foreign_key_check"), 0);

	/* The constraints and triggers work on the new table. */
	assert_int_not_equal(exec_fk(t->path, "INSERT INTO article (slug,"
	    " title, status) VALUES ('d', 'D', 'draft')"), SQLITE_OK);
	assert_int_not_equal(exec_fk(t->path, "INSERT INTO article (slug,"
	    " title, status) VALUES ('d', 'D', 'publicerad')"), SQLITE_OK);
	assert_int_not_equal(exec_fk(t->path, "INSERT INTO article_review"
	    " (article_id, version, state, sent_at) VALUES (3, 1, 'pending',"
	    " 1)"), SQLITE_OK);
	assert_int_not_equal(exec_fk(t->path, "INSERT INTO article_topic"
	    " (article_id, topic_id) VALUES (99, 1)"), SQLITE_OK);
	assert_int_not_equal(exec_fk(t->path, "DELETE FROM media"), SQLITE_OK);
	assert_int_equal(query_int(t->path, "SELECT n FROM article_tally"
	    " WHERE kind = 'nyhet'"), 1);
	assert_int_equal(exec_fk(t->path, "UPDATE article SET status ="
	    " 'publicerad', publish_at = 5 WHERE id = 2;"
	    "UPDATE article SET status = 'publicerad' WHERE id = 3;"
	    "UPDATE article SET title = 'Zyxfyra' WHERE id = 1"), SQLITE_OK);
	assert_int_equal(query_int(t->path, "SELECT sum(n) FROM article_tally"),
	    3);
	assert_int_equal(query_int(t->path, "SELECT count(*) FROM"
	    " article_review"), 1);		/* review_ends */
	assert_int_equal(query_int(t->path, "SELECT count(*) FROM"
	    " article_withdrawal"), 0);		/* withdrawal_ends */
	assert_int_equal(query_int(t->path, "SELECT count(*) FROM search"
	    " WHERE search MATCH 'zyxfyra'"), 1);
	assert_int_equal(exec_fk(t->path, "DELETE FROM article WHERE id = 1"),
	    SQLITE_OK);
	assert_int_equal(query_int(t->path, "SELECT (SELECT count(*) FROM"
	    " article_topic) * 100 + (SELECT count(*) FROM article_review) * 10"
	    " + (SELECT count(*) FROM search WHERE rowid = 2)"), 100);
}

/* Mail rows as 0010..0013 left them: a confirmation mail without its
 * subscriber, one whose subscriber was pruned, press mail of a listed
 * journalist (1) and of a removed one (2). */
static const char forget_fixture[] =
    "INSERT INTO subscriber (id, email, scope, frequency, created_at,"
    "  confirm_hash, unsub_token) VALUES (1, 'a@x.se', 'alla', 'direkt', 10,"
    "  'h1', 'u1');"
    "INSERT INTO journalist (id, name, email, created_at, unsub_token)"
    "  VALUES (1, 'J', 'j@x.se', 1, 'uj');"
    "INSERT INTO outbox (kind, recipient, subject, body_text, message_id,"
    "  state, next_try_at, created_at) VALUES"
    "  ('bekraftelse', 'a@x.se', 'S', 'T', 'c1@h', 'skickad', 10, 10),"
    "  ('bekraftelse', 'b@x.se', 'S', 'T', 'c2@h', 'ny', 11, 11),"
    "  ('press', 'j@x.se', 'S', 'T', 'a1.j1@h', 'ny', 1, 1),"
    "  ('press', 'k@x.se', 'S', 'T', 'a1.j2@h', 'ny', 1, 1),"
    "  ('press', 'k@x.se', 'S', 'T', 'a2.j2@h', 'skickad', 1, 1)";

static void
test_mail_forget(void **state)
{
	struct tmpdb	*t = *state;
	int		 n14 = 13;

	assert_string_equal(sql_migration_name[n14], "0014_mail_forget");
	assert_int_equal(store_migrate_with(t->path, sql_migration_name,
	    sql_migration_text, n14), ST_OK);
	assert_int_equal(exec_fk(t->path, forget_fixture), SQLITE_OK);
	assert_int_equal(store_migrate(t->path), ST_OK);
	/* What was there: tied, or gone, or forgotten. */
	assert_int_equal(query_int(t->path, "SELECT group_concat(message_id ||"
	    " coalesce(subscriber_id, '-') || recipient || body_text, ',') ="
	    " 'c1@h1a@x.seT,a1.j1@h-j@x.seT,a2.j2@h-' FROM (SELECT * FROM outbox"
	    " ORDER BY id)"), 1);
	/* A subscriber and a journalist deleted: sent mail stays, blank. */
	assert_int_equal(exec_fk(t->path, "UPDATE outbox SET state = 'skickad'"
	    " WHERE message_id = 'a1.j1@h';"
	    "INSERT INTO outbox (kind, subscriber_id, recipient, subject,"
	    "  body_text, message_id, state, next_try_at, created_at) VALUES"
	    "  ('artikel', 1, 'a@x.se', 'S', 'T', 'a1.s1@h', 'skickad', 1, 1),"
	    "  ('artikel', 1, 'a@x.se', 'S', 'T', 'a3.s1@h', 'ny', 1, 1),"
	    "  ('press', NULL, 'j@x.se', 'S', 'T', 'a3.j1@h', 'ny', 1, 1);"
	    "DELETE FROM subscriber; DELETE FROM journalist"), SQLITE_OK);
	assert_int_equal(query_int(t->path, "SELECT group_concat(message_id ||"
	    " coalesce(subscriber_id, '-') || recipient || body_text, ',') ="
	    " 'a1.j1@h-,a2.j2@h-,a1.s1@h-' FROM (SELECT * FROM outbox"
	    " ORDER BY id)"), 1);
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
		cmocka_unit_test_setup_teardown(test_enums_keep_everything,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_mail_forget,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

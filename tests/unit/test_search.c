/*
 * test_search.c -- search: the query sanitizer (search_match_query())
 * and store_search_filtered() over a small migrated database.
 *
 * The sanitizer is checked two ways: exact output for typical input,
 * and for hostile input that FTS5 accepts whatever it makes (every
 * result is run as a MATCH against an in-memory FTS5 table built like
 * the real one).  The store tests insert their own rows (Swedish
 * letters, a compound word, title against body, drafts, a scheduled
 * article, a script in a body) and search them at a fixed now.
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

#include "util/arena.h"
#include "store/search.h"
#include "store/search_int.h"
#include "store/store.h"
#include "store/store_int.h"

#define NOW	INT64_C(1795431600)	/* 2026-11-23 12:00 +01:00 */

static void
check_query(const char *q, size_t nwant, const char *want)
{
	struct arena	 ar;
	const char	*out = NULL;

	arena_init(&ar);
	assert_int_equal(search_match_query(&ar, q, &out), nwant);
	assert_non_null(out);
	assert_string_equal(out, want);
	arena_free(&ar);
}

/* A word of the query: as typed in title, lead and body, or its stem in
 * the stem columns; a number: as typed only. */
#define G(w, stem)	"({title lead body}: \"" w "\"* OR " \
			"{stems_head stems_body}: \"" stem "\")"
#define G2(w, s1, s2)	"({title lead body}: \"" w "\"* OR " \
			"{stems_head stems_body}: \"" s1 "\" OR " \
			"{stems_head stems_body}: \"" s2 "\")"
#define N(w)		"({title lead body}: \"" w "\"*)"

static void
test_query_words(void **state)
{
	(void)state;
	check_query("", 0, "");
	check_query(NULL, 0, "");
	check_query("   ", 0, "");
	check_query("skola", 1, G("skola", "skol"));
	check_query("Jämställdhet i skolan", 3,
	    G("Jämställdhet", "jämställd") " AND " G("i", "i") " AND "
	    G2("skolan", "skolan", "skol"));
	check_query("jämställdhet*", 1, G("jämställdhet", "jämställd"));
	/* å, ä and ö stay letters of their own, in the stem too. */
	check_query("  här,har;hår  ", 3,
	    G("här", "här") " AND " G("har", "har") " AND " G("hår", "hår"));
	check_query("covid-19", 2, G("covid", "covid") " AND " N("19"));
	check_query("»citat« – “smart” …", 2,
	    G("citat", "cit") " AND " G("smart", "smart"));
	/* A decomposed ä (a + U+0308) is composed. */
	check_query("ha\xcc\x88r", 1, G("här", "här"));
	/* Stems of the folded word: upper case is no other stem. */
	check_query("KVINNORNA", 1, G("KVINNORNA", "kvinn"));
	/* A definite ending Snowball leaves on: a second stem. */
	check_query("våldet", 1, G2("våldet", "våldet", "våld"));
	check_query("Budget", 1, G2("Budget", "budget", "budg"));
	check_query("1 250 000", 3, N("1") " AND " N("250") " AND " N("000"));
}

/* "Menade du": the corrected word is matched whole (no prefix star),
 * the others as typed. */
static void
test_query_whole_word(void **state)
{
	struct arena	 ar;
	const char	*out = NULL;

	(void)state;
	arena_init(&ar);
	assert_int_equal(search_match_whole(&ar, "ny kollektivtrafik", 1,
	    &out), 2);
	assert_string_equal(out, G("ny", "ny") " AND "
	    "({title lead body}: \"kollektivtrafik\" OR "
	    "{stems_head stems_body}: \"kollektivtrafik\")");
	assert_int_equal(search_match_whole(&ar, "skola", 0, &out), 1);
	assert_string_equal(out, "({title lead body}: \"skola\" OR "
	    "{stems_head stems_body}: \"skol\")");
	arena_free(&ar);
}

static void
test_query_syntax_is_dropped(void **state)
{
	(void)state;
	check_query("\"", 0, "");
	check_query("()", 0, "");
	check_query("*", 0, "");
	check_query("-", 0, "");
	check_query("^", 0, "");
	check_query(":", 0, "");
	check_query("\"a\" AND", 2, G("a", "a") " AND " G("AND", "and"));
	check_query("NEAR(a b, 3)", 4, G("NEAR", "near") " AND " G("a", "a")
	    " AND " G("b", "b") " AND " N("3"));
	check_query("title:skola", 2, G("title", "titl") " AND "
	    G("skola", "skol"));
	check_query("a OR b NOT c", 5, G("a", "a") " AND " G("OR", "or")
	    " AND " G("b", "b") " AND " G("NOT", "not") " AND " G("c", "c"));
	check_query("\"\"\"x\"\"\"", 1, G("x", "x"));
	check_query("{title lead}: x", 3, G("title", "titl") " AND "
	    G("lead", "lead") " AND " G("x", "x"));
}

static void
test_query_limits(void **state)
{
	char	 q[600];

	(void)state;
	check_query("a b c d e f g h i j k l m n o", SEARCH_MAX_TERMS,
	    G("a", "a") " AND " G("b", "b") " AND " G("c", "c") " AND "
	    G("d", "d") " AND " G("e", "e") " AND " G("f", "f") " AND "
	    G("g", "g") " AND " G("h", "h") " AND " G("i", "i") " AND "
	    G("j", "j") " AND " G("k", "k") " AND " G("l", "l"));
	/* Only the first SEARCH_MAX_BYTES bytes are read; a letter cut in
	 * two at the limit is dropped, not half-copied. */
	memset(q, 'a', sizeof(q) - 1);
	q[sizeof(q) - 1] = '\0';
	q[SEARCH_MAX_BYTES - 1] = '\xc3';
	q[SEARCH_MAX_BYTES] = '\xa4';
	{
		struct arena	 ar;
		const char	*out;

		arena_init(&ar);
		assert_int_equal(search_match_query(&ar, q, &out), 1);
		/* The word (199 a's) as typed, and as its stem: a word is
		 * stemmed from its first SEARCH_WORD_MAX bytes, in the
		 * index as here. */
		assert_int_equal(strlen(out), strlen(G("", "")) +
		    SEARCH_MAX_BYTES - 1 + SEARCH_WORD_MAX);
		arena_free(&ar);
	}
	/* Malformed UTF-8 is a separator. */
	check_query("a\xff" "b\xc3", 2, G("a", "a") " AND " G("b", "b"));
	/* Our own match markers never reach a query. */
	check_query("x" SEARCH_MARK_START "y", 2, G("x", "x") " AND "
	    G("y", "y"));
}

/* Run match against an FTS5 table made like the real one. */
static int
fts5_accepts(sqlite3 *db, const char *match)
{
	sqlite3_stmt	*q;
	int		 rc;

	if (*match == '\0')
		return 1;	/* no words: nothing is found */
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM t "
	    "WHERE t MATCH ?1 ORDER BY bm25(t)", -1, &q, NULL), SQLITE_OK);
	sqlite3_bind_text(q, 1, match, -1, SQLITE_STATIC);
	rc = sqlite3_step(q);
	if (rc != SQLITE_ROW)
		print_error("MATCH %s: %s\n", match, sqlite3_errmsg(db));
	sqlite3_finalize(q);
	return rc == SQLITE_ROW;
}

static void
test_query_hostile_is_valid_fts5(void **state)
{
	static const char *const hostile[] = {
		"\"", "(", ")", "AND", "OR", "NOT", "*", "-", "^", ":",
		"NEAR(", "\"a\" AND", "a AND", "OR b", "NOT NOT", "a + b",
		"title:x", "-x", "x*y", "^x", "\"unterminated", "((a)",
		"{a b}:c", "NEAR(a b, 10)", "a\"b\"c", "\\\"", "';--",
		"\xe2\x80\x93", "\xc2\xa0", "\xef\xbb\xbf", "\xf0\x9f\x98\x80",
		"a\xcc\x88\xcc\x88", "\xcc\x88", "x\xee\x80\x80", "\x01\x02",
	};
	struct arena	 ar;
	sqlite3		*db;
	const char	*out;
	char		 junk[2001];
	size_t		 i;

	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING "
	    "fts5(title, lead, body, stems_head, stems_body, tokenize = "
	    "'unicode61 remove_diacritics 0', prefix = '2 3'); INSERT INTO t "
	    "VALUES ('and or not', 'near a b', 'här har', 'and', 'här')",
	    NULL, NULL, NULL),
	    SQLITE_OK);
	arena_init(&ar);
	for (i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
		(void)search_match_query(&ar, hostile[i], &out);
		assert_true(fts5_accepts(db, out));
	}
	srand(4);
	for (i = 0; i < 200; i++) {
		size_t	 j;

		for (j = 0; j < sizeof(junk) - 1; j++)
			junk[j] = (char)(1 + rand() % 255);
		junk[sizeof(junk) - 1] = '\0';
		(void)search_match_query(&ar, junk, &out);
		assert_true(strlen(out) < 2 * SEARCH_MAX_BYTES +
		    SEARCH_MAX_TERMS * strlen(G("", "") " AND "));
		assert_true(fts5_accepts(db, out));
	}
	arena_free(&ar);
	sqlite3_close(db);
}

/* --- store_search_filtered over a small database ------------------- */

struct fixture {
	char		 path[64];
	struct store	*db;
	struct arena	 ar;
};

static struct fixture	fx;

static const char rows[] =
    "INSERT INTO topic (id, slug, name, lead, body_md, published_at) VALUES"
    " (1, 'skola', 'Skola', 'Om skolan.', 'Skolan här.', 1600000000),"
    " (2, 'dold', 'Dolt ämne', 'Dolt.', 'hemligord', NULL);"
    "INSERT INTO article (id, kind, slug, title, lead, body_md, status,"
    " publish_at) VALUES"
    " (1, 'nyhet', 'har', 'Vi har nyheter', '', 'Text.', 'publicerad',"
    "  1600000000),"
    " (2, 'nyhet', 'har-prick', 'Platsen här', '', 'Text.', 'publicerad',"
    "  1600000000),"
    " (3, 'nyhet', 'integrering', 'Rapport', 'Om arbetet.',"
    "  'Jämställdhetsintegrering i kommuner.', 'publicerad', 1600000000),"
    " (4, 'nyhet', 'i-brodtext', 'Nyhet', 'Ingress.', 'Om budget i text.',"
    "  'publicerad', 1700000000),"
    " (5, 'pressmeddelande', 'i-rubrik', 'Budget för skolan', 'Ingress.',"
    "  'Annat.', 'publicerad', 1600000000),"
    " (6, 'nyhet', 'utkast', 'Utkast hemligord', '', '', 'utkast', NULL),"
    " (7, 'nyhet', 'planerad', 'Planerad hemligord', '', '', 'publicerad',"
    "  1900000000),"
    " (8, 'nyhet', 'avpublicerad', 'Borta hemligord', '', '',"
    "  'avpublicerad', 1600000000),"
    " (9, 'nyhet', 'skript', 'Skript', '',"
    "  'Före <script>alert(1)</script> efter skriptord.', 'publicerad',"
    "  1600000000);";

static int
group_setup(void **state)
{
	sqlite3	*db;
	int	 fd, rc;

	(void)state;
	snprintf(fx.path, sizeof(fx.path), "/tmp/pressrum-search-XXXXXX");
	if ((fd = mkstemp(fx.path)) < 0)
		return -1;
	close(fd);
	unlink(fx.path);
	if (store_migrate(fx.path) != ST_OK ||
	    sqlite3_open(fx.path, &db) != SQLITE_OK)
		return -1;
	rc = sqlite3_exec(db, rows, NULL, NULL, NULL);
	sqlite3_close(db);
	if (rc != SQLITE_OK || store_open(fx.path, &fx.db) != ST_OK ||
	    store_text_fill_all(fx.db) != ST_OK)
		return -1;
	arena_init(&fx.ar);
	return 0;
}

static int
group_teardown(void **state)
{
	char	 buf[80];

	(void)state;
	store_close(fx.db);
	arena_free(&fx.ar);
	unlink(fx.path);
	snprintf(buf, sizeof(buf), "%s-wal", fx.path);
	unlink(buf);
	snprintf(buf, sizeof(buf), "%s-shm", fx.path);
	unlink(buf);
	return 0;
}

/* Search q at NOW; the slugs of the hits, comma-separated, in order. */
static const char *
hits(const char *q, struct search_result *r)
{
	const char	*match, *s = "";
	size_t		 i;

	(void)search_match_query(&fx.ar, q, &match);
	assert_int_equal(store_search_filtered(fx.db, &fx.ar, match, NOW,
	    NULL, 10, 0, r), ST_OK);
	for (i = 0; i < r->n; i++)
		s = arena_printf(&fx.ar, "%s%s%s", s, i ? "," : "",
		    r->items[i].slug);
	assert_int_equal(r->total, (int64_t)r->n);
	return s;
}

static void
test_store_swedish_letters(void **state)
{
	struct search_result	 r;

	(void)state;
	assert_string_equal(hits("har", &r), "har");
	/* A title match ranks above the topic's body match. */
	assert_string_equal(hits("HÄR", &r), "har-prick,skola");
	assert_string_equal(r.items[1].kind, "amne");
}

static void
test_store_prefix_and_snippet(void **state)
{
	struct search_result	 r;

	(void)state;
	assert_string_equal(hits("jämställdhet", &r), "integrering");
	assert_non_null(strstr(r.items[0].snippet, SEARCH_MARK_START
	    "Jämställdhetsintegrering" SEARCH_MARK_END));
	assert_string_equal(r.items[0].title_hl, "Rapport");
}

static void
test_store_title_ranks_first(void **state)
{
	struct search_result	 r;

	(void)state;
	/* The body match is newer, the title match still comes first. */
	assert_string_equal(hits("budget", &r), "i-rubrik,i-brodtext");
	assert_string_equal(r.items[0].title_hl,
	    SEARCH_MARK_START "Budget" SEARCH_MARK_END " för skolan");
}

static void
test_store_only_public(void **state)
{
	struct search_result	 r;

	(void)state;
	assert_string_equal(hits("hemligord", &r), "");
	assert_int_equal(r.total, 0);
	/* At the scheduled time it is found, with no write. */
	{
		const char	*match;

		(void)search_match_query(&fx.ar, "hemligord", &match);
		assert_int_equal(store_search_filtered(fx.db, &fx.ar, match,
		    1900000000, NULL, 10, 0, &r), ST_OK);
		assert_int_equal(r.n, 1);
		assert_string_equal(r.items[0].slug, "planerad");
	}
}

static void
test_store_paging(void **state)
{
	struct search_result	 r;
	const char		*match;

	(void)state;
	(void)search_match_query(&fx.ar, "text", &match);
	assert_int_equal(store_search_filtered(fx.db, &fx.ar, match, NOW,
	    NULL, 1, 1, &r), ST_OK);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.total, 3);
	/* The snippet is the text as shown: the tags cmark drops are gone. */
	assert_string_equal(hits("skriptord", &r), "skript");
	assert_string_equal(r.items[0].snippet, "Före alert(1) efter "
	    SEARCH_MARK_START "skriptord" SEARCH_MARK_END ".");
}

static void
test_store_many_hits(void **state)
{
	struct search_result	 r;
	const char		*match;
	sqlite3			*db;
	char			*sql;

	(void)state;
	/* One more public match than a search ranks: it says there are
	 * more, and ranks the newest SEARCH_CANDIDATES. */
	sql = sqlite3_mprintf("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL"
	    " SELECT i + 1 FROM n WHERE i < %d) INSERT INTO article (id, kind,"
	    " slug, title, lead, body_md, status, publish_at) SELECT 1000 + i,"
	    " 'nyhet', 'massa-' || i, 'Massord nummer ' || i, '', 'Text.',"
	    " 'publicerad', 1600000000 + i FROM n", SEARCH_CANDIDATES + 1);
	assert_int_equal(sqlite3_open(fx.path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	(void)search_match_query(&fx.ar, "massord", &match);
	assert_int_equal(store_search_filtered(fx.db, &fx.ar, match, NOW,
	    NULL, 10, 0, &r), ST_OK);
	assert_int_equal(r.n, 10);
	assert_true(r.more);
	assert_int_equal(r.total, SEARCH_CANDIDATES);
	/* Equal matches: the newest first. */
	assert_string_equal(r.items[0].slug, arena_printf(&fx.ar,
	    "massa-%d", SEARCH_CANDIDATES + 1));
	/* Past the last page: no hits, still the count. */
	assert_int_equal(store_search_filtered(fx.db, &fx.ar, match, NOW,
	    NULL, 10, SEARCH_CANDIDATES + 10, &r), ST_OK);
	assert_int_equal(r.n, 0);
	assert_true(r.more);
	assert_int_equal(r.total, SEARCH_CANDIDATES);
	/* The newest matches all drafts but two: those two are found, and
	 * neither the total nor "more" counts the drafts. */
	assert_int_equal(sqlite3_exec(db, "UPDATE article SET status = 'utkast'"
	    " WHERE id > 1002", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(store_search_filtered(fx.db, &fx.ar, match, NOW,
	    NULL, 10, 0, &r), ST_OK);
	assert_int_equal(r.n, 2);
	assert_int_equal(r.total, 2);
	assert_false(r.more);
	assert_int_equal(sqlite3_exec(db, "DELETE FROM article WHERE id > 1000",
	    NULL, NULL, NULL), SQLITE_OK);
	/* No match at all: nothing, and no more. */
	assert_int_equal(store_search_filtered(fx.db, &fx.ar, match, NOW,
	    NULL, 10, 0, &r), ST_OK);
	assert_int_equal(r.n, 0);
	assert_int_equal(r.total, 0);
	assert_false(r.more);
	sqlite3_close(db);
}

static void
test_store_last_change(void **state)
{
	int64_t	 t = 0;

	(void)state;
	assert_int_equal(store_last_change(fx.db, NOW, &t), ST_OK);
	assert_true(t >= 1700000000);	/* the newest public publish_at */
	assert_int_equal(store_last_change(fx.db, 1900000000, &t), ST_OK);
	assert_true(t >= 1900000000);	/* the scheduled one has come */
}

/* Rows of the FTS5 query m in the index of the database at path. */
static int
index_count(const char *path, const char *m)
{
	sqlite3		*db;
	sqlite3_stmt	*q;
	int		 n = -1;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM search"
	    " WHERE search MATCH ?1", -1, &q, NULL), SQLITE_OK);
	sqlite3_bind_text(q, 1, m, -1, SQLITE_STATIC);
	if (sqlite3_step(q) == SQLITE_ROW)
		n = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	sqlite3_close(db);
	return n;
}

/*
 * An index built from Markdown before migration 0007 (raw HTML and a
 * javascript: target in it) is rebuilt from the rendered text by the
 * migration and the fill that follows it at start.
 */
static void
test_upgrade_indexes_rendered_text(void **state)
{
	char		 path[64], buf[80];
	struct store	*db;
	sqlite3		*raw;
	int		 fd;

	(void)state;
	snprintf(path, sizeof(path), "/tmp/pressrum-search-up-XXXXXX");
	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	unlink(path);
	assert_int_equal(store_migrate_with(path, sql_migration_name,
	    sql_migration_text, 5), ST_OK);
	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	/* The words of version 5 (migrations/0013 translates them). */
	assert_int_equal(sqlite3_exec(raw, "INSERT INTO article (kind, slug,"
	    " title, lead, body_md, status, publish_at) VALUES ('nyhet', 'a',"
	    " 'Rubrik', '', 'Synligt ord.\n\n<div>secret</div>\n\n"
	    "[text](javascript:alert(1))', 'published', 1600000000)",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	assert_int_equal(index_count(path, "secret"), 1);	/* the leak */
	assert_int_equal(index_count(path, "javascript"), 1);
	assert_int_equal(store_migrate(path), ST_OK);
	assert_int_equal(index_count(path, "secret"), 0);
	assert_int_equal(index_count(path, "synligt"), 0);	/* owed */
	assert_int_equal(index_count(path, "rubrik"), 1);
	/* A stop before the fill committed: the next start does it. */
	assert_int_equal(store_open(path, &db), ST_OK);
	assert_int_equal(store_begin(db), ST_OK);
	assert_int_equal(store_text_fill(db, 0, NULL), ST_OK);
	store_rollback(db);
	store_close(db);
	assert_int_equal(index_count(path, "synligt"), 0);
	assert_int_equal(store_text_fill_path(path), ST_OK);
	assert_int_equal(index_count(path, "synligt"), 1);
	/* With the stems (Snowball: synligt -> syn). */
	assert_int_equal(index_count(path, "{stems_head stems_body}: syn"),
	    1);
	assert_int_equal(index_count(path, "{stems_head stems_body}: rubrik"),
	    1);
	assert_int_equal(index_count(path, "text"), 1);
	assert_int_equal(index_count(path, "secret"), 0);
	assert_int_equal(index_count(path, "javascript"), 0);
	assert_int_equal(index_count(path, "alert"), 0);
	/* A body changed from outside is owed at once, filled later. */
	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "UPDATE article SET body_md ="
	    " '<div>secret</div>\n\nNytt ord.'", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(raw);
	assert_int_equal(index_count(path, "synligt"), 0);
	assert_int_equal(index_count(path, "secret"), 0);
	assert_int_equal(store_open(path, &db), ST_OK);
	assert_int_equal(store_text_fill_all(db), ST_OK);
	store_close(db);
	assert_int_equal(index_count(path, "nytt"), 1);
	assert_int_equal(index_count(path, "secret"), 0);
	/* The index is whole after all of it. */
	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "INSERT INTO search (search)"
	    " VALUES ('integrity-check')", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	unlink(path);
	snprintf(buf, sizeof(buf), "%s-wal", path);
	unlink(buf);
	snprintf(buf, sizeof(buf), "%s-shm", path);
	unlink(buf);
}

int
main(void)
{
	const struct CMUnitTest query[] = {
		cmocka_unit_test(test_query_words),
		cmocka_unit_test(test_query_whole_word),
		cmocka_unit_test(test_query_syntax_is_dropped),
		cmocka_unit_test(test_query_limits),
		cmocka_unit_test(test_query_hostile_is_valid_fts5),
	};
	const struct CMUnitTest store[] = {
		cmocka_unit_test(test_store_swedish_letters),
		cmocka_unit_test(test_store_prefix_and_snippet),
		cmocka_unit_test(test_store_title_ranks_first),
		cmocka_unit_test(test_store_only_public),
		cmocka_unit_test(test_store_paging),
		cmocka_unit_test(test_store_many_hits),
		cmocka_unit_test(test_store_last_change),
		cmocka_unit_test(test_upgrade_indexes_rendered_text),
	};

	return cmocka_run_group_tests(query, NULL, NULL) |
	    cmocka_run_group_tests(store, group_setup, group_teardown);
}

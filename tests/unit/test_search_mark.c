/*
 * test_search_mark.c -- the search page's own ranking and marking:
 * search_mark() (the words marked in a title, lead and body snippet)
 * and pressrum_rank() over an in-memory FTS5 table made like the index.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <sqlite3.h>

#include "arena_fixture.h"
#include "store/search.h"
#include "store/search_int.h"

#define S	SEARCH_MARK_START
#define E	SEARCH_MARK_END


/* text marked for the visitor's words q, whole (span 0) or a snippet. */
static const char *
mark(const char *q, const char *text, size_t span)
{
	const char	*match;

	(void)search_match_query(&ar, q, &match);
	return search_mark(&ar, search_terms(&ar, match), text, span);
}

static size_t
count(const char *s, const char *what)
{
	size_t	 n = 0;

	while ((s = strstr(s, what)) != NULL) {
		n++;
		s += strlen(what);
	}
	return n;
}

static void
test_whole_words_by_prefix(void **state)
{
	(void)state;
	assert_string_equal(mark("budget", "Budgeten för 2027 och budget.", 0),
	    S "Budgeten" E " för 2027 och " S "budget" E ".");
	/* Only at the start of a word. */
	assert_string_equal(mark("budget", "Kommunbudget", 0), "Kommunbudget");
	/* No match: the text as it is. */
	assert_string_equal(mark("skola", "Om vården.", 0), "Om vården.");
	assert_string_equal(mark("skola", "", 0), "");
	/* Every word of the query is marked. */
	assert_string_equal(mark("skola budget", "Budget för skolan", 0),
	    S "Budget" E " för " S "skolan" E);
}

static void
test_letters_fold(void **state)
{
	(void)state;
	assert_string_equal(mark("årsredovisning",
	    "ÅRSREDOVISNING och Årsredovisningen", 0),
	    S "ÅRSREDOVISNING" E " och " S "Årsredovisningen" E);
	/* å, ä and ö are letters of their own, as in the index. */
	assert_string_equal(mark("har", "Här har vi", 0),
	    "Här " S "har" E " vi");
	assert_string_equal(mark("αθήνα", "ΑΘΉΝΑ", 0), S "ΑΘΉΝΑ" E);
	assert_string_equal(mark("москва", "МОСКВА", 0), S "МОСКВА" E);
	assert_string_equal(mark("łódź", "Łódź", 0), S "Łódź" E);
}

/* "ord1 ord2 ... ordN." with the words given put at their places. */
static const char *
words(size_t n, size_t at1, const char *w1, size_t at2, const char *w2)
{
	const char	*s = "";
	size_t		 i;

	for (i = 1; i <= n; i++)
		s = arena_printf(&ar, "%s%s%s", s, i > 1 ? " " : "",
		    i == at1 ? w1 : i == at2 ? w2 : arena_printf(&ar,
		    "ord%zu", i));
	return arena_printf(&ar, "%s.", s);
}

static void
test_snippet(void **state)
{
	const char	*s;

	(void)state;
	/* In the middle: cut on both sides, three words before. */
	s = mark("budget", words(100, 50, "budgeten", 0, ""), 24);
	assert_string_equal(s, "…ord47 ord48 ord49 " S "budgeten" E
	    " ord51 ord52 ord53 ord54 ord55 ord56 ord57 ord58 ord59 ord60"
	    " ord61 ord62 ord63 ord64 ord65 ord66 ord67 ord68 ord69 ord70…");
	/* At the start and at the end the text's own edges are kept. */
	s = mark("budget", words(100, 2, "budget", 0, ""), 24);
	assert_true(strncmp(s, "ord1 " S "budget" E, 12) == 0);
	s = mark("budget", words(100, 99, "budget", 0, ""), 24);
	assert_true(strncmp(s, "…ord77 ", 9) == 0);
	assert_true(strstr(s, S "budget" E " ord100.") != NULL);
	/* A short text is given whole. */
	assert_string_equal(mark("budget", "<b>Budget</b> i dag.", 24),
	    "<b>" S "Budget" E "</b> i dag.");
	/* No match: no snippet. */
	assert_string_equal(mark("skola", words(100, 0, "", 0, ""), 24), "");
	/* The piece holding both words wins over an earlier one with one. */
	s = mark("skola budget", arena_printf(&ar, "%s %s",
	    words(60, 5, "skolan", 0, ""), words(60, 30, "skolans",
	    32, "budget")), 24);
	assert_int_equal(count(s, S), 2);
	assert_non_null(strstr(s, S "skolans" E));
	assert_non_null(strstr(s, S "budget" E));
}

static void
test_bad_bytes_are_safe(void **state)
{
	(void)state;
	/* A cut-off sequence is one odd byte, never a read past the end. */
	assert_string_equal(mark("ab", "ab\xc3", 0), S "ab" E "\xc3");
	assert_string_equal(mark("ab", "\xe2\x80", 0), "\xe2\x80");
	/* A mark character in the text itself is no mark. */
	assert_string_equal(mark("ab", "x" S "ab" E "y", 0),
	    "x\xef\xbf\xbd" S "ab" E "\xef\xbf\xbdy");
}

/* --- pressrum_rank() -------------------------------------------------- */

/* The rowids of the rows matching q in t, best first, as "1,2,3". */
static const char *
ranked(sqlite3 *db, const char *q)
{
	sqlite3_stmt	*st;
	const char	*match, *out = "";

	(void)search_match_query(&ar, q, &match);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE "
	    "t MATCH ?1 ORDER BY pressrum_rank(t), rowid DESC", -1, &st,
	    NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		out = arena_printf(&ar, "%s%s%lld", out, *out ? "," : "",
		    (long long)sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	return out;
}

static void
test_rank(void **state)
{
	sqlite3		*db;
	const char	*rows;

	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(search_rank_register(db), SQLITE_OK);
	rows = arena_printf(&ar,
	    "CREATE VIRTUAL TABLE t USING fts5(title, lead, body,"
	    " stems_head, stems_body,"
	    " tokenize = 'unicode61 remove_diacritics 0');"
	    "INSERT INTO t (rowid, title, lead, body, stems_head, stems_body)"
	    " VALUES"
	    " (1, 'Annat', 'Annat.', 'Om budget tre gånger: budget, budget.',"
	    "  'ann', 'om budget budg tre gång'),"
	    " (2, 'Budget', 'Annat.', 'Annat.', 'budget budg ann', 'ann'),"
	    " (3, 'Annat', 'Om budgeten.', 'Annat.', 'ann om budget', 'ann'),"
	    " (4, 'Annat', 'Annat.', 'Budget.', 'ann', 'budget budg'),"
	    " (5, 'Annat', 'Annat.', '%s', 'ann', 'budget budg'),"
	    " (6, 'Annat', 'Annat.', 'Ingenting.', 'ann', 'ingenting'),"
	    " (7, 'Budgetar', 'Annat.', 'Annat.', 'budget ann', 'ann'),"
	    " (8, 'Annat', 'Annat.', 'Budgetar.', 'ann', 'budget');",
	    words(300, 150, "budget", 0, ""));
	assert_int_equal(sqlite3_exec(db, rows, NULL, NULL, NULL), SQLITE_OK);
	/* Title over lead over body; in the body three mentions over one;
	 * one mention each, short or long: a tie, the newest first.  The
	 * form typed (also as a prefix: budgeten, budgetar for "budget")
	 * over another form of the word in the same place (budget for
	 * "budgetar", matched by its stem only); another form in the title
	 * or lead over the form typed in the body. */
	assert_string_equal(ranked(db, "budget"), "2,7,3,1,5,4,8");
	assert_string_equal(ranked(db, "budgetar"), "7,3,2,8,5,4,1");
	assert_string_equal(ranked(db, "ingenting"), "6");
	sqlite3_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole_words_by_prefix),
		cmocka_unit_test(test_letters_fold),
		cmocka_unit_test(test_snippet),
		cmocka_unit_test(test_bad_bytes_are_safe),
		cmocka_unit_test(test_rank),
	};

	return cmocka_run_group_tests(tests, arena_setup, arena_teardown);
}

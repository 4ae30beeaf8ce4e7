/*
 * fuzz_search.c -- libFuzzer target for the search query sanitizer.
 *
 * Whatever the visitor types, search_match_query() must stay in its
 * bounds, give at most SEARCH_MAX_TERMS words, and give a query that
 * FTS5 accepts: it is run as a MATCH against an in-memory FTS5 table
 * made like the real index, and any syntax error aborts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/search.h"
#include "util/arena.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static sqlite3_stmt *
statement(void)
{
	static sqlite3		*db;
	static sqlite3_stmt	*q;

	if (q != NULL)
		return q;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(title, lead, "
	    "body, tokenize = 'unicode61 remove_diacritics 0', "
	    "prefix = '2 3'); INSERT INTO t VALUES ('här och där', "
	    "'and or not near', 'jämställdhetsintegrering')", NULL, NULL,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT bm25(t, 10.0, 4.0, 1.0), "
	    "snippet(t, 2, char(57344), char(57345), '…', 24) FROM t "
	    "WHERE t MATCH ?1", -1, &q, NULL) != SQLITE_OK)
		abort();
	return q;
}

int
LLVMFuzzerTestOneInput(const uint8_t *buf, size_t len)
{
	struct arena	 ar;
	sqlite3_stmt	*q = statement();
	const char	*out;
	char		*s;
	size_t		 n;
	int		 rc;

	if ((s = malloc(len + 1)) == NULL)
		abort();
	memcpy(s, buf, len);
	s[len] = '\0';
	arena_init(&ar);
	n = search_match_query(&ar, s, &out);
	if (n > SEARCH_MAX_TERMS || (n == 0) != (*out == '\0') ||
	    strlen(out) > SEARCH_MAX_BYTES + SEARCH_MAX_TERMS * 8)
		abort();
	if (n > 0) {
		sqlite3_bind_text(q, 1, out, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(q)) == SQLITE_ROW)
			continue;
		if (rc != SQLITE_DONE)
			abort();
		sqlite3_reset(q);
	}
	arena_free(&ar);
	free(s);
	return 0;
}

/*
 * fuzz_search.c -- libFuzzer target for the search query sanitizer, the
 * tokenizer and stemmer (search_stem.c) and the marking of hits.
 *
 * Whatever the visitor types, search_match_query() must stay in its
 * bounds, give at most SEARCH_MAX_TERMS words, and give a query that
 * FTS5 accepts: it is run as a MATCH, ranked by pressrum_rank(),
 * against an in-memory FTS5 table made like the real index, and any
 * error aborts.  Then the input, read as a text, is marked with that
 * query: whole, it must be the text again once the marks are taken out;
 * as a snippet, it must be no longer than the text and its marks.  The
 * tokenizer must give words of valid UTF-8 within SEARCH_WORD_MAX bytes
 * with no separator in them, each stem a prefix of its word, and a stem
 * list of single-spaced stems.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/search.h"
#include "store/search_int.h"
#include "util/arena.h"
#include "util/utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static sqlite3_stmt *
statement(void)
{
	static sqlite3		*db;
	static sqlite3_stmt	*q;

	if (q != NULL)
		return q;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    search_rank_register(db) != SQLITE_OK ||
	    sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(title, lead, "
	    "body, stems_head, stems_body, tokenize = 'unicode61 "
	    "remove_diacritics 0', prefix = '2 3'); INSERT INTO t VALUES "
	    "('här och där', 'and or not near', 'jämställdhetsintegrering', "
	    "'här och där and or not near', 'jämställdhetsintegrering')",
	    NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT pressrum_rank(t), "
	    "snippet(t, 2, char(57344), char(57345), '…', 24) FROM t "
	    "WHERE t MATCH ?1", -1, &q, NULL) != SQLITE_OK)
		abort();
	return q;
}

#define ELLIPSIS	"\xe2\x80\xa6"

/* s without the match marks, or (keep) with each one as U+FFFD, which
 * is what search_mark() makes of a mark character in the text. */
static char *
unmarked(struct arena *ar, const char *s, int keep)
{
	char	*out = arena_alloc(ar, strlen(s) + 1), *o = out;
	size_t	 k = sizeof(SEARCH_MARK_START) - 1;

	while (*s != '\0') {
		if (strncmp(s, SEARCH_MARK_START, k) == 0 ||
		    strncmp(s, SEARCH_MARK_END, k) == 0) {
			s += k;
			if (keep) {
				memcpy(o, "\xef\xbf\xbd", 3);
				o += 3;
			}
		} else
			*o++ = *s++;
	}
	*o = '\0';
	return out;
}

/*
 * Marking gives the text back with only marks added; a snippet is a
 * piece of it (once its "…" are taken off) and has a mark when the
 * text has one.
 */
static void
check_marks(struct arena *ar, const char *match, const char *text)
{
	const struct search_terms *ts = search_terms(ar, match);
	const char	*whole, *piece, *plain;
	char		*cut;
	size_t		 n;

	whole = search_mark(ar, ts, text, 0);
	plain = unmarked(ar, text, 1);
	if (strcmp(unmarked(ar, whole, 0), plain) != 0)
		abort();
	piece = search_mark(ar, ts, text, 24);
	if (strlen(piece) > strlen(whole) + 6)
		abort();
	if ((strstr(whole, SEARCH_MARK_START) != NULL) !=
	    (strstr(piece, SEARCH_MARK_START) != NULL))
		abort();
	cut = unmarked(ar, piece, 0);
	if (strncmp(cut, ELLIPSIS, 3) == 0)
		cut += 3;
	n = strlen(cut);
	if (n >= 3 && strcmp(cut + n - 3, ELLIPSIS) == 0)
		cut[n - 3] = '\0';
	if (strstr(plain, cut) == NULL)
		abort();
}

/* search_words() callback: check the word and its stems. */
static void
check_word(void *arg, const char *w, size_t n)
{
	char		 s[SEARCH_WORD_MAX + 4];
	unsigned long	 cp;
	size_t		 i, k;

	(void)arg;
	if (n == 0 || n > SEARCH_WORD_MAX || !utf8_valid(w, n))
		abort();
	for (i = 0; i < n; i += k) {
		k = utf8_next(w + i, n - i, &cp);
		if (!search_word_char(cp) || search_fold(cp) != cp)
			abort();
	}
	k = search_stem(w, n, s, sizeof(s));
	if (k == 0 || k > n || memcmp(s, w, k) != 0 || s[k] != '\0')
		abort();
	k = search_stem_alt(w, n, s, sizeof(s));
	if (k > n || (k > 0 && memcmp(s, w, k) != 0))
		abort();
}

/* The stem list of text: stems single-spaced, none empty. */
static void
check_stems(struct arena *ar, const char *text)
{
	const char	*t[] = { text };
	const char	*l = search_stems(ar, t, 1);
	size_t		 n = strlen(l);

	if (n > 0 && (l[0] == ' ' || l[n - 1] == ' ' ||
	    strstr(l, "  ") != NULL))
		abort();
	search_words(text, check_word, NULL);
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
	    strlen(out) > 3 * SEARCH_MAX_BYTES + SEARCH_MAX_TERMS * 96)
		abort();
	if (n > 0) {
		sqlite3_bind_text(q, 1, out, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(q)) == SQLITE_ROW)
			continue;
		if (rc != SQLITE_DONE)
			abort();
		sqlite3_reset(q);
	}
	check_marks(&ar, out, s);
	check_stems(&ar, s);
	arena_free(&ar);
	free(s);
	return 0;
}

/*
 * search.c -- full-text search: the visitor's words to a safe FTS5
 * query, and the ranked, highlighted page of public hits.
 *
 * The search page (pages/search.c) calls search_match_query() on ?q=
 * and hands the result to store_search_filtered().  The query is built
 * here, in C, from words alone: every word is a quoted FTS5 string with
 * a prefix star, matched in title, lead and body, or its Swedish stem,
 * matched in the stem columns (search_stem.c), so nothing the visitor
 * types (quotes, parentheses, AND, OR, NOT, NEAR, column filters, '^',
 * '*', '-') is ever read as FTS5 syntax.
 * One query ranks and pages the public hits and reads the shown hits'
 * text; search_mark.c marks the words in it, so nothing but the page's
 * hits is marked and the index is searched once.
 */
#include <assert.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/civil.h"
#include "../util/log.h"
#include "../util/utf8.h"
#include "search.h"
#include "search_int.h"
#include "store_int.h"

/* The columns a word is matched in as typed, and its stem in. */
#define COLS_WORD	"{title lead body}: "
#define COLS_STEM	" OR {stems_head stems_body}: "

/* Worst case per word: ` AND (`, the columns, six quotes, '*', ')' and
 * two stems (no longer than the word). */
#define QUERY_CAP	(3 * SEARCH_MAX_BYTES + SEARCH_MAX_TERMS * \
	(sizeof(COLS_WORD) + 2 * sizeof(COLS_STEM) + 16) + 1)

struct qbuild {
	char	*out;
	size_t	 len;
	size_t	 terms;
	char	 w[SEARCH_MAX_BYTES + 4];	/* the open word, as typed */
	size_t	 wlen;
	int	 letter;			/* it holds a letter */
	size_t	 whole;			/* 1 + the word matched whole */
};
/*
 * The precomposed letter for base + combining mark (a decomposed "ä"
 * typed on some systems is 'a' U+0308), or 0.
 */
static unsigned long
compose(char base, unsigned long mark)
{
	static const struct {
		char		 base;
		unsigned long	 mark, cp;
	} tab[] = {
		{ 'a', 0x30a, 0xe5 }, { 'A', 0x30a, 0xc5 },
		{ 'a', 0x308, 0xe4 }, { 'A', 0x308, 0xc4 },
		{ 'o', 0x308, 0xf6 }, { 'O', 0x308, 0xd6 },
		{ 'u', 0x308, 0xfc }, { 'U', 0x308, 0xdc },
		{ 'e', 0x301, 0xe9 }, { 'E', 0x301, 0xc9 },
	};
	size_t	 i;

	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (tab[i].base == base && tab[i].mark == mark)
			return tab[i].cp;
	return 0;
}

/* Append n bytes; QUERY_CAP is the proven bound (asserted). */
static void
put(struct qbuild *b, const void *p, size_t n)
{
	assert(b->len + n < QUERY_CAP);
	if (b->len + n >= QUERY_CAP)
		return;
	memcpy(b->out + b->len, p, n);
	b->len += n;
}

struct stems2 {
	char	 s[2][SEARCH_MAX_BYTES + 4];
	size_t	 n[2];
};

/* search_words() callback: the folded word's stems into arg. */
static void
stems_of(void *arg, const char *w, size_t n)
{
	struct stems2	*st = arg;

	if (st->n[0] > 0)
		return;		/* one word only (there is one) */
	st->n[0] = search_stem(w, n, st->s[0], sizeof(st->s[0]));
	st->n[1] = search_stem_alt(w, n, st->s[1], sizeof(st->s[1]));
}

/*
 * Close the open word, if any: `{title lead body}: "Word"*` as typed,
 * and for a word with a letter ` OR {stems_head stems_body}: "stem"`
 * for each stem of its folded form (search_stem.c), in parentheses.
 */
static void
word_end(struct qbuild *b)
{
	struct stems2	 st;
	int		 i;

	if (b->wlen == 0)
		return;
	b->w[b->wlen] = '\0';
	if (b->terms > 0)
		put(b, " AND ", 5);
	put(b, "(" COLS_WORD "\"", sizeof(COLS_WORD) + 1);
	put(b, b->w, b->wlen);
	put(b, "\"*", b->whole == b->terms + 1 ? 1 : 2);
	memset(&st, 0, sizeof(st));
	if (b->letter)
		search_words(b->w, stems_of, &st);
	for (i = 0; i < 2; i++) {
		if (st.n[i] == 0)
			continue;
		put(b, COLS_STEM "\"", sizeof(COLS_STEM));
		put(b, st.s[i], st.n[i]);
		put(b, "\"", 1);
	}
	put(b, ")", 1);
	b->wlen = 0;
	b->letter = 0;
	b->terms++;
}

/* Append the code point cp (its bytes are p, n) to the open word. */
static void
word_add(struct qbuild *b, const char *p, size_t n,
    unsigned long cp)
{
	unsigned long	 c;

	if (cp >= 0x300 && cp <= 0x36f) {
		/* A combining mark: fold into the letter before, or drop. */
		if (b->wlen > 0 && (c = compose(b->w[b->wlen - 1], cp)) != 0)
			b->wlen += utf8_put(b->w + b->wlen - 1, c) - 1;
		return;
	}
	if (b->wlen + n > SEARCH_MAX_BYTES)
		return;		/* cannot happen: q is read that far */
	memcpy(b->w + b->wlen, p, n);
	b->wlen += n;
	if (cp > '9' || cp < '0')
		b->letter = 1;
}

/*
 * The visitor's words as an FTS5 query into *out (in ar), the word
 * whole - 1 (if whole > 0) matched as a whole word instead of as a
 * prefix.  Returns the number of words, 0 when there is nothing to
 * search for.
 */
static size_t
build_match(struct arena *ar, const char *q, size_t whole, const char **out)
{
	const char		*p = q ? q : "";
	struct qbuild		 b;
	unsigned long		 cp;
	size_t			 left, n;

	memset(&b, 0, sizeof(b));
	b.out = arena_alloc(ar, QUERY_CAP);
	b.whole = whole;
	left = strnlen(p, SEARCH_MAX_BYTES);
	while (left > 0 && b.terms < SEARCH_MAX_TERMS) {
		n = utf8_next(p, left, &cp);
		if (search_word_char(cp))
			word_add(&b, p, n, cp);
		else
			word_end(&b);
		p += n;
		left -= n;
	}
	word_end(&b);		/* the loop only stops on a closed word */
	b.out[b.len] = '\0';
	*out = b.out;
	return b.terms;
}

size_t
search_match_query(struct arena *ar, const char *q, const char **out)
{
	return build_match(ar, q, 0, out);
}

size_t
search_match_whole(struct arena *ar, const char *q, size_t i,
    const char **out)
{
	return build_match(ar, q, i + 1, out);
}

/* 1 if the last error on db came from FTS5 parsing a query. */
static int
fts5_error(struct store *db)
{
	return strncmp(sqlite3_errmsg(db->db), "fts5:", 5) == 0;
}

/* The words of a hit's body snippet (as FTS5's snippet() was given). */
#define SNIPPET_WORDS	24

/*
 * Step the bound search_hits and collect its rows, the matches of match
 * marked in each hit's title, lead and a snippet of its body; the total
 * and "more" come with every row, also the one row (a NULL rowid) of a
 * page without hits.  Strings in ar.
 */
static int
collect_hits(struct arena *ar, sqlite3_stmt *q, const char *match,
    struct search_result *out)
{
	const struct search_terms *terms = search_terms(ar, match);
	struct search_hit	*h;
	size_t			 cap = 0;
	int			 rc;

	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		out->total = sqlite3_column_int64(q, 8);
		out->more = sqlite3_column_int(q, 9);
		if (sqlite3_column_type(q, 0) == SQLITE_NULL)
			continue;	/* no hit on this page */
		out->items = arena_grow(ar, out->items, out->n, &cap,
		    sizeof(*out->items));
		h = &out->items[out->n++];
		memset(h, 0, sizeof(*h));
		h->kind = column_text(ar, q, 1);
		h->slug = column_text(ar, q, 2);
		h->title = column_text(ar, q, 3);
		h->lang = column_text(ar, q, 4);
		h->date = sqlite3_column_int64(q, 5);
		h->title_hl = search_mark(ar, terms, h->title, 0);
		h->lead_hl = search_mark(ar, terms,
		    (const char *)sqlite3_column_text(q, 6), 0);
		h->snippet = search_mark(ar, terms,
		    (const char *)sqlite3_column_text(q, 7), SNIPPET_WORDS);
	}
	return rc;
}

/* Bind f's filters (NULL: none) on q, as search.sql names them. */
static int
bind_filter(sqlite3_stmt *q, const struct search_filter *f)
{
	int	 rc;

	if ((rc = bind_text(q, ":kind", f ? f->kind : NULL)) != SQLITE_OK ||
	    (rc = bind_text(q, ":topic", f ? f->topic : NULL)) != SQLITE_OK)
		return rc;
	if (f == NULL || f->year <= 0) {
		if ((rc = bind_null(q, ":ystart")) == SQLITE_OK)
			rc = bind_null(q, ":yend");
		return rc;
	}
	if ((rc = bind_int64(q, ":ystart", civil_year_start(f->year))) ==
	    SQLITE_OK)
		rc = bind_int64(q, ":yend", civil_year_start(f->year + 1));
	return rc;
}

/*
 * One page of public hits for match within f, best (or newest) first,
 * each with its highlighted title and lead and body snippet, and the
 * total.  Strings live in ar.  ST_OK or ST_DBERR (logged); an FTS5
 * query error is logged and reads as no hits.
 */
enum status
store_search_filtered(struct store *db, struct arena *ar, const char *match,
    int64_t now, const struct search_filter *f, size_t limit, size_t offset,
    struct search_result *out)
{
	sqlite3_stmt	*q = db->stmt[Q_SEARCH_HITS];
	const char	*kinds;
	enum status	 st;
	int		 rc = SQLITE_ERROR;

	memset(out, 0, sizeof(*out));
	if (match == NULL || *match == '\0')
		return ST_OK;	/* no words: nothing is found */
	if (limit > INT32_MAX || offset > INT32_MAX)
		limit = offset = 0;
	match = search_expand(db, ar, match, &kinds);
	if (bind_text(q, ":match", match) == SQLITE_OK &&
	    bind_text(q, ":kinds", kinds) == SQLITE_OK &&
	    bind_filter(q, f) == SQLITE_OK &&
	    bind_int64(q, ":bydate", f != NULL && f->by_date) == SQLITE_OK &&
	    bind_int64(q, ":cap", SEARCH_CANDIDATES) == SQLITE_OK &&
	    bind_int64(q, ":now", now) == SQLITE_OK &&
	    bind_int64(q, ":limit", (int64_t)limit) == SQLITE_OK &&
	    bind_int64(q, ":offset", (int64_t)offset) == SQLITE_OK)
		rc = collect_hits(ar, q, match, out);
	if (rc != SQLITE_DONE) {
		store_log_error(db, Q_SEARCH_HITS);
		st = fts5_error(db) ? ST_OK : ST_DBERR;
		stmt_done(q);
		memset(out, 0, sizeof(*out));
		return st;
	}
	stmt_done(q);
	return ST_OK;
}

/* Add one row of search_facets to the list it names. */
static void
add_count(struct arena *ar, sqlite3_stmt *q, struct search_facets *out,
    size_t caps[3])
{
	const char		*facet = (const char *)sqlite3_column_text(q, 0);
	struct search_count	**list;
	size_t			*n, *cap;

	if (strcmp(facet, "typ") == 0) {
		list = &out->kinds, n = &out->nkinds, cap = &caps[0];
	} else if (strcmp(facet, "amne") == 0) {
		list = &out->topics, n = &out->ntopics, cap = &caps[1];
	} else {
		list = &out->years, n = &out->nyears, cap = &caps[2];
	}
	*list = arena_grow(ar, *list, *n, cap, sizeof(**list));
	(*list)[*n].value = column_text(ar, q, 1);
	(*list)[*n].label = column_text(ar, q, 2);
	(*list)[*n].n = sqlite3_column_int64(q, 3);
	(*n)++;
}

enum status
store_search_facets(struct store *db, struct arena *ar, const char *match,
    int64_t now, const struct search_filter *f, struct search_facets *out)
{
	sqlite3_stmt	*q = db->stmt[Q_SEARCH_FACETS];
	size_t		 caps[3] = { 0, 0, 0 };
	const char	*kinds;
	int		 rc = SQLITE_ERROR;

	memset(out, 0, sizeof(*out));
	if (match == NULL || *match == '\0')
		return ST_OK;
	match = search_expand(db, ar, match, &kinds);
	if (bind_text(q, ":match", match) == SQLITE_OK &&
	    bind_filter(q, f) == SQLITE_OK &&
	    bind_int64(q, ":wide", SEARCH_FACET_ROWS) == SQLITE_OK &&
	    bind_int64(q, ":now", now) == SQLITE_OK)
		while ((rc = sqlite3_step(q)) == SQLITE_ROW)
			add_count(ar, q, out, caps);
	if (rc != SQLITE_DONE) {
		store_log_error(db, Q_SEARCH_FACETS);
		stmt_done(q);
		memset(out, 0, sizeof(*out));
		return fts5_error(db) ? ST_OK : ST_DBERR;
	}
	stmt_done(q);
	return ST_OK;
}

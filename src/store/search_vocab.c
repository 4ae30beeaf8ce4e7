/*
 * search_vocab.c -- the index's own words (table search_word,
 * migrations/0008) and "Menade du …?" built from them.
 *
 * search_text.c hands every text it fills in to search_vocab_add() and
 * writes the batch's words with search_vocab_flush().  When a search
 * finds little or nothing, the search page asks store_search_suggest()
 * for a better query: each word of four letters or more that no word of
 * the index starts with is replaced by the nearest word of the index
 * (edit distance over code points: å, ä and ö are letters of their own,
 * and a word that differs from the one typed only in their dots and
 * rings is never offered, so "har", "här" and "hår" never stand in for
 * one another), and the result is offered only if it finds more public
 * hits than the query typed: a word only drafts hold is never shown.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/utf8.h"
#include "search.h"
#include "search_int.h"
#include "store_int.h"

#define WORD_MIN	4	/* code points: shorter words are not kept */
#define WORD_MAX	40
#define TRIES		3	/* candidates verified for a one-word query */

struct vocab_entry {
	const char	*word;
	int64_t		 n;
};

struct search_vocab {
	struct arena		*ar;
	struct vocab_entry	*slot;	/* open addressing */
	size_t			 nslot, used;
};

/* The code points of the folded UTF-8 word w[0..n) into cp (room for
 * WORD_MAX + 1); their count, or WORD_MAX + 1 when there are more. */
static size_t
decode(const char *w, size_t n, unsigned long *cp)
{
	size_t	 k = 0, i = 0;

	while (i < n && k <= WORD_MAX) {
		i += utf8_next(w + i, n - i, &cp[k]);
		k++;
	}
	return i < n ? WORD_MAX + 1 : k;
}

/* 1 if the folded word w[0..n) is one to keep: WORD_MIN to WORD_MAX
 * code points, no digit. */
static int
keepable(const char *w, size_t n)
{
	unsigned long	 cp[WORD_MAX + 1];
	size_t		 k = decode(w, n, cp), i;

	if (k < WORD_MIN || k > WORD_MAX)
		return 0;
	for (i = 0; i < k; i++)
		if (cp[i] >= '0' && cp[i] <= '9')
			return 0;
	return 1;
}

/* The slot of word w[0..n) in v: its entry, or the empty slot where it
 * goes. */
static struct vocab_entry *
slot_of(const struct search_vocab *v, const char *w, size_t n)
{
	size_t	 i;

	for (i = search_hash(w, n) & (v->nslot - 1); v->slot[i].word != NULL;
	    i = (i + 1) & (v->nslot - 1))
		if (strncmp(v->slot[i].word, w, n) == 0 &&
		    v->slot[i].word[n] == '\0')
			break;
	return &v->slot[i];
}

/* Double v's table (or make its first), keeping the entries. */
static void
grow(struct search_vocab *v)
{
	struct vocab_entry	*old = v->slot;
	size_t			 i, oldn = v->nslot;

	v->nslot = oldn ? oldn * 2 : 1024;
	v->slot = arena_alloc(v->ar, v->nslot * sizeof(*v->slot));
	for (i = 0; i < oldn; i++)
		if (old[i].word != NULL)
			*slot_of(v, old[i].word, strlen(old[i].word)) = old[i];
}

/* Count word w[0..n) once more in v. */
static void
count(struct search_vocab *v, const char *w, size_t n)
{
	struct vocab_entry	*e;

	if (v->used * 2 >= v->nslot)
		grow(v);
	e = slot_of(v, w, n);
	if (e->word == NULL) {
		e->word = arena_strndup(v->ar, w, n);
		v->used++;
	}
	e->n++;
}

/* search_words() callback: keep the word if it is one to keep. */
static void
add_word(void *arg, const char *w, size_t n)
{
	if (keepable(w, n))
		count(arg, w, n);
}

struct search_vocab *
search_vocab_new(struct arena *ar)
{
	struct search_vocab	*v = arena_alloc(ar, sizeof(*v));

	v->ar = ar;
	return v;
}

void
search_vocab_add(struct search_vocab *v, const char *text)
{
	search_words(text, add_word, v);
}

/* w (UTF-8, n bytes) backwards by code point, in ar. */
static char *
reversed(struct arena *ar, const char *w, size_t n)
{
	char	*out = arena_alloc(ar, n + 1);
	size_t	 i = 0, k;
	unsigned long cp;

	while (i < n) {
		k = utf8_next(w + i, n - i, &cp);
		memcpy(out + n - i - k, w + i, k);
		i += k;
	}
	out[n] = '\0';
	return out;
}

enum status
search_vocab_flush(struct store *db, struct search_vocab *v)
{
	sqlite3_stmt	*q = db->stmt[Q_SEARCH_WORD_ADD];
	const char	*w;
	size_t		 i;
	int		 rc;

	for (i = 0; i < v->nslot; i++) {
		if ((w = v->slot[i].word) == NULL)
			continue;
		if ((rc = bind_text(q, ":word", w)) == SQLITE_OK &&
		    (rc = bind_text(q, ":rev", reversed(v->ar, w,
		    strlen(w)))) == SQLITE_OK)
			rc = bind_int64(q, ":n", v->slot[i].n);
		if (stmt_write(db, Q_SEARCH_WORD_ADD, rc) != ST_OK)
			return ST_DBERR;
	}
	return ST_OK;
}

/* The letter without its accent, dots or ring (å ä → a, ö → o, é → e
 * ...), for telling a word that differs only there. */
static unsigned long
bare(unsigned long cp)
{
	static const char	 tab[] = "aaaaaaaceeeeiiiidnooooo.ouuuuyty";

	if (cp >= 0xe0 && cp <= 0xff && tab[cp - 0xe0] != '.')
		return (unsigned char)tab[cp - 0xe0];
	return cp;
}

/* 1 if a[0..na) and b[0..nb) differ only in accents, dots and rings. */
static int
same_bare(const unsigned long *a, size_t na, const unsigned long *b,
    size_t nb)
{
	size_t	 i;

	if (na != nb)
		return 0;
	for (i = 0; i < na; i++)
		if (bare(a[i]) != bare(b[i]))
			return 0;
	return 1;
}

static size_t
min3(size_t a, size_t b, size_t c)
{
	return a < b ? (a < c ? a : c) : (b < c ? b : c);
}

/*
 * The edit distance of a and b (insert, delete, replace, swap two
 * neighbours; every code point a letter of its own), or max + 1 when it
 * is over max.
 */
static size_t
distance(const unsigned long *a, size_t na, const unsigned long *b,
    size_t nb, size_t max)
{
	size_t	 d[WORD_MAX + 2][WORD_MAX + 2], i, j, low;

	if ((na > nb ? na - nb : nb - na) > max)
		return max + 1;
	for (i = 0; i <= na; i++)
		d[i][0] = i;
	for (j = 0; j <= nb; j++)
		d[0][j] = j;
	for (i = 1; i <= na; i++) {
		low = SIZE_MAX;
		for (j = 1; j <= nb; j++) {
			d[i][j] = min3(d[i - 1][j] + 1, d[i][j - 1] + 1,
			    d[i - 1][j - 1] + (a[i - 1] != b[j - 1]));
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 <
			    d[i][j])
				d[i][j] = d[i - 2][j - 2] + 1;
			if (d[i][j] < low)
				low = d[i][j];
		}
		if (low > max)
			return max + 1;
	}
	return d[na][nb];
}

/* 1 if some word of the index starts with w. */
static int
known(struct store *db, const char *w)
{
	sqlite3_stmt	*q = db->stmt[Q_SEARCH_WORD_KNOWN];
	int		 yes = 1;	/* on an error: leave the word be */

	if (bind_text(q, ":word", w) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		yes = sqlite3_column_int(q, 0);
	stmt_done(q);
	return yes;
}

struct near {
	const char	*word;
	size_t		 dist;
	int64_t		 n;
};

/* Keep candidate c among the best TRIES in best[] (by distance, then
 * by how common), *k of them. */
static void
keep_best(struct near *best, size_t *k, const struct near *c)
{
	size_t	 i;

	for (i = *k; i > 0 && (best[i - 1].dist > c->dist ||
	    (best[i - 1].dist == c->dist && best[i - 1].n < c->n)); i--)
		if (i < TRIES)
			best[i] = best[i - 1];
	if (i < TRIES) {
		best[i] = *c;
		if (*k < TRIES)
			(*k)++;
	}
}

/* The bytes of the first two code points of s. */
static size_t
two(const char *s)
{
	unsigned long	 cp;
	size_t		 n = strlen(s), k;

	k = utf8_next(s, n, &cp);
	return k < n ? k + utf8_next(s + k, n - k, &cp) : k;
}

/*
 * The words of the index nearest to w (folded, n code points cp), best
 * first, into best[TRIES]; returns how many.  Strings in ar.
 */
static size_t
nearest(struct store *db, struct arena *ar, const char *w,
    const unsigned long *cp, size_t n, struct near *best)
{
	sqlite3_stmt	*q = db->stmt[Q_SEARCH_WORD_NEAR];
	unsigned long	 c[WORD_MAX + 1];
	size_t		 max = n <= 5 ? 1 : 2, k = 0, nc;
	const char	*rw = reversed(ar, w, strlen(w)), *s;
	struct near	 cand;
	int		 rc;

	if ((rc = bind_text(q, ":head", arena_strndup(ar, w, two(w)))) ==
	    SQLITE_OK && (rc = bind_text(q, ":tail", arena_strndup(ar, rw,
	    two(rw)))) == SQLITE_OK &&
	    (rc = bind_int64(q, ":min", (int64_t)(n - max))) == SQLITE_OK)
		rc = bind_int64(q, ":max", (int64_t)(n + max));
	while (rc == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW) {
		s = (const char *)sqlite3_column_text(q, 0);
		nc = decode(s, (size_t)sqlite3_column_bytes(q, 0), c);
		if (nc > WORD_MAX || same_bare(cp, n, c, nc))
			continue;	/* also the word itself */
		cand.dist = distance(cp, n, c, nc, max);
		if (cand.dist > max)
			continue;
		cand.n = sqlite3_column_int64(q, 1);
		cand.word = arena_strdup(ar, s);
		keep_best(best, &k, &cand);
	}
	stmt_done(q);
	return k;
}

struct qwords {
	const char	*w[SEARCH_MAX_TERMS];
	size_t		 n;
	struct arena	*ar;
};

/* search_words() callback: collect the query's words. */
static void
qword(void *arg, const char *w, size_t n)
{
	struct qwords	*qw = arg;

	if (qw->n < SEARCH_MAX_TERMS)
		qw->w[qw->n++] = arena_strndup(qw->ar, w, n);
}

/* The words of qw with word i replaced by r, space-separated, in ar. */
static const char *
joined(struct arena *ar, const struct qwords *qw, size_t i, const char *r)
{
	const char	*s = "";
	size_t		 j;

	for (j = 0; j < qw->n; j++)
		s = arena_printf(ar, "%s%s%s", s, j ? " " : "",
		    j == i && r != NULL ? r : qw->w[j]);
	return s;
}

/* Public hits of the query text q at now, its word i whole, counted
 * up to have + 1 (so whether it finds more than have), without
 * compounds (0 on any failure).  No ranking and no merging of every
 * word that begins with word i: a fraction of a millisecond where a
 * search of the page takes two. */
static int64_t
hits(struct store *db, struct arena *ar, const char *q, size_t i,
    int64_t now, int64_t have)
{
	sqlite3_stmt	*st = db->stmt[Q_SEARCH_SOME];
	const char	*match;
	int64_t		 n = 0;

	if (search_match_whole(ar, q, i, &match) == 0)
		return 0;
	if (bind_text(st, ":match", match) == SQLITE_OK &&
	    bind_int64(st, ":now", now) == SQLITE_OK &&
	    bind_int64(st, ":n", have + 1) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	stmt_done(st);
	return n;
}

/*
 * A better query than q (see search.h), or NULL.  Each unknown word is
 * tried with its best candidates in turn, the other words as they are
 * (or as already corrected).
 */
const char *
store_search_suggest(struct store *db, struct arena *ar, const char *q,
    int64_t now, int64_t have)
{
	struct qwords	 qw;
	struct near	 best[TRIES];
	unsigned long	 cp[WORD_MAX + 1];
	const char	*try, *out = NULL;
	size_t		 i, j, k, n;
	int64_t		 got;

	memset(&qw, 0, sizeof(qw));
	qw.ar = ar;
	search_words(arena_strndup(ar, q, strnlen(q, SEARCH_MAX_BYTES)),
	    qword, &qw);
	for (i = 0; i < qw.n; i++) {
		n = decode(qw.w[i], strlen(qw.w[i]), cp);
		if (!keepable(qw.w[i], strlen(qw.w[i])) ||
		    known(db, qw.w[i]))
			continue;
		k = nearest(db, ar, qw.w[i], cp, n, best);
		for (j = 0; j < k; j++) {
			try = joined(ar, &qw, i, best[j].word);
			if ((got = hits(db, ar, try, i, now, have)) > have) {
				qw.w[i] = best[j].word;
				out = try;
				have = got;
				break;
			}
		}
	}
	return out != NULL ? joined(ar, &qw, SIZE_MAX, NULL) : NULL;
}

#define COMPOUNDS	8	/* per search word */
#define PART_MIN	3	/* code points of a compound's first part */

struct expand {
	struct arena	*ar;
	const char	*out;		/* the query so far */
	const char	*kinds;		/* a letter a phrase */
	const char	*seen[2 * COMPOUNDS + 4];
	size_t		 nseen;
};

/* 1 if stem s is already a phrase of this word; else remember it. */
static int
seen(struct expand *e, const char *s)
{
	size_t	 i;

	for (i = 0; i < e->nseen; i++)
		if (strcmp(e->seen[i], s) == 0)
			return 1;
	if (e->nseen < sizeof(e->seen) / sizeof(e->seen[0]))
		e->seen[e->nseen++] = s;
	return 0;
}

/* Add as phrases the stems of the commonest compounds of the index
 * that end in end (folded), n code points long. */
static void
add_compounds(struct store *db, struct expand *e, const char *end, size_t n)
{
	sqlite3_stmt	*q = db->stmt[Q_SEARCH_WORD_ENDING];
	char		 stem[WORD_MAX * 4 + 4];
	const char	*w;
	int		 rc;

	if ((rc = bind_text(q, ":rev", reversed(e->ar, end, strlen(end)))) ==
	    SQLITE_OK)
		rc = bind_int64(q, ":min", (int64_t)(n + PART_MIN));
	while (rc == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW) {
		w = (const char *)sqlite3_column_text(q, 0);
		if (strlen(w) >= sizeof(stem))
			continue;
		(void)search_stem(w, strlen(w), stem, sizeof(stem));
		if (seen(e, arena_strdup(e->ar, stem)))
			continue;
		e->out = arena_printf(e->ar, "%s OR {stems_head stems_body}: "
		    "\"%s\"", e->out, stem);
		e->kinds = arena_printf(e->ar, "%sc", e->kinds);
	}
	stmt_done(q);
}

/*
 * One word's group of the query, g[0..n) ("(... )" with the closing
 * parenthesis), with compounds added before its end.
 */
static void
expand_group(struct store *db, struct expand *e, const char *g, size_t n)
{
	char		 word[SEARCH_MAX_BYTES + 1], stem[WORD_MAX * 4 + 4];
	unsigned long	 cp[WORD_MAX + 1];
	const char	*p = g, *close;
	size_t		 k, wn;

	e->nseen = 0;
	e->out = arena_printf(e->ar, "%s%.*s", e->out, (int)(n - 1), g);
	while ((p = memchr(p, '"', (size_t)(g + n - p))) != NULL &&
	    (close = memchr(p + 1, '"', (size_t)(g + n - p - 1))) != NULL) {
		e->kinds = arena_printf(e->ar, "%s%c", e->kinds,
		    close[1] == '*' ? 'e' : 's');
		if (close[1] != '*')
			(void)seen(e, arena_strndup(e->ar, p + 1,
			    (size_t)(close - p - 1)));
		p = close + 1;
	}
	/* The word, folded, from its first phrase. */
	word[0] = '\0';
	if ((p = memchr(g, '"', n)) != NULL &&
	    (close = memchr(p + 1, '"', (size_t)(g + n - p - 1))) != NULL &&
	    (size_t)(close - p - 1) <= SEARCH_MAX_BYTES) {
		struct qwords	 qw;

		memset(&qw, 0, sizeof(qw));
		qw.ar = e->ar;
		search_words(arena_strndup(e->ar, p + 1,
		    (size_t)(close - p - 1)), qword, &qw);
		if (qw.n == 1)
			snprintf(word, sizeof(word), "%s", qw.w[0]);
	}
	wn = strlen(word);
	if (keepable(word, wn) && (k = decode(word, wn, cp)) <= WORD_MAX) {
		add_compounds(db, e, word, k);
		/* The stem too, when it is a word's length itself: "vara"
		 * stems to "var", which ends "ansvar" and "försvar". */
		if (search_stem(word, wn, stem, sizeof(stem)) < wn &&
		    keepable(stem, strlen(stem)))
			add_compounds(db, e, stem, decode(stem, strlen(stem),
			    cp));
	}
	e->out = arena_printf(e->ar, "%s)", e->out);
}

/*
 * match (from search_match_query()) with, for each search word of four
 * letters or more, the stems of up to COMPOUNDS compounds of the index
 * that end in it or in its stem ("college": omsorgscollege; "bidrag":
 * statsbidrag), matched in the stem columns; *kinds gets a letter per
 * phrase, 'e' (the word as typed), 's' (its stem) or 'c' (a compound),
 * for pressrum_rank().  Both in ar.  On a database error the compounds
 * are left out.
 */
const char *
search_expand(struct store *db, struct arena *ar, const char *match,
    const char **kinds)
{
	struct expand	 e;
	const char	*p = match, *open, *close;

	memset(&e, 0, sizeof(e));
	e.ar = ar;
	e.out = e.kinds = "";
	while ((open = strchr(p, '(')) != NULL &&
	    (close = strchr(open, ')')) != NULL) {
		e.out = arena_printf(ar, "%s%.*s", e.out, (int)(open - p), p);
		expand_group(db, &e, open, (size_t)(close - open + 1));
		p = close + 1;
	}
	e.out = arena_printf(ar, "%s%s", e.out, p);
	*kinds = e.kinds;
	return e.out;
}

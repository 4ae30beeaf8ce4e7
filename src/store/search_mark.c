/*
 * search_mark.c -- the visitor's words marked in a hit's title, lead and
 * body, for the search page.
 *
 * FTS5's highlight() and snippet() would do this, but each needs the
 * match run again for its row: ten hits cost ten more index lookups,
 * about 3 ms at 100,000 articles.  The hits' text is in hand already
 * (store_search_filtered() reads it with the hits), so the words are
 * found here: the text is cut into words by the index's own rule
 * (search_token.c) and every word that starts with a search word,
 * letters folded, or has its stem (search_stem.c), is put between
 * SEARCH_MARK_START and SEARCH_MARK_END.  html_highlight() turns the
 * marks into <mark> after escaping.
 */
#include <stdint.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/utf8.h"
#include "search.h"
#include "search_int.h"
#include "store_int.h"

#define ELLIPSIS	"\xe2\x80\xa6"
#define BEFORE		3	/* words kept before a snippet's first match */
#define MAX_MATCHES	256	/* snippet starts tried */

/* Stems a term may have: its own two, and those of compounds ending in
 * it (search_expand()). */
#define TERM_STEMS	20

struct term {
	unsigned long	 cp[SEARCH_MAX_BYTES];	/* the word, folded */
	size_t		 n;
	size_t		 nstems;
	unsigned long	 scp[TERM_STEMS][SEARCH_STEM_MAX];	/* stems */
	size_t		 sn[TERM_STEMS];
	const char	*stem[TERM_STEMS];
};

struct search_terms {
	struct term	 t[SEARCH_MAX_TERMS];
	size_t		 n;
	unsigned	 all;		/* a bit for each term */
};

struct word {
	size_t		 start, end;	/* byte offsets in the text */
	unsigned	 mask;		/* the terms it matches, a bit each */
};

/* The folded code points of the quoted string p..close into cp (room
 * for close - p); their count. */
static size_t
read_quoted(const char *p, const char *close, unsigned long *cp)
{
	size_t	 n = 0;

	while (p < close) {
		p += utf8_next(p, (size_t)(close - p), &cp[n]);
		cp[n] = search_fold(cp[n]);
		n++;
	}
	return n;
}

/*
 * The words of match, folded: each quoted string with a '*' after it
 * (`"Budget"*`) is a word, a quoted string without one is the stem of
 * the word before it (see search_match_query()).
 */
const struct search_terms *
search_terms(struct arena *ar, const char *match)
{
	struct search_terms *ts = arena_alloc(ar, sizeof(*ts));
	const char	*p = match ? match : "", *close;
	struct term	*t;

	ts->n = 0;
	while ((p = strchr(p, '"')) != NULL &&
	    (close = strchr(++p, '"')) != NULL) {
		if (close[1] == '*' && ts->n < SEARCH_MAX_TERMS) {
			t = &ts->t[ts->n];
			t->nstems = 0;
			if ((t->n = read_quoted(p, close, t->cp)) > 0)
				ts->n++;
		} else if (close[1] != '*' && ts->n > 0 &&
		    ts->t[ts->n - 1].nstems < TERM_STEMS &&
		    (size_t)(close - p) <= SEARCH_STEM_MAX) {
			t = &ts->t[ts->n - 1];
			t->sn[t->nstems] = read_quoted(p, close,
			    t->scp[t->nstems]);
			t->stem[t->nstems++] = arena_strndup(ar, p,
			    (size_t)(close - p));
		}
		p = close + 1;
	}
	ts->all = ts->n > 0 ? (1U << ts->n) - 1 : 0;
	return ts;
}

struct word_stems {
	char	 s[2][SEARCH_WORD_MAX + 4];
	int	 done;
};

/* search_words() callback: the stems of the (one) word into arg. */
static void
stems_into(void *arg, const char *w, size_t n)
{
	struct word_stems *st = arg;

	if (st->done++)
		return;
	(void)search_stem(w, n, st->s[0], sizeof(st->s[0]));
	if (search_stem_alt(w, n, st->s[1], sizeof(st->s[1])) == 0)
		st->s[1][0] = '\0';
}

/* 1 if the word s[0..len) shares a stem with term t. */
static int
same_stem(const char *s, size_t len, const struct term *t)
{
	char			 w[SEARCH_WORD_MAX + 1];
	struct word_stems	 st;
	size_t			 i, j;

	if (len > SEARCH_WORD_MAX)
		return 0;
	memcpy(w, s, len);
	w[len] = '\0';
	st.done = 0;
	st.s[0][0] = st.s[1][0] = '\0';
	search_words(w, stems_into, &st);
	for (i = 0; i < 2; i++)
		for (j = 0; j < t->nstems; j++)
			if (st.s[i][0] != '\0' &&
			    strcmp(st.s[i], t->stem[j]) == 0)
				return 1;
	return 0;
}

/* 1 if the folded code points cp[0..n) start with one of t's stems. */
static int
starts_with_stem(const unsigned long *cp, size_t n, const struct term *t)
{
	size_t	 j;

	for (j = 0; j < t->nstems; j++)
		if (t->sn[j] > 0 && t->sn[j] <= n &&
		    memcmp(t->scp[j], cp, t->sn[j] * sizeof(cp[0])) == 0)
			return 1;
	return 0;
}

/*
 * The terms the word s[0..len) matches, a bit each: it starts with the
 * term, or it has one of the term's stems, its own or a compound's (so
 * it starts with that stem too).
 * Most words start with a letter no term starts with and cost one
 * letter; only a word that starts with a term's stem is stemmed.
 */
static unsigned
word_mask(const char *s, size_t len, const struct search_terms *ts)
{
	unsigned long	 cp[SEARCH_MAX_BYTES];
	const char	*word = s;
	size_t		 n = 0, i, j, k, want = 0, wlen = len;
	unsigned	 mask = 0, maybe = 0;
	const struct term *t;

	k = utf8_next(s, len, &cp[0]);
	cp[0] = search_fold(cp[0]);
	for (i = 0; i < ts->n; i++) {
		t = &ts->t[i];
		if (t->cp[0] == cp[0]) {
			maybe |= 1U << i;
			if (t->n > want)
				want = t->n;
		}
		for (j = 0; j < t->nstems; j++)
			if (t->scp[j][0] == cp[0]) {
				maybe |= 1U << i;
				if (t->sn[j] > want)
					want = t->sn[j];
			}
	}
	if (maybe == 0)
		return 0;
	for (n = 1, s += k, len -= k; len > 0 && n < want; n++) {
		k = utf8_next(s, len, &cp[n]);
		cp[n] = search_fold(cp[n]);
		s += k;
		len -= k;
	}
	for (i = 0; i < ts->n; i++) {
		t = &ts->t[i];
		if (!(maybe & (1U << i)))
			continue;
		if (t->n <= n &&
		    memcmp(t->cp, cp, t->n * sizeof(cp[0])) == 0)
			mask |= 1U << i;
		else if (starts_with_stem(cp, n, t) &&
		    same_stem(word, wlen, t))
			mask |= 1U << i;
	}
	return mask;
}

/* The terms found in words w[s..s+span), a bit each. */
static unsigned
window_mask(const struct word *w, size_t s, size_t span)
{
	unsigned	 mask = 0;
	size_t		 j;

	for (j = s; j < s + span; j++)
		mask |= w[j].mask;
	return mask;
}

/* The first word of the window of span words around the match w[i]. */
static size_t
window_start(size_t i)
{
	return i > BEFORE ? i - BEFORE : 0;
}

/*
 * The words of text, in ar; *n is their count, *hits how many match.
 * For a snippet (span > 0) the reading stops once a window with every
 * term has been read and one word past it (so the window is known not
 * to reach the end): a long article's snippet is then its first such
 * window, found without reading the rest.  *found is that window's
 * first word, or SIZE_MAX when the text was read to its end.
 */
static struct word *
read_words(struct arena *ar, const char *text, const struct search_terms *ts,
    size_t span, size_t *n, size_t *hits, size_t *found)
{
	struct word	*w = NULL;
	size_t		 cap = 0, len = strlen(text), i = 0, k, start = 0;
	size_t		 next = 0;	/* the next match to try a window at */
	unsigned long	 cp;
	int		 in = 0;

	*n = *hits = 0;
	*found = SIZE_MAX;
	for (;;) {
		if (i >= len)
			k = 0;
		else if ((unsigned char)text[i] < 0x80) {
			k = 1;		/* most of a Swedish text: ASCII */
			cp = (unsigned char)text[i];
		} else
			k = utf8_next(text + i, len - i, &cp);
		if (k > 0 && (cp < 0x80 ? search_ascii_word_char(
		    (unsigned char)cp) : search_word_char(cp))) {
			if (!in)
				start = i;
			in = 1;
		} else if (in) {
			w = arena_grow(ar, w, *n, &cap, sizeof(*w));
			w[*n].start = start;
			w[*n].end = i;
			w[*n].mask = word_mask(text + start, i - start, ts);
			*hits += w[*n].mask != 0;
			(*n)++;
			in = 0;
			for (; span > 0 && next < *n; next++) {
				if (w[next].mask == 0)
					continue;
				if (window_start(next) + span >= *n)
					break;	/* not read to its end yet */
				if (window_mask(w, window_start(next), span) ==
				    ts->all) {
					*found = window_start(next);
					return w;
				}
			}
		}
		if (k == 0)
			break;
		i += k;
	}
	return w;
}

struct buf_out {
	char	*p;
	size_t	 len;
};

/* Append n bytes; search_mark() sized o->p for all of them. */
static void
put(struct buf_out *o, const char *s, size_t n)
{
	memcpy(o->p + o->len, s, n);
	o->len += n;
}

/*
 * Append n bytes of the hit's own text.  A mark character in it (a
 * private-use letter someone pasted) becomes U+FFFD, the same three
 * bytes long, so only our marks ever reach html_highlight().
 */
static void
put_text(struct buf_out *o, const char *s, size_t n)
{
	char	*p = o->p + o->len;
	size_t	 i;

	put(o, s, n);
	for (i = 0; i + 2 < n; i++)
		if (p[i] == '\xee' && p[i + 1] == '\x80' &&
		    (p[i + 2] == '\x80' || p[i + 2] == '\x81')) {
			memcpy(p + i, "\xef\xbf\xbd", 3);
			i += 2;
		}
}

/* Bytes from..to of text, the matching words among w[0..n) marked. */
static void
emit(struct buf_out *o, const char *text, size_t from, size_t to,
    const struct word *w, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (w[i].mask == 0 || w[i].start < from || w[i].end > to)
			continue;
		put_text(o, text + from, w[i].start - from);
		put(o, SEARCH_MARK_START, sizeof(SEARCH_MARK_START) - 1);
		put_text(o, text + w[i].start, w[i].end - w[i].start);
		put(o, SEARCH_MARK_END, sizeof(SEARCH_MARK_END) - 1);
		from = w[i].end;
	}
	put_text(o, text + from, to - from);
}

static unsigned
bits(unsigned m)
{
	unsigned	 c = 0;

	for (; m != 0; m &= m - 1)
		c++;
	return c;
}

/*
 * The first word of the best window of span words among w[0..n), the
 * whole text: the first one holding the most different terms.  Each
 * window starts BEFORE words ahead of a match, or earlier when the
 * text ends within it.
 */
static size_t
best_start(const struct word *w, size_t n, size_t span)
{
	size_t		 i, s, best = 0, tried = 0;
	unsigned	 score, top = 0;

	for (i = 0; i < n && tried < MAX_MATCHES; i++) {
		if (w[i].mask == 0)
			continue;
		tried++;
		s = window_start(i);
		if (s + span > n)	/* near the end: a full window */
			s = n > span ? n - span : 0;
		score = bits(window_mask(w, s, s + span < n ? span : n - s));
		if (score > top) {
			top = score;
			best = s;
		}
	}
	return best;
}

const char *
search_mark(struct arena *ar, const struct search_terms *ts,
    const char *text, size_t span)
{
	struct word	*w;
	struct buf_out	 o;
	size_t		 n, hits, s, e, from, to, found;

	if (text == NULL)
		return "";
	w = read_words(ar, text, ts, span, &n, &hits, &found);
	if (span > 0 && hits == 0)
		return "";
	from = 0;
	to = strlen(text);
	s = 0;
	e = n;
	if (span > 0) {
		s = found != SIZE_MAX ? found : best_start(w, n, span);
		e = s + span < n ? s + span : n;
		/* A window at either end keeps the text around it too. */
		from = s > 0 ? w[s].start : 0;
		to = e < n ? w[e - 1].end : to;
	}
	o.len = 0;
	o.p = arena_alloc(ar, (to - from) + hits * 6 + 2 * 3 + 1);
	if (s > 0)
		put(&o, ELLIPSIS, 3);
	emit(&o, text, from, to, n > 0 ? w + s : NULL, e - s);
	if (span > 0 && e < n)
		put(&o, ELLIPSIS, 3);
	o.p[o.len] = '\0';
	return o.p;
}

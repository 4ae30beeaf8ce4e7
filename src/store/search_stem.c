/*
 * search_stem.c -- Swedish stems for search: the only file that
 * includes libstemmer.h (Snowball).
 *
 * The index keeps, next to each article's title, lead and body, the
 * distinct stems of their words (columns stems_head and stems_body,
 * migrations/0008), and every search word also matches its stem there,
 * so "kvinna" finds kvinnan, kvinnor and kvinnorna.  Words are cut and
 * folded exactly as FTS5's unicode61 tokenizer (remove_diacritics 0)
 * cuts them (search_word_char(), search_fold()): å, ä and ö stay
 * letters of their own at every step, and Snowball's Swedish stemmer
 * only ever removes endings, so a stem is always the start of its word
 * and never loses a dot or a ring ("har", "här" and "hår" stay three
 * stems).  Snowball leaves the definite endings -et, -an and -in on
 * (våldet, kvinnan, pandemin), and cutting them off would part words
 * that end so in their base form (budget/budgeten, klimat/klimatet), so
 * such a word gets a second stem, of the word without the ending
 * (search_stem_alt()): the index holds both, a query asks for both, and
 * våld/våldet, kvinna/kvinnan and budget/budgeten all meet.  Words without a letter
 * (numbers: "2021", the parts of "1 250 000") have no stem: they are
 * found as typed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "../util/arena.h"
#include "../util/utf8.h"
#include "search_int.h"

/* The Snowball stemmer, made on first use and kept for the process. */
static struct sb_stemmer *
stemmer(void)
{
	static struct sb_stemmer	*sb;

	if (sb == NULL && (sb = sb_stemmer_new("swedish", "UTF_8")) == NULL)
		abort();	/* out of memory */
	return sb;
}

/* The number of code points in s[0..n). */
static size_t
cps(const char *s, size_t n)
{
	size_t	 i, k = 0;

	for (i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xc0) != 0x80;
	return k;
}

/* 1 if s[0..n) ends in the ASCII suffix suf with at least keep code
 * points before it. */
static int
ends(const char *s, size_t n, const char *suf, size_t keep)
{
	size_t	 k = strlen(suf);

	return n > k && memcmp(s + n - k, suf, k) == 0 &&
	    cps(s, n - k) >= keep;
}

/* Snowball's stem of w[0..n) into out (cap > n); its length, at most
 * n.  Words over SEARCH_STEM_MAX bytes are their own stem. */
static size_t
snowball(const char *w, size_t n, char *out)
{
	const sb_symbol	*s = NULL;
	size_t		 k = n;

	if (n <= SEARCH_STEM_MAX) {
		s = sb_stemmer_stem(stemmer(), (const sb_symbol *)w, (int)n);
		k = s != NULL ? (size_t)sb_stemmer_length(stemmer()) : n;
	}
	if (s == NULL || k > n || memcmp(s, w, k) != 0)
		k = n;		/* only endings go: a stem is a prefix */
	memcpy(out, w, k);
	out[k] = '\0';
	return k;
}

/*
 * The stem of word (w[0..n), lower case as search_fold() makes it) into
 * out (cap bytes); returns its length, at most n.  A stem is always a
 * prefix of the word.
 */
size_t
search_stem(const char *w, size_t n, char *out, size_t cap)
{
	if (n >= cap)
		n = cap - 1;
	return snowball(w, n, out);
}

/*
 * The second stem of w[0..n) (folded), into out (cap bytes): Snowball
 * leaves the definite endings -et, -an and -in on (våldet, kvinnan,
 * pandemin), so a word it leaves whole that ends in one of them also
 * gets the stem of the word without the ending (våld, kvinna, pandemi).
 * Returns its length, 0 when there is none (or it is the stem itself).
 * Also a prefix of the word.
 */
size_t
search_stem_alt(const char *w, size_t n, char *out, size_t cap)
{
	char	 s[SEARCH_STEM_MAX + 1];
	size_t	 base;

	if (n > SEARCH_STEM_MAX || n >= cap || snowball(w, n, s) != n)
		return 0;
	if (ends(w, n, "et", 2))
		base = n - 2;
	else if (ends(w, n, "an", 3) || ends(w, n, "in", 3))
		base = n - 1;
	else
		return 0;
	return snowball(w, base, out);
}

/*
 * Call fn for each word of text as the index reads it, folded to lower
 * case (UTF-8, at most SEARCH_WORD_MAX bytes: a longer word is cut
 * before the first letter that does not fit).  arg goes to fn.
 */
void
search_words(const char *text, void (*fn)(void *, const char *, size_t),
    void *arg)
{
	char		 w[SEARCH_WORD_MAX], enc[4];
	size_t		 len = text != NULL ? strlen(text) : 0, i = 0, n = 0;
	size_t		 k, e;
	unsigned long	 cp;
	int		 full = 0;

	while (i <= len) {
		k = i < len ? utf8_next(text + i, len - i, &cp) : 0;
		if (k > 0 && search_word_char(cp)) {
			e = utf8_put(enc, search_fold(cp));
			if (!full && n + e <= SEARCH_WORD_MAX) {
				memcpy(w + n, enc, e);
				n += e;
			} else
				full = 1;
		} else if (n > 0) {
			fn(arg, w, n);
			n = 0;
			full = 0;
		}
		i += k > 0 ? k : 1;
	}
}

/* A set of distinct stems and their text, "a b c", in an arena. */
struct stems {
	struct arena	*ar;
	const char	**slot;		/* open addressing */
	size_t		 nslot, used;
	char		*out;
	size_t		 len, cap;
};

/* FNV-1a of s[0..n), for the hash sets of stems and words. */
uint32_t
search_hash(const char *s, size_t n)
{
	uint32_t	 h = 2166136261u;

	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* Add s[0..n) (not yet NUL-terminated in place) if it is new. */
static void
stems_add(struct stems *st, const char *s, size_t n)
{
	const char	**old = st->slot;
	size_t		 i, oldn = st->nslot;

	if (st->used * 2 >= st->nslot) {
		st->nslot = oldn ? oldn * 2 : 256;
		st->slot = arena_alloc(st->ar, st->nslot * sizeof(*st->slot));
		st->used = 0;
		for (i = 0; i < oldn; i++)
			if (old[i] != NULL)
				stems_add(st, old[i], strlen(old[i]));
	}
	for (i = search_hash(s, n) & (st->nslot - 1); st->slot[i] != NULL;
	    i = (i + 1) & (st->nslot - 1))
		if (strncmp(st->slot[i], s, n) == 0 && st->slot[i][n] == '\0')
			return;
	st->slot[i] = arena_strndup(st->ar, s, n);
	st->used++;
	if (st->len + n + 2 > st->cap) {
		st->cap = (st->len + n + 2) * 2;
		st->out = memcpy(arena_alloc(st->ar, st->cap), st->out ?
		    st->out : "", st->len);
	}
	if (st->len > 0)
		st->out[st->len++] = ' ';
	memcpy(st->out + st->len, s, n);
	st->len += n;
	st->out[st->len] = '\0';
}

/* search_words() callback: the word's stem into the set, if it has
 * a letter. */
static void
add_word(void *arg, const char *w, size_t n)
{
	char	 stem[SEARCH_WORD_MAX + 4];
	size_t	 i, k;

	for (i = 0; i < n && w[i] >= '0' && w[i] <= '9'; i++)
		continue;
	if (i == n)
		return;		/* a number: no stem */
	k = search_stem(w, n, stem, sizeof(stem));
	stems_add(arg, stem, k);
	if ((k = search_stem_alt(w, n, stem, sizeof(stem))) > 0)
		stems_add(arg, stem, k);
}

/*
 * The distinct stems of the words of the texts t[0..n) (NULL entries
 * skipped), space-separated, in ar; "" when there are none.
 */
const char *
search_stems(struct arena *ar, const char *const *t, size_t n)
{
	struct stems	 st;
	size_t		 i;

	memset(&st, 0, sizeof(st));
	st.ar = ar;
	for (i = 0; i < n; i++)
		search_words(t[i], add_word, &st);
	return st.out != NULL ? st.out : "";
}

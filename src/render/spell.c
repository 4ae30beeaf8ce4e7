/*
 * spell.c -- Swedish spelling: the only file that includes hunspell.
 *
 * The dictionary (hunspell-sv, about 17 MB once loaded, 0.15 s to load)
 * is loaded for each check and freed after it, so a worker that has
 * shown a preview holds no more memory than one that has not (the
 * service's memory limit is shared by every worker).  The site's word
 * list is added to the loaded dictionary.  Asking for suggestions costs
 * 25-100 ms a word, so the first SPELL_SUGGEST_SURE unknown words get
 * them, and the next ones up to SPELL_SUGGEST_WORDS only while all
 * suggestions so far took under SPELL_SUGGEST_MS.  Nothing in the text is
 * changed: the editor decides.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <hunspell/hunspell.h>

#include "../util/arena.h"
#include "spell.h"
#include "words.h"

/* Milliseconds on a monotonic clock. */
static long long
ms_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Add each line of list (trimmed) and its genitive to h. */
static void
add_words(Hunhandle *h, struct arena *ar, const char *list)
{
	const char	*p, *e;
	size_t		 n;

	for (p = list != NULL ? list : ""; *p != '\0'; p = e) {
		for (e = p; *e != '\0' && *e != '\n'; e++)
			continue;
		for (n = (size_t)(e - p); n > 0 && strchr(" \t\r", p[n - 1]);
		    n--)
			continue;
		while (n > 0 && strchr(" \t", *p)) {
			p++;
			n--;
		}
		if (n > 0 && n < 100) {
			Hunspell_add(h, arena_strndup(ar, p, n));
			Hunspell_add(h, arena_printf(ar, "%.*s%s", (int)n, p,
			    p[n - 1] == 's' ? "" : "s"));
		}
		if (*e == '\n')
			e++;
	}
}

/* 1 if the token w is no word to check: an address (a URL, an e-mail
 * address, a path), anything with a digit, no letters at all, or the
 * first part of a compound that a later word completes ("skol- och
 * förskola"). */
static int
skipped(const struct word *w)
{
	return w->letters == 0 || w->digits > 0 || words_is_address(w) ||
	    (w->traillen > 0 && *w->trail == '-');
}

/* 1 if h knows the word at s (n bytes; "bl.a" is tried as "bl.a."
 * when dot says a dot follows), or each of its hyphenated parts. */
static int
known(Hunhandle *h, struct arena *ar, const char *s, size_t n, int dot)
{
	const char	*dash;

	if ((dot && Hunspell_spell(h, arena_printf(ar, "%.*s.", (int)n,
	    s))) || Hunspell_spell(h, arena_strndup(ar, s, n)))
		return 1;
	if ((dash = memchr(s, '-', n)) == NULL || dash == s)
		return 0;
	return known(h, ar, s, (size_t)(dash - s), 0) &&
	    (size_t)(dash - s) + 1 < n &&
	    known(h, ar, dash + 1, n - (size_t)(dash - s) - 1, dot);
}

/* Count w into the misses *out (grown in ar); 0 when the list is full. */
static int
note_miss(struct arena *ar, const struct word *w, struct spell_miss **out,
    size_t *n, size_t *cap)
{
	size_t		 i;

	for (i = 0; i < *n; i++)
		if (strlen((*out)[i].word) == w->corelen &&
		    memcmp((*out)[i].word, w->core, w->corelen) == 0) {
			(*out)[i].count++;
			return 1;
		}
	if (*n == SPELL_MAX_MISSES)
		return 0;
	*out = arena_grow(ar, *out, *n, cap, sizeof(**out));
	memset(&(*out)[*n], 0, sizeof(**out));
	(*out)[*n].word = arena_strndup(ar, w->core, w->corelen);
	(*out)[(*n)++].count = 1;
	return 1;
}

/* Hunspell's suggestions for the first misses, within the limits. */
static void
suggest(Hunhandle *h, struct arena *ar, struct spell_miss *m, size_t n)
{
	long long	 until = ms_now() + SPELL_SUGGEST_MS;
	char		**list;
	size_t		 i;
	int		 k, j;

	for (i = 0; i < n && i < SPELL_SUGGEST_WORDS &&
	    (i < SPELL_SUGGEST_SURE || ms_now() < until); i++) {
		k = Hunspell_suggest(h, &list, m[i].word);
		m[i].suggested = 1;
		m[i].sugg = arena_alloc(ar, SPELL_SUGGESTIONS *
		    sizeof(*m[i].sugg));
		for (j = 0; j < k && j < SPELL_SUGGESTIONS; j++)
			m[i].sugg[m[i].nsugg++] = arena_strdup(ar, list[j]);
		if (k > 0)
			Hunspell_free_list(h, &list, k);
	}
}

enum status
spell_check(struct arena *ar, const char *const *blocks, size_t n,
    const char *wordlist, struct spell_miss **out, size_t *nout)
{
	Hunhandle	*h;
	struct word	 w;
	size_t		 i, pos, len, cap = 0;

	*out = NULL;
	*nout = 0;
	if (access(SPELL_DICT ".aff", R_OK) != 0 ||
	    access(SPELL_DICT ".dic", R_OK) != 0)
		return ST_NOTFOUND;
	if ((h = Hunspell_create(SPELL_DICT ".aff", SPELL_DICT ".dic")) ==
	    NULL)
		return ST_NOTFOUND;
	add_words(h, ar, wordlist);
	for (i = 0; i < n; i++)
		for (pos = 0, len = strlen(blocks[i]);
		    words_next(blocks[i], len, &pos, &w); ) {
			if (skipped(&w) || known(h, ar, w.core, w.corelen,
			    w.traillen > 0 && *w.trail == '.'))
				continue;
			if (!note_miss(ar, &w, out, nout, &cap))
				goto done;
		}
done:
	suggest(h, ar, *out, *nout);
	Hunspell_destroy(h);
	return ST_OK;
}

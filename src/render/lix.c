/*
 * lix.c -- klarspråk: LIX and what makes a text hard to read.
 *
 * LIX (Björnsson's läsbarhetsindex) is the words per sentence plus the
 * share of long words (over six letters) as a percentage.  The text is
 * what a reader sees (md_blocks(): headings, paragraphs, list items),
 * never Markdown syntax.  Each block ends a sentence; in
 * a block, Swedish sentence rules apply (see lix.h and ends_sentence()).
 * Pure computation: no I/O; results in the caller's arena.
 */
#include <string.h>

#include "../util/arena.h"
#include "lix.h"
#include "words.h"

/* Abbreviations that never end a sentence (lower case, final dot). */
static const char *const mid_abbrev[] = {
	"bl.a.", "t.ex.", "d.v.s.", "dvs.", "s.k.", "p.g.a.", "pga.",
	"fr.o.m.", "t.o.m.", "f.d.", "f.n.", "ca.", "ca", "jfr.", "resp.",
	"inkl.", "exkl.", "kl.", "nr.", "tel.", "enl.", "ang.", "obs.",
	"prof.", "dir.", "tf.", "f.ö.", "m.a.o.", "i.o.m.", "o.d.", "e.d.",
	"sek.", "s.", "fr.", "mån.", "tis.", "ons.", "tors.", "fre.",
	"jan.", "feb.", "aug.", "sept.", "okt.", "nov.", "dec.", "mm.",
	"cm.", "km.", "vs.", "bl.", "t.", "t.ex", "bl.a"
};

/* Abbreviations that may close a sentence: one dot serves both, so
 * they end it only before a capital ("20 miljoner kr. Nästa år"). */
static const char *const end_abbrev[] = {
	"kr.", "st.", "osv.", "o.s.v.", "etc.", "m.fl.", "m.m.", "mkr.",
	"mnkr.", "mdkr.", "tkr.", "milj.", "mdr.", "proc."
};

/* 1 if the token (ASCII lower-cased, leading punctuation dropped) is
 * in list. */
static int
in_list(const struct word *w, const char *const *list, size_t n)
{
	char	 low[16];
	size_t	 i, len = (size_t)(w->tok + w->toklen - w->core);

	if (len >= sizeof(low))
		return 0;
	for (i = 0; i < len; i++)
		low[i] = (char)(w->core[i] >= 'A' && w->core[i] <= 'Z' ?
		    w->core[i] + 32 : w->core[i]);
	low[len] = '\0';
	for (i = 0; i < n; i++)
		if (strcmp(low, list[i]) == 0)
			return 1;
	return 0;
}

/* 1 if the core is short pieces joined by dots ("bl.a", "fr.o.m"): an
 * abbreviation we do not list. */
static int
dotted(const struct word *w)
{
	size_t	 i, run = 0, dots = 0;

	for (i = 0; i < w->corelen; i++) {
		if (w->core[i] == '.') {
			dots++;
			run = 0;
		} else if (++run > 3)
			return 0;
	}
	return dots > 0;
}

/* 1 if the trailing punctuation of w holds c. */
static int
trails(const struct word *w, char c)
{
	return memchr(w->trail, c, w->traillen) != NULL;
}

/*
 * 1 if w ends its sentence, next being the following word of the block
 * (NULL at the block's end, which ends it anyway).
 */
static int
ends_sentence(const struct word *w, const struct word *next)
{
	int	 lower = next != NULL &&
	    words_starts_lower(next->tok, next->toklen);

	if (next == NULL)
		return 1;
	if (trails(w, '!') || trails(w, '?'))
		return !lower;
	if (!trails(w, '.') || lower)
		return 0;
	if (in_list(w, end_abbrev, sizeof(end_abbrev) / sizeof(*end_abbrev)))
		return 1;
	if (in_list(w, mid_abbrev, sizeof(mid_abbrev) / sizeof(*mid_abbrev)) ||
	    dotted(w) || (w->letters == 1 && w->digits == 0))
		return 0;
	return 1;
}

/* 1 if w is a group of exactly three digits that continues the number
 * before it ("1 250 000"): prev_num says the last word could go on. */
static int
continues_number(const struct word *w, int prev_num)
{
	return prev_num && w->digits == 3 && w->letters == 0 &&
	    w->corelen == 3 && w->core == w->tok;
}

/* 1 if w may be followed by a three-digit group: one to three digits
 * (or a group) with nothing after them. */
static int
may_continue(const struct word *w)
{
	return w->letters == 0 && w->digits >= 1 && w->digits <= 3 &&
	    w->corelen == w->digits && w->traillen == 0;
}

/* Remember w among the LIX_LONGEST longest distinct words of out. */
static void
note_long(struct arena *ar, struct lix *out, const struct word *w)
{
	size_t	 i, j;

	for (i = 0; i < out->nlongest; i++)
		if (strlen(out->longest[i].word) == w->corelen &&
		    memcmp(out->longest[i].word, w->core, w->corelen) == 0)
			return;
	for (i = 0; i < out->nlongest && out->longest[i].letters >=
	    w->letters; i++)
		continue;
	if (i == LIX_LONGEST)
		return;
	j = out->nlongest < LIX_LONGEST ? out->nlongest++ : LIX_LONGEST - 1;
	for (; j > i; j--)
		out->longest[j] = out->longest[j - 1];
	out->longest[i].word = arena_strndup(ar, w->core, w->corelen);
	out->longest[i].letters = w->letters;
}

/* Record a sentence of n words from s to e if it is long. */
static void
note_sentence(struct arena *ar, struct lix *out, const char *s,
    const char *e, size_t n, size_t *cap)
{
	if (n <= LIX_LONG_SENTENCE)
		return;
	out->long_sentences = arena_grow(ar, out->long_sentences, out->nlong,
	    cap, sizeof(*out->long_sentences));
	out->long_sentences[out->nlong].text = arena_strndup(ar, s,
	    (size_t)(e - s));
	out->long_sentences[out->nlong++].words = n;
}

/* Count one block into out. */
static void
count_block(struct arena *ar, const char *b, struct lix *out, size_t *cap)
{
	struct word	 w, next;
	size_t		 len = strlen(b), pos = 0, n = 0;
	const char	*start = NULL;
	int		 have, prev_num = 0;

	have = words_next(b, len, &pos, &next);
	while (have) {
		w = next;
		do
			have = words_next(b, len, &pos, &next);
		while (have && next.corelen == 0);
		if (w.corelen == 0)
			continue;
		if (!continues_number(&w, prev_num)) {
			if (n++ == 0)
				start = w.tok;
			out->words++;
			if (w.letters > LIX_LONG_WORD &&
			    !words_is_address(&w)) {
				out->long_words++;
				note_long(ar, out, &w);
			}
		}
		prev_num = may_continue(&w);
		if (ends_sentence(&w, have ? &next : NULL)) {
			out->sentences++;
			note_sentence(ar, out, start, w.tok + w.toklen, n, cap);
			n = 0;
		}
	}
}

void
lix_count(struct arena *ar, const char *const *blocks, size_t n,
    struct lix *out)
{
	size_t	 i, cap = 0;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < n; i++)
		count_block(ar, blocks[i], out, &cap);
	if (out->words == 0 || out->sentences == 0) {
		out->lix = -1;
		return;
	}
	/* words/sentences + 100*long/words, rounded half up. */
	out->lix = (int)((2 * (out->words * out->words + 100 *
	    out->long_words * out->sentences) + out->words * out->sentences) /
	    (2 * out->words * out->sentences));
}

const char *
lix_grade(int lix)
{
	if (lix < 30)
		return "Mycket lättläst";
	if (lix < 40)
		return "Lättläst";
	if (lix < 50)
		return "Medelsvår";
	if (lix < 60)
		return "Svår";
	return "Mycket svår";
}

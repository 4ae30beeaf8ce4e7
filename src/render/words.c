/*
 * words.c -- splitting rendered text into words.  Text comes from
 * md_blocks() (valid UTF-8); a letter is an ASCII letter or a code
 * point from U+00C0 up that is not punctuation, a space or a symbol
 * (å, ä, ö, é, ü, ...), which is all Swedish text needs.
 */
#include <string.h>

#include "../util/utf8.h"
#include "words.h"

/* 1 for the spaces that separate tokens. */
static int
is_space(unsigned long cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == '\f' || cp == '\v' || cp == 0xa0 || cp == 0x2009 ||
	    cp == 0x202f;
}

/* 1 for a letter (see the file comment). */
static int
is_letter(unsigned long cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	if (cp < 0xc0 || cp == 0xd7 || cp == 0xf7)
		return 0;
	return cp < 0x2000 || (cp >= 0x2c00 && cp < 0x2e00) ||
	    (cp >= 0x3040 && cp < 0xfe00);
}

static int
is_digit(unsigned long cp)
{
	return cp >= '0' && cp <= '9';
}

/* The code point at s[i] (i < n) into *cp; its length. */
static size_t
at(const char *s, size_t i, size_t n, unsigned long *cp)
{
	return utf8_next(s + i, n - i, cp);
}

/* Set w's core, trail, letters and digits from its token. */
static void
split(struct word *w)
{
	unsigned long	 cp;
	size_t		 i, k, start = w->toklen, end = 0;

	w->letters = w->digits = 0;
	for (i = 0; i < w->toklen; i += k) {
		k = at(w->tok, i, w->toklen, &cp);
		if (!is_letter(cp) && !is_digit(cp))
			continue;
		if (start == w->toklen)
			start = i;
		end = i + k;
		if (is_letter(cp))
			w->letters++;
		else
			w->digits++;
	}
	if (start == w->toklen)
		start = end = w->toklen;
	w->core = w->tok + start;
	w->corelen = end - start;
	w->trail = w->tok + end;
	w->traillen = w->toklen - end;
}

int
words_next(const char *s, size_t len, size_t *pos, struct word *w)
{
	unsigned long	 cp;
	size_t		 n = len - *pos, i = 0, k, b;

	s += *pos;
	while (i < n && (k = at(s, i, n, &cp)) > 0 && is_space(cp))
		i += k;
	if (i == n)
		return 0;
	for (b = i; i < n && (k = at(s, i, n, &cp)) > 0 && !is_space(cp); )
		i += k;
	w->tok = s + b;
	w->toklen = i - b;
	split(w);
	*pos += i;
	return 1;
}

/* 1 if the n bytes at s hold the string t. */
static int
holds(const char *s, size_t n, const char *t)
{
	size_t	 k = strlen(t), i;

	for (i = 0; i + k <= n; i++)
		if (memcmp(s + i, t, k) == 0)
			return 1;
	return 0;
}

int
words_is_address(const struct word *w)
{
	return holds(w->tok, w->toklen, "://") ||
	    holds(w->tok, w->toklen, "www.") ||
	    memchr(w->tok, '@', w->toklen) != NULL ||
	    memchr(w->tok, '/', w->toklen) != NULL;
}

int
words_starts_lower(const char *s, size_t len)
{
	unsigned long	 cp;
	size_t		 i, k;

	for (i = 0; i < len; i += k) {
		k = at(s, i, len, &cp);
		if (is_letter(cp))
			return cp < 0x80 ? (cp >= 'a' && cp <= 'z') :
			    (cp >= 0xdf && cp <= 0xff && cp != 0xf7);
		if (is_digit(cp))
			return 0;
	}
	return 0;
}

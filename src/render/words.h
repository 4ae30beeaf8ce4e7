/*
 * words.h -- splitting rendered text into words, for the klarspråk
 * (lix.c) and spelling (spell.c) checks.
 */
#ifndef WORDS_H
#define WORDS_H

#include <stddef.h>

/* One whitespace-separated token of a text, and its word inside. */
struct word {
	const char	*tok;		/* the token as typed */
	size_t		 toklen;
	const char	*core;		/* without leading and trailing
					 * punctuation: "(bl.a." -> "bl.a" */
	size_t		 corelen;
	const char	*trail;		/* the trailing punctuation ("." ")") */
	size_t		 traillen;
	size_t		 letters;	/* letters in core (not digits, not
					 * hyphens) */
	size_t		 digits;	/* digits in core */
};

/* The next token of the len bytes at s from *pos (advanced past it)
 * into *w; 0 when there is none.  Spaces are ASCII white space, no-break and thin spaces.  A
 * token with no letter or digit has corelen 0. */
int	words_next(const char *s, size_t len, size_t *pos, struct word *w);

/* 1 if the token is an address rather than a word: a URL ("://",
 * "www."), an e-mail address or a path (holds '@' or '/'). */
int	words_is_address(const struct word *);

/* 1 if the first letter of the token at s is a lower-case letter. */
int	words_starts_lower(const char *s, size_t len);

#endif

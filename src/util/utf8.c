/*
 * utf8.c -- strict UTF-8 validation for everything that comes from outside.
 *
 * req.c runs every parameter, cookie and body through utf8_valid() before
 * a handler sees it, so the rest of the program may assume well-formed
 * UTF-8 without NUL bytes.  The checks follow RFC 3629 table 3-7: no
 * overlong forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF.
 * utf8_next() steps through text one code point at a time (the search
 * code reads words with it).
 */
#include <stddef.h>

#include "utf8.h"

/* 1 if c is a continuation byte 10xxxxxx. */
static int
cont(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

/*
 * Length of the well-formed multi-byte sequence at p (at most n bytes
 * available), or 0 if it is malformed.  p[0] is not ASCII.
 */
static size_t
seqlen(const unsigned char *p, size_t n)
{
	unsigned char	 c = p[0];

	if (c < 0xc2)		/* stray continuation or overlong 2-byte */
		return 0;
	if (c < 0xe0)
		return n >= 2 && cont(p[1]) ? 2 : 0;
	if (c < 0xf0) {
		if (n < 3 || !cont(p[1]) || !cont(p[2]))
			return 0;
		if (c == 0xe0 && p[1] < 0xa0)	/* overlong */
			return 0;
		if (c == 0xed && p[1] >= 0xa0)	/* surrogate */
			return 0;
		return 3;
	}
	if (c < 0xf5) {
		if (n < 4 || !cont(p[1]) || !cont(p[2]) || !cont(p[3]))
			return 0;
		if (c == 0xf0 && p[1] < 0x90)	/* overlong */
			return 0;
		if (c == 0xf4 && p[1] >= 0x90)	/* above U+10FFFF */
			return 0;
		return 4;
	}
	return 0;
}

/*
 * 1 if the n bytes at s are well-formed UTF-8 without NUL, else 0.
 * Allocates nothing.
 */
int
utf8_valid(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, k;

	while (i < n) {
		if (p[i] < 0x80) {
			if (p[i] == '\0')
				return 0;
			i++;
			continue;
		}
		if ((k = seqlen(p + i, n - i)) == 0)
			return 0;
		i += k;
	}
	return 1;
}

/*
 * Decode the code point at s (n > 0 bytes left) into *cp and return the
 * bytes it takes.  A malformed or cut-off sequence reads as one byte of
 * U+FFFD, so a loop over any bytes always moves on.
 */
size_t
utf8_next(const char *s, size_t n, unsigned long *cp)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned long		 c;
	size_t			 k, i;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if ((k = seqlen(p, n)) == 0) {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	c = p[0] & (0x7fU >> k);
	for (i = 1; i < k; i++)
		c = (c << 6) | (p[i] & 0x3f);
	*cp = c;
	return k;
}

/*
 * Encode the code point cp (at most U+10FFFF) at out, which has room for
 * four bytes; returns the bytes written (1 to 4).
 */
size_t
utf8_put(char *out, unsigned long cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/*
 * utf8.h -- UTF-8 validation for everything that comes from outside,
 * and decoding one code point at a time.
 */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>

/* 1 if the n bytes are well-formed UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF) and hold no NUL byte. */
int	utf8_valid(const char *, size_t);

#define UTF8_REPLACEMENT	0xfffdUL

/* The code point at s (n > 0 bytes) into *cp; returns its length in
 * bytes.  A malformed sequence is one byte of UTF8_REPLACEMENT. */
size_t	utf8_next(const char *s, size_t n, unsigned long *cp);

/* Write cp (<= U+10FFFF) as UTF-8 at out (room for 4); returns its
 * bytes. */
size_t	utf8_put(char *out, unsigned long cp);

#endif

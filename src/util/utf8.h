/*
 * utf8.h -- UTF-8 validation for everything that comes from outside.
 */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>

/* 1 if the n bytes are well-formed UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF) and hold no NUL byte. */
int	utf8_valid(const char *, size_t);

#endif

/*
 * hex.h -- the value of one hexadecimal digit, for the percent-escapes
 * of URIs: decoding a request (web/req.c), reading a path as nginx
 * routes it (web/route.c), encoding a redirect target (web/resp.c).
 */
#ifndef HEX_H
#define HEX_H

/* The value of hex digit c (either case), or -1. */
static inline int
hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

#endif

/*
 * num.c -- the one number rule (num.h): an optional '-' (only when
 * min < 0), then decimal digits with no leading zero ("0" itself is
 * fine), nothing else: no space, no '+', no exponent.  Overflow is
 * caught digit by digit, before it can happen.
 */
#include <stddef.h>
#include <stdint.h>

#include "num.h"

enum status
num_parse_int(const char *s, int64_t min, int64_t max, int64_t *v)
{
	uint64_t	 n = 0, lim;
	int		 neg = 0;
	const char	*p;

	if (s == NULL || *s == '\0')
		return ST_NOTFOUND;
	if (*s == '-' && min < 0) {
		neg = 1;
		s++;
	}
	if (*s < '0' || *s > '9' || (s[0] == '0' && (s[1] != '\0' || neg)))
		return ST_BADREQ;
	lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (p = s; *p != '\0'; p++) {
		if (*p < '0' || *p > '9' || n > (lim - (uint64_t)(*p - '0')) / 10)
			return ST_BADREQ;
		n = n * 10 + (uint64_t)(*p - '0');
	}
	if (neg && n == (uint64_t)INT64_MAX + 1) {
		if (min > INT64_MIN)
			return ST_BADREQ;
		*v = INT64_MIN;
		return ST_OK;
	}
	if ((neg ? -(int64_t)n : (int64_t)n) < min ||
	    (neg ? -(int64_t)n : (int64_t)n) > max)
		return ST_BADREQ;
	*v = neg ? -(int64_t)n : (int64_t)n;
	return ST_OK;
}

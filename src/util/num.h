/*
 * num.h -- decimal integers read strictly: the one digit parser.
 *
 * web/req.c reads every number in a request through it (req_parse_int
 * and the typed accessors), and store/site.c the test clock's setting.
 */
#ifndef NUM_H
#define NUM_H

#include <stdint.h>

#include "status.h"

/*
 * s as an integer in [min, max].  s must be decimal digits without a
 * leading zero ("0" is fine), a '-' in front only when min < 0, and
 * nothing else.  ST_OK with *v set; ST_NOTFOUND when s is NULL or "";
 * ST_BADREQ for anything else (junk, a sign, space, overflow, out of
 * range).  *v is only written on ST_OK, so a default set before stays.
 */
enum status	 num_parse_int(const char *s, int64_t min, int64_t max,
		    int64_t *v);

#endif

/*
 * test_num.c -- the one number rule (util/num.c): bounds, absent and
 * empty, junk, signs, leading zeros and overflow, and that only ST_OK
 * writes the value.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "util/num.h"

#define TWO_53	(INT64_C(1) << 53)	/* web/req.h's REQ_MAX_ID */

static const struct icase {
	const char	*s;
	int64_t		 min, max;
	enum status	 st;
	int64_t		 v;	/* when ST_OK */
} icases[] = {
	{ "1", 0, 10, ST_OK, 1 },
	{ "0", 0, 10, ST_OK, 0 },
	{ "10", 0, 10, ST_OK, 10 },
	{ "11", 0, 10, ST_BADREQ, 0 },		/* over max */
	{ "0", 1, 10, ST_BADREQ, 0 },		/* under min */
	{ NULL, 0, 10, ST_NOTFOUND, 0 },	/* absent */
	{ "", 0, 10, ST_NOTFOUND, 0 },		/* empty */
	{ "01", 0, 10, ST_BADREQ, 0 },		/* leading zero */
	{ "00", 0, 10, ST_BADREQ, 0 },
	{ " 1", 0, 10, ST_BADREQ, 0 },		/* junk */
	{ "1 ", 0, 10, ST_BADREQ, 0 },
	{ "+1", 0, 10, ST_BADREQ, 0 },
	{ "-1", 0, 10, ST_BADREQ, 0 },		/* no sign for min >= 0 */
	{ "1a", 0, 10, ST_BADREQ, 0 },
	{ "a", 0, 10, ST_BADREQ, 0 },
	{ "1e3", 0, 10000, ST_BADREQ, 0 },
	{ "0x10", 0, 100, ST_BADREQ, 0 },
	{ "1.0", 0, 10, ST_BADREQ, 0 },
	{ "-", -10, 10, ST_BADREQ, 0 },
	{ "-0", -10, 10, ST_BADREQ, 0 },
	{ "-5", -10, 10, ST_OK, -5 },
	{ "-11", -10, 10, ST_BADREQ, 0 },
	{ "--1", -10, 10, ST_BADREQ, 0 },
	{ "9223372036854775807", 0, INT64_MAX, ST_OK, INT64_MAX },
	{ "9223372036854775808", 0, INT64_MAX, ST_BADREQ, 0 },	/* overflow */
	{ "99999999999999999999999", 0, INT64_MAX, ST_BADREQ, 0 },
	{ "-9223372036854775808", INT64_MIN, 0, ST_OK, INT64_MIN },
	{ "-9223372036854775808", INT64_MIN + 1, 0, ST_BADREQ, 0 },
	{ "-9223372036854775809", INT64_MIN, 0, ST_BADREQ, 0 },
	{ "9007199254740992", 1, TWO_53, ST_OK, TWO_53 },
	{ "9007199254740993", 1, TWO_53, ST_BADREQ, 0 },
	/* The test clock's range (web/route.c, mail/sender.c). */
	{ "-3600", INT64_MIN / 2, INT64_MAX / 2, ST_OK, -3600 },
	{ "86400x", INT64_MIN / 2, INT64_MAX / 2, ST_BADREQ, 0 },
};

static void
test_parse_int_table(void **state)
{
	size_t		 i;
	int64_t		 v;
	enum status	 st;

	(void)state;
	for (i = 0; i < sizeof(icases) / sizeof(icases[0]); i++) {
		v = 4242;
		st = num_parse_int(icases[i].s, icases[i].min, icases[i].max,
		    &v);
		if (st != icases[i].st)
			fail_msg("case %zu (%s): status %d, want %d", i,
			    icases[i].s ? icases[i].s : "NULL", st,
			    icases[i].st);
		/* Only an ST_OK writes *v: a default set before stays. */
		assert_int_equal(v, st == ST_OK ? icases[i].v : 4242);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_int_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

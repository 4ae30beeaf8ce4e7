/*
 * test_civil.c -- the calendar below the store, the web layer and the
 * renderer: Stockholm years and HTTP dates, whatever TZ says.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <cmocka.h>

#include "util/civil.h"

#define T_WINTER	1613118600LL	/* 2021-02-12 09:30 CET */
#define T_SUMMER	1625133600LL	/* 2021-07-01 12:00 CEST */

static int
setup(void **state)
{
	(void)state;
	setenv("TZ", "America/New_York", 1);
	return 0;
}

static const char *
http(int64_t t)
{
	static char	 out[32];

	civil_http_date(t, out);
	return out;
}

static void
test_year(void **state)
{
	(void)state;
	/* 2021-12-31 23:30 UTC is already 2022 in Stockholm. */
	assert_int_equal(civil_year(1640993400LL), 2022);
	assert_int_equal(civil_year(1640989800LL), 2021);
	assert_int_equal(civil_year(T_SUMMER), 2021);
	assert_int_equal(civil_year_start(2022), 1640991600LL);
	assert_int_equal(civil_year(civil_year_start(2024)), 2024);
	assert_int_equal(civil_year(civil_year_start(2024) - 1), 2023);
	assert_int_equal(civil_year(INT64_MAX), 9999);
	assert_int_equal(civil_year(INT64_MIN), 1);
}

static void
test_http_date(void **state)
{
	(void)state;
	assert_string_equal(http(T_WINTER), "Fri, 12 Feb 2021 08:30:00 GMT");
	assert_string_equal(http(T_SUMMER), "Thu, 01 Jul 2021 10:00:00 GMT");
	assert_string_equal(http(0), "Thu, 01 Jan 1970 00:00:00 GMT");
	assert_string_equal(http(INT64_MIN), "Mon, 01 Jan 0001 00:00:00 GMT");
	assert_string_equal(http(INT64_MAX), "Fri, 31 Dec 9999 23:59:59 GMT");
	/* An e-mail's Date: the same fixdate with a numeric zone. */
	{
		char	 m[32];

		civil_mail_date(T_WINTER, m);
		assert_string_equal(m, "Fri, 12 Feb 2021 08:30:00 +0000");
		civil_mail_date(INT64_MAX, m);
		assert_string_equal(m, "Fri, 31 Dec 9999 23:59:59 +0000");
	}
}

static void
test_http_parse(void **state)
{
	int64_t	 t = -1;

	(void)state;
	assert_true(civil_http_parse("Fri, 12 Feb 2021 08:30:00 GMT", &t));
	assert_int_equal(t, T_WINTER);
	t = -1;
	assert_true(civil_http_parse("Friday, 12-Feb-21 08:30:00 GMT", &t));
	assert_int_equal(t, T_WINTER);
	t = -1;
	assert_true(civil_http_parse("Fri Feb 12 08:30:00 2021", &t));
	assert_int_equal(t, T_WINTER);
	assert_false(civil_http_parse("", &t));
	assert_false(civil_http_parse("Fri, 12 Feb 2021 08:30:00 GMT x", &t));
	assert_false(civil_http_parse("Fri, 12 Fob 2021 08:30:00 GMT", &t));
	assert_false(civil_http_parse("Fri, 32 Feb 2021 08:30:00 GMT", &t));
	assert_false(civil_http_parse("Fri, 12 Feb 2021 24:30:00 GMT", &t));
	assert_false(civil_http_parse("Fri, 12 Feb 1969 08:30:00 GMT", &t));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_year),
		cmocka_unit_test(test_http_date),
		cmocka_unit_test(test_http_parse),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}

/*
 * test_date.c -- Swedish dates in Europe/Stockholm, whatever TZ says.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "arena_fixture.h"
#include "render/date.h"

#define T_WINTER	1613118600LL	/* 2021-02-12 09:30 CET */
#define T_SUMMER	1625133600LL	/* 2021-07-01 12:00 CEST */
#define T_SPRING	1616893200LL	/* 2021-03-28 01:00 UTC: to CEST */
#define T_AUTUMN	1635642000LL	/* 2021-10-31 01:00 UTC: to CET */

static int
setup(void **state)
{
	/* The module must not depend on the process time zone. */
	setenv("TZ", "America/New_York", 1);
	return arena_setup(state);
}

static void
test_formats(void **state)
{
	(void)state;
	assert_string_equal(date_sv(&ar, T_WINTER), "12 februari 2021");
	assert_string_equal(date_sv_time(&ar, T_WINTER),
	    "12 februari 2021 kl. 09.30");
	assert_string_equal(date_iso(&ar, T_WINTER),
	    "2021-02-12T09:30:00+01:00");
	assert_string_equal(date_ymd(&ar, T_WINTER), "2021-02-12");
	assert_string_equal(date_hm(&ar, T_WINTER), "09:30");
	assert_string_equal(date_sv(&ar, 0), "1 januari 1970");
}

static void
test_summer(void **state)
{
	(void)state;
	assert_string_equal(date_iso(&ar, T_SUMMER),
	    "2021-07-01T12:00:00+02:00");
	assert_string_equal(date_sv_time(&ar, T_SUMMER),
	    "1 juli 2021 kl. 12.00");
}

static void
test_dst_boundaries(void **state)
{
	(void)state;
	assert_string_equal(date_iso(&ar, T_SPRING - 1),
	    "2021-03-28T01:59:59+01:00");
	assert_string_equal(date_iso(&ar, T_SPRING),
	    "2021-03-28T03:00:00+02:00");
	assert_string_equal(date_iso(&ar, T_AUTUMN - 1),
	    "2021-10-31T02:59:59+02:00");
	assert_string_equal(date_iso(&ar, T_AUTUMN),
	    "2021-10-31T02:00:00+01:00");
	/* 2024: last Sundays are 31 March and 27 October. */
	assert_string_equal(date_iso(&ar, 1711846800LL - 1),
	    "2024-03-31T01:59:59+01:00");
	assert_string_equal(date_iso(&ar, 1711846800LL),
	    "2024-03-31T03:00:00+02:00");
	assert_string_equal(date_iso(&ar, 1729990800LL),
	    "2024-10-27T02:00:00+01:00");
}

static void
test_months(void **state)
{
	static const char *const want[12] = {
		"15 januari 2023", "15 februari 2023", "15 mars 2023",
		"15 april 2023", "15 maj 2023", "15 juni 2023",
		"15 juli 2023", "15 augusti 2023", "15 september 2023",
		"15 oktober 2023", "15 november 2023", "15 december 2023",
	};
	char	 ymd[32];
	int	 m;
	int64_t	 t;

	(void)state;
	for (m = 1; m <= 12; m++) {
		snprintf(ymd, sizeof(ymd), "2023-%02d-15", m);
		t = date_parse_local(ymd, "12:00");
		assert_true(t > 0);
		assert_string_equal(date_sv(&ar, t), want[m - 1]);
	}
}

static void
test_parse(void **state)
{
	(void)state;
	assert_int_equal(date_parse_local("2021-02-12", "09:30"), T_WINTER);
	assert_int_equal(date_parse_local("2021-07-01", "12:00"), T_SUMMER);
	assert_int_equal(date_parse_local("2024-02-29", NULL), 1709161200LL);
	assert_int_equal(date_parse_local("2024-02-29", ""), 1709161200LL);
	assert_int_equal(date_parse_local("2024-02-29", "00:00"),
	    1709161200LL);
	assert_int_equal(date_parse_local("2021-03-28", "01:59"),
	    1616893140LL);
	assert_int_equal(date_parse_local("2021-03-28", "03:00"), T_SPRING);
	/* The repeated autumn hour: the first (summer-time) one. */
	assert_int_equal(date_parse_local("2021-10-31", "02:00"),
	    1635638400LL);
	assert_int_equal(date_parse_local("2021-10-31", "03:00"),
	    T_AUTUMN + 3600);
	/* UTC as older audit rows store it. */
	assert_int_equal(date_parse_utc("2021-02-12 08:30:00 UTC"), T_WINTER);
	assert_string_equal(date_sv_time(&ar, date_parse_utc(
	    "2021-07-01 10:00:00 UTC")), "1 juli 2021 kl. 12.00");
	assert_int_equal(date_parse_utc("2021-02-12 08:30:00"), -1);
	assert_int_equal(date_parse_utc("2021-02-30 08:30:00 UTC"), -1);
	assert_int_equal(date_parse_utc(""), -1);
	/* The spring gap is read as winter time: 02:30 is 03:30 CEST. */
	assert_string_equal(date_iso(&ar, date_parse_local("2021-03-28",
	    "02:30")), "2021-03-28T03:30:00+02:00");
}

static void
test_round_trip(void **state)
{
	int64_t	 t, back;

	(void)state;
	for (t = 1577836800LL; t < 1735689600LL; t += 86400 * 7 + 3600 * 5 +
	    60 * 17) {
		t -= t % 60;
		back = date_parse_local(date_ymd(&ar, t), date_hm(&ar, t));
		if (back != t) {
			/* Only the repeated autumn hour may differ. */
			assert_int_equal(back, t - 3600);
			assert_string_equal(date_hm(&ar, t),
			    date_hm(&ar, back));
		}
	}
}

static void
test_parse_invalid(void **state)
{
	(void)state;
	assert_int_equal(date_parse_local("2021-02-30", "09:30"), -1);
	assert_int_equal(date_parse_local("2021-02-29", NULL), -1);
	assert_int_equal(date_parse_local("2100-02-29", NULL), -1);
	assert_int_equal(date_parse_local("2021-04-31", NULL), -1);
	assert_int_equal(date_parse_local("2021-13-01", NULL), -1);
	assert_int_equal(date_parse_local("2021-00-10", NULL), -1);
	assert_int_equal(date_parse_local("2021-01-00", NULL), -1);
	assert_int_equal(date_parse_local("2021-1-5", NULL), -1);
	assert_int_equal(date_parse_local("21-01-05", NULL), -1);
	assert_int_equal(date_parse_local("2021/01/05", NULL), -1);
	assert_int_equal(date_parse_local("2021-01-05x", NULL), -1);
	assert_int_equal(date_parse_local(" 2021-01-05", NULL), -1);
	assert_int_equal(date_parse_local("", NULL), -1);
	assert_int_equal(date_parse_local(NULL, NULL), -1);
	assert_int_equal(date_parse_local("2021-01-05", "24:00"), -1);
	assert_int_equal(date_parse_local("2021-01-05", "12:60"), -1);
	assert_int_equal(date_parse_local("2021-01-05", "9:30"), -1);
	assert_int_equal(date_parse_local("2021-01-05", "09.30"), -1);
	assert_int_equal(date_parse_local("2021-01-05", "09:30:00"), -1);
	assert_int_equal(date_parse_local("2021-01-05", "-9:30"), -1);
	assert_int_equal(date_parse_local("2021-+1-05", NULL), -1);
}

static void
test_extremes(void **state)
{
	(void)state;
	/* Out-of-range times are clamped, never undefined. */
	assert_non_null(date_iso(&ar, INT64_MAX));
	assert_non_null(date_iso(&ar, INT64_MIN));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_summer),
		cmocka_unit_test(test_dst_boundaries),
		cmocka_unit_test(test_months),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_parse_invalid),
		cmocka_unit_test(test_extremes),
	};

	return cmocka_run_group_tests(tests, setup, arena_teardown);
}

/*
 * test_utf8.c -- strict UTF-8 validation.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "util/utf8.h"

#define V(s)	utf8_valid((s), sizeof(s) - 1)

static void
test_valid(void **state)
{
	(void)state;
	assert_true(utf8_valid("", 0));
	assert_true(utf8_valid(NULL, 0));
	assert_true(V("plain ascii"));
	assert_true(V("Räksmörgås ÅÄÖ"));
	assert_true(V("\xc2\x80"));			/* U+0080 */
	assert_true(V("\xdf\xbf"));			/* U+07FF */
	assert_true(V("\xe0\xa0\x80"));		/* U+0800 */
	assert_true(V("\xe2\x80\x93"));		/* en dash */
	assert_true(V("\xed\x9f\xbf"));		/* U+D7FF */
	assert_true(V("\xee\x80\x80"));		/* U+E000 */
	assert_true(V("\xef\xbf\xbf"));		/* U+FFFF */
	assert_true(V("\xf0\x90\x80\x80"));		/* U+10000 */
	assert_true(V("\xf0\x9f\x98\x80"));		/* emoji */
	assert_true(V("\xf4\x8f\xbf\xbf"));		/* U+10FFFF */
}

static void
test_overlong(void **state)
{
	(void)state;
	assert_false(V("\xc0\x80"));			/* NUL, overlong */
	assert_false(V("\xc0\xaf"));			/* '/' overlong */
	assert_false(V("\xc1\xbf"));
	assert_false(V("\xe0\x80\xaf"));
	assert_false(V("\xe0\x9f\xbf"));
	assert_false(V("\xf0\x80\x80\xaf"));
	assert_false(V("\xf0\x8f\xbf\xbf"));
}

static void
test_surrogates_and_range(void **state)
{
	(void)state;
	assert_false(V("\xed\xa0\x80"));		/* U+D800 */
	assert_false(V("\xed\xbf\xbf"));		/* U+DFFF */
	assert_false(V("\xed\xa0\xbd\xed\xb8\x80"));	/* CESU pair */
	assert_false(V("\xf4\x90\x80\x80"));		/* U+110000 */
	assert_false(V("\xf5\x80\x80\x80"));
	assert_false(V("\xf8\x88\x80\x80\x80"));
	assert_false(V("\xfe"));
	assert_false(V("\xff"));
}

static void
test_truncated_and_stray(void **state)
{
	(void)state;
	assert_false(V("\xc3"));
	assert_false(V("a\xc3"));
	assert_false(V("\xe2\x80"));
	assert_false(V("\xf0\x9f\x98"));
	assert_false(V("\x80"));
	assert_false(V("a\xbfz"));
	assert_false(V("\xc3" "a"));
	assert_false(V("\xe2\x28\xa1"));
	/* The length bounds the check: a cut inside a sequence fails. */
	assert_false(utf8_valid("\xc3\xa5", 1));
	assert_true(utf8_valid("\xc3\xa5xyz", 2));
}

static void
test_nul(void **state)
{
	(void)state;
	assert_false(utf8_valid("a\0b", 3));
	assert_false(utf8_valid("\0", 1));
	assert_true(utf8_valid("a\0b", 1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_overlong),
		cmocka_unit_test(test_surrogates_and_range),
		cmocka_unit_test(test_truncated_and_stray),
		cmocka_unit_test(test_nul),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_valid.c -- phone numbers and e-mail addresses as the forms and
 * the public pages take them: what a person types is taken, and what
 * could break out of a tel: or mailto: link, or is no address, is not.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "util/valid.h"

static void
test_phone(void **state)
{
	(void)state;
	assert_true(valid_phone("08-452 70 00"));
	assert_true(valid_phone("+46 8 452 70 00"));
	assert_true(valid_phone("070-123 45 67"));
	assert_true(valid_phone("(08) 452 70 00"));
	assert_false(valid_phone("12345"));		/* too few digits */
	assert_false(valid_phone("08-452 + 70 00"));	/* '+' inside */
	assert_false(valid_phone("08 452 70 00 ank. 12"));
	assert_false(valid_phone("08-4527000;ext=1"));
	assert_false(valid_phone(""));
	assert_false(valid_phone("1234567890123456789012345678901234567890"
	    "1"));
}

static void
test_email(void **state)
{
	char	 big[VALID_EMAIL_MAX + 2];

	(void)state;
	assert_true(valid_email("anna.andersson@kommun.se"));
	assert_true(valid_email("åsa@exempel.se"));
	assert_true(valid_email("press+nyheter@skr.se"));
	assert_false(valid_email("inte en adress"));
	assert_false(valid_email("@kommun.se"));
	assert_false(valid_email("anna@"));
	assert_false(valid_email("anna@se"));
	assert_false(valid_email("anna@.se"));
	assert_false(valid_email("anna@kommun."));
	assert_false(valid_email("anna@@kommun.se"));
	assert_false(valid_email("anna@kommun.se?cc=x@y.se"));
	assert_false(valid_email("<anna@kommun.se>"));
	assert_false(valid_email("anna@kommun.se, bo@kommun.se"));
	assert_false(valid_email("anna@kommun.se\r\nBcc: x@y.se"));
	assert_false(valid_email("javascript:alert(1)//@x.se"));
	memset(big, 'a', sizeof(big));
	memcpy(big + sizeof(big) - 11, "@kommun.se", 10);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(strlen(big), VALID_EMAIL_MAX + 1);
	assert_false(valid_email(big));
	assert_true(valid_email(big + 1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_phone),
		cmocka_unit_test(test_email),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

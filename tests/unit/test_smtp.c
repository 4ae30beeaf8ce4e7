/*
 * test_smtp.c -- which relay URLs must have STARTTLS (mail/smtp.c): an
 * smtp:// URL with credentials, so the password never goes in clear;
 * not one without (TLS is tried all the same), nor smtps:// (TLS from
 * the start).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "mail/smtp.h"

static void
test_credentials_need_tls(void **state)
{
	(void)state;
	assert_int_equal(smtp_tls_required("smtp://user:pass@relay:587"), 1);
	assert_int_equal(smtp_tls_required("smtp://user@relay:587"), 1);
	assert_int_equal(smtp_tls_required("SMTP://u%40x:p%3Ay@relay"), 1);
	assert_int_equal(smtp_tls_required("smtp://:pass@relay:25"), 1);
}

static void
test_others_try(void **state)
{
	(void)state;
	assert_int_equal(smtp_tls_required("smtp://127.0.0.1:25"), 0);
	assert_int_equal(smtp_tls_required("smtp://relay.example.se"), 0);
	assert_int_equal(smtp_tls_required("smtps://user:pass@relay:465"), 0);
	assert_int_equal(smtp_tls_required("smtps://relay:465"), 0);
}

static void
test_unreadable_is_safe(void **state)
{
	(void)state;
	assert_int_equal(smtp_tls_required("smtp://us er:pa ss@"), 1);
	assert_int_equal(smtp_tls_required(""), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_credentials_need_tls),
		cmocka_unit_test(test_others_try),
		cmocka_unit_test(test_unreadable_is_safe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

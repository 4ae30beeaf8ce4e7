/*
 * test_crypto.c -- passwords hash and verify; tokens are random,
 * well-formed and hash stably.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "util/crypto.h"

static void
test_password(void **state)
{
	char	 h[PW_HASH_MAX];

	(void)state;
	assert_int_equal(password_hash("korrekt häst batteri", h), ST_OK);
	assert_non_null(strstr(h, "$argon2id$"));
	assert_true(password_verify(h, "korrekt häst batteri"));
	assert_false(password_verify(h, "korrekt hast batteri"));
	assert_false(password_verify(h, ""));
	assert_false(password_verify("inte en hash", "x"));
}

static void
test_token(void **state)
{
	char	 a[TOKEN_LEN + 1], b[TOKEN_LEN + 1];
	char	 ha[TOKEN_HASH_LEN + 1], ha2[TOKEN_HASH_LEN + 1];
	size_t	 i;

	(void)state;
	token_new(a);
	token_new(b);
	assert_int_equal(strlen(a), TOKEN_LEN);
	assert_string_not_equal(a, b);
	for (i = 0; i < TOKEN_LEN; i++)
		assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "abcdefghijklmnopqrstuvwxyz0123456789-_", a[i]));
	token_hash(a, ha);
	token_hash(a, ha2);
	assert_int_equal(strlen(ha), TOKEN_HASH_LEN);
	assert_string_equal(ha, ha2);
	token_hash(b, ha2);
	assert_string_not_equal(ha, ha2);
	/* What token_new() makes is valid; anything else is not. */
	assert_true(token_valid(a));
	assert_false(token_valid(ha));		/* 64 characters */
	assert_false(token_valid(""));
	memcpy(b, a, sizeof(b));
	b[5] = '.';
	assert_false(token_valid(b));
	b[TOKEN_LEN - 1] = '\0';
	b[5] = 'x';
	assert_false(token_valid(b));		/* one short */
}

static void
test_ct_streq(void **state)
{
	(void)state;
	assert_true(ct_streq("abc", "abc"));
	assert_false(ct_streq("abc", "abd"));
	assert_false(ct_streq("abc", "abcd"));
	assert_true(ct_streq("", ""));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_password),
		cmocka_unit_test(test_token),
		cmocka_unit_test(test_ct_streq),
	};

	if (crypto_init() != ST_OK)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_role.c -- the role table: every stored name is found, each role
 * has the rights the README promises, and unknown names have none.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "util/role.h"

static void
test_table(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < ROLE__COUNT; i++) {
		assert_int_equal(role_table[i].role, i);
		assert_ptr_equal(role_find(role_table[i].name), &role_table[i]);
		assert_true(role_table[i].rights != 0);
	}
	assert_null(role_find(NULL));
	assert_null(role_find(""));
	assert_null(role_find("Admin"));
	assert_null(role_find("adminx"));
}

static void
test_may(void **state)
{
	(void)state;
	assert_true(role_may("admin", RIGHT_ADMIN));
	assert_true(role_may("admin", RIGHT_EDIT));
	assert_true(role_may("admin", RIGHT_PRESS));
	assert_true(role_may("redaktor", RIGHT_EDIT));
	assert_false(role_may("redaktor", RIGHT_PRESS));
	assert_false(role_may("redaktor", RIGHT_ADMIN));
	assert_true(role_may("press", RIGHT_PRESS));
	assert_false(role_may("press", RIGHT_EDIT));
	assert_false(role_may("press", RIGHT_ADMIN));
	/* One right of several is enough; no right needed: any role. */
	assert_true(role_may("press", RIGHT_EDIT | RIGHT_PRESS));
	assert_true(role_may("press", 0));
	assert_false(role_may("gast", 0));
	assert_false(role_may(NULL, 0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_may),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

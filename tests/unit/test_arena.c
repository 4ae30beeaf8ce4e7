/*
 * test_arena.c -- the request arena: arena_grow() keeps what was there
 * and only moves the array when it is full.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "arena_fixture.h"

static void
test_grow(void **state)
{
	int	*v = NULL, *before;
	size_t	 n, cap = 0;

	(void)state;
	for (n = 0; n < 1000; n++) {
		before = v;
		v = arena_grow(&ar, v, n, &cap, sizeof(*v));
		assert_true(cap > n);
		if (n != 0 && (n & (n - 1)) != 0)	/* not full: stays */
			assert_ptr_equal(v, before);
		v[n] = (int)n * 3;
	}
	for (n = 0; n < 1000; n++)
		assert_int_equal(v[n], (int)n * 3);
	assert_int_equal(cap, 1024);
}

static void
test_grow_keeps_room(void **state)
{
	char	*s = NULL, *again;
	size_t	 cap = 0;

	(void)state;
	s = arena_grow(&ar, s, 0, &cap, 1);
	assert_int_equal(cap, 8);
	again = arena_grow(&ar, s, 7, &cap, 1);
	assert_ptr_equal(again, s);
	assert_int_equal(cap, 8);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_grow, arena_setup,
		    arena_teardown),
		cmocka_unit_test_setup_teardown(test_grow_keeps_room,
		    arena_setup, arena_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

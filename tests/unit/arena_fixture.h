/*
 * arena_fixture.h -- the arena most unit tests build their strings in:
 * `ar`, made by arena_setup() and freed by arena_teardown(), the cmocka
 * setup and teardown of each test (or of the group).  Included by one
 * test file each; the definitions are static to it.
 */
#ifndef ARENA_FIXTURE_H
#define ARENA_FIXTURE_H

#include "util/arena.h"

static struct arena	 ar;

static int
arena_setup(void **state)
{
	(void)state;
	arena_init(&ar);
	return 0;
}

static int
arena_teardown(void **state)
{
	(void)state;
	arena_free(&ar);
	return 0;
}

#endif

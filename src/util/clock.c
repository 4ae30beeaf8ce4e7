/*
 * clock.c -- the one source of "now", with an offset tests can move.
 */
#include <time.h>

#include "clock.h"

static int64_t	 offset;

int64_t
clock_now(void)
{
	return (int64_t)time(NULL) + offset;
}

void
clock_set_offset(int64_t off)
{
	offset = off;
}

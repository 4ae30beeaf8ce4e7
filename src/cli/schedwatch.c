/*
 * schedwatch.c -- the next scheduled change, for the master (see
 * schedwatch.h).  Time in milliseconds comes from the real clock: the
 * master never runs under the tests' clock offset (--test-clock turns
 * the page files off, and the offset lives in each worker).
 */
#include <stdint.h>
#include <time.h>

#include "../store/search.h"
#include "../store/store.h"
#include "../util/civil.h"
#include "../util/clock.h"
#include "schedwatch.h"

static int64_t
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
schedwatch_load(struct schedwatch *sw, struct store *db, int64_t now)
{
	int64_t	 seq, until, new_year = civil_year_start(civil_year(now) + 1);

	if (store_cache_state(db, now, &seq, &until) != ST_OK)
		return;
	sw->until = until < new_year ? until : new_year;
}

long
schedwatch_wait_ms(const struct schedwatch *sw, long max_ms)
{
	int64_t	 left;

	if (sw->until == 0 || sw->until > INT64_MAX / 1000)
		return max_ms;
	left = sw->until * 1000 - now_ms();
	if (left <= 0)
		return 0;
	return left < max_ms ? (long)left : max_ms;
}

int
schedwatch_due(struct schedwatch *sw, struct store *db)
{
	int64_t	 now = clock_now();

	if (sw->until == 0 || now < sw->until)
		return 0;
	schedwatch_load(sw, db, now);
	if (sw->until <= now)
		sw->until = now + 1;	/* the database failed: retry */
	return 1;
}

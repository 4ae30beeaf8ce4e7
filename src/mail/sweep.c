/*
 * sweep.c -- the sweep for a master without a mail process (see
 * sweep.h).  With a relay the mail process sweeps (sender.c) and the
 * master never opens this.  The master keeps one connection of its
 * own, as its page watch does, and never sets the clock's test offset:
 * it only adds it to "now" here, so its other timing stays real.
 */
#include <stdint.h>

#include "../app.h"
#include "../store/person.h"
#include "../store/store.h"
#include "../util/clock.h"
#include "sweep.h"

int
mail_sweep_open(struct mail_sweep *s, const struct config *cfg)
{
	arena_init(&s->ar);
	s->swept = 0;
	if (store_open(cfg->db_path, &s->db) != ST_OK) {
		s->db = NULL;
		arena_free(&s->ar);
		return -1;
	}
	return 0;
}

/* "now", with the test clock's offset when it is on. */
static int64_t
sweep_now(struct mail_sweep *s, const struct config *cfg)
{
	arena_reset(&s->ar);
	return clock_now() + (cfg->test_clock ?
	    store_test_clock_offset(s->db, &s->ar) : 0);
}

void
mail_sweep_tick(struct mail_sweep *s, const struct config *cfg)
{
	int64_t	 now;

	if (s->db == NULL)
		return;
	now = sweep_now(s, cfg);
	if (now / 60 != s->swept / 60 && store_mail_sweep(s->db, now) ==
	    ST_OK)
		s->swept = now;
}

void
mail_sweep_close(struct mail_sweep *s)
{
	if (s->db == NULL)
		return;
	store_close(s->db);
	s->db = NULL;
	arena_free(&s->ar);
}

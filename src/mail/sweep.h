/*
 * sweep.h -- the mail tables' sweep (store_mail_sweep(): sign-ups never
 * confirmed after 7 days, senders' addresses after a day, sent mail's
 * address and text after 30 days) when there is no mail process to run
 * it: without a relay (--smtp) the master runs it on a timer.
 */
#ifndef MAIL_SWEEP_H
#define MAIL_SWEEP_H

#include <stdint.h>

#include "../util/arena.h"

struct config;
struct store;

/* How often the master looks (seconds); every second with the test
 * clock, which may move. */
#define SWEEP_EVERY	60

struct mail_sweep {
	struct store	*db;		/* NULL: not started */
	struct arena	 ar;
	int64_t		 swept;		/* the last sweep's "now" */
};

/* Open the master's own connection for the sweep: 0, or -1 (logged). */
int	mail_sweep_open(struct mail_sweep *, const struct config *);
/* Sweep if no sweep ran yet in this minute of "now" (the test clock's
 * when cfg->test_clock).  A failure is logged; the next minute tries. */
void	mail_sweep_tick(struct mail_sweep *, const struct config *);
void	mail_sweep_close(struct mail_sweep *);

#endif

/*
 * schedwatch.h -- the master notices the clock: the next moment at which
 * the public pages change by the clock alone (a scheduled article's
 * publish time, a notice's start or end, New Year).
 *
 * Whether an article is public is decided when a page is read
 * (util/clock.h); with no reader, nothing would happen at 09:00.  The
 * master keeps one of these, sleeps no longer than schedwatch_wait_ms()
 * and acts (tells the edges, holds the page files, ...) when
 * schedwatch_due() says the moment has come.
 */
#ifndef SCHEDWATCH_H
#define SCHEDWATCH_H

#include <stdint.h>

struct store;

struct schedwatch {
	int64_t	 until;		/* unix s of the next moment; INT64_MAX: none */
};

/* Read the next moment after now from db (the value store_cache_state()
 * gives as *until, capped at New Year); a database error leaves it as
 * it was. */
void	schedwatch_load(struct schedwatch *, struct store *db, int64_t now);
/* Milliseconds until the moment, 0 when it has come, at most max_ms. */
long	schedwatch_wait_ms(const struct schedwatch *, long max_ms);
/* 1 once the moment has come (then the next one is loaded), else 0. */
int	schedwatch_due(struct schedwatch *, struct store *db);

#endif

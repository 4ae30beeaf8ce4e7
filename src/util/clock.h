/*
 * clock.h -- "now" for every decision about publication.
 *
 * Publication is decided when a page is read: an article is public when
 * status is published and publish_at <= clock_now().  Tests may move the
 * clock with clock_set_offset() (enabled by the --test-clock flag).
 */
#ifndef CLOCK_H
#define CLOCK_H

#include <stdint.h>

int64_t	clock_now(void);		/* unix seconds, plus any test offset */
void	clock_set_offset(int64_t);

#endif

/*
 * digest.h -- the daily digest: at 07.00 Stockholm time the mail
 * process puts one mail per daily subscriber with the articles they
 * chose from the day before into the outbox (none when there were
 * none).
 */
#ifndef MAIL_DIGEST_H
#define MAIL_DIGEST_H

#include <stdint.h>

struct arena;
struct store;

#define DIGEST_HOUR	"07:00"

/* Make today's digest once its hour has come and it is not made yet,
 * in one transaction.  Returns the mails made, -1 on a database
 * error. */
int64_t	mail_make_digest(struct store *, struct arena *,
	    const char *base_url, int64_t now);

#endif

/*
 * digest.h -- the daily digest's rows: which day has had its digest,
 * who gets one, and the articles for one subscriber.  No transactions
 * here: mail/digest.c makes a day's digest in one.
 */
#ifndef STORE_DIGEST_H
#define STORE_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#include "../util/status.h"
#include "mail_queue.h"

struct arena;
struct store;

struct digest_reader {
	int64_t		 id;
	const char	*email;
	const char	*unsub_token;
};

/* Whether day has had its digest (*done) and where the last one ended
 * (*last_until, 0: never).  ST_OK, ST_DBERR. */
enum status	store_digest_last(struct store *, const char *day, int *done,
		    int64_t *last_until);
enum status	store_digest_run(struct store *, const char *day,
		    int64_t since, int64_t until);
/* Every confirmed daily subscriber (arena array). */
enum status	store_digest_readers(struct store *, struct arena *,
		    struct digest_reader **, size_t *);
/* The articles published in [since, until) that r chose (kind, slug,
 * title and lead set), oldest first. */
enum status	store_digest_articles(struct store *, struct arena *,
		    int64_t subscriber_id, int64_t since, int64_t until,
		    struct mail_article **, size_t *);
/* r's digest for the day into the outbox. */
enum status	store_digest_enqueue(struct store *,
		    const struct digest_reader *, const struct mail_body *,
		    const char *message_id, int64_t now);

#endif

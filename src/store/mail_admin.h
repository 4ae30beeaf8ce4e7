/*
 * mail_admin.h -- the counts the staff page /admin/epost shows, and
 * trying an article's failed mails again.  Reads copy into the arena.
 */
#ifndef STORE_MAIL_ADMIN_H
#define STORE_MAIL_ADMIN_H

#include <stddef.h>
#include <stdint.h>

#include "../util/status.h"

struct arena;
struct store;

struct mail_count {
	int64_t		 article_id;
	const char	*title;
	int64_t		 sent, waiting, failed;
	int64_t		 last_sent_at;	/* 0: none yet */
	const char	*last_error;	/* the relay's last answer, or "" */
};

/* A named number ("Alla nyheter", 12). */
struct mail_tally {
	const char	*label;
	int64_t		 n;
};

/* The articles with mail, newest first (at most 50). */
enum status	store_mail_counts(struct store *, struct arena *,
		    struct mail_count **, size_t *);
/* Confirmed subscribers: [0] all, then by choice and frequency (5 rows,
 * labels in Swedish), into a fixed array of 5. */
enum status	store_mail_totals(struct store *, struct mail_tally *);
/* Confirmed subscribers per topic (arena array). */
enum status	store_mail_topics(struct store *, struct arena *,
		    struct mail_tally **, size_t *);
/* Failed mails of the article back in the queue (own transaction);
 * *n: how many. */
enum status	store_mail_retry(struct store *, int64_t article_id,
		    int64_t now, int64_t *n);

#endif

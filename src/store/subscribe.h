/*
 * subscribe.h -- news by e-mail: subscribers (double opt-in) and the
 * outbox the master's sender delivers from (store/subscribe.c).
 */
#ifndef STORE_SUBSCRIBE_H
#define STORE_SUBSCRIBE_H

#include <stddef.h>
#include <stdint.h>

#include "../util/status.h"

struct store;

/* Abuse limits: one pending confirmation per address a day, this many
 * sign-ups per remote address an hour; unconfirmed rows live 7 days. */
#define SUB_PENDING_WINDOW	86400
#define SUB_REMOTE_PER_HOUR	5
#define SUB_UNCONFIRMED_TTL	(7 * 86400)

struct subscription {
	const char	*email;
	const char	*scope;		/* "alla", "press" or "amnen" */
	const char	*frequency;	/* "direkt" or "dag" */
	const char	*remote;	/* IPv6 by its /64; "": unknown */
	const int64_t	*topics;	/* scope "amnen": chosen topic ids */
	size_t		 ntopics;
	const char	*confirm_hash;	/* hash of the confirmation token */
	const char	*unsub_token;
};

/* One outgoing mail; message_id without angle brackets. */
struct mail {
	const char	*recipient;
	const char	*subject;
	const char	*body_text;
	const char	*body_html;	/* "" for text only */
	const char	*unsub_token;	/* "" when none */
	const char	*message_id;
};

/*
 * In one transaction: delete unconfirmed rows older than 7 days, refuse
 * (ST_CONFLICT) when the address already has a pending confirmation from
 * the last day, refuse (ST_FORBIDDEN) when the remote address signed up
 * SUB_REMOTE_PER_HOUR times in the last hour, else store the subscriber
 * and put the confirmation mail m in the outbox.  ST_OK, ST_BUSY,
 * ST_FULL, ST_DBERR.
 */
enum status	store_subscribe(struct store *, const struct subscription *,
		    const struct mail *m, int64_t now);
/* Confirm by the confirmation token's hash.  confirm=0 only looks.
 * ST_OK, ST_NOTFOUND (unknown or pruned), ST_CONFLICT (already
 * confirmed; confirming again is harmless), ST_BUSY, ST_DBERR. */
enum status	store_subscriber_confirm(struct store *, const char *hash,
		    int confirm, int64_t now);
/* End a subscription by its unsubscribe token (del=0 only looks).
 * ST_OK or ST_NOTFOUND (unknown or already ended), ST_BUSY, ST_DBERR. */
enum status	store_subscriber_end(struct store *, const char *token,
		    int del);

/* A mail taken from the outbox (strings in the caller's arena). */
struct outbox_mail {
	int64_t		 id;
	struct mail	 m;
	int		 attempts;
	int64_t		 created_at;	/* the Date: header */
};

struct arena;

/* The oldest due unsent mail: ST_OK, ST_NOTFOUND (none due), ST_BUSY,
 * ST_DBERR. */
enum status	store_outbox_next(struct store *, struct arena *, int64_t now,
		    struct outbox_mail *);
/* Mark mail id sent at now, in a transaction of its own. */
enum status	store_outbox_sent(struct store *, int64_t id, int64_t now);
/* One more failed try: try again at next, or give up (state
 * 'misslyckad') once max_attempts are spent.  Own transaction. */
enum status	store_outbox_retry(struct store *, int64_t id, int64_t next,
		    const char *error, int max_attempts);

#endif

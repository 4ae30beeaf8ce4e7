/*
 * mail_queue.h -- an article's mail: planned when it is published (now
 * or for later), turned into one outbox row per recipient when its time
 * has come, cancelled when it is unpublished before that.  No function
 * here opens a transaction: callers wrap them with the publish (pages)
 * or in the mail process's own (mail/schedule.c).
 */
#ifndef STORE_MAIL_QUEUE_H
#define STORE_MAIL_QUEUE_H

#include <stdint.h>

#include "../util/status.h"

struct arena;
struct store;

/* What a mail about an article says (strings in the arena). */
struct mail_article {
	int64_t		 id;
	const char	*kind;
	const char	*slug;
	const char	*title;
	const char	*lead;
	const char	*status;
	int64_t		 publish_at;
};

/* The same text for every recipient; the unsubscribe footer is added
 * per recipient when the mail is sent (mail/message.c). */
struct mail_body {
	const char	*subject;
	const char	*text;
	const char	*html;
};

/* Plan the article's mail for due_at (press: also to the press list).
 * A plan already carried out ('klar') is left alone: an edit or a
 * republish after sending sends nothing. */
enum status	store_mail_plan(struct store *, int64_t article_id,
		    int64_t due_at, int press);
/* The plan's state: ST_OK with *done (1: rows made) and *press, or
 * ST_NOTFOUND (no plan), ST_DBERR. */
enum status	store_mail_plan_state(struct store *, int64_t article_id,
		    int *done, int *press);
/* The oldest plan due by now: ST_OK with its article and whether the
 * article is still public, ST_NOTFOUND, ST_DBERR. */
enum status	store_mail_due(struct store *, int64_t now, int64_t *article_id,
		    int *public);
/* Mark the plan carried out, or forget it. */
enum status	store_mail_done(struct store *, int64_t article_id);
enum status	store_mail_forget(struct store *, int64_t article_id);
/* The article as a mail shows it: ST_OK, ST_NOTFOUND, ST_DBERR. */
enum status	store_mail_article(struct store *, struct arena *,
		    int64_t article_id, struct mail_article *);
/* One outbox row per matching confirmed "at once" subscriber (kind
 * "artikel" or "uppdatering"; suffix makes an update's Message-ID its
 * own, "" for the first mail); *n gets how many rows were added. */
enum status	store_mail_enqueue(struct store *, int64_t article_id,
		    const char *kind, const char *suffix,
		    const struct mail_body *, const char *host, int64_t now,
		    int64_t *n);
/* One outbox row per journalist on the press list whose topics match
 * (or who chose none); *n as above. */
enum status	store_mail_enqueue_press(struct store *, int64_t article_id,
		    const struct mail_body *, const char *host, int64_t now,
		    int64_t *n);
/*
 * Cancel what has not left for an article: its unsent outbox rows and
 * its plan.  For unpublishing and withdrawal: call it in the same
 * transaction that takes the article down.
 */
enum status	store_mail_cancel(struct store *, int64_t article_id);

#endif

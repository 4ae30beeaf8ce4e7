/*
 * queue.h -- what a publish, an unpublish and the mail process do to an
 * article's mail: write it (title, lead, link), plan it, make its
 * outbox rows when its time has come, cancel what has not left.  Every
 * function runs inside the caller's transaction.
 */
#ifndef MAIL_QUEUE_H
#define MAIL_QUEUE_H

#include <stddef.h>
#include <stdint.h>

#include "../util/status.h"

struct arena;
struct store;

/* What a save did to an article, for mail_on_save(). */
struct mail_save {
	int64_t		 id;
	int64_t		 version;	/* the saved version (updates) */
	int		 newly;		/* publish or schedule action */
	int		 published;	/* status is ARTICLE_PUBLISHED after it */
	int64_t		 publish_at;
	int		 press;		/* "skicka till presslistan" */
	int		 update;	/* "skicka uppdatering" */
	int64_t		 account_id;	/* who saved (the embargo link's) */
};

/* The host of base_url ("https://a.se:8080/x" -> "a.se"), into h. */
void		mail_host(const char *base_url, char *h, size_t hlen);
/*
 * Called in the transaction of every article save: a publish or a
 * schedule plans the mail for the publish time (and makes its rows
 * when that is now); a press release scheduled with the press list
 * chosen mails the journalists an embargo preview link at once (their
 * Message-ID is the one of the mail at publication, so they get one
 * mail, not two); an unpublish or a return to draft cancels; an
 * edit sends nothing unless s->update asks for an update to the
 * subscribers who got the first mail (or will: it waits for the relay),
 * not to those who signed up or chose the article's topic since.
 */
enum status	mail_on_save(struct store *, struct arena *,
		    const char *base_url, const struct mail_save *, int64_t now);
/*
 * Make the outbox rows of every plan due by now: the master's mail
 * process calls it, so a scheduled article's mail goes at its time
 * without any reader.  Each plan in a transaction of its own.  Returns
 * how many rows were made, -1 on a database error.
 */
int64_t		mail_make_due(struct store *, struct arena *,
		    const char *base_url, int64_t now);

#endif

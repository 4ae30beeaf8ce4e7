/*
 * queue.c -- an article's mail from publish to outbox (see queue.h).
 * The mail is the same for every recipient (mail/compose.c).
 */
#include <stdio.h>
#include <string.h>

#include "../render/date.h"
#include "../render/html.h"
#include "../store/article_admin.h"
#include "../store/mail_queue.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/crypto.h"
#include "compose.h"
#include "queue.h"

void
mail_host(const char *base_url, char *h, size_t hlen)
{
	const char	*p = strstr(base_url, "://");

	p = p != NULL ? p + 3 : base_url;
	snprintf(h, hlen, "%.*s", (int)strcspn(p, ":/"), p);
}

/* Make the rows of article id's mail (press: also the press list). */
static enum status
make(struct store *db, struct arena *ar, const char *base_url, int64_t id,
    int press, int64_t now, int64_t *n)
{
	struct mail_article a;
	struct mail_body b;
	char		 host[256];
	int64_t		 k = 0;
	enum status	 st;

	*n = 0;
	if ((st = store_mail_article(db, ar, id, &a)) != ST_OK)
		return st;
	mail_host(base_url, host, sizeof(host));
	mail_compose_article(ar, base_url, &a, 0, &b);
	if ((st = store_mail_enqueue(db, id, "artikel", "", &b, host, now,
	    n)) != ST_OK)
		return st;
	if (press && (st = store_mail_enqueue_press(db, id, &b, host, now,
	    &k)) != ST_OK)
		return st;
	*n += k;
	return store_mail_done(db, id);
}

/* The embargo preview links stay valid this long after publication
 * (a journalist's link then shows the public article's text). */
#define EMBARGO_LINK_AFTER	(7 * 86400)

/* A scheduled press release's mail to the press list, now: a preview
 * link of its own made for it (store/preview.c), under embargo. */
static enum status
embargo(struct store *db, struct arena *ar, const char *base_url,
    const struct mail_save *s, int64_t now)
{
	struct mail_article a;
	struct mail_body b;
	char		 host[256], token[TOKEN_LEN + 1];
	char		 hash[TOKEN_HASH_LEN + 1];
	int64_t		 n;
	enum status	 st;

	if ((st = store_mail_article(db, ar, s->id, &a)) != ST_OK)
		return st;
	token_new(token);
	token_hash(token, hash);
	if ((st = store_preview_add(db, s->id, hash, s->publish_at +
	    EMBARGO_LINK_AFTER, s->account_id, now)) == ST_OK) {
		mail_host(base_url, host, sizeof(host));
		mail_compose_embargo(ar, base_url, &a, date_sv_time(ar,
		    s->publish_at), token, &b);
		st = store_mail_enqueue_press(db, s->id, &b, host, now, &n);
	}
	secure_zero(token, sizeof(token));
	return st;
}

/* An update to those who got the first mail of article id. */
static enum status
update(struct store *db, struct arena *ar, const char *base_url,
    const struct mail_save *s, int64_t now)
{
	struct mail_article a;
	struct mail_body b;
	char		 host[256], suffix[32];
	int64_t		 n;
	enum status	 st;

	if ((st = store_mail_article(db, ar, s->id, &a)) != ST_OK)
		return st;
	mail_host(base_url, host, sizeof(host));
	snprintf(suffix, sizeof(suffix), ".u%lld", (long long)s->version);
	mail_compose_article(ar, base_url, &a, 1, &b);
	return store_mail_enqueue(db, s->id, "uppdatering", suffix, &b, host,
	    now, &n);
}

enum status
mail_on_save(struct store *db, struct arena *ar, const char *base_url,
    const struct mail_save *s, int64_t now)
{
	int		 done = 0, press = 0, ahead;
	int64_t		 n;
	enum status	 st;

	if (!s->published)
		return store_mail_cancel(db, s->id);
	/* Ahead of time once: not when the press list was already chosen. */
	ahead = s->newly && s->press && s->publish_at > now &&
	    ((st = store_mail_plan_state(db, s->id, &done, &press)) ==
	    ST_NOTFOUND || (st == ST_OK && !press));
	if (s->newly && (st = store_mail_plan(db, s->id, s->publish_at,
	    s->press)) != ST_OK)
		return st;
	if (ahead && (st = embargo(db, ar, base_url, s, now)) != ST_OK)
		return st;
	st = store_mail_plan_state(db, s->id, &done, &press);
	if (st == ST_NOTFOUND)
		return ST_OK;	/* published before mail existed */
	if (st != ST_OK)
		return st;
	if (!done && s->publish_at <= now)
		return make(db, ar, base_url, s->id, press, now, &n);
	if (done && s->update && !s->newly && s->publish_at <= now)
		return update(db, ar, base_url, s, now);
	return ST_OK;
}

int64_t
mail_make_due(struct store *db, struct arena *ar, const char *base_url,
    int64_t now)
{
	int64_t		 id, n, total = 0;
	int		 public, done, press;
	enum status	 st;

	for (;;) {
		if (store_begin(db) != ST_OK)
			return -1;
		st = store_mail_due(db, now, &id, &public);
		if (st == ST_OK && !public)
			st = store_mail_forget(db, id);
		else if (st == ST_OK && (st = store_mail_plan_state(db, id,
		    &done, &press)) == ST_OK) {
			st = make(db, ar, base_url, id, press, now, &n);
			total += n;
		}
		if (st == ST_NOTFOUND) {
			store_rollback(db);
			return total;
		}
		if (st != ST_OK || store_commit(db) != ST_OK) {
			store_rollback(db);
			return -1;
		}
	}
}

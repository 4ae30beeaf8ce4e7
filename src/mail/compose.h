/*
 * compose.h -- what the mails say: one article, or a day's articles.
 * Plain text and an HTML fragment (mail/message.c wraps it in a
 * document and adds the unsubscribe footer per recipient).  No remote
 * images, no tracking, no rewritten links.
 */
#ifndef MAIL_COMPOSE_H
#define MAIL_COMPOSE_H

#include <stddef.h>

struct arena;
struct mail_article;
struct mail_body;

/* The mail about a (update: say it is an update), strings in ar. */
void	mail_compose_article(struct arena *, const char *base_url,
	    const struct mail_article *, int update, struct mail_body *);
/* A scheduled press release for the press list, ahead of time: under
 * embargo until its publish time (the Swedish time embargo_sv), with
 * the embargo preview link base_url/forhandsvisning/token. */
void	mail_compose_embargo(struct arena *, const char *base_url,
	    const struct mail_article *, const char *embargo_sv,
	    const char *token, struct mail_body *);
/* The digest of n articles for the day (its Swedish date), in ar. */
void	mail_compose_digest(struct arena *, const char *base_url,
	    const char *day_sv, const struct mail_article *, size_t n,
	    struct mail_body *);

#endif

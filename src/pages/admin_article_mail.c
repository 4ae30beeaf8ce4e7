/*
 * admin_article_mail.c -- an article save's effect on its mail: the
 * form's "skicka till presslistan" and "skicka uppdatering" boxes, and
 * which saves are a publish, and a publish by a reviewer (mail/queue.c
 * does the rest).
 */
#include <string.h>

#include "../app.h"
#include "../mail/queue.h"
#include "../web/req.h"
#include "admin_article.h"

enum status
article_mail_saved(struct app *app, struct req *rq, enum action act,
    const struct article_edit *cur, const struct article_edit *a,
    int64_t id, int64_t now)
{
	struct mail_save s;
	const char	*v;
	int		 was_public = cur != NULL && article_edit_public(cur, now);

	memset(&s, 0, sizeof(s));
	s.id = id;
	s.version = a->version + 1;
	s.published = strcmp(a->status, "published") == 0;
	s.publish_at = a->publish_at;
	s.newly = !was_public && (act == ACT_PUBLISH || act == ACT_SCHEDULE);
	s.press = (v = req_form(rq, "presslista")) != NULL && *v != '\0' &&
	    strcmp(a->kind, "pressmeddelande") == 0;
	s.update = (v = req_form(rq, "uppdatering")) != NULL && *v != '\0';
	return mail_on_save(app->store, &app->arena, app->cfg.base_url, &s,
	    now);
}

enum status
article_mail_approved(struct app *app, const struct article_edit *a,
    int64_t at, int64_t now)
{
	struct mail_save s;

	memset(&s, 0, sizeof(s));
	s.id = a->id;
	s.version = a->version + 1;
	s.published = 1;
	s.publish_at = at;
	s.newly = !article_edit_public(a, now);
	return mail_on_save(app->store, &app->arena, app->cfg.base_url, &s,
	    now);
}

/*
 * home.c -- the start page: notice, latest news, topics, press contact.
 */
#include "../app.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../util/clock.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "pages.h"

#define HOME_LATEST	6

/*
 * GET / -- the start page.
 * Statuses: 200, 500.
 */
void
page_home_show(struct app *app, struct req *rq, struct resp *rs)
{
	struct article_filter	 f = { .no_total = 1 };
	struct article_list	 l;
	struct topic		*topics;
	struct tdict		*root, *t;
	size_t			 i, nt;
	enum status		 st;

	root = page_layout(app, rq, NULL, "/", "/");
	if ((st = store_article_list(app->store, &app->arena, &f,
	    clock_now(), HOME_LATEST, 0, &l)) != ST_OK)
		goto out;
	td_bool(root, "has_latest", l.n > 0);
	for (i = 0; i < l.n; i++) {
		struct tdict *it = td_item(root, "latest");

		fill_article_item(it, &app->arena, &l.items[i]);
		(void)page_article_thumb(app, it, l.items[i].id);
	}
	if ((st = store_topic_list(app->store, &app->arena, &topics,
	    &nt)) != ST_OK)
		goto out;
	td_bool(root, "has_topics", nt > 0);
	for (i = 0; i < nt; i++) {
		t = td_item(root, "topics");
		td_text(t, "slug", topics[i].slug);
		td_text(t, "name", topics[i].name);
		td_text(t, "lead", topics[i].lead);
	}
	if ((st = fill_press_duty(app, root)) != ST_OK)
		goto out;
	td_text(root, "meta_description", "Nyheter, pressmeddelanden och "
	    "presskontakter.");
	page_render(app, rq, rs, "home", root);
out:
	if (st != ST_OK)
		page_error(app, rq, rs, st);
}

/*
 * topic.c -- topic pages: /amnen lists them, /amnen/:slug shows one with
 * its body, its latest articles ("Aktuellt") and its contacts.
 */
#include "../app.h"
#include "../render/date.h"
#include "../render/md.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../util/clock.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "pages.h"

#define TOPIC_LATEST	5

/*
 * GET /amnen -- every topic.
 * Statuses: 200, 500.
 */
void
page_topic_list(struct app *app, struct req *rq, struct resp *rs)
{
	struct topic	*topics;
	struct tdict	*root, *t;
	size_t		 i, n;
	enum status	 st;

	if ((st = store_topic_list(app->store, &app->arena, &topics,
	    &n)) != ST_OK)
		goto out;
	root = page_layout(app, rq, "Ämnen", "/amnen", "/amnen");
	td_text(root, "meta_description", "Ämnen som vi arbetar med.");
	td_bool(root, "has_topics", n > 0);
	for (i = 0; i < n; i++) {
		t = td_item(root, "topics");
		td_text(t, "slug", topics[i].slug);
		td_text(t, "name", topics[i].name);
		td_text(t, "lead", topics[i].lead);
	}
	page_render(app, rq, rs, "topics", root);
out:
	if (st != ST_OK)
		page_error(app, rq, rs, st);
}

/* Aktuellt and Kontakt for topic t. */
static enum status
fill_topic_lists(struct app *app, struct tdict *root, const struct topic *t)
{
	struct article_filter	 f = { .topic_slug = t->slug,
	    .no_total = 1 };
	struct article_list	 l;
	struct contact		*c;
	size_t			 i, n;
	enum status		 st;

	if ((st = store_article_list(app->store, &app->arena, &f,
	    clock_now(), TOPIC_LATEST, 0, &l)) != ST_OK)
		return st;
	td_bool(root, "has_latest", l.n > 0);
	for (i = 0; i < l.n; i++) {
		struct tdict *it = td_item(root, "latest");

		fill_article_item(it, &app->arena, &l.items[i]);
		(void)page_article_thumb(app, it, l.items[i].id);
	}
	if ((st = store_topic_contacts(app->store, &app->arena, t->id, &c,
	    &n)) != ST_OK)
		return st;
	td_bool(root, "has_contacts", n > 0);
	for (i = 0; i < n; i++)
		fill_contact(td_item(root, "contacts"), &app->arena, &c[i]);
	return page_topic_press_images(app, root, t->id);
}

/*
 * GET /amnen/:slug -- one topic page.
 * Statuses: 200, 404, 500.
 */
void
page_topic_show(struct app *app, struct req *rq, struct resp *rs)
{
	struct topic	 t;
	struct safe_html body;
	struct tdict	*root, *d;
	enum status	 st;

	if ((st = store_topic_by_slug(app->store, &app->arena, rq->path_arg,
	    &t)) != ST_OK)
		goto out;
	if (md_render(&app->arena, t.body_md, &body) != ST_OK) {
		st = ST_ERROR;
		goto out;
	}
	root = page_layout(app, rq, t.name,
	    arena_printf(&app->arena, "/amnen/%s", t.slug), "/amnen");
	td_text(root, "meta_description", t.lead);
	d = td_sub(root, "topic_feed");
	td_textf(d, "feed_title", "Nyheter om %s", t.name);
	td_textf(d, "feed_href", "%s/amnen/%s.atom", app->cfg.base_url,
	    t.slug);
	d = td_sub(root, "topic");
	td_text(d, "slug", t.slug);
	td_text(d, "name", t.name);
	td_text(d, "lead", t.lead);
	td_html(d, "body", body);
	if (t.published_at > 0) {
		td_text(d, "date", date_sv(&app->arena, t.published_at));
		td_text(d, "date_iso", date_iso(&app->arena, t.published_at));
	}
	if (t.updated_at > t.published_at + 600) {
		td_text(d, "updated", date_sv(&app->arena, t.updated_at));
		td_text(d, "updated_iso", date_iso(&app->arena, t.updated_at));
	}
	if ((st = fill_topic_lists(app, root, &t)) != ST_OK)
		goto out;
	page_render(app, rq, rs, "topic", root);
out:
	if (st != ST_OK)
		page_error(app, rq, rs, st);
}

/*
 * contact.c -- /kontakt: press duty, press officers, experts by topic.
 */
#include "../app.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "pages.h"

/* One entry per topic that has active experts. */
static enum status
fill_expert_topics(struct app *app, struct tdict *root)
{
	struct topic	*topics;
	struct contact	*c;
	struct tdict	*t, *d;
	size_t		 i, j, nt, nc;
	enum status	 st;
	int		 any = 0;

	if ((st = store_topic_list(app->store, &app->arena, &topics,
	    &nt)) != ST_OK)
		return st;
	for (i = 0; i < nt; i++) {
		if ((st = store_topic_contacts(app->store, &app->arena,
		    topics[i].id, &c, &nc)) != ST_OK)
			return st;
		if (nc == 0)
			continue;
		any = 1;
		t = td_item(root, "expert_topics");
		td_text(t, "name", topics[i].name);
		td_text(t, "slug", topics[i].slug);
		for (j = 0; j < nc && st == ST_OK; j++) {
			d = td_item(t, "contacts");
			fill_contact(d, &app->arena, &c[j]);
			st = page_contact_photo(app, d, c[j].id);
		}
		if (st != ST_OK)
			return st;
	}
	td_bool(root, "has_expert_topics", any);
	return ST_OK;
}

/*
 * GET /kontakt -- who to call.
 * Statuses: 200, 500.
 */
void
page_contact_show(struct app *app, struct req *rq, struct resp *rs)
{
	struct contact	*c;
	struct tdict	*root;
	size_t		 i, n;
	enum status	 st;

	root = page_layout(app, rq, "Kontakt för press och media",
	    "/kontakt", "/kontakt");
	td_text(root, "meta_description", "Pressjour, presskontakter och "
	    "sakkunniga per ämne.");
	if ((st = fill_press_duty(app, root)) != ST_OK)
		goto out;
	if ((st = store_press_officers(app->store, &app->arena, &c,
	    &n)) != ST_OK)
		goto out;
	td_bool(root, "has_officers", n > 0);
	for (i = 0; i < n && st == ST_OK; i++) {
		struct tdict *d = td_item(root, "officers");

		fill_contact(d, &app->arena, &c[i]);
		st = page_contact_photo(app, d, c[i].id);
	}
	if (st != ST_OK)
		goto out;
	if ((st = fill_expert_topics(app, root)) != ST_OK)
		goto out;
	page_render(app, rq, rs, "contact", root);
out:
	if (st != ST_OK)
		page_error(app, rq, rs, st);
}

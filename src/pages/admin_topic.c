/*
 * admin_topic.c -- topic pages in the staff area: the list, a new topic
 * and the edit form (name, address, lead, body in CommonMark, shown or
 * hidden).  Every save is one transaction with an audit row holding the
 * before and after; a stale version is refused with the text kept.
 */
#include <stdlib.h>
#include <string.h>

#include "../app.h"
#include "../render/date.h"
#include "../render/md.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "../util/slug.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"
#include "admin_article.h"

/* GET /admin/amnen -- every topic.  Statuses: 200, 500. */
void
page_admin_topic_list(struct app *app, struct req *rq, struct resp *rs)
{
	struct topic_row *t;
	struct tdict	*root, *d;
	size_t		 n, i;
	enum status	 st;

	if ((st = store_admin_topic_list(app->store, &app->arena, &t,
	    &n)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	root = admin_layout(app, rq, rs, "Ämnen", "/admin/amnen");
	td_list(root, "rows");
	for (i = 0; i < n; i++) {
		d = td_item(root, "rows");
		td_textf(d, "id", "%lld", (long long)t[i].id);
		td_text(d, "name", t[i].name);
		td_text(d, "slug", t[i].slug);
		td_bool(d, "shown", t[i].published_at != 0);
		td_textf(d, "narticles", "%lld", (long long)t[i].narticles);
		td_text(d, "updated", date_sv_time(&app->arena,
		    t[i].updated_at));
	}
	page_render(app, rq, rs, "admin_topics", root);
}

static void
show(struct app *app, struct req *rq, struct resp *rs,
    const struct topic_edit *t, struct tdict *root, int status)
{
	const char	*done = req_query(rq, "klart");

	if (root == NULL)
		root = admin_layout(app, rq, rs, t->id ? "Redigera ämne" :
		    "Nytt ämne", "/admin/amnen");
	td_text(root, "heading", t->id ? "Redigera ämne" : "Nytt ämne");
	td_text(root, "post_url", t->id ? arena_printf(&app->arena,
	    "/admin/amnen/%lld", (long long)t->id) : "/admin/amnen");
	td_textf(root, "version", "%lld", (long long)t->version);
	td_text(root, "name", t->name);
	td_text(root, "slug", t->slug);
	td_text(root, "lead", t->lead);
	td_text(root, "body", t->body_md);
	td_bool(root, "published", t->published);
	if (t->id && t->published)
		td_textf(root, "public_url", "/amnen/%s", t->slug);
	if (done != NULL && strcmp(done, "sparad") == 0)
		td_text(root, "done", "Ämnet är sparat.");
	if (status)
		resp_status(rs, status);
	page_render(app, rq, rs, "admin_topic_form", root);
}

/* GET /admin/amnen/ny -- an empty topic form.  Statuses: 200. */
void
page_admin_topic_new(struct app *app, struct req *rq, struct resp *rs)
{
	struct topic_edit t;

	memset(&t, 0, sizeof(t));
	t.name = t.slug = t.lead = t.body_md = "";
	t.published = 1;
	show(app, rq, rs, &t, NULL, 0);
}

/* GET /admin/amnen/ID.  Statuses: 200, 404, 500. */
void
page_admin_topic_edit(struct app *app, struct req *rq, struct resp *rs)
{
	struct topic_edit t;
	enum status	 st;

	if ((st = store_admin_topic_get(app->store, &app->arena,
	    rq->path_id, &t)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	show(app, rq, rs, &t, NULL, 0);
}

static const char *
field(struct req *rq, const char *key)
{
	const char	*v = req_form(rq, key);

	return v != NULL ? v : "";
}

/* Check t; the slug comes from the name when empty. */
static void
check(struct app *app, struct tdict *root, struct topic_edit *t)
{
	struct safe_html h;

	if (*t->name == '\0')
		form_error(app, root, "name", "Skriv ämnets namn.");
	else if (strlen(t->name) > 400)
		form_error(app, root, "name", "Namnet är för långt.");
	if (*t->slug == '\0')
		t->slug = slug_from_title(&app->arena, t->name);
	if (*t->name != '\0' && !slug_valid(t->slug))
		form_error(app, root, "slug", "Adressen får bara innehålla a–z, "
		    "siffror och bindestreck, till exempel \"jamstalldhet\".");
	if (strlen(t->lead) > 4000)
		form_error(app, root, "lead", "Ingressen är för lång.");
	if (md_render(&app->arena, t->body_md, &h) != ST_OK)
		form_error(app, root, "body", "Texten är för lång eller har "
		    "listor eller citat i för många nivåer.");
}

/* Save t in one transaction with its audit row; *id set. */
static enum status
save(struct app *app, struct req *rq, struct tdict *root,
    struct topic_edit *t, int64_t *id)
{
	const char	*before = NULL, *after, *other;
	int64_t		 now = clock_now();
	enum status	 st;

	if ((st = store_begin(app->store)) != ST_OK)
		return st;
	if ((st = store_admin_topic_slug_owner(app->store, &app->arena,
	    t->slug, t->id, &other)) == ST_OK) {
		form_error(app, root, "slug", arena_printf(&app->arena,
		    "Adressen \"%s\" används redan av ämnet \"%s\".", t->slug,
		    other));
		st = ST_CONFLICT;
	} else if (st == ST_NOTFOUND && t->id == 0)
		st = store_admin_topic_insert(app->store, t, now, id);
	else if (st == ST_NOTFOUND && (st = store_admin_topic_json(
	    app->store, &app->arena, *id = t->id, &before)) == ST_OK &&
	    (st = store_admin_topic_update(app->store, t, now)) ==
	    ST_CONFLICT)
		form_error(app, root, "name", "Någon annan har sparat ämnet "
		    "medan du redigerade. Din text finns kvar här; ladda om "
		    "sidan i en ny flik för att se deras version innan du "
		    "sparar igen.");
	if (st == ST_OK && (st = store_admin_topic_json(app->store,
	    &app->arena, *id, &after)) == ST_OK &&
	    (st = store_audit(app->store, admin_account_id(rq), t->id ?
	    "sparade" : "skapade", "topic", *id, arena_printf(&app->arena,
	    "ämnet \"%s\"", t->name), before, after)) == ST_OK)
		return store_commit(app->store);
	store_rollback(app->store);
	return st;
}

/* POST /admin/amnen and /admin/amnen/ID: check and save.  Statuses:
 * 303, 400 (errors, text kept), 404, 409 (slug taken, stale), 503 and
 * 507 (not saved, text kept), 500. */
static void
post(struct app *app, struct req *rq, struct resp *rs, int64_t id)
{
	struct topic_edit t, cur;
	struct tdict	*root;
	int64_t		 newid = id;
	enum status	 st;

	memset(&t, 0, sizeof(t));
	if (id != 0 && (st = store_admin_topic_get(app->store, &app->arena,
	    id, &cur)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	t.id = id;
	/* A version that is no number stays 0: the save is then a 409
	 * with the form again, as for any stale version. */
	t.version = 0;
	(void)req_form_uint(rq, "version", INT64_MAX, &t.version);
	t.name = field(rq, "name");
	t.slug = field(rq, "slug");
	t.lead = field(rq, "lead");
	t.body_md = field(rq, "body");
	t.published = req_form(rq, "published") != NULL;
	root = admin_layout(app, rq, rs, id ? "Redigera ämne" : "Nytt ämne",
	    "/admin/amnen");
	check(app, root, &t);
	if (form_has_errors(root)) {
		show(app, rq, rs, &t, root, 400);
		return;
	}
	if ((st = save(app, rq, root, &t, &newid)) == ST_CONFLICT)
		show(app, rq, rs, &t, root, 409);
	else if (st != ST_OK && form_save_failed(app, rs, root, st, NULL))
		show(app, rq, rs, &t, root, 0);
	else if (st != ST_OK)
		page_error(app, rq, rs, st);
	else
		resp_redirect(rs, 303, arena_printf(&app->arena,
		    "/admin/amnen/%lld?klart=sparad", (long long)newid));
}

void
page_admin_topic_create(struct app *app, struct req *rq, struct resp *rs)
{
	post(app, rq, rs, 0);
}

void
page_admin_topic_save(struct app *app, struct req *rq, struct resp *rs)
{
	post(app, rq, rs, rq->path_id);
}

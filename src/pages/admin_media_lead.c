/*
 * admin_media_lead.c -- /admin/media/artikel/ID: choose an article's
 * lead image from the picture library (radio buttons with thumbnails
 * and alt texts; a search narrows them), or none.  Every picture has an
 * alt text or is marked decorative, so a lead image never lacks one.
 */
#include <stdlib.h>
#include <string.h>

#include "../app.h"
#include "../render/tmpl.h"
#include "../store/media.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"
#include "admin_media.h"
#include "admin_staff.h"

#define PICKS_MAX	48

/* The picker for article id: title, the current choice, the pictures
 * matching q.  Statuses: 200, 404, 500. */
static void
show(struct app *app, struct req *rq, struct resp *rs, int64_t id,
    const char *q)
{
	struct media	*m;
	struct tdict	*root, *d;
	const char	*title, *done = req_query(rq, "klart");
	int64_t		 cur = 0, total;
	size_t		 n;
	enum status	 st;

	if ((st = store_media_lead_id(app->store, &app->arena, id, &cur,
	    &title)) != ST_OK || (st = store_media_search(app->store,
	    &app->arena, q, PICKS_MAX, 0, &m, &n, &total)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	root = admin_layout(app, rq, rs, "Välj huvudbild", "/admin/artiklar");
	td_textf(root, "id", "%lld", (long long)id);
	td_text(root, "title", title);
	td_text(root, "q", q);
	td_bool(root, "none", cur == 0);
	td_bool(root, "has_rows", n > 0);
	td_list(root, "rows");
	for (size_t i = 0; i < n && st == ST_OK; i++) {
		d = td_item(root, "rows");
		st = press_image_fill(app, d, &m[i], "160px");
		td_bool(d, "chosen", m[i].id == cur);
	}
	if (st != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	if (done != NULL && strcmp(done, "sparad") == 0)
		td_bool(root, "saved", 1);
	page_render(app, rq, rs, "admin_media_lead", root);
}

/* GET /admin/media/artikel/ID[?q=...].  Statuses: 200, 404, 500. */
void
page_admin_media_lead_form(struct app *app, struct req *rq,
    struct resp *rs)
{
	show(app, rq, rs, strtoll(rq->path_arg, NULL, 10),
	    staff_field(rq->arena, req_query(rq, "q")));
}

/* POST /admin/media/artikel/ID -- bild=MEDIA_ID or 0 (none).  Statuses:
 * 303 back to the picker; 400 (no such picture); 404; 503/507; 500. */
void
page_admin_media_lead_save(struct app *app, struct req *rq,
    struct resp *rs)
{
	int64_t		 id = strtoll(rq->path_arg, NULL, 10);
	const char	*v = req_form(rq, "bild");
	int64_t		 media_id = v != NULL ? strtoll(v, NULL, 10) : -1;
	struct media	 m;
	enum status	 st;

	if (media_id < 0 || (media_id > 0 && store_media_get(app->store,
	    &app->arena, media_id, &m) != ST_OK)) {
		page_error(app, rq, rs, ST_BADREQ);
		return;
	}
	if ((st = store_begin(app->store)) == ST_OK &&
	    (st = store_media_lead_set(app->store, id, media_id)) == ST_OK &&
	    (st = store_audit(app->store, admin_account_id(rq), media_id ?
	    "valde huvudbild för" : "tog bort huvudbilden från", "article",
	    id, arena_printf(&app->arena, "artikel %lld (bild %lld)",
	    (long long)id, (long long)media_id), NULL, NULL)) == ST_OK)
		st = store_commit(app->store);
	if (st != ST_OK) {
		store_rollback(app->store);
		page_error(app, rq, rs, st);
		return;
	}
	resp_redirect(rs, 303, arena_printf(&app->arena,
	    "/admin/media/artikel/%lld?klart=sparad", (long long)id));
}

/*
 * admin_media_lead.c -- choose a picture from the library for a slot:
 * /admin/media/artikel/ID, an article's lead image (editors), and
 * /admin/media/kontakt/ID, a contact's portrait (press officers).  Radio
 * buttons with thumbnails and alt texts (a search narrows them), or
 * none.  Every picture has an alt text or is marked decorative; a
 * portrait must have a consent record (legal basis), and one whose
 * consent has ended is not offered.
 */
#include <stdlib.h>
#include <string.h>

#include "../app.h"
#include "../render/tmpl.h"
#include "../store/media.h"
#include "../store/staff.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"
#include "admin_media.h"
#include "admin_staff.h"

#define PICKS_MAX	48

/* What differs between the slots. */
static const struct slot {
	const char	*path;		/* /admin/media/PATH/ID */
	const char	*back;		/* /admin/BACK/ID */
	const char	*back_label;
	const char	*heading;	/* "Huvudbild för" */
	const char	*section;	/* the staff menu's entry */
	const char	*saved;
	const char	*audit_type;
	int		 consent;	/* 1: only pictures with consent */
} slots[] = {
	[MEDIA_LEAD] = { "artikel", "artiklar", "Tillbaka till artikeln",
	    "Huvudbild för", "/admin/artiklar", "Huvudbilden är sparad. Den "
	    "visas på artikeln och i delningar (og:image).", AUDIT_ARTICLE, 0 },
	[MEDIA_PORTRAIT] = { "kontakt", "kontakter",
	    "Tillbaka till kontakten", "Porträtt av", "/admin/kontakter",
	    "Porträttet är sparat. Det visas med kontakten på webbplatsen "
	    "tills samtycket upphör.", AUDIT_CONTACT, 1 },
};

/* The picker for slot k of id: title, the current choice, the pictures
 * matching q.  Statuses: 200, 404, 500. */
static void
show(struct app *app, struct req *rq, struct resp *rs, enum media_slot k,
    int64_t id, const char *q)
{
	const struct slot *sl = &slots[k];
	struct media	*m;
	struct tdict	*root, *d;
	const char	*title, *done = req_query(rq, "klart");
	int64_t		 cur = 0, total, now = clock_now();
	size_t		 n;
	enum status	 st;

	if ((st = store_media_use_id(app->store, &app->arena, k, id, &cur,
	    &title)) != ST_OK || (st = store_media_search(app->store,
	    &app->arena, q, PICKS_MAX, 0, &m, &n, &total)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	root = admin_layout(app, rq, rs, sl->heading, sl->section);
	td_textf(root, "id", "%lld", (long long)id);
	td_text(root, "path", sl->path);
	td_text(root, "back", sl->back);
	td_text(root, "back_label", sl->back_label);
	td_text(root, "heading", sl->heading);
	td_text(root, "title", title);
	td_text(root, "q", q);
	td_bool(root, "consent", sl->consent);
	td_bool(root, "none", cur == 0);
	td_list(root, "rows");
	for (size_t i = 0; i < n && st == ST_OK; i++) {
		if (sl->consent && (*m[i].legal_basis == '\0' ||
		    (m[i].expires_at != 0 && m[i].expires_at <= now)))
			continue;
		d = td_item(root, "rows");
		td_bool(root, "has_rows", 1);
		st = press_image_fill(app, d, &m[i], "160px");
		td_bool(d, "chosen", m[i].id == cur);
	}
	if (st != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	if (done != NULL && strcmp(done, "sparad") == 0)
		td_text(root, "saved", sl->saved);
	page_render(app, rq, rs, "admin_media_lead", root);
}

/* POST: bild=MEDIA_ID or 0 (none) into slot k of the path's id.
 * Statuses: 303 back to the picker; 400 (no such picture, or a portrait
 * without consent); 404; 503/507; 500. */
static void
save(struct app *app, struct req *rq, struct resp *rs, enum media_slot k)
{
	const struct slot *sl = &slots[k];
	int64_t		 id = rq->path_id;
	int64_t		 media_id = 0;
	struct media	 m;
	enum status	 st;

	if (req_form_uint(rq, "bild", REQ_MAX_ID, &media_id) != ST_OK ||
	    (media_id > 0 && (store_media_get(app->store,
	    &app->arena, media_id, &m) != ST_OK || (sl->consent &&
	    (*m.legal_basis == '\0' || (m.expires_at != 0 &&
	    m.expires_at <= clock_now())))))) {
		page_error(app, rq, rs, ST_BADREQ);
		return;
	}
	if ((st = store_begin(app->store)) == ST_OK &&
	    (st = store_media_use_set(app->store, k, id, media_id)) ==
	    ST_OK && (st = store_audit(app->store, admin_account_id(rq),
	    media_id ? "valde bild för" : "tog bort bilden från",
	    sl->audit_type, id, arena_printf(&app->arena, "%s %lld (bild "
	    "%lld)", sl->path, (long long)id, (long long)media_id), NULL,
	    NULL)) == ST_OK)
		st = store_commit(app->store);
	if (st != ST_OK) {
		store_rollback(app->store);
		page_error(app, rq, rs, st);
		return;
	}
	resp_redirect(rs, 303, arena_printf(&app->arena,
	    "/admin/media/%s/%lld?klart=sparad", sl->path, (long long)id));
}

/* GET /admin/media/artikel/ID[?q=...].  Statuses: 200, 404, 500. */
void
page_admin_media_lead_form(struct app *app, struct req *rq,
    struct resp *rs)
{
	show(app, rq, rs, MEDIA_LEAD, rq->path_id,
	    form_field(rq->arena, req_query(rq, "q")));
}

/* POST /admin/media/artikel/ID -- see save(). */
void
page_admin_media_lead_save(struct app *app, struct req *rq,
    struct resp *rs)
{
	save(app, rq, rs, MEDIA_LEAD);
}

/* GET /admin/media/kontakt/ID[?q=...].  Statuses: 200, 404, 500. */
void
page_admin_media_portrait_form(struct app *app, struct req *rq,
    struct resp *rs)
{
	show(app, rq, rs, MEDIA_PORTRAIT, rq->path_id,
	    form_field(rq->arena, req_query(rq, "q")));
}

/* POST /admin/media/kontakt/ID -- see save(). */
void
page_admin_media_portrait_save(struct app *app, struct req *rq,
    struct resp *rs)
{
	save(app, rq, rs, MEDIA_PORTRAIT);
}

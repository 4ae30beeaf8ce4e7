/*
 * admin_article.c -- the routes under /admin/artiklar/ID/..., a posted
 * form to the page of its button, the edit page and deleting a draft
 * (the list is admin_article_find.c).
 *
 * route.c has checked the session, the role (redaktor or admin) and,
 * for a POST, the CSRF token.  The :id routes take the rest of the path
 * ("12", "12/versioner/3", ...), which dispatch() splits here.
 */
#include <stdlib.h>
#include <string.h>

#include "../app.h"
#include "../render/date.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"
#include "admin_article.h"
#include "admin_editorial.h"

#define MAX_PARTS	5

/* GET /admin/artiklar/ny -- an empty form.  Statuses: 200, 500. */
void
page_admin_article_new(struct app *app, struct req *rq, struct resp *rs)
{
	struct article_edit a;
	struct edit_form f;

	memset(&a, 0, sizeof(a));
	a.kind = "nyhet";
	a.lang = "sv";
	a.status = ARTICLE_DRAFT;
	a.title = a.slug = a.lead = a.body_md = a.author = "";
	form_from_article(app, &a, &f);
	show_form(app, rq, rs, &f, NULL, 0);
}

/*
 * POST /admin/artiklar and /admin/artiklar/ID: the form, to the page
 * of the button pressed (its action, read once): none or "tillbaka"
 * shows the form again, "forhandsgranska" the preview
 * (admin_preview.c), a save button checks and saves
 * (admin_article_form.c).  cur is the stored article (NULL: new).
 * Statuses: those pages', and 400 for a button that is none of ours.
 */
static void
post_form(struct app *app, struct req *rq, struct resp *rs,
    const struct article_edit *cur)
{
	struct edit_form f;

	form_read(app, rq, cur, &f);
	switch (f.action) {
	case ACT_NONE:
	case ACT_BACK:
		show_form(app, rq, rs, &f, NULL, 0);
		break;
	case ACT_PREVIEW:
		preview_show(app, rq, rs, &f, cur != NULL ?
		    arena_printf(&app->arena, "/admin/artiklar/%lld",
		    (long long)cur->id) : "/admin/artiklar");
		break;
	case ACT_BAD:
		page_error(app, rq, rs, ST_BADREQ);
		break;
	default:
		form_save(app, rq, rs, &f, cur);
		break;
	}
}

/* POST /admin/artiklar -- create (or preview) a new article. */
void
page_admin_article_create(struct app *app, struct req *rq, struct resp *rs)
{
	post_form(app, rq, rs, NULL);
}

/* The confirmation for ?klart=CODE on the edit page; new_token: the
 * page shows a preview link just made (which says so itself). */
static void
fill_done(struct app *app, struct req *rq, struct tdict *root,
    const struct article_edit *a, int new_token)
{
	const char	*c = req_query(rq, "klart"), *msg = NULL;

	if (c == NULL)
		return;
	if (strcmp(c, "skapad") == 0)
		msg = "Artikeln är sparad som utkast.";
	else if (strcmp(c, "sparad") == 0)
		msg = "Artikeln är sparad.";
	else if (strcmp(c, "publicerad") == 0)
		msg = "Artikeln är publicerad.";
	else if (strcmp(c, "schemalagd") == 0)
		msg = arena_printf(&app->arena, "Artikeln är schemalagd och "
		    "publiceras %s.", date_sv_time(&app->arena, a->publish_at));
	else if (strcmp(c, "avpublicerad") == 0)
		msg = "Artikeln är avpublicerad och syns inte längre på "
		    "webbplatsen. Den finns kvar här och i versionerna.";
	else if (strcmp(c, "granskning") == 0)
		msg = "Artikeln är sparad och skickad för granskning. En annan "
		    "redaktör eller en administratör publicerar den.";
	else if (strcmp(c, "tillbakadragen") == 0)
		msg = "Artikeln är tillbakadragen. Dess adress visar nu "
		    "förklaringen (eller leder till ersättaren).";
	else if (strcmp(c, "aterstalld") == 0)
		msg = "Versionen är återställd och sparad som en ny version.";
	else if (strcmp(c, "aterkallad") == 0)
		msg = "Förhandslänken är återkallad.";
	else if (strcmp(c, "forhandslank") == 0 && !new_token)
		msg = "Förhandslänken är skapad. Den visas bara en gång: om du "
		    "inte kopierade den, återkalla den och skapa en ny.";
	if (msg == NULL)
		return;
	td_text(root, "done", msg);
	if (article_edit_public(a, clock_now())) {
		td_textf(root, "done_url", "/nyheter/%s", a->slug);
		td_textf(root, "done_url_text", "Visa den publika sidan "
		    "/nyheter/%s", a->slug);
	}
}

/* GET /admin/artiklar/ID: the edit form with the stored article. */
static void
edit_page(struct app *app, struct req *rq, struct resp *rs,
    const struct article_edit *a)
{
	struct edit_form f;
	struct tdict	*root;

	root = admin_layout(app, rq, rs, "Redigera artikel",
	    "/admin/artiklar");
	form_from_article(app, a, &f);
	f.new_token = preview_link_flash(app, rq, rs, a);
	fill_done(app, rq, root, a, f.new_token != NULL);
	show_form(app, rq, rs, &f, root, 0);
}

/* GET /admin/artiklar/ID/radera: the confirmation step. */
static void
delete_confirm(struct app *app, struct req *rq, struct resp *rs,
    const struct article_edit *a)
{
	struct tdict	*root;

	if (strcmp(a->status, ARTICLE_DRAFT) != 0 ||
	    a->first_published_at != 0) {
		resp_status(rs, 409);
		root = admin_layout(app, rq, rs, "Artikeln kan inte raderas",
		    "/admin/artiklar");
		td_text(root, "message", "Bara utkast som aldrig har "
		    "publicerats kan raderas. En publicerad artikel kan "
		    "avpubliceras; den finns då kvar i arkivet.");
		page_render(app, rq, rs, "admin_error", root);
		return;
	}
	root = admin_layout(app, rq, rs, "Radera utkast", "/admin/artiklar");
	td_textf(root, "id", "%lld", (long long)a->id);
	td_text(root, "title", a->title);
	page_render(app, rq, rs, "admin_article_delete", root);
}

/* POST /admin/artiklar/ID/radera: delete a never-published draft. */
static void
delete_post(struct app *app, struct req *rq, struct resp *rs,
    const struct article_edit *a)
{
	const char	*before;
	enum status	 st;

	if ((st = store_begin(app->store)) != ST_OK)
		goto out;
	if ((st = store_admin_article_json(app->store, &app->arena, a->id,
	    &before)) == ST_OK &&
	    (st = store_admin_article_delete(app->store, a->id)) == ST_OK &&
	    (st = audit_article(app, rq, a->id, "raderade utkast", a->title,
	    before)) == ST_OK)
		st = store_commit(app->store);
	else
		store_rollback(app->store);
out:
	if (st == ST_CONFLICT)
		delete_confirm(app, rq, rs, a);
	else if (st != ST_OK)
		page_error(app, rq, rs, st);
	else
		resp_redirect(rs, 303, "/admin/artiklar?klart=raderad");
}

/* Split the route's tail at '/' into at most MAX_PARTS parts. */
static size_t
split(struct app *app, const char *tail, char **parts)
{
	char	*s = arena_strdup(&app->arena, tail), *p;
	size_t	 n = 0;

	while (s != NULL && n < MAX_PARTS) {
		parts[n++] = s;
		if ((p = strchr(s, '/')) != NULL)
			*p++ = '\0';
		s = p;
	}
	return s == NULL ? n : MAX_PARTS + 1;
}

/* Load the article named by parts[0]; 404 page when there is none. */
static int
load(struct app *app, struct req *rq, struct resp *rs, const char *part,
    struct article_edit *a)
{
	int64_t		 id = req_id(part);
	enum status	 st = ST_NOTFOUND;

	if (id == 0 || (st = store_admin_article_get(app->store,
	    &app->arena, id, a)) != ST_OK) {
		page_error(app, rq, rs, st);
		return 0;
	}
	return 1;
}

/*
 * GET /admin/artiklar/ID, ID/versioner, ID/versioner/N,
 * ID/versioner/N/aterstall, ID/versioner/jamfor?a=N&b=M, ID/radera.  Statuses: 200, 404, 409
 * (delete refused), 500.
 */
void
page_admin_article_get(struct app *app, struct req *rq, struct resp *rs)
{
	struct article_edit a;
	char		*p[MAX_PARTS];
	size_t		 n = split(app, rq->path_arg, p);

	if (n > 4 || !load(app, rq, rs, p[0], &a))
		goto notfound;
	if (n == 1)
		edit_page(app, rq, rs, &a);
	else if (n == 2 && strcmp(p[1], "versioner") == 0)
		revision_list(app, rq, rs, &a);
	else if (n == 2 && strcmp(p[1], "radera") == 0)
		delete_confirm(app, rq, rs, &a);
	else if (n == 2 && strcmp(p[1], "dra-tillbaka") == 0)
		withdraw_form(app, rq, rs, &a);
	else if (n == 3 && strcmp(p[1], "versioner") == 0 &&
	    strcmp(p[2], "jamfor") == 0)
		revision_compare(app, rq, rs, &a);
	else if (n == 3 && strcmp(p[1], "versioner") == 0 && req_id(p[2]))
		revision_show(app, rq, rs, &a, req_id(p[2]));
	else if (n == 4 && strcmp(p[1], "versioner") == 0 && req_id(p[2]) &&
	    strcmp(p[3], "aterstall") == 0)
		revision_restore_confirm(app, rq, rs, &a, req_id(p[2]));
	else
		goto notfound;
	return;
notfound:
	if (rs->status == 0)
		page_error(app, rq, rs, ST_NOTFOUND);
}

/*
 * POST /admin/artiklar/ID (save), ID/radera, ID/aterstall,
 * ID/forhandslank, ID/forhandslank/L/aterkalla.  Statuses: see the
 * handlers; 404 for anything else.
 */
void
page_admin_article_post(struct app *app, struct req *rq, struct resp *rs)
{
	struct article_edit a;
	char		*p[MAX_PARTS];
	size_t		 n = split(app, rq->path_arg, p);

	if (n > 4 || !load(app, rq, rs, p[0], &a))
		goto notfound;
	if (n == 1)
		post_form(app, rq, rs, &a);
	else if (n == 2 && strcmp(p[1], "radera") == 0)
		delete_post(app, rq, rs, &a);
	else if (n == 2 && strcmp(p[1], "dra-tillbaka") == 0)
		withdraw_post(app, rq, rs, &a);
	else if (n == 2 && strcmp(p[1], "aterstall") == 0)
		revision_restore(app, rq, rs, &a);
	else if (n == 2 && strcmp(p[1], "forhandslank") == 0)
		preview_link_create(app, rq, rs, &a);
	else if (n == 4 && strcmp(p[1], "forhandslank") == 0 &&
	    req_id(p[2]) && strcmp(p[3], "aterkalla") == 0)
		preview_link_revoke(app, rq, rs, &a, req_id(p[2]));
	else
		goto notfound;
	return;
notfound:
	if (rs->status == 0)
		page_error(app, rq, rs, ST_NOTFOUND);
}

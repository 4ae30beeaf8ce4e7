/*
 * admin_withdraw.c -- /admin/artiklar/ID/dra-tillbaka: take a published
 * article down with a public explanation ("Dra tillbaka"), or point its
 * URL to a replacement article (301); or, for an admin only, remove it
 * silently (a plain 404) with a reason for the audit log.
 *
 * The article becomes 'avpublicerad' with a new revision and an audit
 * row, in one transaction; it leaves every list, search, feed and the
 * sitemap at once (they show published articles only), and the write
 * drops every kept page and page file (cache/).  Its URL then answers
 * pages/withdrawn.c's 410.  Statuses: 200, 303, 400 (form again, text
 * kept; no such satt), 403, 409 (not public, or saved meanwhile), 500.
 */
#include <stdlib.h>
#include <string.h>

#include "../app.h"
#include "../render/tmpl.h"
#include "../store/editorial.h"
#include "../store/store.h"
#include "../util/clock.h"
#include "../util/slug.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"
#include "admin_editorial.h"

#define EXPLANATION_MAX	2000

/* The form, with what was posted (and any errors on root). */
static void
show(struct app *app, struct req *rq, struct resp *rs, struct tdict *root,
    const struct article_edit *a)
{
	if (root == NULL)
		root = admin_layout(app, rq, rs, "Dra tillbaka artikel",
		    "/admin/artiklar");
	td_textf(root, "id", "%lld", (long long)a->id);
	td_textf(root, "version", "%lld", (long long)a->version);
	td_text(root, "title", a->title);
	td_text(root, "slug", a->slug);
	td_text(root, "forklaring", posted_text(rq, "forklaring"));
	td_text(root, "ersattare", posted_text(rq, "ersattare"));
	td_text(root, "skal", posted_text(rq, "skal"));
	td_bool(root, "may_remove", may_remove_silently(rq));
	page_render(app, rq, rs, "admin_withdraw", root);
}

/* 409: only a public article can be withdrawn. */
static int
refuse_not_public(struct app *app, struct req *rq, struct resp *rs,
    const struct article_edit *a)
{
	struct tdict	*root;

	if (article_edit_public(a, clock_now()))
		return 0;
	resp_status(rs, 409);
	root = admin_layout(app, rq, rs, "Artikeln är inte publicerad",
	    "/admin/artiklar");
	td_text(root, "message", "Bara en publicerad artikel kan dras "
	    "tillbaka. Ett utkast eller en schemalagd artikel syns inte för "
	    "läsarna ännu.");
	page_render(app, rq, rs, "admin_error", root);
	return 1;
}

/* GET /admin/artiklar/ID/dra-tillbaka: the form. */
void
withdraw_form(struct app *app, struct req *rq, struct resp *rs,
    const struct article_edit *a)
{
	if (!refuse_not_public(app, rq, rs, a))
		show(app, rq, rs, NULL, a);
}

/* The replacement typed ("/nyheter/slug", a full address or the slug)
 * as a public article's id into *id (0: none typed); errors on root. */
static void
check_replacement(struct app *app, struct tdict *root, const char *s,
    const struct article_edit *a, int64_t *id)
{
	const char	*p;

	*id = 0;
	if (*s == '\0')
		return;
	if ((p = strstr(s, "/nyheter/")) != NULL)
		s = p + strlen("/nyheter/");
	if (!slug_valid(s) || store_public_article_id(app->store, s,
	    clock_now(), id) != ST_OK || *id == a->id) {
		*id = 0;
		form_error(app, root, "ersattare", "Ange adressen till en "
		    "annan publicerad nyhet eller ett pressmeddelande, till "
		    "exempel /nyheter/ny-adress.");
	}
}

/* Check the post; *silent: a silent removal.  Returns 0 or -1 (400 or
 * 403 answered). */
static int
check(struct app *app, struct req *rq, struct resp *rs, struct tdict *root,
    const struct article_edit *a, int *silent, int64_t *replacement)
{
	enum withdraw_way way = withdraw_way_parse(req_form(rq, "satt"));

	if (way == WITHDRAW_BAD) {
		page_error(app, rq, rs, ST_BADREQ);
		return -1;
	}
	*silent = way == WITHDRAW_SILENT;
	*replacement = 0;
	if (*silent && !may_remove_silently(rq)) {
		page_forbidden(app, rq, rs, "administratörer");
		return -1;
	}
	if (*silent)
		check_posted_text(app, root, rq, "skal", "Skriv skälet till "
		    "loggen.", EXPLANATION_MAX);
	else
		check_posted_text(app, root, rq, "forklaring", "Skriv "
		    "förklaringen till läsarna.", EXPLANATION_MAX);
	if (!*silent)
		check_replacement(app, root, posted_text(rq, "ersattare"), a,
		    replacement);
	return 0;
}

/* Write the withdrawal with its revision and audit row. */
static enum status
save(struct app *app, struct req *rq, const struct article_edit *a,
    int silent, int64_t replacement, int64_t now)
{
	int64_t		 version = 0;
	const char	*before, *why;
	enum status	 st;

	/* A junk version is 0: no version matches, so it is a conflict. */
	(void)req_form_uint(rq, "version", INT64_MAX, &version);
	if ((st = store_begin(app->store)) != ST_OK)
		return st;
	why = arena_printf(&app->arena, "%s: %s", silent ? "skäl" :
	    "förklaring", posted_text(rq, silent ? "skal" : "forklaring"));
	if ((st = store_admin_article_json(app->store, &app->arena, a->id,
	    &before)) == ST_OK &&
	    (st = store_withdraw(app->store, a->id, version, silent ? NULL :
	    posted_text(rq, "forklaring"), replacement, admin_account_id(rq), now)) == ST_OK &&
	    (st = store_revision_add(app->store, a->id, admin_account_id(rq),
	    now)) == ST_OK &&
	    (st = audit_article_why(app, rq, a->id, silent ? "avpublicerade" :
	    "drog tillbaka", a->title, before, why)) == ST_OK &&
	    (st = article_taken_down(app, a->id)) == ST_OK)
		return store_commit(app->store);
	store_rollback(app->store);
	return st;
}

/* POST /admin/artiklar/ID/dra-tillbaka: satt=forklaring (explanation,
 * optional ersattare) or satt=tyst (skal; admins). */
void
withdraw_post(struct app *app, struct req *rq, struct resp *rs,
    const struct article_edit *a)
{
	struct tdict	*root;
	int64_t		 replacement;
	int		 silent;
	enum status	 st;

	if (refuse_not_public(app, rq, rs, a))
		return;
	root = admin_layout(app, rq, rs, "Dra tillbaka artikel",
	    "/admin/artiklar");
	if (check(app, rq, rs, root, a, &silent, &replacement) != 0)
		return;
	if (form_has_errors(root)) {
		resp_status(rs, 400);
		show(app, rq, rs, root, a);
		return;
	}
	st = save(app, rq, a, silent, replacement, clock_now());
	if (st == ST_CONFLICT) {
		resp_status(rs, 409);
		form_error(app, root, "forklaring", "Artikeln har sparats "
		    "igen sedan du öppnade sidan. Läs den igen innan du drar "
		    "tillbaka den; det du skrev finns kvar här.");
		show(app, rq, rs, root, a);
	} else if (st != ST_OK && form_save_failed(app, rs, root, st, NULL))
		show(app, rq, rs, root, a);
	else if (st != ST_OK)
		page_error(app, rq, rs, st);
	else
		resp_redirect(rs, 303, arena_printf(&app->arena,
		    "/admin/artiklar/%lld?klart=%s", (long long)a->id,
		    silent ? "avpublicerad" : "tillbakadragen"));
}

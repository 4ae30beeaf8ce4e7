/*
 * admin_statement.c -- /admin/tillganglighet: the accessibility statement
 * (tillgänglighetsredogörelse) for admins: its lead, its body in
 * CommonMark and the date it was last reviewed.
 *
 * The statement is the page (kind "sida") with the slug "tillganglighet";
 * the review date lives in the setting statement_reviewed (YYYY-MM-DD)
 * and the public page shows it as "Senast granskad".  A save keeps a
 * revision like any article save and is audited.
 */
#include <string.h>

#include "../app.h"
#include "../render/date.h"
#include "../render/tmpl.h"
#include "../store/staff.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"
#include "admin_staff.h"

#define MAX_LEAD	1000
#define MAX_BODY	(200 * 1024)

static struct tdict *
form_root(struct app *app, struct req *rq, struct resp *rs,
    const struct statement *s)
{
	struct tdict	*root;

	root = admin_layout(app, rq, rs, "Tillgänglighetsredogörelsen",
	    "/admin/tillganglighet");
	td_text(root, "statement_title", s->title);
	td_text(root, "updated", date_sv_time(&app->arena, s->updated_at));
	return root;
}

static void
fill_values(struct app *app, struct tdict *root, const char *lead,
    const char *body, const char *reviewed, int64_t version)
{
	td_text(root, "ingress", lead);
	td_text(root, "brodtext", body);
	td_text(root, "granskad", *reviewed ? reviewed :
	    date_ymd(&app->arena, clock_now()));
	td_textf(root, "version", "%lld", (long long)version);
}

/*
 * GET /admin/tillganglighet -- the statement's form.  Query: sparad.
 * Statuses: 200, 404 (no statement page), 500.
 */
void
page_admin_statement_form(struct app *app, struct req *rq, struct resp *rs)
{
	struct statement s;
	struct tdict	*root;
	enum status	 st;

	if ((st = store_statement_get(app->store, &app->arena, &s)) !=
	    ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	root = form_root(app, rq, rs, &s);
	fill_values(app, root, s.lead, s.body_md, s.reviewed, s.version);
	td_bool(root, "saved", req_query(rq, "sparad") != NULL);
	page_render(app, rq, rs, "admin_statement", root);
}

static void
check_form(struct app *app, struct tdict *root, const struct statement *s)
{
	int64_t	 t;

	if (strlen(s->lead) > MAX_LEAD)
		form_error(app, root, "ingress", "Ingressen är för lång.");
	if (*s->body_md == '\0')
		form_error(app, root, "brodtext", "Skriv redogörelsens text.");
	else if (strlen(s->body_md) > MAX_BODY)
		form_error(app, root, "brodtext", "Texten är för lång.");
	t = strlen(s->reviewed) == 10 ? date_parse_local(s->reviewed,
	    "12:00") : -1;
	if (t < 0)
		form_error(app, root, "granskad", "Skriv datumet som "
		    "2024-05-01.");
	else if (t > clock_now() + 86400)
		form_error(app, root, "granskad", "Granskningen kan inte ha "
		    "skett i framtiden.");
}

/*
 * POST /admin/tillganglighet -- save the statement.
 * Form: version, ingress, brodtext, granskad (YYYY-MM-DD).
 * Statuses: 303 to the form with a confirmation, 400 (form again with
 * the text kept), 404, 409 (someone saved in between: the text is kept
 * and the current text shown), 503 and 507 (not saved, text kept), 500.
 */
void
page_admin_statement_save(struct app *app, struct req *rq, struct resp *rs)
{
	struct statement s, f;
	struct tdict	*root;
	enum status	 st;

	if ((st = store_statement_get(app->store, &app->arena, &s)) !=
	    ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	f = s;
	f.lead = form_field(&app->arena, req_form(rq, "ingress"));
	f.body_md = req_form(rq, "brodtext") ? req_form(rq, "brodtext") : "";
	f.reviewed = form_field(&app->arena, req_form(rq, "granskad"));
	f.version = req_id(req_form(rq, "version"));
	root = form_root(app, rq, rs, &s);
	check_form(app, root, &f);
	st = form_has_errors(root) ? ST_BADREQ : store_statement_save(
	    app->store, admin_account_id(rq), &f, clock_now());
	if (st == ST_OK) {
		resp_redirect(rs, 303, "/admin/tillganglighet?sparad=1");
		return;
	}
	if (st != ST_BADREQ && st != ST_CONFLICT &&
	    !form_save_failed(app, rs, root, st, NULL)) {
		page_error(app, rq, rs, st);
		return;
	}
	if (st == ST_BADREQ || st == ST_CONFLICT)
		resp_status(rs, st == ST_CONFLICT ? 409 : 400);
	if (st == ST_CONFLICT) {
		td_bool(root, "conflict", 1);
		td_text(root, "now_lead", s.lead);
		td_text(root, "now_body", s.body_md);
		f.version = s.version;
	}
	fill_values(app, root, f.lead, f.body_md, f.reviewed, f.version);
	td_text(root, "granskad", f.reviewed);
	page_render(app, rq, rs, "admin_statement", root);
}

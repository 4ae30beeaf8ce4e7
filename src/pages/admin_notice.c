/*
 * admin_notice.c -- /admin/notis: the site notice, the banner at the top
 * of every public page (text, an optional link, an active period).
 *
 * The form edits the latest notice while it is current or scheduled;
 * once that has ended, saving starts a new one, so the history of
 * notices stays in the table and in the audit log.  "Ta bort notisen"
 * ends the notice now.  Public pages read the active notice on every
 * request, so a change shows on the next page anyone opens.
 */
#include <string.h>

#include "../app.h"
#include "../render/date.h"
#include "../render/html.h"
#include "../render/tmpl.h"
#include "../store/staff.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"
#include "admin_action.h"
#include "admin_staff.h"

#define MAX_NOTICE	600	/* bytes of notice text */
#define MAX_LINK	300	/* bytes of link text or address */

/* The notice as typed: strings as given, for showing the form again. */
struct notice_form {
	struct notice_row n;
	const char	*from_d, *from_t, *to_d, *to_t;
};

/* The latest notice if the form should edit it (current or scheduled);
 * *ended gets an ended one instead.  ST_OK (n->id 0: a new one). */
static enum status
editable(struct app *app, struct notice_row *n, struct notice_row *ended)
{
	enum status	 st;

	memset(ended, 0, sizeof(*ended));
	if ((st = store_notice_latest(app->store, &app->arena, n)) ==
	    ST_NOTFOUND) {
		memset(n, 0, sizeof(*n));
		return ST_OK;
	}
	if (st == ST_OK && n->active_to != 0 && n->active_to <= clock_now()) {
		*ended = *n;
		memset(n, 0, sizeof(*n));
	}
	return st;
}

/* Status lines above the form: what visitors see now. */
static void
fill_state(struct app *app, struct tdict *root, const struct notice_row *n,
    const struct notice_row *ended)
{
	int64_t	 now = clock_now();

	td_textf(root, "notice_id", "%lld", (long long)n->id);
	td_bool(root, "has_notice", n->id != 0);
	if (n->id != 0 && n->active_from <= now)
		td_bool(root, "showing", 1);
	else if (n->id != 0)
		td_text(root, "starts", date_sv_time(&app->arena,
		    n->active_from));
	if (n->id != 0 && n->active_to != 0)
		td_text(root, "ends", date_sv_time(&app->arena, n->active_to));
	if (ended->id != 0)
		td_text(root, "ended", date_sv_time(&app->arena,
		    ended->active_to));
}

static void
fill_values(struct app *app, struct tdict *root, const struct notice_row *n)
{
	int64_t	 from = n->id ? n->active_from : clock_now();

	td_text(root, "text", n->id ? n->text : "");
	td_text(root, "lanktext", n->id ? n->link_text : "");
	td_text(root, "lankadress", n->id ? n->link_url : "");
	td_text(root, "fran_datum", date_ymd(&app->arena, from));
	td_text(root, "fran_tid", date_hm(&app->arena, from));
	td_text(root, "till_datum", n->active_to ? date_ymd(&app->arena,
	    n->active_to) : "");
	td_text(root, "till_tid", n->active_to ? date_hm(&app->arena,
	    n->active_to) : "");
}

/*
 * GET /admin/notis -- the notice form.  Query: sparad, borttagen.
 * Statuses: 200, 500.
 */
void
page_admin_notice_form(struct app *app, struct req *rq, struct resp *rs)
{
	struct notice_row	 n, ended;
	struct tdict		*root;
	enum status		 st;

	root = admin_layout(app, rq, rs, "Notis", "/admin/notis");
	if ((st = editable(app, &n, &ended)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	fill_state(app, root, &n, &ended);
	fill_values(app, root, &n);
	td_bool(root, "saved", req_query(rq, "sparad") != NULL);
	td_bool(root, "removed", req_query(rq, "borttagen") != NULL);
	page_render(app, rq, rs, "admin_notice", root);
}

/* A date and an optional time (default dflt) as Stockholm time; -1 when
 * they do not parse. */
static int64_t
when(const char *d, const char *t, const char *dflt)
{
	return date_parse_local(d, *t ? t : dflt);
}

static void
read_form(struct app *app, struct req *rq, struct notice_form *f)
{
	struct arena	*ar = &app->arena;

	memset(f, 0, sizeof(*f));
	f->n.id = req_id(req_form(rq, "id"));
	f->n.text = form_field(ar, req_form(rq, "text"));
	f->n.link_text = form_field(ar, req_form(rq, "lanktext"));
	f->n.link_url = form_field(ar, req_form(rq, "lankadress"));
	f->from_d = form_field(ar, req_form(rq, "fran_datum"));
	f->from_t = form_field(ar, req_form(rq, "fran_tid"));
	f->to_d = form_field(ar, req_form(rq, "till_datum"));
	f->to_t = form_field(ar, req_form(rq, "till_tid"));
	f->n.active_from = when(f->from_d, f->from_t, "00:00");
	f->n.active_to = *f->to_d ? when(f->to_d, f->to_t, "23:59") : 0;
}

static void
check_link(struct app *app, struct tdict *root, const struct notice_form *f)
{
	if (strlen(f->n.link_text) > MAX_LINK)
		form_error(app, root, "lanktext", "Länktexten är för lång.");
	else if (*f->n.link_url && !*f->n.link_text)
		form_error(app, root, "lanktext", "Skriv en länktext som säger "
		    "vart länken leder.");
	if (*f->n.link_text && !*f->n.link_url)
		form_error(app, root, "lankadress", "Skriv länkens adress, "
		    "eller ta bort länktexten.");
	else if (*f->n.link_url && (strlen(f->n.link_url) > MAX_LINK ||
	    !html_url_ok(f->n.link_url)))
		form_error(app, root, "lankadress", "Skriv en adress som börjar "
		    "med https:// eller en sökväg på webbplatsen som börjar "
		    "med /.");
}

static void
check_form(struct app *app, struct tdict *root, const struct notice_form *f)
{
	if (*f->n.text == '\0')
		form_error(app, root, "text", "Skriv notisens text.");
	else if (strlen(f->n.text) > MAX_NOTICE)
		form_error(app, root, "text", "Texten är för lång: håll "
		    "notisen kort (högst 600 tecken).");
	check_link(app, root, f);
	if (f->n.active_from < 0)
		form_error(app, root, "fran_datum", "Skriv ett datum som "
		    "2024-05-01 och en tid som 08:00.");
	if (f->n.active_to < 0)
		form_error(app, root, "till_datum", "Skriv ett datum som "
		    "2024-05-31 och en tid som 17:00, eller lämna tomt.");
	else if (f->n.active_to > 0 && f->n.active_from >= 0 &&
	    f->n.active_to <= f->n.active_from)
		form_error(app, root, "till_datum", "Slutet måste komma efter "
		    "starten.");
	else if (f->n.active_to > 0 && f->n.active_to <= clock_now())
		form_error(app, root, "till_datum", "Slutet har redan varit. "
		    "Välj en senare tid, eller lämna tomt.");
}

/* The form again with what was typed; status 400, or the one already
 * set (form_save_failed()). */
static void
render_errors(struct app *app, struct req *rq, struct resp *rs,
    struct tdict *root, const struct notice_form *f)
{
	struct notice_row	 n, ended;

	if (editable(app, &n, &ended) != ST_OK) {
		page_error(app, rq, rs, ST_DBERR);
		return;
	}
	if (rs->status == 0)
		resp_status(rs, 400);
	fill_state(app, root, &n, &ended);
	td_textf(root, "notice_id", "%lld", (long long)f->n.id);
	td_text(root, "text", f->n.text);
	td_text(root, "lanktext", f->n.link_text);
	td_text(root, "lankadress", f->n.link_url);
	td_text(root, "fran_datum", f->from_d);
	td_text(root, "fran_tid", f->from_t);
	td_text(root, "till_datum", f->to_d);
	td_text(root, "till_tid", f->to_t);
	page_render(app, rq, rs, "admin_notice", root);
}

/* POST .. gora=ta_bort: end notice id now. */
static void
end_notice(struct app *app, struct req *rq, struct resp *rs, int64_t id)
{
	enum status	 st;

	st = store_notice_end(app->store, admin_account_id(rq), id,
	    clock_now());
	/* Already ended (a second click): the result is the same. */
	if (st == ST_OK || st == ST_NOTFOUND)
		resp_redirect(rs, 303, "/admin/notis?borttagen=1");
	else
		page_error(app, rq, rs, st);
}

/*
 * POST /admin/notis -- save the notice, or end it (gora=ta_bort).
 * Form: id (0: a new notice), text, lanktext, lankadress, fran_datum,
 * fran_tid, till_datum, till_tid; or id and gora.
 * Statuses: 303 to the form with a confirmation, 400 (form again with
 * the text kept; another gora), 503 and 507 (not saved, text kept), 500.
 */
void
page_admin_notice_save(struct app *app, struct req *rq, struct resp *rs)
{
	struct notice_form	 f;
	struct tdict		*root;
	enum notice_action	 act = notice_action_parse(req_form(rq, "gora"));
	enum status		 st;

	root = admin_layout(app, rq, rs, "Notis", "/admin/notis");
	if (act == NOTICE_ACT_BAD) {
		page_error(app, rq, rs, ST_BADREQ);
		return;
	}
	read_form(app, rq, &f);
	if (act == NOTICE_ACT_END) {
		end_notice(app, rq, rs, f.n.id);
		return;
	}
	check_form(app, root, &f);
	if (form_has_errors(root)) {
		render_errors(app, rq, rs, root, &f);
		return;
	}
	if ((st = store_notice_save(app->store, admin_account_id(rq), &f.n,
	    clock_now(), NULL)) != ST_OK) {
		if (form_save_failed(app, rs, root, st, NULL))
			render_errors(app, rq, rs, root, &f);
		else
			page_error(app, rq, rs, st);
		return;
	}
	resp_redirect(rs, 303, "/admin/notis?sparad=1");
}

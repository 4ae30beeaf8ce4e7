/*
 * admin_duty.c -- /admin/pressjour: the shared press line (settings
 * press_phone and press_email) and which press officers are on duty now.
 *
 * One POST saves all of it in one transaction, audited with the before
 * and after, so the log answers "who changed the press-duty number, and
 * when".  The public pages read it on every request.
 */
#include <string.h>

#include "../app.h"
#include "../render/tmpl.h"
#include "../store/staff.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "../util/valid.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"
#include "admin_staff.h"

#define MAX_OFFICERS	64

/* The officers as checkboxes; checked from ids when given (a form with
 * errors), else from the database. */
static enum status
fill_officers(struct app *app, struct tdict *root, const int64_t *ids,
    size_t nids, int from_form)
{
	struct contact	*c;
	struct tdict	*d;
	size_t		 i, j, n;
	enum status	 st;
	int		 on;

	if ((st = store_press_officers(app->store, &app->arena, &c,
	    &n)) != ST_OK)
		return st;
	td_list(root, "officers");
	td_bool(root, "has_officers", n > 0);
	for (i = 0; i < n; i++) {
		on = from_form ? 0 : c[i].on_duty;
		for (j = 0; j < nids; j++)
			if (ids[j] == c[i].id)
				on = 1;
		d = td_item(root, "officers");
		td_textf(d, "contact_id", "%lld", (long long)c[i].id);
		td_text(d, "name", c[i].name);
		td_text(d, "title", c[i].title);
		td_text(d, "phone", c[i].phone);
		td_bool(d, "checked", on);
	}
	return ST_OK;
}

static void
render(struct app *app, struct req *rq, struct resp *rs, struct tdict *root,
    const int64_t *ids, size_t nids, int from_form)
{
	enum status	 st;

	if ((st = fill_officers(app, root, ids, nids, from_form)) != ST_OK)
		page_error(app, rq, rs, st);
	else
		page_render(app, rq, rs, "admin_duty", root);
}

/*
 * GET /admin/pressjour -- the press duty form.  Query: sparad.
 * Statuses: 200, 500.
 */
void
page_admin_duty_form(struct app *app, struct req *rq, struct resp *rs)
{
	struct press_duty	 pd;
	struct tdict		*root;
	enum status		 st;

	root = admin_layout(app, rq, rs, "Pressjour", "/admin/pressjour");
	if ((st = store_press_duty(app->store, &app->arena, &pd)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	td_text(root, "telefon", pd.phone);
	td_text(root, "epost", pd.email);
	td_bool(root, "saved", req_query(rq, "sparad") != NULL);
	render(app, rq, rs, root, NULL, 0, 0);
}

/*
 * POST /admin/pressjour -- save the press line and who is on duty.
 * Form: telefon, epost, jour* (contact ids).
 * Statuses: 303 to the form with a confirmation, 400 (form again with
 * the text kept), 503 and 507 (not saved, form again), 500.
 */
void
page_admin_duty_save(struct app *app, struct req *rq, struct resp *rs)
{
	const char	*v[MAX_OFFICERS], *phone, *email;
	int64_t		 ids[MAX_OFFICERS];
	struct tdict	*root;
	size_t		 i, n, nids = 0;
	enum status	 st;

	root = admin_layout(app, rq, rs, "Pressjour", "/admin/pressjour");
	phone = form_field(&app->arena, req_form(rq, "telefon"));
	email = form_field(&app->arena, req_form(rq, "epost"));
	n = kv_all(&rq->form, "jour", v, MAX_OFFICERS);
	for (i = 0; i < n; i++)
		if ((ids[nids] = req_id(v[i])) > 0)
			nids++;
	if (*phone == '\0')
		form_error(app, root, "telefon", "Skriv pressjourens "
		    "telefonnummer.");
	else if (!valid_phone(phone))
		form_error(app, root, "telefon", "Skriv telefonnumret med "
		    "siffror, till exempel 08-452 70 00.");
	if (*email != '\0' && !valid_email(email))
		form_error(app, root, "epost", "Skriv en e-postadress i formen "
		    "press@exempel.se.");
	st = form_has_errors(root) ? ST_BADREQ : store_press_duty_save(
	    app->store, admin_account_id(rq), phone, email, ids, nids,
	    clock_now());
	if (st == ST_BADREQ || (st != ST_OK &&
	    form_save_failed(app, rs, root, st, NULL))) {
		if (st == ST_BADREQ)
			resp_status(rs, 400);
		td_text(root, "telefon", phone);
		td_text(root, "epost", email);
		render(app, rq, rs, root, ids, nids, 1);
		return;
	}
	if (st != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	resp_redirect(rs, 303, "/admin/pressjour?sparad=1");
}

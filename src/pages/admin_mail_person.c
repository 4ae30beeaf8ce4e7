/*
 * admin_mail_person.c -- one person's mail data, for an admin answering
 * a request under the GDPR: /admin/epost/person?epost=ADDRESS shows
 * what is held (subscriptions, the press list, mail sent), "Ladda ner"
 * gives it all as JSON (right of access and portability) and "Radera"
 * erases it (right to erasure): subscriptions and the press-list row
 * go, unsent mail is cancelled, sent mail keeps only that it was sent.
 * The audit log records that an erasure happened, not the address.
 */
#include <string.h>

#include "../app.h"
#include "../render/tmpl.h"
#include "../store/person.h"
#include "../store/staff.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "../util/valid.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"
#include "admin_action.h"
#include "admin_staff.h"

/* The page for email ("" for the empty form); root may carry errors. */
static void
show(struct app *app, struct req *rq, struct resp *rs, const char *email,
    struct tdict *root, int status)
{
	struct person_summary p;
	const char	*done = req_query(rq, "klart");
	enum status	 st;

	if (root == NULL)
		root = admin_layout(app, rq, rs, "En persons uppgifter",
		    "/admin/epost");
	td_text(root, "email", email);
	if (done != NULL && strcmp(done, "raderad") == 0)
		td_text(root, "done", "Uppgifterna är raderade.");
	if (valid_email(email)) {
		if ((st = store_person_summary(app->store, email, &p)) !=
		    ST_OK) {
			page_error(app, rq, rs, st);
			return;
		}
		td_bool(root, "looked_up", 1);
		td_bool(root, "has_data", p.subscriptions + p.press_list +
		    p.mails > 0);
		td_textf(root, "subscriptions", "%lld",
		    (long long)p.subscriptions);
		td_bool(root, "press_list", p.press_list > 0);
		td_textf(root, "mails", "%lld", (long long)p.mails);
	}
	if (status)
		resp_status(rs, status);
	page_render(app, rq, rs, "admin_mail_person", root);
}

/* GET /admin/epost/person[?epost=A].  Statuses: 200, 400, 500. */
void
page_admin_mail_person(struct app *app, struct req *rq, struct resp *rs)
{
	const char	*email = form_field(&app->arena,
			    req_query(rq, "epost"));
	struct tdict	*root = NULL;

	if (*email != '\0' && !valid_email(email)) {
		root = admin_layout(app, rq, rs, "En persons uppgifter",
		    "/admin/epost");
		form_error(app, root, "epost", "Skriv en e-postadress, till "
		    "exempel namn@exempel.se.");
		show(app, rq, rs, email, root, 400);
		return;
	}
	show(app, rq, rs, email, root, 0);
}

/* The JSON download of email's data.  200, 500. */
static void
export(struct app *app, struct req *rq, struct resp *rs, const char *email)
{
	const char	*json;
	enum status	 st;

	if ((st = store_person_export(app->store, &app->arena, email,
	    clock_now(), &json)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	resp_text(rs, json);
	resp_type(rs, "application/json; charset=utf-8");
	resp_header(rs, "Content-Disposition",
	    "attachment; filename=\"personuppgifter.json\"");
}

/* Erase email's data with an audit row, in one transaction. */
static enum status
erase(struct app *app, struct req *rq, const char *email)
{
	enum status	 st;

	if ((st = store_begin(app->store)) != ST_OK)
		return st;
	if ((st = store_person_erase(app->store, email)) == ST_OK &&
	    (st = store_audit(app->store, admin_account_id(rq),
	    "raderade", AUDIT_PERSON, 0, "en persons uppgifter i "
	    "e-postlistorna (begäran enligt dataskyddsförordningen)", NULL,
	    NULL)) == ST_OK)
		return store_commit(app->store);
	store_rollback(app->store);
	return st;
}

/*
 * POST /admin/epost/person: atgard=ladda-ner (JSON) or atgard=radera
 * (with the box "bekrafta" ticked).  Statuses: 200, 303, 400 (no
 * address, no button, not confirmed: the form again; another atgard),
 * 503, 507, 500.
 */
void
page_admin_mail_person_post(struct app *app, struct req *rq,
    struct resp *rs)
{
	const char	*email = form_field(&app->arena, req_form(rq, "epost"));
	enum person_action act = person_action_parse(req_form(rq, "atgard"));
	struct tdict	*root;
	enum status	 st;

	root = admin_layout(app, rq, rs, "En persons uppgifter",
	    "/admin/epost");
	if (act == PERSON_ACT_BAD) {
		page_error(app, rq, rs, ST_BADREQ);
		return;
	}
	if (!valid_email(email))
		form_error(app, root, "epost", "Skriv en e-postadress, till "
		    "exempel namn@exempel.se.");
	else if (act == PERSON_ACT_ERASE && req_form(rq, "bekrafta") == NULL)
		form_error(app, root, "bekrafta", "Kryssa i rutan för att "
		    "bekräfta att uppgifterna ska raderas.");
	else if (act == PERSON_ACT_NONE)
		form_error(app, root, "epost", "Välj Ladda ner eller Radera.");
	if (form_has_errors(root)) {
		show(app, rq, rs, email, root, 400);
		return;
	}
	if (act == PERSON_ACT_DOWNLOAD) {
		export(app, rq, rs, email);
		return;
	}
	if ((st = erase(app, rq, email)) != ST_OK &&
	    form_save_failed(app, rs, root, st, NULL))
		show(app, rq, rs, email, root, 0);
	else if (st != ST_OK)
		page_error(app, rq, rs, st);
	else
		resp_redirect(rs, 303, arena_printf(&app->arena,
		    "/admin/epost/person?klart=raderad"));
}

/*
 * admin_contact.c -- the contacts editor for press officers: list every
 * contact, add one, change one, hide one from the public site (contacts
 * are never deleted: the audit log keeps their history).
 *
 * Contacts hold work details only (GDPR): name, job title, unit, work
 * phone and work e-mail, whether a press officer, topics of expertise.
 * A save carries the version the form was read at; when another press
 * officer saved in between, the answer is 409 with the typed text kept
 * and the current values shown beside it.  A change shows at once on
 * /kontakt and on every article naming the contact: the save moves the
 * database's write counter, which drops every cached public page
 * (cache/pagecache.c, cache/pagefiles.c).
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
#include "admin_action.h"
#include "admin_staff.h"

#define MAX_TOPICS	64	/* checkboxes read from one form */
#define MAX_TEXT	200	/* bytes in a name, title, unit or e-mail */

/* A contact as typed into the form. */
struct contact_form {
	struct contact	 c;
	int64_t		 version;
	int64_t		 topics[MAX_TOPICS];
	size_t		 ntopics;
};

/* ---- Reading and checking the form ------------------------------------ */

static void
read_form(struct app *app, struct req *rq, struct contact_form *f)
{
	const char	*v[MAX_TOPICS];
	size_t		 i, n;
	int64_t		 id;

	memset(f, 0, sizeof(*f));
	f->c.name = form_field(&app->arena, req_form(rq, "namn"));
	f->c.title = form_field(&app->arena, req_form(rq, "titel"));
	f->c.unit = form_field(&app->arena, req_form(rq, "enhet"));
	f->c.phone = form_field(&app->arena, req_form(rq, "telefon"));
	f->c.email = form_field(&app->arena, req_form(rq, "epost"));
	f->c.press_officer = req_form(rq, "pressansvarig") != NULL;
	f->c.active = req_form(rq, "visas") != NULL;
	f->version = req_id(req_form(rq, "version"));
	n = kv_all(&rq->form, "amne", v, MAX_TOPICS);
	for (i = 0; i < n; i++)
		if ((id = req_id(v[i])) > 0)
			f->topics[f->ntopics++] = id;
}

/* Check f; each problem goes next to its field and into the summary. */
static void
check_form(struct app *app, struct tdict *root, const struct contact_form *f)
{
	if (*f->c.name == '\0')
		form_error(app, root, "namn", "Skriv kontaktpersonens namn.");
	else if (strlen(f->c.name) > MAX_TEXT)
		form_error(app, root, "namn", "Namnet är för långt.");
	if (strlen(f->c.title) > MAX_TEXT)
		form_error(app, root, "titel", "Titeln är för lång.");
	if (strlen(f->c.unit) > MAX_TEXT)
		form_error(app, root, "enhet", "Enhetens namn är för långt.");
	if (*f->c.phone != '\0' && !valid_phone(f->c.phone))
		form_error(app, root, "telefon", "Skriv telefonnumret med "
		    "siffror, till exempel 08-452 70 00 eller "
		    "+46 8 452 70 00.");
	if (*f->c.email != '\0' && !valid_email(f->c.email))
		form_error(app, root, "epost", "Skriv en e-postadress i formen "
		    "namn@exempel.se.");
}

static int
has_topic(const struct contact_form *f, int64_t id)
{
	size_t	 i;

	for (i = 0; i < f->ntopics; i++)
		if (f->topics[i] == id)
			return 1;
	return 0;
}

/* ---- Rendering ---------------------------------------------------------- */

/* The topic checkboxes: from the form when given, else from the db. */
static enum status
fill_topics(struct app *app, struct tdict *root, int64_t id,
    const struct contact_form *f)
{
	struct topic_choice	*t;
	struct tdict		*d;
	size_t			 i, n;
	enum status		 st;

	if ((st = store_contact_topic_choices(app->store, &app->arena, id, &t,
	    &n)) != ST_OK)
		return st;
	td_list(root, "topics");
	for (i = 0; i < n; i++) {
		d = td_item(root, "topics");
		td_textf(d, "topic_id", "%lld", (long long)t[i].id);
		td_text(d, "topic_name", t[i].name);
		td_bool(d, "checked", f != NULL ? has_topic(f, t[i].id) :
		    t[i].checked);
	}
	return ST_OK;
}

static void
fill_values(struct tdict *root, const struct contact *c, int64_t version)
{
	td_text(root, "namn", c->name);
	td_text(root, "titel", c->title);
	td_text(root, "enhet", c->unit);
	td_text(root, "telefon", c->phone);
	td_text(root, "epost", c->email);
	td_bool(root, "pressansvarig", c->press_officer);
	td_bool(root, "visas", c->active);
	td_textf(root, "version", "%lld", (long long)version);
}

/* One row of the "as it is now" table shown on a conflict; `typed` (NULL
 * on a show/hide) is what the person wrote, shown when it differs. */
static void
conflict_row(struct tdict *d, const char *label, const char *value,
    const char *typed)
{
	struct tdict	*r = td_item(d, "rows");

	td_text(r, "label", label);
	td_text(r, "value", *value ? value : "(tomt)");
	td_bool(r, "differs", typed != NULL && strcmp(typed, value) != 0);
	td_text(r, "typed", typed != NULL && *typed ? typed : "(tomt)");
}

static const char *
yes_no(int b)
{
	return b ? "Ja" : "Nej";
}

static void
fill_conflict(struct tdict *root, const struct contact *now,
    const struct contact_form *f)
{
	struct tdict		*d = td_sub(root, "conflict");
	const struct contact	*t = f != NULL ? &f->c : NULL;

	conflict_row(d, "Namn", now->name, t ? t->name : NULL);
	conflict_row(d, "Titel", now->title, t ? t->title : NULL);
	conflict_row(d, "Enhet", now->unit, t ? t->unit : NULL);
	conflict_row(d, "Telefon", now->phone, t ? t->phone : NULL);
	conflict_row(d, "E-post", now->email, t ? t->email : NULL);
	conflict_row(d, "Pressansvarig", yes_no(now->press_officer),
	    t ? yes_no(t->press_officer) : NULL);
	conflict_row(d, "Visas på webbplatsen", yes_no(now->active), NULL);
}

/* The layout of the form page for contact `cur` (id 0: a new one). */
static struct tdict *
form_root(struct app *app, struct req *rq, struct resp *rs,
    const struct contact *cur)
{
	struct tdict	*root;

	if (cur->id == 0) {
		root = admin_layout(app, rq, rs, "Ny kontakt",
		    "/admin/kontakter");
		td_bool(root, "is_new", 1);
		td_text(root, "action", "/admin/kontakter");
		return root;
	}
	root = admin_layout(app, rq, rs, arena_printf(&app->arena,
	    "Ändra kontakt: %s", cur->name), "/admin/kontakter");
	td_textf(root, "action", "/admin/kontakter/%lld", (long long)cur->id);
	td_textf(root, "contact_id", "%lld", (long long)cur->id);
	td_text(root, "current_name", cur->name);
	td_bool(root, "is_active", cur->active);
	td_bool(root, "is_on_duty", cur->on_duty);
	return root;
}

/* Render the form page; a failure becomes the error page. */
static void
render_form(struct app *app, struct req *rq, struct resp *rs,
    struct tdict *root, int64_t id, const struct contact_form *f)
{
	enum status	 st;

	if ((st = fill_topics(app, root, id, f)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	page_render(app, rq, rs, "admin_contact_form", root);
}

/* ---- Handlers ----------------------------------------------------------- */

/*
 * GET /admin/kontakter -- every contact, hidden ones too.
 * Statuses: 200, 500.
 */
void
page_admin_contact_list(struct app *app, struct req *rq, struct resp *rs)
{
	struct tdict	*root, *d;
	struct contact	*c;
	size_t		 i, n;
	enum status	 st;

	root = admin_layout(app, rq, rs, "Kontakter", "/admin/kontakter");
	if ((st = store_contact_admin_list(app->store, &app->arena, &c,
	    &n)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	td_list(root, "contacts");
	for (i = 0; i < n; i++) {
		d = td_item(root, "contacts");
		td_textf(d, "contact_id", "%lld", (long long)c[i].id);
		td_text(d, "name", c[i].name);
		td_text(d, "title", c[i].title);
		td_text(d, "unit", c[i].unit);
		td_bool(d, "press_officer", c[i].press_officer);
		td_bool(d, "on_duty", c[i].on_duty && c[i].active);
		td_bool(d, "active", c[i].active);
	}
	td_textf(root, "count", "%zu", n);
	page_render(app, rq, rs, "admin_contacts", root);
}

/*
 * GET /admin/kontakter/ny -- an empty contact form.
 * Statuses: 200, 500.
 */
void
page_admin_contact_new(struct app *app, struct req *rq, struct resp *rs)
{
	struct contact	 c;
	struct tdict	*root;

	memset(&c, 0, sizeof(c));
	c.name = c.title = c.unit = c.phone = c.email = "";
	c.active = 1;
	root = form_root(app, rq, rs, &c);
	fill_values(root, &c, 0);
	render_form(app, rq, rs, root, 0, NULL);
}

/*
 * POST /admin/kontakter -- create a contact.
 * Form: namn, titel, enhet, telefon, epost, pressansvarig, visas, amne*.
 * Statuses: 303 to the new contact's page, 400 (form again), 503 and
 * 507 (not saved, form again), 500.
 */
void
page_admin_contact_create(struct app *app, struct req *rq, struct resp *rs)
{
	struct contact_form	 f;
	struct contact		 none;
	struct tdict		*root;
	int64_t			 id;
	enum status		 st;

	memset(&none, 0, sizeof(none));
	read_form(app, rq, &f);
	root = form_root(app, rq, rs, &none);
	check_form(app, root, &f);
	if (form_has_errors(root)) {
		resp_status(rs, 400);
		fill_values(root, &f.c, 0);
		render_form(app, rq, rs, root, 0, &f);
		return;
	}
	st = store_contact_save(app->store, admin_account_id(rq), &f.c, 0,
	    f.topics, f.ntopics, arena_printf(&app->arena,
	    "Kontakten %s lades till", f.c.name), clock_now(), &id);
	if (st != ST_OK && form_save_failed(app, rs, root, st, NULL)) {
		fill_values(root, &f.c, 0);
		render_form(app, rq, rs, root, 0, &f);
		return;
	}
	if (st != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	resp_redirect(rs, 303, arena_printf(&app->arena,
	    "/admin/kontakter/%lld?sparad=1", (long long)id));
}

/*
 * GET /admin/kontakter/:id -- a contact's form.  Query: sparad, dold,
 * visad (confirmations after a save).
 * Statuses: 200, 404, 500.
 */
void
page_admin_contact_edit(struct app *app, struct req *rq, struct resp *rs)
{
	struct contact	 c;
	struct tdict	*root;
	int64_t		 version;
	enum status	 st;

	if ((st = store_contact_admin_get(app->store, &app->arena,
	    rq->path_id, &c, &version)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	root = form_root(app, rq, rs, &c);
	fill_values(root, &c, version);
	td_bool(root, "saved", req_query(rq, "sparad") != NULL);
	td_bool(root, "hidden_now", req_query(rq, "dold") != NULL);
	td_bool(root, "shown_now", req_query(rq, "visad") != NULL);
	render_form(app, rq, rs, root, c.id, NULL);
}

/* 409: someone saved contact id in between.  The form shows what the
 * person typed (f; NULL for a show/hide) and the contact as it is now,
 * with the current version so that saving again is a conscious choice. */
static void
render_conflict(struct app *app, struct req *rq, struct resp *rs,
    int64_t id, const struct contact_form *f)
{
	struct contact	 now;
	struct tdict	*root;
	int64_t		 version;
	enum status	 st;

	if ((st = store_contact_admin_get(app->store, &app->arena, id, &now,
	    &version)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	resp_status(rs, 409);
	root = form_root(app, rq, rs, &now);
	fill_values(root, f != NULL ? &f->c : &now, version);
	fill_conflict(root, &now, f);
	td_bool(root, "conflict_typed", f != NULL);
	render_form(app, rq, rs, root, id, f);
}

/* POST .. gora=dolj|visa: hide the contact from the public site or show
 * it again. */
static void
set_active(struct app *app, struct req *rq, struct resp *rs,
    const struct contact *cur, int active)
{
	enum status	 st;

	st = store_contact_set_active(app->store, admin_account_id(rq),
	    cur->id, req_id(req_form(rq, "version")), active,
	    arena_printf(&app->arena, active ? "Kontakten %s visas på "
	    "webbplatsen igen" : "Kontakten %s doldes från webbplatsen",
	    cur->name), clock_now());
	if (st == ST_OK)
		resp_redirect(rs, 303, arena_printf(&app->arena,
		    "/admin/kontakter/%lld?%s=1", (long long)cur->id,
		    active ? "visad" : "dold"));
	else if (st == ST_CONFLICT)
		render_conflict(app, rq, rs, cur->id, NULL);
	else
		page_error(app, rq, rs, st);
}

/*
 * POST /admin/kontakter/:id -- save a contact, or (gora=dolj / visa)
 * hide it from the public site or show it again.
 * Form: version, namn, titel, enhet, telefon, epost, pressansvarig,
 * amne*; or version and gora.
 * Statuses: 303 back to the form with a confirmation, 400 (form again
 * with the text kept; another gora), 404, 409 (someone saved in
 * between), 503 and 507 (not saved, text kept), 500.
 */
void
page_admin_contact_save(struct app *app, struct req *rq, struct resp *rs)
{
	struct contact_form	 f;
	struct contact		 cur;
	struct tdict		*root;
	enum contact_action	 act;
	int64_t			 version;
	enum status		 st;

	if ((st = store_contact_admin_get(app->store, &app->arena,
	    rq->path_id, &cur, &version)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	if ((act = contact_action_parse(req_form(rq, "gora"))) ==
	    CONTACT_ACT_BAD) {
		page_error(app, rq, rs, ST_BADREQ);
		return;
	}
	if (act != CONTACT_ACT_SAVE) {
		set_active(app, rq, rs, &cur, act == CONTACT_ACT_SHOW);
		return;
	}
	read_form(app, rq, &f);
	f.c.id = cur.id;
	f.c.active = cur.active;
	root = form_root(app, rq, rs, &cur);
	check_form(app, root, &f);
	if (form_has_errors(root)) {
		resp_status(rs, 400);
		fill_values(root, &f.c, f.version);
		render_form(app, rq, rs, root, cur.id, &f);
		return;
	}
	st = store_contact_save(app->store, admin_account_id(rq), &f.c,
	    f.version, f.topics, f.ntopics, arena_printf(&app->arena,
	    "Kontakten %s ändrades", f.c.name), clock_now(), NULL);
	if (st == ST_OK)
		resp_redirect(rs, 303, arena_printf(&app->arena,
		    "/admin/kontakter/%lld?sparad=1", (long long)cur.id));
	else if (st == ST_CONFLICT)
		render_conflict(app, rq, rs, cur.id, &f);
	else if (form_save_failed(app, rs, root, st, NULL)) {
		fill_values(root, &f.c, f.version);
		render_form(app, rq, rs, root, cur.id, &f);
	} else
		page_error(app, rq, rs, st);
}

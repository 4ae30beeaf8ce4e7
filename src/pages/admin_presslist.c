/*
 * admin_presslist.c -- the press list in the staff area (press
 * officers): /admin/presslista lists the journalists, /ny and /ID add
 * and edit one (name, outlet, address, topics; no topic means every
 * press release), and "Ta bort" removes one.  Each change is one
 * transaction with its audit row.  Press releases reach them when the
 * editor ticks "Skicka till presslistan" (admin_article_mail.c).
 */
#include <string.h>

#include "../app.h"
#include "../render/tmpl.h"
#include "../store/article_admin.h"
#include "../store/journalist.h"
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

#define FIELD_MAX	200

/* GET /admin/presslista -- every journalist.  Statuses: 200, 500. */
void
page_admin_presslist(struct app *app, struct req *rq, struct resp *rs)
{
	struct journalist *j;
	struct tdict	*root, *d;
	const char	*done = req_query(rq, "klart");
	size_t		 n, i;
	enum status	 st;

	if ((st = store_journalist_list(app->store, &app->arena, &j,
	    &n)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	root = admin_layout(app, rq, rs, "Presslista", "/admin/presslista");
	td_textf(root, "count", "%zu", n);
	td_bool(root, "has_rows", n > 0);
	if (done != NULL && strcmp(done, "borttagen") == 0)
		td_text(root, "done", "Journalisten är borttagen från "
		    "presslistan.");
	for (i = 0; i < n; i++) {
		d = td_item(root, "rows");
		td_textf(d, "id", "%lld", (long long)j[i].id);
		td_text(d, "name", j[i].name);
		td_text(d, "outlet", j[i].outlet);
		td_text(d, "email", j[i].email);
		td_text(d, "topics", *j[i].topic_names != '\0' ?
		    j[i].topic_names : "Alla pressmeddelanden");
	}
	page_render(app, rq, rs, "admin_presslist", root);
}

/* The form for j (new when j->id is 0); root may carry errors. */
static void
show(struct app *app, struct req *rq, struct resp *rs,
    const struct journalist *j, struct tdict *root, int status)
{
	struct topic_pick *t;
	struct tdict	*d;
	const char	*done = req_query(rq, "klart");
	size_t		 n, i, k;
	enum status	 st;

	if ((st = store_editor_topics(app->store, &app->arena, &t,
	    &n)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	if (root == NULL)
		root = admin_layout(app, rq, rs, j->id ? "Redigera journalist" :
		    "Ny journalist", "/admin/presslista");
	td_text(root, "heading", j->id ? "Redigera journalist" :
	    "Ny journalist på presslistan");
	td_text(root, "post_url", j->id ? arena_printf(&app->arena,
	    "/admin/presslista/%lld", (long long)j->id) : "/admin/presslista");
	td_bool(root, "has_id", j->id != 0);
	td_text(root, "name", j->name);
	td_text(root, "outlet", j->outlet);
	td_text(root, "email", j->email);
	for (i = 0; i < n; i++) {
		d = td_item(root, "topics");
		td_textf(d, "id", "%lld", (long long)t[i].id);
		td_text(d, "name", t[i].name);
		for (k = 0; k < j->ntopics && j->topics[k] != t[i].id; k++)
			continue;
		td_bool(d, "checked", k < j->ntopics);
	}
	if (done != NULL && strcmp(done, "sparad") == 0)
		td_text(root, "done", "Journalisten är sparad.");
	if (status)
		resp_status(rs, status);
	page_render(app, rq, rs, "admin_presslist_form", root);
}

/* GET /admin/presslista/ny.  Statuses: 200, 500. */
void
page_admin_presslist_new(struct app *app, struct req *rq, struct resp *rs)
{
	struct journalist j;

	memset(&j, 0, sizeof(j));
	j.name = j.outlet = j.email = "";
	show(app, rq, rs, &j, NULL, 0);
}

/* GET /admin/presslista/ID.  Statuses: 200, 404, 500. */
void
page_admin_presslist_edit(struct app *app, struct req *rq, struct resp *rs)
{
	struct journalist j;
	enum status	 st;

	if ((st = store_journalist_get(app->store, &app->arena, rq->path_id,
	    &j)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	show(app, rq, rs, &j, NULL, 0);
}

/* The posted form into j; errors beside the fields in root. */
static void
read_form(struct app *app, struct req *rq, struct tdict *root,
    struct journalist *j)
{
	const char	*v[JOURNALIST_TOPICS_MAX];
	size_t		 n, i;
	int64_t		 id;

	j->name = form_field(&app->arena, req_form(rq, "name"));
	j->outlet = form_field(&app->arena, req_form(rq, "outlet"));
	j->email = form_field(&app->arena, req_form(rq, "email"));
	n = kv_all(&rq->form, "topics", v, JOURNALIST_TOPICS_MAX);
	for (i = 0, j->ntopics = 0; i < n; i++)
		if ((id = req_id(v[i])) != 0)
			j->topics[j->ntopics++] = id;
	if (*j->name == '\0')
		form_error(app, root, "name", "Skriv journalistens namn.");
	else if (strlen(j->name) > FIELD_MAX)
		form_error(app, root, "name", "Namnet är för långt.");
	if (strlen(j->outlet) > FIELD_MAX)
		form_error(app, root, "outlet", "Redaktionens namn är för "
		    "långt.");
	if (!valid_email(j->email))
		form_error(app, root, "email", "Skriv en e-postadress, till "
		    "exempel namn@tidningen.se.");
}

/* Save j with its audit row in one transaction; *id set. */
static enum status
save(struct app *app, struct req *rq, const struct journalist *j,
    int64_t *id)
{
	enum status	 st;

	if ((st = store_begin(app->store)) != ST_OK)
		return st;
	if ((st = store_journalist_save(app->store, j, clock_now(),
	    id)) == ST_OK &&
	    (st = store_audit(app->store, admin_account_id(rq), j->id ?
	    "sparade" : "lade till", AUDIT_JOURNALIST, *id,
	    arena_printf(&app->arena, "journalisten \"%s\" (%s) på "
	    "presslistan", j->name, j->outlet), NULL, NULL)) == ST_OK)
		return store_commit(app->store);
	store_rollback(app->store);
	return st;
}

/* Remove journalist id with its audit row.  303, 404, 500. */
static void
remove_one(struct app *app, struct req *rq, struct resp *rs, int64_t id)
{
	struct journalist j;
	enum status	 st;

	if ((st = store_begin(app->store)) == ST_OK) {
		if ((st = store_journalist_get(app->store, &app->arena, id,
		    &j)) == ST_OK &&
		    (st = store_journalist_delete(app->store, id)) == ST_OK &&
		    (st = store_audit(app->store, admin_account_id(rq),
		    "tog bort", AUDIT_JOURNALIST, id, arena_printf(
		    &app->arena, "journalisten \"%s\" från presslistan",
		    j.name), NULL, NULL)) == ST_OK)
			st = store_commit(app->store);
		else
			store_rollback(app->store);
	}
	if (st != ST_OK)
		page_error(app, rq, rs, st);
	else
		resp_redirect(rs, 303, "/admin/presslista?klart=borttagen");
}

/* POST /admin/presslista[/ID]: check and save, or remove (atgard=ta-bort,
 * with an ID).  Statuses: 303, 400 (errors, text kept; another atgard),
 * 404, 409 (address taken), 503 and 507 (not saved, text kept), 500. */
static void
post(struct app *app, struct req *rq, struct resp *rs, int64_t id)
{
	struct journalist j;
	struct tdict	*root;
	enum press_action act = press_action_parse(req_form(rq, "atgard"));
	int64_t		 newid = id;
	enum status	 st;

	if (act == PRESS_ACT_BAD || (act == PRESS_ACT_REMOVE && id == 0)) {
		page_error(app, rq, rs, ST_BADREQ);
		return;
	}
	if (act == PRESS_ACT_REMOVE) {
		remove_one(app, rq, rs, id);
		return;
	}
	memset(&j, 0, sizeof(j));
	j.id = id;
	root = admin_layout(app, rq, rs, id ? "Redigera journalist" :
	    "Ny journalist", "/admin/presslista");
	read_form(app, rq, root, &j);
	if (form_has_errors(root)) {
		show(app, rq, rs, &j, root, 400);
		return;
	}
	if ((st = save(app, rq, &j, &newid)) == ST_CONFLICT) {
		form_error(app, root, "email", "Adressen finns redan på "
		    "presslistan.");
		show(app, rq, rs, &j, root, 409);
	} else if (st != ST_OK && form_save_failed(app, rs, root, st, NULL))
		show(app, rq, rs, &j, root, 0);
	else if (st != ST_OK)
		page_error(app, rq, rs, st);
	else
		resp_redirect(rs, 303, arena_printf(&app->arena,
		    "/admin/presslista/%lld?klart=sparad", (long long)newid));
}

void
page_admin_presslist_create(struct app *app, struct req *rq, struct resp *rs)
{
	post(app, rq, rs, 0);
}

void
page_admin_presslist_save(struct app *app, struct req *rq, struct resp *rs)
{
	post(app, rq, rs, rq->path_id);
}

/*
 * admin_login.c -- signing in and out of the staff area (its start page
 * is admin_home.c).  Failed sign-ins are throttled (web/throttle.c).
 *
 * A staff POST that finds its session ended gets the sign-in form.  It
 * carries the POST's fields along (never a password) only when the POST
 * proves it came from one of our own pages: our origin, and a form
 * token one of our sessions issued.  After signing in, the fields are
 * offered again only if that token was issued to the same account.
 */
#include <ctype.h>
#include <string.h>

#include "../app.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "../util/crypto.h"
#include "../util/log.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "../web/session.h"
#include "../web/throttle.h"
#include "admin.h"

/* Control characters: never in a path to go to (CR, LF). */
#define CONTROLS	"\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b" \
			"\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16" \
			"\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f"

/* Where to go after signing in: a staff path, else /admin. */
static const char *
next_path(const char *till)
{
	if (till != NULL && till[strcspn(till, CONTROLS)] != '\0')
		return "/admin";
	if (till == NULL || strncmp(till, "/admin", 6) != 0 ||
	    (till[6] != '\0' && till[6] != '/') || strstr(till, "//") ||
	    strchr(till, '\\') != NULL)
		return "/admin";
	return till;
}

/* The sign-in form; `kept` holds a refused POST's fields to carry. */
static void
login_render(struct app *app, struct req *rq, struct resp *rs,
    struct tdict *root)
{
	td_text(root, "till", next_path(req_query(rq, "till") ?
	    req_query(rq, "till") : req_form(rq, "till")));
	page_render(app, rq, rs, "admin_login", root);
}

/*
 * GET /admin/logga-in -- the sign-in form.  Query: till (where to go).
 * Statuses: 200.
 */
void
page_admin_login_form(struct app *app, struct req *rq, struct resp *rs)
{
	struct tdict	*root = admin_layout(app, rq, rs, "Logga in", NULL);

	td_bool(root, "signed_out", req_query(rq, "utloggad") != NULL);
	login_render(app, rq, rs, root);
}

/* 1 for a form field never carried back: a password (its name says so
 * in any case, Swedish or English), the token, our own replay fields. */
static int
secret_field(const char *key)
{
	/* tolower() folds ASCII only: "LÖSENORD" reads "lÖsenord". */
	static const char *const pw[] = { "losenord", "lösenord", "lÖsenord",
	    "password", "passwd" };
	char		 low[64];
	size_t		 i, n;

	for (n = 0; key[n] != '\0' && n < sizeof(low) - 1; n++)
		low[n] = (char)tolower((unsigned char)key[n]);
	low[n] = '\0';
	if (key[n] != '\0')
		return 1;	/* none of our fields has so long a name */
	for (i = 0; i < sizeof(pw) / sizeof(pw[0]); i++)
		if (strstr(low, pw[i]) != NULL)
			return 1;
	return strcmp(low, "csrf") == 0 || strncmp(low, "_replay", 7) == 0;
}

/*
 * A staff POST whose session has ended: the sign-in form again.  When
 * the POST proves it came from our own page (session_form_owner), the
 * form carries its fields (but passwords and its stale token) and the
 * token as _replay_proof, so nothing typed is lost; anything else gets
 * a plain sign-in form.  Status 401.
 */
void
page_admin_login_again(struct app *app, struct req *rq, struct resp *rs)
{
	struct tdict	*root;
	struct tdict	*k;
	int64_t		 owner;
	size_t		 i;

	if (session_form_owner(app, rq, &owner) != ST_OK) {
		root = admin_layout(app, rq, rs, "Logga in", NULL);
		resp_status(rs, 401);
		td_bool(root, "not_saved", 1);
		td_text(root, "till", "/admin");
		page_render(app, rq, rs, "admin_login", root);
		return;
	}
	root = admin_layout(app, rq, rs, "Logga in igen", NULL);
	resp_status(rs, 401);
	td_bool(root, "again", 1);
	td_text(root, "replay_action", rq->path);
	td_text(root, "replay_proof", req_form(rq, "csrf"));
	for (i = 0; i < rq->form.n; i++) {
		if (secret_field(rq->form.v[i].key))
			continue;
		k = td_item(root, "kept");
		td_text(k, "key", rq->form.v[i].key);
		td_text(k, "val", rq->form.v[i].val);
	}
	td_text(root, "till", next_path(rq->path));
	page_render(app, rq, rs, "admin_login", root);
}

/* Check name and password; ST_OK with *acct, ST_FORBIDDEN on a wrong
 * pair (recorded), ST_DBERR. */
static enum status
authenticate(struct app *app, const char *name, const char *pw,
    const struct throttle *t, struct account *acct)
{
	/* A real hash to verify against when the name is unknown, so the
	 * answer takes as long either way. */
	static char	 dummy[PW_HASH_MAX];
	enum status	 st;
	int		 ok;

	if (dummy[0] == '\0' && password_hash("inget konto", dummy) != ST_OK)
		return ST_ERROR;
	st = store_account_by_name(app->store, &app->arena, name, acct);
	if (st != ST_OK && st != ST_NOTFOUND)
		return st;
	ok = password_verify(st == ST_OK ? acct->pw_hash : dummy, pw);
	if (ok && st == ST_OK && !acct->disabled)
		return ST_OK;
	if (throttle_failed(app, t) != ST_OK)
		return ST_DBERR;
	/* The typed name is not logged: it may be a mistyped password. */
	log_info("sign-in refused");
	return ST_FORBIDDEN;
}

/*
 * After a sign-in that interrupted a POST: offer to send it again, if
 * the interrupted form's token (_replay_proof) was issued to the
 * account that just signed in; else straight to the start page.
 */
static void
replay_render(struct app *app, struct req *rq, struct resp *rs,
    const char *csrf, int64_t account_id)
{
	struct tdict	*root;
	const char	*keys[REQ_MAX_FIELDS], *vals[REQ_MAX_FIELDS];
	const char	*proof = req_form(rq, "_replay_proof");
	struct tdict	*k;
	size_t		 i, nk, nv;
	int64_t		 owner;

	if (session_token_owner(app, proof, &owner) != ST_OK ||
	    owner != account_id) {
		log_info("replay without a proof from this account dropped");
		resp_redirect(rs, 303, "/admin");
		return;
	}
	root = admin_layout(app, rq, rs, "Inloggad igen", NULL);
	nk = kv_all(&rq->form, "_replay_k", keys, REQ_MAX_FIELDS);
	nv = kv_all(&rq->form, "_replay_v", vals, REQ_MAX_FIELDS);
	td_text(root, "csrf", csrf);
	td_text(root, "replay_action", next_path(req_form(rq,
	    "_replay_action")));
	for (i = 0; i < nk && i < nv; i++) {
		if (secret_field(keys[i]))
			continue;
		k = td_item(root, "kept");
		td_text(k, "key", keys[i]);
		td_text(k, "val", vals[i]);
	}
	page_render(app, rq, rs, "admin_replay", root);
}

/*
 * POST /admin/logga-in -- sign in.
 * Form: namn, losenord, till; after an interrupted POST also
 * _replay_action, _replay_proof and pairs of _replay_k/_replay_v.
 * Statuses: 303 to `till` (or the replay page, 200), 400 (empty fields),
 * 403 (wrong name or password, or another origin), 429 (throttled), 500.
 */
void
page_admin_login(struct app *app, struct req *rq, struct resp *rs)
{
	const char	*name = req_form(rq, "namn");
	const char	*pw = req_form(rq, "losenord");
	const char	*why = NULL, *csrf = NULL;
	struct throttle	 t;
	struct account	 acct;
	struct tdict	*root;
	enum status	 st;

	root = admin_layout(app, rq, rs, "Logga in", NULL);
	td_text(root, "namn", name);
	if (!same_origin(app, rq)) {
		page_forbidden(app, rq, rs, NULL);
		return;
	}
	if (name == NULL || *name == '\0')
		form_error(app, root, "namn", "Skriv ditt användarnamn.");
	if (pw == NULL || *pw == '\0')
		form_error(app, root, "losenord", "Skriv ditt lösenord.");
	if (form_has_errors(root)) {
		resp_status(rs, 400);
		goto form;
	}
	session_prune(app);
	throttle_keys(app, rq, name, &t);
	if ((st = throttle_check(app, &t, &why)) == ST_FORBIDDEN) {
		resp_status(rs, 429);
		form_error(app, root, "namn", why);
		goto form;
	}
	if (st == ST_OK)
		st = authenticate(app, name, pw, &t, &acct);
	if (st == ST_FORBIDDEN) {
		resp_status(rs, 403);
		form_error(app, root, "namn", "Fel användarnamn eller "
		    "lösenord, eller så är kontot avstängt.");
		goto form;
	}
	if (st != ST_OK || throttle_clear(app, &t) != ST_OK ||
	    store_account_set_login(app->store, acct.id, clock_now()) !=
	    ST_OK || session_start(app, rs, acct.id, &csrf) != ST_OK) {
		/* Busy or full: the form again, the name kept (never the
		 * password), 503 or 507. */
		if (form_save_failed(app, rs, root, st == ST_OK ? ST_DBERR :
		    st, "Du är inte inloggad. Skriv lösenordet igen."))
			goto form;
		page_error(app, rq, rs, st == ST_OK ? ST_DBERR : st);
		return;
	}
	log_info("account %lld signed in", (long long)acct.id);
	if (req_form(rq, "_replay_action") != NULL)
		replay_render(app, rq, rs, csrf, acct.id);
	else
		resp_redirect(rs, 303, next_path(req_form(rq, "till")));
	return;
form:
	login_render(app, rq, rs, root);
}

/*
 * POST /admin/logga-ut -- end the session.
 * Statuses: 303 to the sign-in page.
 */
void
page_admin_logout(struct app *app, struct req *rq, struct resp *rs)
{
	session_end(app, rq, rs);
	resp_redirect(rs, 303, "/admin/logga-in?utloggad=1");
}

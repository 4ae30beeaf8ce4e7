/*
 * admin_account.c -- /admin/konton: staff accounts for admins: list,
 * add (the admin types the first password twice and hands it over),
 * change name and role, disable and enable, set a new password; and
 * /admin/mitt-konto, where anyone signed in changes their own password.
 *
 * Disabling an account or setting its password ends its sessions at
 * once.  The last active admin cannot be demoted or disabled.  Passwords
 * are hashed with argon2id (util/crypto.c) before they reach the store,
 * are never logged and never in the audit log.
 */
#include <string.h>

#include "../app.h"
#include "../render/date.h"
#include "../render/tmpl.h"
#include "../store/staff.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "../util/crypto.h"
#include "../util/role.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "../web/session.h"
#include "../web/throttle.h"
#include "admin.h"
#include "admin_action.h"
#include "admin_staff.h"

#define NAME_MAX_LEN	40	/* sign-in name */
#define DISPLAY_MAX	200
#define PW_MAX_LEN	256	/* bytes */

/* After a save the database refused: passwords are never shown again. */
#define PW_AGAIN	"Det du skrev finns kvar i formuläret nedan, utom " \
			"lösenordet: skriv det igen."

static int
role_ok(const char *r)
{
	return role_find(r) != NULL;
}

/* Sign-in names: 2 to 40 of a-z 0-9 . _ - (any case). */
static int
name_ok(const char *s)
{
	size_t	 i;

	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' &&
		    s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
		    strchr("._-", s[i])))
			return 0;
	return i >= 2 && i <= NAME_MAX_LEN;
}

/* Characters (not bytes) in a UTF-8 string. */
static size_t
chars(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* The radio buttons for the role, `role` checked. */
static void
fill_roles(struct tdict *root, const char *role)
{
	struct tdict	*d;
	size_t		 i;

	for (i = 0; i < ROLE__COUNT; i++) {
		d = td_item(root, "roles");
		td_text(d, "value", role_table[i].name);
		td_text(d, "label", role_table[i].label);
		/* The first radio's id is the field's, for the error link. */
		if (i == 0)
			td_text(d, "input_id", "roll");
		else
			td_textf(d, "input_id", "roll-%s", role_table[i].name);
		td_text(d, "about", role_table[i].about);
		td_bool(d, "checked", role != NULL &&
		    !strcmp(role, role_table[i].name));
	}
}

/* Check a new password typed twice (fields losenord, losenord2). */
static void
check_password(struct app *app, struct tdict *root, const char *pw,
    const char *pw2)
{
	if (pw == NULL || chars(pw) < PW_MIN_LEN)
		form_error(app, root, "losenord", arena_printf(&app->arena,
		    "Lösenordet måste ha minst %d tecken.", PW_MIN_LEN));
	else if (strlen(pw) > PW_MAX_LEN)
		form_error(app, root, "losenord", "Lösenordet är för långt.");
	else if (pw2 == NULL || strcmp(pw, pw2) != 0)
		form_error(app, root, "losenord2", "Lösenorden är inte "
		    "likadana. Skriv samma lösenord två gånger.");
}

/*
 * GET /admin/konton -- every account.  Query: sparat (after adding).
 * Statuses: 200, 500.
 */
void
page_admin_account_list(struct app *app, struct req *rq, struct resp *rs)
{
	struct account_row	*a;
	struct tdict		*root, *d;
	size_t			 i, n;
	enum status		 st;

	root = admin_layout(app, rq, rs, "Konton", "/admin/konton");
	if ((st = store_account_admin_list(app->store, &app->arena, &a,
	    &n)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	td_list(root, "accounts");
	for (i = 0; i < n; i++) {
		d = td_item(root, "accounts");
		td_textf(d, "account_id", "%lld", (long long)a[i].id);
		td_text(d, "name", a[i].name);
		td_text(d, "display_name", a[i].display_name);
		td_text(d, "role", role_label(a[i].role));
		td_bool(d, "disabled", a[i].disabled);
		td_text(d, "last_login", a[i].last_login_at ?
		    date_sv_time(&app->arena, a[i].last_login_at) : "");
	}
	page_render(app, rq, rs, "admin_accounts", root);
}

/*
 * GET /admin/konton/ny -- the form for a new account.
 * Statuses: 200.
 */
void
page_admin_account_new(struct app *app, struct req *rq, struct resp *rs)
{
	struct tdict	*root;

	root = admin_layout(app, rq, rs, "Nytt konto", "/admin/konton");
	td_bool(root, "is_new", 1);
	fill_roles(root, role_table[ROLE_REDAKTOR].name);
	page_render(app, rq, rs, "admin_account_form", root);
}

/* Check the new-account form. */
static void
check_new(struct app *app, struct tdict *root, const char *name,
    const char *display, const char *role, const char *pw, const char *pw2)
{
	if (*name == '\0')
		form_error(app, root, "namn", "Skriv ett användarnamn.");
	else if (!name_ok(name))
		form_error(app, root, "namn", "Användarnamnet får bara ha "
		    "bokstäverna a–z, siffror, punkt, bindestreck och "
		    "understreck, 2–40 tecken.");
	if (strlen(display) > DISPLAY_MAX)
		form_error(app, root, "visningsnamn", "Namnet är för långt.");
	if (!role_ok(role))
		form_error(app, root, "roll", "Välj en roll.");
	check_password(app, root, pw, pw2);
}

/*
 * POST /admin/konton -- add an account.
 * Form: namn, visningsnamn, roll, losenord, losenord2.
 * Statuses: 303 to the account's page, 400 (form again, names kept,
 * passwords not), 409 (the name is taken), 503 and 507 (not saved, form
 * again), 500.
 */
void
page_admin_account_create(struct app *app, struct req *rq, struct resp *rs)
{
	const char	*name = form_field(&app->arena, req_form(rq, "namn"));
	const char	*display = form_field(&app->arena,
	    req_form(rq, "visningsnamn"));
	const char	*role = form_field(&app->arena, req_form(rq, "roll"));
	const char	*pw = req_form(rq, "losenord");
	char		 hash[PW_HASH_MAX];
	struct tdict	*root;
	int64_t		 id = 0;
	enum status	 st = ST_BADREQ;

	root = admin_layout(app, rq, rs, "Nytt konto", "/admin/konton");
	check_new(app, root, name, display, role, pw,
	    req_form(rq, "losenord2"));
	if (!form_has_errors(root)) {
		if (password_hash(pw, hash) != ST_OK) {
			page_error(app, rq, rs, ST_ERROR);
			return;
		}
		st = store_account_create(app->store, admin_account_id(rq),
		    name, display, role, hash, clock_now(), &id);
		secure_zero(hash, sizeof(hash));
	}
	if (st == ST_OK) {
		resp_redirect(rs, 303, arena_printf(&app->arena,
		    "/admin/konton/%lld?skapat=1", (long long)id));
		return;
	}
	if (st == ST_CONFLICT)
		form_error(app, root, "namn", "Det finns redan ett konto med "
		    "det användarnamnet.");
	else if (st != ST_BADREQ && !form_save_failed(app, rs, root, st,
	    PW_AGAIN)) {
		page_error(app, rq, rs, st);
		return;
	}
	if (st == ST_BADREQ || st == ST_CONFLICT)
		resp_status(rs, st == ST_CONFLICT ? 409 : 400);
	td_bool(root, "is_new", 1);
	td_text(root, "namn", name);
	td_text(root, "visningsnamn", display);
	fill_roles(root, role);
	page_render(app, rq, rs, "admin_account_form", root);
}

/* The edit page's dictionary for account a. */
static struct tdict *
edit_root(struct app *app, struct req *rq, struct resp *rs,
    const struct account_row *a)
{
	struct tdict	*root;

	root = admin_layout(app, rq, rs, arena_printf(&app->arena,
	    "Konto: %s", a->name), "/admin/konton");
	td_textf(root, "account_id", "%lld", (long long)a->id);
	td_text(root, "account_name", a->name);
	td_text(root, "visningsnamn", a->display_name);
	td_bool(root, "disabled", a->disabled);
	td_bool(root, "is_me", a->id == admin_account_id(rq));
	td_text(root, "last_login", a->last_login_at ?
	    date_sv_time(&app->arena, a->last_login_at) : "");
	return root;
}

/*
 * GET /admin/konton/:id -- an account's page.  Query: skapat, sparat,
 * avstangt, aktiverat, losenord (confirmations).
 * Statuses: 200, 404, 500.
 */
void
page_admin_account_edit(struct app *app, struct req *rq, struct resp *rs)
{
	static const char *const done[] = { "skapat", "sparat", "avstangt",
	    "aktiverat", "losenord" };
	struct account_row	 a;
	struct tdict		*root;
	size_t			 i;
	enum status		 st;

	if ((st = store_account_admin_get(app->store, &app->arena,
	    rq->path_id, &a)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	root = edit_root(app, rq, rs, &a);
	fill_roles(root, a.role);
	for (i = 0; i < sizeof(done) / sizeof(done[0]); i++)
		if (req_query(rq, done[i]) != NULL)
			td_bool(root, arena_printf(&app->arena, "done_%s",
			    done[i]), 1);
	page_render(app, rq, rs, "admin_account_form", root);
}

/* gora=spara, stang_av or aktivera: name, role and disabled. */
static enum status
save_details(struct app *app, struct req *rq, struct tdict *root,
    const struct account_row *a, enum account_action act, const char **done)
{
	const char	*display = a->display_name, *role = a->role;
	int		 disabled = a->disabled;

	if (act == ACCOUNT_ACT_SAVE) {
		display = form_field(&app->arena,
		    req_form(rq, "visningsnamn"));
		role = form_field(&app->arena, req_form(rq, "roll"));
		if (!role_ok(role))
			form_error(app, root, "roll", "Välj en roll.");
		if (strlen(display) > DISPLAY_MAX)
			form_error(app, root, "visningsnamn", "Namnet är för "
			    "långt.");
		td_text(root, "visningsnamn", display);
		fill_roles(root, role);
		if (form_has_errors(root))
			return ST_BADREQ;
		*done = "sparat";
	} else {
		disabled = act == ACCOUNT_ACT_DISABLE;
		*done = disabled ? "avstangt" : "aktiverat";
	}
	return store_account_update(app->store, admin_account_id(rq), a->id,
	    display, role, disabled, clock_now());
}

/* gora=losenord: a new password, typed twice. */
static enum status
save_password(struct app *app, struct req *rq, struct tdict *root,
    const struct account_row *a)
{
	const char	*pw = req_form(rq, "losenord");
	char		 hash[PW_HASH_MAX];
	enum status	 st;

	check_password(app, root, pw, req_form(rq, "losenord2"));
	if (form_has_errors(root))
		return ST_BADREQ;
	if (password_hash(pw, hash) != ST_OK)
		return ST_ERROR;
	st = store_account_set_password(app->store, admin_account_id(rq),
	    a->id, hash, clock_now());
	secure_zero(hash, sizeof(hash));
	return st;
}

/*
 * POST /admin/konton/:id -- change an account.
 * Form: gora = spara (visningsnamn, roll), stang_av, aktivera, or
 * losenord (losenord, losenord2).
 * Statuses: 303 back with a confirmation, 400 (form again), 404, 409
 * (it would leave no active admin), 503 and 507 (not saved, form
 * again), 500.
 */
void
page_admin_account_save(struct app *app, struct req *rq, struct resp *rs)
{
	struct account_row	 a;
	struct tdict		*root;
	enum account_action	 act;
	const char		*done = "losenord";
	enum status		 st;

	if ((st = store_account_admin_get(app->store, &app->arena,
	    rq->path_id, &a)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	root = edit_root(app, rq, rs, &a);
	if ((act = account_action_parse(req_form(rq, "gora"))) ==
	    ACCOUNT_ACT_BAD) {
		page_error(app, rq, rs, ST_BADREQ);
		return;
	}
	if (act == ACCOUNT_ACT_PASSWORD)
		st = save_password(app, rq, root, &a);
	else
		st = save_details(app, rq, root, &a, act, &done);
	if (st == ST_OK) {
		resp_redirect(rs, 303, arena_printf(&app->arena,
		    "/admin/konton/%lld?%s=1", (long long)a.id, done));
		return;
	}
	if (st == ST_FORBIDDEN)
		form_error(app, root, act == ACCOUNT_ACT_SAVE ? "roll" :
		    "status", "Det måste finnas minst en aktiv administratör. "
		    "Ge först någon annan rollen administratör.");
	else if (st != ST_BADREQ && !form_save_failed(app, rs, root, st,
	    act == ACCOUNT_ACT_PASSWORD ? PW_AGAIN : NULL)) {
		page_error(app, rq, rs, st);
		return;
	}
	if (st == ST_BADREQ || st == ST_FORBIDDEN)
		resp_status(rs, st == ST_FORBIDDEN ? 409 : 400);
	if (!td_truthy(root, "roles"))
		fill_roles(root, a.role);
	page_render(app, rq, rs, "admin_account_form", root);
}

/* The own-account page's dictionary: layout and the confirmation. */
static struct tdict *
own_root(struct app *app, struct req *rq, struct resp *rs)
{
	struct tdict	*root = admin_layout(app, rq, rs, "Mitt konto", NULL);

	td_text(root, "account_name", rq->session->account.name);
	td_bool(root, "done_bytt", req_query(rq, "bytt") != NULL);
	return root;
}

/*
 * GET /admin/mitt-konto -- the signed-in person's own account: change
 * the password.  Query: bytt (after a change).  Statuses: 200.
 */
void
page_admin_own_form(struct app *app, struct req *rq, struct resp *rs)
{
	page_render(app, rq, rs, "admin_own_account", own_root(app, rq, rs));
}

/*
 * POST /admin/mitt-konto -- change one's own password.
 * Form: losenord_nu (the current password), losenord, losenord2.
 * Every session of the account ends (other browsers are signed out)
 * and this browser gets a new one.  The passwords are never sent back.
 * A wrong current password counts as a failed sign-in (web/throttle.c).
 * Statuses: 303 back with a confirmation, 400 (form again, also for a
 * wrong current password), 429 (throttled, form again), 503 and 507
 * (not changed, form again), 500.
 */
void
page_admin_own_save(struct app *app, struct req *rq, struct resp *rs)
{
	struct tdict	*root = own_root(app, rq, rs);
	const char	*cur = req_form(rq, "losenord_nu");
	const char	*pw = req_form(rq, "losenord"), *why;
	struct account	 acct;
	struct throttle	 t;
	char		 hash[PW_HASH_MAX];
	enum status	 st;

	throttle_keys(app, rq, rq->session->account.name, &t);
	if ((st = store_account_by_name(app->store, &app->arena,
	    rq->session->account.name, &acct)) == ST_OK)
		st = throttle_check(app, &t, &why);
	if (st == ST_FORBIDDEN) {
		form_error(app, root, "losenord_nu", why);
		resp_status(rs, 429);
	} else if (st != ST_OK) {
		page_error(app, rq, rs, st == ST_NOTFOUND ? ST_DBERR : st);
		return;
	} else if (cur == NULL || *cur == '\0' ||
	    !password_verify(acct.pw_hash, cur)) {
		form_error(app, root, "losenord_nu", "Det nuvarande lösenordet "
		    "stämmer inte. Skriv det lösenord du loggade in med.");
		resp_status(rs, 400);
		if (throttle_failed(app, &t) != ST_OK) {
			page_error(app, rq, rs, ST_DBERR);
			return;
		}
	} else if (pw != NULL && strcmp(pw, cur) == 0)
		form_error(app, root, "losenord", "Det nya lösenordet är samma "
		    "som det nuvarande. Välj ett annat.");
	else
		check_password(app, root, pw, req_form(rq, "losenord2"));
	if (form_has_errors(root)) {
		if (rs->status == 0)
			resp_status(rs, 400);
		page_render(app, rq, rs, "admin_own_account", root);
		return;
	}
	if (password_hash(pw, hash) != ST_OK) {
		page_error(app, rq, rs, ST_ERROR);
		return;
	}
	st = store_account_set_password(app->store, acct.id, acct.id, hash,
	    clock_now());
	secure_zero(hash, sizeof(hash));
	if (st != ST_OK && form_save_failed(app, rs, root, st, PW_AGAIN)) {
		page_render(app, rq, rs, "admin_own_account", root);
		return;
	}
	if (st == ST_OK)
		st = session_start(app, rs, acct.id, NULL);
	if (st != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	resp_redirect(rs, 303, "/admin/mitt-konto?bytt=1");
}

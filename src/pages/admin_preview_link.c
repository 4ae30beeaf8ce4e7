/*
 * admin_preview_link.c -- embargo preview links on the edit page: the
 * list (who made each, until when, how often opened), a new one and
 * revoking one.  A link is a random token; only its hash is stored,
 * with an expiry, and each opening is logged (embargo.c shows it).
 *
 * A new link is answered POST-redirect-GET like every other save: the
 * token, shown once, rides from the POST to the edit page in a cookie
 * (FLASH_COOKIE: HttpOnly, SameSite=Strict, only under the article's
 * path, five minutes) that the edit page reads and clears at once.  It
 * is never stored by us nor put in a URL.
 */
#include <string.h>

#include "../app.h"
#include "../render/date.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "../util/crypto.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"
#include "admin_article.h"

#define DAY		(24 * 60 * 60)
#define FLASH_COOKIE	"pressrum_ny_lank"
#define FLASH_TTL	300	/* seconds */

/* The article's embargo links into root (list "plinks"); a link just
 * made is shown once as "new_link". */
enum status
fill_preview_links(struct app *app, struct tdict *root,
    const struct article_edit *a, const char *token)
{
	struct preview_row *p;
	struct tdict	*t;
	int64_t		 now = clock_now();
	size_t		 n, i;
	enum status	 st;

	if ((st = store_preview_list(app->store, &app->arena, a->id, &p,
	    &n)) != ST_OK)
		return st;
	td_bool(root, "may_preview_link", 1);
	if (token != NULL)
		td_textf(root, "new_link", "%s/forhandsvisning/%s",
		    app->cfg.base_url, token);
	td_list(root, "plinks");
	td_bool(root, "has_plinks", n > 0);
	for (i = 0; i < n; i++) {
		t = td_item(root, "plinks");
		td_textf(t, "lid", "%lld", (long long)p[i].id);
		td_text(t, "created", date_sv_time(&app->arena,
		    p[i].created_at));
		td_text(t, "who", p[i].who);
		td_text(t, "expires", date_sv_time(&app->arena,
		    p[i].expires_at));
		td_bool(t, "live", !p[i].revoked && p[i].expires_at > now);
		td_text(t, "state", p[i].revoked ? "Återkallad" :
		    p[i].expires_at > now ? "Giltig" : "Har gått ut");
		td_textf(t, "opens", "%lld %s", (long long)p[i].opens,
		    p[i].opens == 1 ? "gång" : "gånger");
		td_text(t, "last_open", p[i].last_open ? date_sv_time(
		    &app->arena, p[i].last_open) : "");
	}
	return ST_OK;
}

/* Set (value "ID.TOKEN", FLASH_TTL) or clear (value NULL) the cookie
 * that carries a new link's token to article a's edit page. */
static void
flash_cookie(struct app *app, struct resp *rs, const struct article_edit *a,
    const char *token)
{
	resp_header(rs, "Set-Cookie", arena_printf(&app->arena,
	    "%s=%s; Path=/admin/artiklar/%lld; Max-Age=%d; HttpOnly; "
	    "SameSite=Strict%s", FLASH_COOKIE, token != NULL ?
	    arena_printf(&app->arena, "%lld.%s", (long long)a->id, token) :
	    "", (long long)a->id, token != NULL ? FLASH_TTL : 0,
	    app->cfg.secure_cookies ? "; Secure" : ""));
}

/*
 * The token of a link just made for article a, when the request carries
 * it (see FLASH_COOKIE); the cookie is cleared on rs.  Arena; NULL when
 * there is none.
 */
const char *
preview_link_flash(struct app *app, struct req *rq, struct resp *rs,
    const struct article_edit *a)
{
	const char	*v = req_cookie(rq, FLASH_COOKIE), *dot;

	if (v == NULL)
		return NULL;
	flash_cookie(app, rs, a, NULL);
	if ((dot = strchr(v, '.')) == NULL || req_id(arena_strndup(
	    &app->arena, v, (size_t)(dot - v))) != a->id ||
	    !token_valid(dot + 1))
		return NULL;
	return arena_strdup(&app->arena, dot + 1);
}

/*
 * POST /admin/artiklar/ID/forhandslank (giltig=1|3|7 days): a new
 * embargo link, then 303 to the edit page, which shows the token once
 * (carried there in FLASH_COOKIE, never stored or put in a URL of
 * ours).  Statuses: 303, 400, 409 (already public), 500.
 */
void
preview_link_create(struct app *app, struct req *rq, struct resp *rs,
    const struct article_edit *a)
{
	char		 token[TOKEN_LEN + 1], hash[TOKEN_HASH_LEN + 1];
	int64_t		 now = clock_now(), days;
	enum status	 st;

	if (req_form_uint(rq, "giltig", 7, &days) != ST_OK ||
	    (days != 1 && days != 3 && days != 7))
		days = 0;
	if (days == 0 || article_edit_public(a, now)) {
		page_error(app, rq, rs, days == 0 ? ST_BADREQ : ST_CONFLICT);
		return;
	}
	token_new(token);
	token_hash(token, hash);
	if ((st = store_begin(app->store)) == ST_OK) {
		if ((st = store_preview_add(app->store, a->id, hash,
		    now + days * DAY, admin_account_id(rq), now)) == ST_OK &&
		    (st = store_audit(app->store, admin_account_id(rq),
		    "skapade förhandslänk", "article", a->id,
		    arena_printf(&app->arena, "förhandslänk till \"%s\", "
		    "giltig %lld dag%s", a->title, (long long)days,
		    days == 1 ? "" : "ar"), NULL, NULL)) == ST_OK)
			st = store_commit(app->store);
		else
			store_rollback(app->store);
	}
	if (st != ST_OK) {
		secure_zero(token, sizeof(token));
		page_error(app, rq, rs, st);
		return;
	}
	flash_cookie(app, rs, a, token);
	secure_zero(token, sizeof(token));
	resp_redirect(rs, 303, arena_printf(&app->arena,
	    "/admin/artiklar/%lld?klart=forhandslank#forhandslankar",
	    (long long)a->id));
}

/*
 * POST /admin/artiklar/ID/forhandslank/L/aterkalla: revoke link L.
 * Statuses: 303, 404 (no live link L on this article), 500.
 */
void
preview_link_revoke(struct app *app, struct req *rq, struct resp *rs,
    const struct article_edit *a, int64_t lid)
{
	enum status	 st;

	if ((st = store_begin(app->store)) == ST_OK) {
		if ((st = store_preview_revoke(app->store, a->id, lid)) ==
		    ST_OK && (st = store_audit(app->store,
		    admin_account_id(rq), "återkallade förhandslänk",
		    "article", a->id, arena_printf(&app->arena,
		    "förhandslänk %lld till \"%s\"", (long long)lid,
		    a->title), NULL, NULL)) == ST_OK)
			st = store_commit(app->store);
		else
			store_rollback(app->store);
	}
	if (st != ST_OK)
		page_error(app, rq, rs, st);
	else
		resp_redirect(rs, 303, arena_printf(&app->arena,
		    "/admin/artiklar/%lld?klart=aterkallad#forhandslankar",
		    (long long)a->id));
}

/*
 * admin_preview.c -- showing an article before it is public: the
 * editor's preview (the public article page filled from the posted
 * form, nothing saved) and embargo preview links (a random token, only
 * its hash stored, with an expiry; each opening logged; the page is
 * noindex and says it is under embargo).
 *
 * A new link is answered POST-redirect-GET like every other save: the
 * token, shown once, rides from the POST to the edit page in a cookie
 * (FLASH_COOKIE: HttpOnly, SameSite=Strict, only under the article's
 * path, five minutes) that the edit page reads and clears at once.  It
 * is never stored by us nor put in a URL.
 *
 * Both render templates/article.html through page_article_fill(), the
 * same code as /nyheter/SLUG, with the "preview" dictionary that
 * head.html turns into a banner (templates/preview_bar.html).
 */
#include <stdlib.h>
#include <string.h>

#include "../app.h"
#include "../render/a11ycheck.h"
#include "../render/date.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "../util/crypto.h"
#include "../util/slug.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"
#include "admin_article.h"
#include "admin_preview_klarsprak.h"

#define DAY		(24 * 60 * 60)
#define FLASH_COOKIE	"pressrum_ny_lank"
#define FLASH_TTL	300	/* seconds */

static int	token_ok(const char *);

/*
 * The public struct article for a: topics and experts looked up in c by
 * id (experts in a's order, inactive ones left out as on the public
 * page).  Arrays in the arena.
 */
void
edit_to_article(struct app *app, const struct article_edit *a,
    const struct choices *c, struct article *out)
{
	size_t	i, j;

	memset(out, 0, sizeof(*out));
	out->id = a->id;
	out->kind = a->kind;
	out->slug = a->slug;
	out->title = a->title;
	out->lead = a->lead;
	out->body_md = a->body_md;
	out->lang = strcmp(a->lang, "en") == 0 ? "en" : "sv";
	out->status = a->status;
	out->publish_at = a->publish_at;
	out->created_at = a->created_at;
	out->updated_at = a->updated_at;
	out->topics = arena_alloc(&app->arena, (c->ntopics + 1) *
	    sizeof(*out->topics));
	for (i = 0; i < c->ntopics; i++)
		for (j = 0; j < a->ntopics; j++)
			if (a->topic_ids[j] == c->topics[i].id) {
				out->topics[out->ntopics].id = c->topics[i].id;
				out->topics[out->ntopics].slug = c->topics[i].slug;
				out->topics[out->ntopics++].name = c->topics[i].name;
			}
	out->experts = arena_alloc(&app->arena, (a->nexperts + 1) *
	    sizeof(*out->experts));
	for (i = 0; i < a->nexperts; i++)
		for (j = 0; j < c->ncontacts; j++)
			if (c->contacts[j].id == a->expert_ids[i] &&
			    c->contacts[j].active)
				out->experts[out->nexperts++] = c->contacts[j];
	out->links = arena_alloc(&app->arena, (a->nlinks + 1) *
	    sizeof(*out->links));
	for (i = 0; i < a->nlinks; i++)
		if (*a->links[i].title != '\0' && *a->links[i].url != '\0')
			out->links[out->nlinks++] = a->links[i];
}

/* Every posted field but the token, the button and the override, as
 * hidden inputs, so "Tillbaka" and the save buttons post the text. */
static void
fill_hidden(struct req *rq, struct tdict *d)
{
	const struct kv	*kv;
	struct tdict	*h;
	size_t		 i;

	td_list(d, "hidden");
	for (i = 0; i < rq->form.n; i++) {
		kv = &rq->form.v[i];
		if (strcmp(kv->key, "csrf") == 0 ||
		    strcmp(kv->key, "action") == 0 ||
		    strcmp(kv->key, "override_a11y") == 0)
			continue;
		h = td_item(d, "hidden");
		td_text(h, "name", kv->key);
		td_text(h, "value", kv->val);
	}
}

/* The accessibility warnings of the body into d. */
static void
fill_a11y(struct app *app, struct tdict *d, const char *body)
{
	struct a11y_warning *w;
	size_t		 n, i;

	n = a11y_check(&app->arena, body, page_picture_known, app,
	    &w);
	td_bool(d, "has_warnings", n > 0);
	td_list(d, "warnings");
	for (i = 0; i < n; i++)
		td_text(td_item(d, "warnings"), "message", w[i].message);
}

/* The time the preview shows as the publish date. */
static int64_t
shown_time(const struct edit_form *f, int64_t now)
{
	int64_t	t;

	if (f->a.publish_at != 0 && strcmp(f->a.status, "published") == 0)
		return f->a.publish_at;
	t = date_parse_local(f->pub_date, f->pub_time);
	return t > now ? t : now;
}

/*
 * POST action "forhandsgranska": the public page for the posted form,
 * with the staff bar (warnings, hidden fields, the buttons).  Nothing is
 * saved.  A body md_render refuses shows the form again (400).
 * Statuses: 200, 400, 500.
 */
void
preview_show(struct app *app, struct req *rq, struct resp *rs,
    struct edit_form *f, const char *post_url)
{
	struct choices	 c;
	struct article	 a;
	struct article_edit e = f->a;
	struct tdict	*root, *d;
	int64_t		 now = clock_now();
	enum status	 st;

	rs->nocache = 1;
	if ((st = load_choices(app, &c)) != ST_OK)
		goto out;
	if (*e.slug == '\0')
		e.slug = slug_from_title(&app->arena, e.title);
	e.publish_at = shown_time(f, now);
	e.updated_at = strcmp(f->a.status, "published") == 0 ? now :
	    e.publish_at;
	edit_to_article(app, &e, &c, &a);
	if ((st = page_article_fill(app, rq, &a, arena_printf(&app->arena,
	    "/nyheter/%s", e.slug), &root)) == ST_ERROR) {
		root = admin_layout(app, rq, rs, "Redigera artikel",
		    "/admin/artiklar");
		form_error(app, root, "body", "Brödtexten har listor eller "
		    "citat i för många nivåer och kan inte visas.");
		show_form(app, rq, rs, f, root, 400);
		return;
	}
	if (st != ST_OK)
		goto out;
	td_bool(root, "noindex", 1);
	d = td_sub(root, "preview");
	td_text(d, "banner", "Förhandsgranskning – inte publicerad");
	td_text(d, "note", "Så här kommer sidan att se ut. Ingenting är "
	    "sparat ännu.");
	d = td_sub(d, "form");
	td_text(d, "post_url", post_url);
	td_text(d, "csrf", rq->session != NULL ? rq->session->csrf : "");
	td_bool(d, "override_checked", f->override_a11y);
	fill_hidden(rq, d);
	fill_a11y(app, d, f->a.body_md);
	preview_klarsprak(app, d, f->a.title, f->a.lead, f->a.body_md);
	fill_buttons(d, &f->a, now);
	resp_header(rs, "X-Robots-Tag", "noindex");
	page_render(app, rq, rs, "article", root);
	return;
out:
	page_error(app, rq, rs, st);
}

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
	char		*end;

	if (v == NULL)
		return NULL;
	flash_cookie(app, rs, a, NULL);
	if ((dot = strchr(v, '.')) == NULL || strtoll(v, &end, 10) != a->id ||
	    end != dot || !token_ok(dot + 1))
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
	const char	*d = req_form(rq, "giltig");
	int64_t		 now = clock_now(), days;
	enum status	 st;

	days = d == NULL ? 0 : strcmp(d, "1") == 0 ? 1 : strcmp(d, "3") ==
	    0 ? 3 : strcmp(d, "7") == 0 ? 7 : 0;
	if (days == 0 || is_public(a, now)) {
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

/* 1 if t looks like one of our tokens: TOKEN_LEN of [A-Za-z0-9_-]. */
static int
token_ok(const char *t)
{
	size_t	i;

	for (i = 0; t[i] != '\0'; i++)
		if (!((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' &&
		    t[i] <= 'Z') || (t[i] >= '0' && t[i] <= '9') ||
		    t[i] == '-' || t[i] == '_'))
			return 0;
	return i == TOKEN_LEN;
}

/* 410: the link has expired, was revoked, or never was. */
static void
gone(struct app *app, struct req *rq, struct resp *rs)
{
	struct tdict	*root;

	resp_clear(rs);
	resp_status(rs, 410);
	rs->nocache = 1;
	root = page_layout(app, rq, "Länken gäller inte längre", NULL, NULL);
	td_text(root, "status", "410");
	td_text(root, "heading", "Länken gäller inte längre");
	td_text(root, "message", "Förhandslänken har gått ut eller dragits "
	    "tillbaka. Be den som skickade den om en ny länk, eller titta "
	    "efter artikeln bland nyheterna när den är publicerad.");
	td_bool(root, "noindex", 1);
	resp_header(rs, "X-Robots-Tag", "noindex");
	page_render(app, rq, rs, "error", root);
}

/* The embargo page of article a: the public page with the banner. */
static enum status
embargo_page(struct app *app, struct req *rq, struct resp *rs,
    const struct article_edit *a)
{
	struct choices	 c;
	struct article	 art;
	struct article_edit e = *a;
	struct tdict	*root, *d;
	int64_t		 now = clock_now();
	enum status	 st;

	if ((st = load_choices(app, &c)) != ST_OK)
		return st;
	if (e.publish_at == 0 || strcmp(e.status, "published") != 0)
		e.publish_at = e.updated_at;
	edit_to_article(app, &e, &c, &art);
	if ((st = page_article_fill(app, rq, &art, arena_printf(&app->arena,
	    "/nyheter/%s", e.slug), &root)) != ST_OK)
		return st;
	td_bool(root, "noindex", 1);
	d = td_sub(root, "preview");
	/* The dateline says what the banner says: no "Publicerad" yet. */
	if (strcmp(a->status, "published") == 0 && a->publish_at > now) {
		td_textf(d, "banner", "Under embargo – publiceras inte förrän "
		    "%s", date_sv_time(&app->arena, a->publish_at));
		td_bool(root, "date_scheduled", 1);
	} else {
		td_text(d, "banner", "Under embargo – inte publicerad ännu");
		td_bool(root, "date_unpublished", 1);
	}
	td_text(d, "note", "Får inte publiceras eller citeras förrän "
	    "artikeln är publicerad. Sidan visas bara för den som har "
	    "länken.");
	rs->nocache = 1;
	resp_header(rs, "X-Robots-Tag", "noindex");
	page_render(app, rq, rs, "article", root);
	return ST_OK;
}

/*
 * GET /forhandsvisning/:token -- an embargo preview link (public: no
 * session).  A live link shows the article (noindex, banner) and logs
 * the opening; once the article is public it redirects there.
 * Statuses: 200, 303, 410 (expired, revoked, unknown), 500.
 */
void
page_embargo_show(struct app *app, struct req *rq, struct resp *rs)
{
	char		 hash[TOKEN_HASH_LEN + 1];
	struct article_edit a;
	int64_t		 id;
	enum status	 st;

	if (!token_ok(rq->path_arg)) {
		gone(app, rq, rs);
		return;
	}
	token_hash(rq->path_arg, hash);
	st = store_preview_open(app->store, hash, clock_now(), &id);
	if (st == ST_OK)
		st = store_admin_article_get(app->store, &app->arena, id, &a);
	if (st == ST_NOTFOUND)
		gone(app, rq, rs);
	else if (st != ST_OK)
		page_error(app, rq, rs, st);
	else if (is_public(&a, clock_now()))
		resp_redirect(rs, 303, arena_printf(&app->arena,
		    "/nyheter/%s", a.slug));
	else if ((st = embargo_page(app, rq, rs, &a)) != ST_OK)
		page_error(app, rq, rs, st);
}

/*
 * embargo.c -- /forhandsvisning/TOKEN: an embargo preview link, the
 * public side of admin_preview_link.c.  Whoever has a live link sees
 * the article as its public page will be (templates/article.html
 * through page_article_fill(), as /nyheter/SLUG), noindex, with a
 * banner saying it is under embargo; each opening is logged.  Once the
 * article is public the link leads there; an expired, revoked or
 * unknown link is 410.
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
#include "admin_article.h"
#include "pages.h"

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
	if (e.publish_at == 0 || strcmp(e.status, ARTICLE_PUBLISHED) != 0)
		e.publish_at = e.updated_at;
	edit_to_article(app, &e, &c, &art);
	if ((st = page_article_fill(app, rq, &art, arena_printf(&app->arena,
	    "/nyheter/%s", e.slug), &root)) != ST_OK)
		return st;
	td_bool(root, "noindex", 1);
	d = td_sub(root, "preview");
	/* The dateline says what the banner says: no "Publicerad" yet. */
	if (strcmp(a->status, ARTICLE_PUBLISHED) == 0 && a->publish_at > now) {
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

	/* The address is the secret: a click from the page must not carry
	 * it as a Referer (into another site's logs, or nginx's error log
	 * while Pressrum restarts). */
	rs->no_referrer = 1;
	if (!token_valid(rq->path_arg)) {
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
	else if (article_edit_public(&a, clock_now()))
		resp_redirect(rs, 303, arena_printf(&app->arena,
		    "/nyheter/%s", a.slug));
	else if ((st = embargo_page(app, rq, rs, &a)) != ST_OK)
		page_error(app, rq, rs, st);
}

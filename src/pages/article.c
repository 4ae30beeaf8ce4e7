/*
 * article.c -- one published article, with its experts, links and the
 * press duty box; page_article_fill() builds that page for the preview,
 * embargo links and the accessibility statement (statement.c) too.
 */
#include <string.h>

#include "../app.h"
#include "../render/md.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../util/clock.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "editorial.h"
#include "pages.h"

static void
fill_article_full(struct app *app, struct tdict *d, const struct article *a,
    const struct safe_html *body)
{
	struct tdict	*t;
	size_t		 i;

	fill_article_item(d, &app->arena, a);
	td_html(d, "body", *body);
	td_bool(d, "has_links", a->nlinks > 0);
	for (i = 0; i < a->nlinks; i++) {
		t = td_item(d, "links");
		td_text(t, "title", a->links[i].title);
		td_text(t, "url", a->links[i].url);
	}
	td_bool(d, "has_experts", a->nexperts > 0);
	for (i = 0; i < a->nexperts; i++) {
		t = td_item(d, "experts");
		fill_contact(t, &app->arena, &a->experts[i]);
		(void)page_contact_photo(app, t, a->experts[i].id);
	}
}

/*
 * The root dictionary of the public article page for a at path: the
 * layout, the article with its body, links, experts and topics, and the
 * press duty box.  Also used by the editor's preview and the embargo
 * link, so that they show exactly this page.  Allocated in app->arena.
 * Returns ST_OK, ST_ERROR (body refused by md_render) or ST_DBERR.
 */
enum status
page_article_fill(struct app *app, struct req *rq, const struct article *a,
    const char *path, struct tdict **rootp)
{
	struct safe_html body;
	struct tdict	*root, *art;
	enum status	 st;

	if (md_render_pictures(&app->arena, a->body_md, page_article_picture,
	    app, &body) != ST_OK)
		return ST_ERROR;
	root = page_layout(app, rq, a->title, path,
	    strcmp(a->kind, "sida") == 0 ? NULL : "/nyheter");
	td_text(root, "meta_description", a->lead);
	if (strcmp(a->kind, "sida") != 0)
		fill_share_article(app, root, a, arena_printf(&app->arena,
		    "%s%s", app->cfg.base_url, path));
	art = td_sub(root, "article");
	fill_article_full(app, art, a, &body);
	if ((st = fill_article_notes(app, art, a)) != ST_OK)
		return st;
	*rootp = root;
	if (page_article_media_fill(app, root, art, a->id) != ST_OK)
		return ST_DBERR;
	return fill_press_duty(app, root);
}

/*
 * GET /nyheter/:slug -- one public news item or press release (a page,
 * kind "sida", is shown only at its own address).  The slug was checked
 * by slug_valid() in route.c; a withdrawn article's URL is
 * withdrawn.c's.  Statuses: 200, 301 or 410 (withdrawn), 404, 500.
 */
void
page_article_show(struct app *app, struct req *rq, struct resp *rs)
{
	struct article	 a;
	struct tdict	*root;
	const char	*slug = rq->path_arg;
	enum status	 st;

	if ((st = store_article_by_slug(app->store, &app->arena, slug,
	    clock_now(), &a)) != ST_OK) {
		if (st == ST_NOTFOUND && page_withdrawn(app, rq, rs, slug))
			return;
		goto out;
	}
	if (strcmp(a.kind, "sida") == 0) {
		st = ST_NOTFOUND;
		goto out;
	}
	if ((st = page_article_fill(app, rq, &a, arena_printf(&app->arena,
	    "/nyheter/%s", slug), &root)) != ST_OK)
		goto out;
	page_render(app, rq, rs, "article", root);
out:
	if (st != ST_OK)
		page_error(app, rq, rs, st);
}

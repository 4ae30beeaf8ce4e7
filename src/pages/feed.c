/*
 * feed.c -- the machine-read pages: Atom feeds (all news, and one per
 * topic), the e-plikt feed of publications for the National Library,
 * sitemap.xml and robots.txt.  Every URL in them is absolute, built from the
 * configured base URL (never from the Host header).
 */
#include <string.h>

#include "../app.h"
#include "../render/date.h"
#include "../render/md.h"
#include "../render/tmpl.h"
#include "../store/document.h"
#include "../store/store.h"
#include "../util/civil.h"
#include "../util/clock.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "editorial.h"
#include "pages.h"

#define FEED_ENTRIES	30
#define SITEMAP_MAX	50000	/* the sitemap protocol's limit per file */

/* The article's full text as HTML, for the entry's content (escaped
 * by the template); NULL when it cannot be had. */
static const char *
full_text(struct app *app, const struct article *a)
{
	struct article	 full;
	struct safe_html h;

	if (store_article_by_slug(app->store, &app->arena, a->slug,
	    clock_now(), &full) != ST_OK ||
	    md_render(&app->arena, full.body_md, &h) != ST_OK)
		return NULL;
	return h.html;
}

/* The entries of l; an entry is updated by a noted update only (a
 * minor change tells no reader anything). */
static enum status
fill_entries(struct app *app, struct tdict *root, const struct article_list *l)
{
	struct tdict	*e;
	int64_t		 newest = 0, upd;
	enum status	 st;
	size_t		 i;
	const char	*body, *notes;

	for (i = 0; i < l->n; i++) {
		const struct article *a = &l->items[i];

		e = td_item(root, "entries");
		fill_article_item(e, &app->arena, a);
		if ((st = feed_notes(app, a, &upd, &notes)) != ST_OK)
			return st;
		if (upd < a->publish_at)
			upd = a->publish_at;
		(void)page_article_thumb(app, e, a->id);
		td_text(e, "published_iso", date_iso(&app->arena,
		    a->publish_at));
		td_text(e, "updated_iso", date_iso(&app->arena, upd));
		/* The notes for readers, then the article's full text. */
		if ((body = full_text(app, a)) != NULL || *notes != '\0')
			td_textf(e, "content_html", "%s%s", notes,
			    body != NULL ? body : "");
		if (upd > newest)
			newest = upd;
	}
	td_text(root, "feed_updated_iso", date_iso(&app->arena,
	    newest ? newest : clock_now()));
	return ST_OK;
}

/* Render an Atom feed of the newest public articles matching f. */
static void
feed(struct app *app, struct req *rq, struct resp *rs,
    const struct article_filter *f, const char *title, const char *self,
    const char *alternate)
{
	struct article_list	 l;
	struct tdict		*root;
	enum status		 st;

	if ((st = store_article_list(app->store, &app->arena, f, clock_now(),
	    FEED_ENTRIES, 0, &l)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	root = page_layout(app, rq, title, self, NULL);
	td_text(root, "feed_title", title);
	td_textf(root, "feed_self", "%s%s", app->cfg.base_url, self);
	td_textf(root, "feed_alternate", "%s%s", app->cfg.base_url, alternate);
	if ((st = fill_entries(app, root, &l)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	resp_type(rs, "application/atom+xml; charset=utf-8");
	page_render(app, rq, rs, "feed", root);
}

/*
 * GET /nyheter.atom -- all news and press releases.
 * Statuses: 200, 500.
 */
void
page_feed_all(struct app *app, struct req *rq, struct resp *rs)
{
	struct article_filter	 f = { .no_total = 1 };
	const char		*site = "Nyheter";

	(void)store_setting(app->store, &app->arena, "site_name", &site);
	feed(app, rq, rs, &f, arena_printf(&app->arena,
	    "%s – nyheter och pressmeddelanden", site), "/nyheter.atom",
	    "/nyheter");
}

/*
 * GET /amnen/:slug.atom -- the news on one topic.
 * Statuses: 200, 404, 500.
 */
void
page_feed_topic(struct app *app, struct req *rq, struct resp *rs)
{
	struct article_filter	 f = { .no_total = 1 };
	struct topic		 t;
	enum status		 st;

	if ((st = store_topic_by_slug(app->store, &app->arena, rq->path_arg,
	    &t)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	f.topic_slug = t.slug;
	feed(app, rq, rs, &f, arena_printf(&app->arena, "Nyheter om %s",
	    t.name), arena_printf(&app->arena, "/amnen/%s.atom", t.slug),
	    arena_printf(&app->arena, "/amnen/%s", t.slug));
}

/*
 * GET /sitemap.xml -- every public page with its last change.
 * Statuses: 200, 500.
 */
void
page_sitemap(struct app *app, struct req *rq, struct resp *rs)
{
	struct article_filter	 f = { .no_total = 1 };
	struct article_list	 l;
	struct topic		*topics;
	struct tdict		*root, *u;
	size_t			 i, n;
	enum status		 st;

	if ((st = store_article_list(app->store, &app->arena, &f, clock_now(),
	    SITEMAP_MAX, 0, &l)) != ST_OK ||
	    (st = store_topic_list(app->store, &app->arena, &topics,
	    &n)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	root = page_layout(app, rq, NULL, "/sitemap.xml", NULL);
	for (i = 0; i < n; i++) {
		u = td_item(root, "topics");
		td_text(u, "slug", topics[i].slug);
		td_text(u, "lastmod", date_iso(&app->arena,
		    topics[i].updated_at > topics[i].published_at ?
		    topics[i].updated_at : topics[i].published_at));
	}
	for (i = 0; i < l.n; i++) {
		u = td_item(root, "articles");
		td_text(u, "slug", l.items[i].slug);
		td_text(u, "lastmod", date_iso(&app->arena,
		    l.items[i].updated_at > l.items[i].publish_at ?
		    l.items[i].updated_at : l.items[i].publish_at));
	}
	resp_type(rs, "application/xml; charset=utf-8");
	page_render(app, rq, rs, "sitemap", root);
}

/*
 * GET /eplikt.rss -- the documents flagged as publications, of public
 * articles, newest first and not paged, as KB's specification for
 * legal deposit by RSS asks: RSS 2.0 with Dublin Core and Media RSS,
 * one item per publication with its title, the file's address (link,
 * enclosure and media:content with type and size) and when it was
 * first made available (pubDate, dcterms:issued).
 * Statuses: 200, 500.
 */
void
page_feed_eplikt(struct app *app, struct req *rq, struct resp *rs)
{
	struct document	*d;
	struct tdict	*root, *it;
	char		 date[32];
	size_t		 n, i;
	enum status	 st;

	if ((st = store_document_publications(app->store, &app->arena,
	    clock_now(), &d, &n)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	root = page_layout(app, rq, NULL, "/eplikt.rss", NULL);
	for (i = 0; i < n; i++) {
		it = td_item(root, "items");
		td_text(it, "title", d[i].title);
		td_textf(it, "href", "%s/media/dok/%s/%s", app->cfg.base_url,
		    d[i].name, d[i].filename);
		td_text(it, "mime", d[i].mime);
		td_textf(it, "bytes", "%lld", (long long)d[i].bytes);
		civil_http_date(d[i].published_at, date);
		td_text(it, "pub_date", arena_strdup(&app->arena, date));
		td_text(it, "issued", date_iso(&app->arena,
		    d[i].published_at));
		td_textf(it, "article_href", "%s/nyheter/%s",
		    app->cfg.base_url, d[i].article_slug);
	}
	resp_type(rs, "application/rss+xml; charset=utf-8");
	page_render(app, rq, rs, "eplikt", root);
}

/*
 * GET /robots.txt -- for crawlers: everything but the staff area and
 * search results, and where the sitemap is (an absolute URL on the
 * configured base URL).
 * Statuses: 200.
 */
void
page_robots(struct app *app, struct req *rq, struct resp *rs)
{
	(void)rq;
	resp_text(rs, arena_printf(&app->arena, "# Everything public may be "
	    "indexed but the staff area and search results.\n"
	    "User-agent: *\nDisallow: /admin\nDisallow: /sok\n\n"
	    "Sitemap: %s/sitemap.xml\n", app->cfg.base_url));
	resp_status(rs, 200);
}

/*
 * news.c -- /nyheter: all public news and press releases, newest first,
 * ten a page, filtered by kind (?typ=), topic (?amne=) and year (?ar=),
 * paged with ?sida=N.  Filters combine with paging; the pager links keep
 * the filters.  The pager's links also carry a cursor, the list position
 * of the last (?fore=) or first (?efter=) article on this page as
 * "PUBLISHED.ID", so the next page starts from the index where this one
 * ended: page 8,000 costs what page 2 does.  ?sida alone (a bookmark)
 * still works, by offset.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app.h"
#include "../render/html.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../util/buf.h"
#include "../util/clock.h"
#include "../util/slug.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "pages.h"

#define NEWS_PER_PAGE	10
#define NEWS_MAX_PAGE	100000

static const char	*const kinds[] = { "nyhet", "pressmeddelande" };

/* "PUBLISHED.ID" into *at and *id; 0 when s is not one. */
static int
parse_cursor(const char *s, int64_t *at, int64_t *id)
{
	char		 pub[24];
	const char	*dot = strchr(s, '.');

	if (dot == NULL || (size_t)(dot - s) >= sizeof(pub))
		return 0;
	memcpy(pub, s, (size_t)(dot - s));
	pub[dot - s] = '\0';
	return req_parse_int(pub, 1, INT64_MAX, at) == ST_OK &&
	    req_parse_int(dot + 1, 1, INT64_MAX, id) == ST_OK;
}

/* Read ?typ ?amne ?ar ?sida ?fore ?efter; ST_BADREQ on a value that
 * cannot be.  A cursor counts only past page 1. */
static enum status
read_filter(const struct req *rq, struct article_filter *f, long *page)
{
	const char	*typ = req_query(rq, "typ");
	const char	*amne = req_query(rq, "amne");
	const char	*fore = req_query(rq, "fore");
	const char	*efter = req_query(rq, "efter");
	int64_t		 year = 0, n = 1;
	enum status	 st;

	memset(f, 0, sizeof(*f));
	*page = 1;
	if (typ != NULL && *typ != '\0') {
		if (strcmp(typ, kinds[0]) != 0 && strcmp(typ, kinds[1]) != 0)
			return ST_BADREQ;
		f->kind = typ;
	}
	if (amne != NULL && *amne != '\0') {
		if (!slug_valid(amne))
			return ST_BADREQ;
		f->topic_slug = amne;
	}
	if ((st = req_query_uint(rq, "ar", 9999, &year)) == ST_BADREQ ||
	    (st == ST_OK && year < 1900))
		return ST_BADREQ;
	f->year = (int)year;
	if (req_query_page(rq, "sida", NEWS_MAX_PAGE, &n) != ST_OK)
		return ST_BADREQ;
	*page = (long)n;
	if ((fore != NULL && !parse_cursor(fore, &f->before_at,
	    &f->before_id)) || (efter != NULL && !parse_cursor(efter,
	    &f->after_at, &f->after_id)))
		return ST_BADREQ;
	if (*page == 1)
		f->before_at = f->after_at = 0;
	return ST_OK;
}

/* "/nyheter?typ=..&amne=..&ar=..&sida=N", keeping the set filters;
 * with cur, also "&fore=" (dir 'f') or "&efter=" (dir 'e') and cur's
 * list position. */
static char *
news_href(struct arena *ar, const struct article_filter *f, long page,
    const struct article *cur, char dir)
{
	struct buf	 b;
	char		*s;
	char		 sep = '?';

	buf_init(&b);
	buf_puts(&b, "/nyheter");
	if (f->kind != NULL) {
		buf_printf(&b, "%ctyp=", sep);
		html_url(&b, f->kind);
		sep = '&';
	}
	if (f->topic_slug != NULL) {
		buf_printf(&b, "%camne=", sep);
		html_url(&b, f->topic_slug);
		sep = '&';
	}
	if (f->year > 0) {
		buf_printf(&b, "%car=%d", sep, f->year);
		sep = '&';
	}
	if (page > 1)
		buf_printf(&b, "%csida=%ld", sep, page);
	if (page > 1 && cur != NULL)
		buf_printf(&b, "&%s=%lld.%lld", dir == 'f' ? "fore" : "efter",
		    (long long)cur->publish_at, (long long)cur->id);
	s = arena_strndup(ar, b.data, b.len);
	buf_free(&b);
	return s;
}

/* The select options for kind, topic and year, with the current marked. */
static enum status
fill_filters(struct app *app, struct tdict *root,
    const struct article_filter *f)
{
	struct topic	*topics;
	struct tdict	*o;
	int		*years;
	size_t		 i, n;
	enum status	 st;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		o = td_item(root, "kinds");
		td_text(o, "value", kinds[i]);
		td_text(o, "label", kind_label(kinds[i]));
		td_bool(o, "selected", f->kind && !strcmp(f->kind, kinds[i]));
	}
	if ((st = store_topic_list(app->store, &app->arena, &topics,
	    &n)) != ST_OK)
		return st;
	for (i = 0; i < n; i++) {
		o = td_item(root, "topic_options");
		td_text(o, "slug", topics[i].slug);
		td_text(o, "name", topics[i].name);
		td_bool(o, "selected", f->topic_slug &&
		    !strcmp(f->topic_slug, topics[i].slug));
	}
	if ((st = store_article_years(app->store, &app->arena, clock_now(),
	    &years, &n)) != ST_OK)
		return st;
	for (i = 0; i < n; i++) {
		o = td_item(root, "years");
		td_textf(o, "year", "%d", years[i]);
		td_bool(o, "selected", f->year == years[i]);
	}
	return ST_OK;
}

/* Pager links start from this page's first and last article. */
static void
fill_pager(struct app *app, struct tdict *root,
    const struct article_filter *f, long page, long pages,
    const struct article_list *l)
{
	struct tdict	*p;

	if (pages <= 1)
		return;
	p = td_sub(root, "pager");
	td_textf(p, "page", "%ld", page);
	td_textf(p, "pages", "%ld", pages);
	if (page > 1)
		td_text(p, "prev_href", news_href(&app->arena, f, page - 1,
		    l->n > 0 ? &l->items[0] : NULL, 'e'));
	if (page < pages)
		td_text(p, "next_href", news_href(&app->arena, f, page + 1,
		    l->n > 0 ? &l->items[l->n - 1] : NULL, 'f'));
}

/*
 * GET /nyheter -- the news list.
 * Query: typ, amne, ar, sida (all optional).
 * Statuses: 200, 400 (a filter or page that cannot be), 404 (a page past
 * the last), 500.
 */
void
page_news_list(struct app *app, struct req *rq, struct resp *rs)
{
	struct article_filter	 f;
	struct article_list	 l;
	struct tdict		*root;
	long			 page, pages;
	size_t			 i;
	enum status		 st;

	if ((st = read_filter(rq, &f, &page)) != ST_OK)
		goto out;
	if ((st = store_article_list(app->store, &app->arena, &f, clock_now(),
	    NEWS_PER_PAGE, (size_t)(page - 1) * NEWS_PER_PAGE, &l)) != ST_OK)
		goto out;
	pages = (long)((l.total + NEWS_PER_PAGE - 1) / NEWS_PER_PAGE);
	if (page > 1 && page > pages) {
		st = ST_NOTFOUND;
		goto out;
	}
	root = page_layout(app, rq, page > 1 ? arena_printf(&app->arena,
	    "Nyheter och pressmeddelanden, sida %ld", page) :
	    "Nyheter och pressmeddelanden", news_href(&app->arena, &f, page, NULL,
	    0),
	    "/nyheter");
	td_text(root, "meta_description", "Alla nyheter och "
	    "pressmeddelanden, de senaste först.");
	td_textf(root, "total_text", "%lld %s", (long long)l.total,
	    l.total == 1 ? "träff" : "träffar");
	td_bool(root, "has_items", l.n > 0);
	td_list(root, "items");
	for (i = 0; i < l.n; i++) {
		struct tdict *it = td_item(root, "items");

		fill_article_item(it, &app->arena, &l.items[i]);
		(void)page_article_thumb(app, it, l.items[i].id);
	}
	if ((st = fill_filters(app, root, &f)) != ST_OK)
		goto out;
	fill_pager(app, root, &f, page, pages, &l);
	page_render(app, rq, rs, "news", root);
out:
	if (st != ST_OK)
		page_error(app, rq, rs, st);
}

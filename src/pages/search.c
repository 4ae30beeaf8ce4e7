/*
 * search.c -- /sok?q=: full-text search over the public news, press
 * releases and topic pages, best first (or newest first), ten a page
 * (?sida=N), filtered by kind, topic and year (search_filter.c), with the
 * matched words highlighted.
 *
 * The visitor's words become a safe FTS5 query in the store
 * (search_match_query()); whatever q holds, the page answers 200 with
 * hits or "Inga träffar", and, when it found little, "Menade du …?"
 * with a link to a query of the nearest words of the index
 * (store_search_suggest()).  Titles, leads and snippets come back with
 * private-use markers around the matches; html_highlight() escapes
 * them and turns the markers into <mark>.
 */
#include <stdlib.h>
#include <string.h>

#include "../app.h"
#include "../render/date.h"
#include "../render/html.h"
#include "../render/tmpl.h"
#include "../store/search.h"
#include "../util/buf.h"
#include "../util/clock.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "pages.h"
#include "search_page.h"

#define SEARCH_PER_PAGE	10
#define SEARCH_MAX_PAGE	10000

/* 1 if s holds a match marker. */
static int
marked(const char *s)
{
	return strstr(s, SEARCH_MARK_START) != NULL;
}

/* What to show under the title: the lead when a word matched there,
 * else the body snippet when one did, else the lead. */
static struct safe_html
hit_text(struct arena *ar, const struct search_hit *h)
{
	if (!marked(h->lead_hl) && marked(h->snippet))
		return html_highlight(ar, h->snippet);
	if (*h->lead_hl == '\0' && *h->snippet != '\0')
		return html_highlight(ar, h->snippet);
	return html_highlight(ar, h->lead_hl);
}

static void
fill_hit(struct arena *ar, struct tdict *d, const struct search_hit *h)
{
	struct safe_html	 text = hit_text(ar, h);
	int			 topic = strcmp(h->kind, "amne") == 0;

	td_text(d, "slug", h->slug);
	td_bool(d, "is_topic", topic);
	td_text(d, "kind_label", topic ? "Ämne" : kind_label(h->kind));
	td_bool(d, "is_en", strcmp(h->lang, "en") == 0);
	td_html(d, "title_hl", html_highlight(ar, h->title_hl));
	td_bool(d, "has_text", text.len > 0);
	td_html(d, "text", text);
	td_text(d, "date", h->date > 0 ? date_sv(ar, h->date) : "");
	td_text(d, "date_iso", h->date > 0 ? date_iso(ar, h->date) : "");
}

static void
fill_pager(struct arena *ar, struct tdict *root, const char *q,
    const struct search_filter *f, long page, long pages)
{
	struct tdict	*p;

	if (pages <= 1)
		return;
	p = td_sub(root, "pager");
	td_textf(p, "page", "%ld", page);
	td_textf(p, "pages", "%ld", pages);
	if (page > 1)
		td_text(p, "prev_href", search_href(ar, q, f, page - 1));
	if (page < pages)
		td_text(p, "next_href", search_href(ar, q, f, page + 1));
}

/* "3 träffar för ”skola”", "Inga träffar för ”xyz”"; when the search
 * read only the newest matches, it says so and how to find older ones. */
static void
fill_total(struct tdict *root, const struct search_result *r, const char *q)
{
	if (r->total == 0 && !r->more)
		td_textf(root, "total_text", "Inga träffar för ”%s”", q);
	else if (r->more) {
		td_textf(root, "total_text", "Många träffar för ”%s”", q);
		td_textf(root, "more_text", "Här är de bästa bland de %d "
		    "senaste. Lägg till fler ord, eller bläddra bland "
		    "nyheterna per år, för att hitta äldre.",
		    SEARCH_CANDIDATES);
	} else
		td_textf(root, "total_text", "%lld %s för ”%s”",
		    (long long)r->total, r->total == 1 ? "träff" : "träffar",
		    q);
}

/* "Menade du …?" when the search found fewer than this many hits. */
#define SUGGEST_BELOW	3

/* A query that finds more, offered as a link, when q found little. */
static void
fill_suggest(struct app *app, struct tdict *root, const char *q,
    const struct search_filter *f, const struct search_result *r, long page)
{
	const char	*s;

	if (page != 1 || r->more || r->total >= SUGGEST_BELOW)
		return;
	s = store_search_suggest(app->store, &app->arena, q, clock_now(),
	    r->total);
	if (s == NULL)
		return;
	td_text(root, "suggest", s);
	td_text(root, "suggest_href", search_href(&app->arena, s, f, 1));
}

/* The page's title: "Sök", or "Sökresultat för ”q”" (", sida N"). */
static const char *
search_title(struct arena *ar, const char *q, long page)
{
	if (*q == '\0')
		return "Sök";
	if (page > 1)
		return arena_printf(ar, "Sökresultat för ”%s”, sida %ld", q,
		    page);
	return arena_printf(ar, "Sökresultat för ”%s”", q);
}

/*
 * The hits of match on page (within f) into r, and the counts for the
 * filter form into fc.  ST_OK or ST_DBERR.
 */
static enum status
run_search(struct app *app, const char *match, const struct search_filter *f,
    long page, struct search_result *r, struct search_facets *fc)
{
	enum status	 st;

	st = store_search_filtered(app->store, &app->arena, match,
	    clock_now(), f, SEARCH_PER_PAGE, (size_t)(page - 1) *
	    SEARCH_PER_PAGE, r);
	if (st == ST_OK)
		st = store_search_facets(app->store, &app->arena, match,
		    clock_now(), f, fc);
	return st;
}

/*
 * GET /sok -- search.
 * Query: q (the words; may be absent, empty or anything at all), typ,
 * amne, ar, ordning (search_filter.c), sida.
 * Statuses: 200 (also for no hits and for a q with no words), 400 (a
 * sida or filter that cannot be), 404 (a page past the last), 500.
 */
void
page_search(struct app *app, struct req *rq, struct resp *rs)
{
	struct search_result	 r;
	struct search_facets	 fc;
	struct search_filter	 f;
	struct tdict		*root;
	const char		*q = req_query(rq, "q"), *match;
	int64_t			 n_page;
	long			 page, pages = 0;
	size_t			 i;
	int			 words = 0;
	enum status		 st = ST_BADREQ;

	memset(&r, 0, sizeof(r));
	memset(&fc, 0, sizeof(fc));
	if (req_query_page(rq, "sida", SEARCH_MAX_PAGE, &n_page) != ST_OK ||
	    search_read_filter(rq, &f) != 0)
		goto out;
	page = (long)n_page;
	q = q != NULL && q[strspn(q, " \t\r\n")] != '\0' ? q : "";
	if (*q != '\0' && (words = search_match_query(&app->arena, q,
	    &match) > 0) && (st = run_search(app, match, &f, page, &r,
	    &fc)) != ST_OK)
		goto out;
	pages = (long)((r.total + SEARCH_PER_PAGE - 1) / SEARCH_PER_PAGE);
	if (page > 1 && page > pages) {
		st = ST_NOTFOUND;
		goto out;
	}
	st = ST_OK;
	root = page_layout(app, rq, search_title(&app->arena, q, page),
	    search_href(&app->arena, q, &f, page), NULL);
	td_text(root, "meta_description",
	    "Sök bland nyheter, pressmeddelanden och ämnen.");
	td_bool(root, "noindex", *q != '\0');
	td_text(root, "q", q);
	fill_total(root, &r, q);
	if (*q != '\0')
		fill_suggest(app, root, q, &f, &r, page);
	if (words)
		search_fill_filters(&app->arena, root, &f, &fc);
	td_bool(root, "has_items", r.n > 0);
	td_list(root, "items");
	for (i = 0; i < r.n; i++)
		fill_hit(&app->arena, td_item(root, "items"), &r.items[i]);
	fill_pager(&app->arena, root, q, &f, page, pages);
	page_render(app, rq, rs, "search", root);
out:
	if (st != ST_OK)
		page_error(app, rq, rs, st);
}

/*
 * admin_article_find.c -- GET /admin/artiklar: the staff article list
 * with a search over title, lead and body (the site's search index,
 * every status; search.h's search_match_query()) and filters by
 * status, kind, topic and author, newest change or newest publication
 * first, 25 a page.  Everything is in the URL.  Fast at 100,000
 * articles (bench/run.sh): both orders walk an index, and a search reads
 * only the newest FIND_CAP matches (store/article_find.c).
 */
#include <stdlib.h>
#include <string.h>

#include "../app.h"
#include "../render/date.h"
#include "../render/html.h"
#include "../render/tmpl.h"
#include "../store/editorial.h"
#include "../store/search.h"
#include "../store/store.h"
#include "../util/buf.h"
#include "../util/clock.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"
#include "admin_article.h"
#include "admin_editorial.h"

#define PAGE_SIZE	25
#define Q_MAX		200	/* bytes of search text kept */

struct choice {
	const char	*value;
	const char	*label;
};

static const struct choice statuses[] = {
	{ "",		"Alla" },
	{ ARTICLE_DRAFT,	"Utkast" },
	{ ARTICLE_SCHEDULED,	"Schemalagda" },
	{ ARTICLE_PUBLISHED, "Publicerade" },
	{ ARTICLE_UNPUBLISHED, "Avpublicerade" },
	{ ARTICLE_WITHDRAWN,	"Tillbakadragna" },
};

static const struct choice kinds[] = {
	{ "",		"Alla" },
	{ "nyhet",	"Nyheter" },
	{ "pressmeddelande", "Pressmeddelanden" },
	{ "sida",	"Sidor" },
};

/* The query's value of key if it is one of c (not the first, "all"),
 * else NULL. */
static const char *
pick(struct req *rq, const char *key, const struct choice *c, size_t n)
{
	const char	*v = req_query(rq, key);
	size_t		 i;

	for (i = 1; v != NULL && i < n; i++)
		if (strcmp(v, c[i].value) == 0)
			return c[i].value;
	return NULL;
}

/* A positive id from the query, or 0. */
static int64_t
query_id(struct req *rq, const char *key)
{
	int64_t	 id = 0;

	(void)req_query_id(rq, key, &id);
	return id;
}

/* The list's URL for f at page (the search text q as typed). */
static const char *
list_href(struct arena *ar, const char *q, const struct find_filter *f,
    long page)
{
	struct buf	 b;
	const char	*s;

	buf_init(&b);
	buf_puts(&b, "/admin/artiklar?q=");
	html_url(&b, q);
	buf_puts(&b, "&status=");
	html_url(&b, f->status != NULL ? f->status : "");
	buf_puts(&b, "&typ=");
	html_url(&b, f->kind != NULL ? f->kind : "");
	if (f->topic)
		buf_printf(&b, "&amne=%lld", (long long)f->topic);
	if (f->author)
		buf_printf(&b, "&forfattare=%lld", (long long)f->author);
	if (f->by_publish)
		buf_puts(&b, "&sortera=publicerad");
	buf_printf(&b, "&sida=%ld", page);
	s = arena_strndup(ar, b.data, b.len);
	buf_free(&b);
	return s;
}

static void
fill_choices(struct tdict *root, const char *key, const struct choice *c,
    size_t n, const char *current)
{
	struct tdict	*t;
	size_t		 i;

	for (i = 0; i < n; i++) {
		t = td_item(root, key);
		td_text(t, "value", c[i].value);
		td_text(t, "label", c[i].label);
		td_bool(t, "selected", current != NULL ?
		    strcmp(current, c[i].value) == 0 : i == 0);
	}
}

/* The topic and author selects. */
static enum status
fill_people_topics(struct app *app, struct tdict *root,
    const struct find_filter *f)
{
	struct topic_pick *tp;
	struct find_author *au;
	struct tdict	*t;
	size_t		 n, i;
	enum status	 st;

	if ((st = store_editor_topics(app->store, &app->arena, &tp,
	    &n)) != ST_OK)
		return st;
	for (i = 0; i < n; i++) {
		t = td_item(root, "topics");
		td_textf(t, "id", "%lld", (long long)tp[i].id);
		td_text(t, "name", tp[i].name);
		td_bool(t, "selected", tp[i].id == f->topic);
	}
	if ((st = store_find_authors(app->store, &app->arena, &au,
	    &n)) != ST_OK)
		return st;
	for (i = 0; i < n; i++) {
		t = td_item(root, "authors");
		td_textf(t, "id", "%lld", (long long)au[i].id);
		td_text(t, "name", au[i].name);
		td_bool(t, "selected", au[i].id == f->author);
	}
	return ST_OK;
}

static void
fill_rows(struct app *app, struct tdict *root, const struct article_row *r,
    size_t n, int64_t now)
{
	struct tdict	*t;
	size_t		 i;

	td_list(root, "rows");
	td_bool(root, "has_rows", n > 0);
	for (i = 0; i < n; i++) {
		t = td_item(root, "rows");
		td_textf(t, "id", "%lld", (long long)r[i].id);
		td_text(t, "title", r[i].title);
		td_text(t, "kind", kind_label(r[i].kind)[0] ?
		    kind_label(r[i].kind) : "Sida");
		td_text(t, "status", strcmp(r[i].status, ARTICLE_WITHDRAWN) == 0 ?
		    "Tillbakadragen" : status_label(&app->arena, r[i].status,
		    r[i].publish_at, now));
		td_text(t, "updated", date_sv_time(&app->arena,
		    r[i].updated_at));
		td_text(t, "updated_iso", date_iso(&app->arena,
		    r[i].updated_at));
		td_text(t, "published", r[i].publish_at ? date_sv(&app->arena,
		    r[i].publish_at) : "");
		td_text(t, "author", r[i].author);
	}
}

static void
fill_pager(struct app *app, struct tdict *root, const char *q,
    const struct find_filter *f, long page, int64_t total)
{
	long	 pages = (long)((total + PAGE_SIZE - 1) / PAGE_SIZE);

	td_textf(root, "page", "%ld", page);
	td_textf(root, "pages", "%ld", pages > 0 ? pages : 1);
	if (page > 1)
		td_text(root, "prev_url", list_href(&app->arena, q, f,
		    page - 1));
	if (page < pages)
		td_text(root, "next_url", list_href(&app->arena, q, f,
		    page + 1));
}

/* The filter from the query; *q the search text as typed. */
static void
read_filter(struct app *app, struct req *rq, struct find_filter *f,
    const char **q)
{
	const char	*v = req_query(rq, "q"), *s = req_query(rq, "sortera");

	memset(f, 0, sizeof(*f));
	*q = v != NULL ? arena_strndup(&app->arena, v, strlen(v) > Q_MAX ?
	    Q_MAX : strlen(v)) : "";
	if (search_match_query(&app->arena, *q, &f->match) == 0)
		f->match = NULL;
	f->status = pick(rq, "status", statuses, sizeof(statuses) /
	    sizeof(statuses[0]));
	f->kind = pick(rq, "typ", kinds, sizeof(kinds) / sizeof(kinds[0]));
	f->topic = query_id(rq, "amne");
	f->author = query_id(rq, "forfattare");
	f->by_publish = s != NULL && strcmp(s, "publicerad") == 0;
}

/*
 * GET /admin/artiklar[?q=..&status=..&typ=..&amne=ID&forfattare=ID
 * &sortera=publicerad&sida=N] -- every article, newest change first.
 * Statuses: 200, 500.
 */
void
page_admin_article_list(struct app *app, struct req *rq, struct resp *rs)
{
	struct find_filter f;
	struct article_row *rows;
	struct tdict	*root;
	const char	*q;
	int64_t		 page = 1;
	int64_t		 total, now = clock_now();
	size_t		 n;
	enum status	 st;

	/* A staff list is lenient: a page it cannot read is the first. */
	if (req_query_page(rq, "sida", 100000, &page) != ST_OK)
		page = 1;
	read_filter(app, rq, &f, &q);
	st = store_article_find(app->store, &app->arena, &f, now, PAGE_SIZE,
	    (size_t)(page - 1) * PAGE_SIZE, &rows, &n, &total);
	root = admin_layout(app, rq, rs, "Artiklar", "/admin/artiklar");
	if (st == ST_OK)
		st = fill_people_topics(app, root, &f);
	if (st != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	td_text(root, "q", q);
	fill_choices(root, "filters", statuses, sizeof(statuses) /
	    sizeof(statuses[0]), f.status);
	fill_choices(root, "kinds", kinds, sizeof(kinds) / sizeof(kinds[0]),
	    f.kind);
	td_bool(root, "by_publish", f.by_publish);
	td_bool(root, "deleted", req_query(rq, "klart") != NULL &&
	    strcmp(req_query(rq, "klart"), "raderad") == 0);
	td_textf(root, "total", "%s%lld %s", f.match != NULL &&
	    total >= FIND_CAP ? "Minst " : "", (long long)total,
	    total == 1 ? "artikel" : "artiklar");
	fill_rows(app, root, rows, n, now);
	fill_pager(app, root, q, &f, page, total);
	page_render(app, rq, rs, "admin_articles", root);
}

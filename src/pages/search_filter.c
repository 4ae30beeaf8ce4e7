/*
 * search_filter.c -- the search page's filters and order: kind, topic
 * and year as on /nyheter, and relevance or date.
 *
 * They live in the URL (?typ, ?amne, ?ar, ?ordning, beside ?q and
 * ?sida) and are chosen in a plain GET form, so they work without
 * JavaScript and every result page has an address.  Each value in the
 * form shows its public hits (store_search_facets(): among the newest
 * SEARCH_FACET_ROWS matches, under the other filters); a value with
 * none is left out unless it is the one chosen.
 */
#include <stdlib.h>
#include <string.h>

#include "../app.h"
#include "../render/html.h"
#include "../render/tmpl.h"
#include "../store/search.h"
#include "../util/buf.h"
#include "../util/slug.h"
#include "../web/req.h"
#include "pages.h"
#include "search_page.h"

static const char *const kinds[] = { "nyhet", "pressmeddelande", "amne" };

/* ?name, NULL when absent or empty. */
static const char *
param(const struct req *rq, const char *name)
{
	const char	*v = req_query(rq, name);

	return v != NULL && *v != '\0' ? v : NULL;
}

/* 1 if s is one of the kinds a search finds. */
static int
known_kind(const char *s)
{
	size_t	 i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(s, kinds[i]) == 0)
			return 1;
	return 0;
}

int
search_read_filter(const struct req *rq, struct search_filter *f)
{
	const char	*typ = param(rq, "typ"), *amne = param(rq, "amne");
	const char	*ordning = param(rq, "ordning");
	int64_t		 year = 0;
	enum status	 st;

	memset(f, 0, sizeof(*f));
	if (typ != NULL && !known_kind(typ))
		return -1;
	f->kind = typ;
	if (amne != NULL && !slug_valid(amne))
		return -1;
	f->topic = amne;
	if ((st = req_query_uint(rq, "ar", 9999, &year)) == ST_BADREQ ||
	    (st == ST_OK && year < 1900))
		return -1;
	f->year = (int)year;
	if (ordning != NULL && strcmp(ordning, "datum") != 0 &&
	    strcmp(ordning, "relevans") != 0)
		return -1;
	f->by_date = ordning != NULL && strcmp(ordning, "datum") == 0;
	return 0;
}

/* Append "&name=" and value, URL-encoded, when value is set. */
static void
put_param(struct buf *b, const char *name, const char *value)
{
	if (value == NULL)
		return;
	buf_printf(b, "&%s=", name);
	html_url(b, value);
}

char *
search_href(struct arena *ar, const char *q, const struct search_filter *f,
    long page)
{
	struct buf	 b;
	char		*s;

	buf_init(&b);
	buf_puts(&b, "/sok");
	if (q != NULL && *q != '\0') {
		buf_puts(&b, "?q=");
		html_url(&b, q);
		if (f != NULL) {
			put_param(&b, "typ", f->kind);
			put_param(&b, "amne", f->topic);
			if (f->year > 0)
				buf_printf(&b, "&ar=%d", f->year);
			if (f->by_date)
				buf_puts(&b, "&ordning=datum");
		}
		if (page > 1)
			buf_printf(&b, "&sida=%ld", page);
	}
	s = arena_strndup(ar, b.data, b.len);
	buf_free(&b);
	return s;
}

/* The hits of value among c[0..n), 0 when it is not there. */
static int64_t
hits_of(const struct search_count *c, size_t n, const char *value)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(c[i].value, value) == 0)
			return c[i].n;
	return 0;
}

/* One option: value, its label with its hits, selected or not. */
static void
option(struct tdict *root, const char *list, const char *value,
    const char *label, int64_t n, int selected)
{
	struct tdict	*o = td_item(root, list);

	td_text(o, "value", value);
	td_textf(o, "label", "%s (%lld)", label, (long long)n);
	td_bool(o, "selected", selected);
}

static int
by_label(const void *a, const void *b)
{
	return strcmp(((const struct search_count *)a)->label,
	    ((const struct search_count *)b)->label);
}

static int
by_year_desc(const void *a, const void *b)
{
	return -strcmp(((const struct search_count *)a)->value,
	    ((const struct search_count *)b)->value);
}

/* The topic and year options: the values with hits, and the chosen one
 * (with its count, maybe 0) even without. */
static void
fill_counted(struct arena *ar, struct tdict *root, const char *list,
    struct search_count *c, size_t n, const char *chosen)
{
	size_t	 i;
	int	 seen = 0;

	for (i = 0; i < n; i++) {
		seen |= chosen != NULL && strcmp(chosen, c[i].value) == 0;
		option(root, list, c[i].value, *c[i].label ? c[i].label :
		    c[i].value, c[i].n, chosen != NULL &&
		    strcmp(chosen, c[i].value) == 0);
	}
	if (chosen != NULL && !seen)
		option(root, list, chosen, arena_strdup(ar, chosen), 0, 1);
}

void
search_fill_filters(struct arena *ar, struct tdict *root,
    const struct search_filter *f, const struct search_facets *fc)
{
	struct search_count	*c;
	const char		*year = f->year > 0 ?
	    arena_printf(ar, "%d", f->year) : NULL;
	size_t			 i;
	int64_t			 n;

	td_bool(root, "has_filters", 1);
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		n = hits_of(fc->kinds, fc->nkinds, kinds[i]);
		if (n > 0 || (f->kind != NULL && !strcmp(f->kind, kinds[i])))
			option(root, "kinds", kinds[i], strcmp(kinds[i],
			    "amne") == 0 ? "Ämnen" : kind_label(kinds[i]), n,
			    f->kind != NULL && !strcmp(f->kind, kinds[i]));
	}
	c = fc->ntopics ? arena_alloc(ar, fc->ntopics * sizeof(*c)) : NULL;
	if (c != NULL) {
		memcpy(c, fc->topics, fc->ntopics * sizeof(*c));
		qsort(c, fc->ntopics, sizeof(*c), by_label);
	}
	fill_counted(ar, root, "topics", c, fc->ntopics, f->topic);
	c = fc->nyears ? arena_alloc(ar, fc->nyears * sizeof(*c)) : NULL;
	if (c != NULL) {
		memcpy(c, fc->years, fc->nyears * sizeof(*c));
		qsort(c, fc->nyears, sizeof(*c), by_year_desc);
	}
	fill_counted(ar, root, "years", c, fc->nyears, year);
	td_bool(root, "by_date", f->by_date);
}

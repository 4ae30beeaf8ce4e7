/*
 * article.c -- public reads of articles: one by slug with its topics,
 * experts and links; the paged, filtered list behind /nyheter; the years
 * that have news.
 *
 * Pages call these with the request arena and clock_now(); every string
 * in the results is copied into that arena.  Public means status =
 * 'publicerad' AND publish_at <= now, decided here on every read.
 */
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/civil.h"
#include "store_int.h"

/* Row layout shared by article_by_slug and article_list. */
enum {
	COL_ID, COL_KIND, COL_SLUG, COL_TITLE, COL_LEAD, COL_BODY, COL_LANG,
	COL_STATUS, COL_PUBLISH, COL_CREATED, COL_UPDATED
};

static void
read_article(struct arena *ar, sqlite3_stmt *q, struct article *a)
{
	memset(a, 0, sizeof(*a));
	a->id = sqlite3_column_int64(q, COL_ID);
	a->kind = column_text(ar, q, COL_KIND);
	a->slug = column_text(ar, q, COL_SLUG);
	a->title = column_text(ar, q, COL_TITLE);
	a->lead = column_text(ar, q, COL_LEAD);
	a->body_md = column_text(ar, q, COL_BODY);
	a->lang = column_text(ar, q, COL_LANG);
	a->status = column_text(ar, q, COL_STATUS);
	a->publish_at = sqlite3_column_int64(q, COL_PUBLISH);
	a->created_at = sqlite3_column_int64(q, COL_CREATED);
	a->updated_at = sqlite3_column_int64(q, COL_UPDATED);
}

/* Topics (id, slug, name) of one article, by name. */
static enum status
article_topics(struct store *db, struct arena *ar, struct article *a)
{
	sqlite3_stmt	*q = db->stmt[Q_ARTICLE_TOPICS];
	size_t		 cap = 0;
	int		 rc;

	if (bind_int64(q, ":article_id", a->id) != SQLITE_OK)
		goto fail;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		a->topics = arena_grow(ar, a->topics, a->ntopics, &cap,
		    sizeof(*a->topics));
		a->topics[a->ntopics].id = sqlite3_column_int64(q, 0);
		a->topics[a->ntopics].slug = column_text(ar, q, 1);
		a->topics[a->ntopics].name = column_text(ar, q, 2);
		a->topics[a->ntopics].lead = "";
		a->topics[a->ntopics].body_md = "";
		a->ntopics++;
	}
	if (rc != SQLITE_DONE)
		goto fail;
	stmt_done(q);
	return ST_OK;
fail:
	store_log_error(db, Q_ARTICLE_TOPICS);
	stmt_done(q);
	return ST_DBERR;
}

/* "Läs vidare" links of one article, in order. */
static enum status
article_links(struct store *db, struct arena *ar, struct article *a)
{
	sqlite3_stmt	*q = db->stmt[Q_ARTICLE_LINKS];
	size_t		 cap = 0;
	int		 rc;

	if (bind_int64(q, ":article_id", a->id) != SQLITE_OK)
		goto fail;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		a->links = arena_grow(ar, a->links, a->nlinks, &cap,
		    sizeof(*a->links));
		a->links[a->nlinks].title = column_text(ar, q, 0);
		a->links[a->nlinks].url = column_text(ar, q, 1);
		a->nlinks++;
	}
	if (rc != SQLITE_DONE)
		goto fail;
	stmt_done(q);
	return ST_OK;
fail:
	store_log_error(db, Q_ARTICLE_LINKS);
	stmt_done(q);
	return ST_DBERR;
}

/* Active experts of one article, in the editor's order. */
static enum status
article_experts(struct store *db, struct arena *ar, struct article *a)
{
	sqlite3_stmt	*q = db->stmt[Q_ARTICLE_EXPERTS];

	if (bind_int64(q, ":article_id", a->id) != SQLITE_OK) {
		store_log_error(db, Q_ARTICLE_EXPERTS);
		stmt_done(q);
		return ST_DBERR;
	}
	return collect_contacts(db, ar, Q_ARTICLE_EXPERTS, &a->experts,
	    &a->nexperts);
}

/*
 * A public article by slug, with its topics, active experts and links.
 * Strings live in ar.  Returns ST_OK, ST_NOTFOUND (no such slug, or not
 * public at now) or ST_DBERR (logged).
 */
enum status
store_article_by_slug(struct store *db, struct arena *ar,
    const char *slug, int64_t now, struct article *out)
{
	sqlite3_stmt	*q = db->stmt[Q_ARTICLE_BY_SLUG];
	enum status	 st = ST_DBERR;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if (bind_text(q, ":slug", slug) != SQLITE_OK ||
	    bind_int64(q, ":now", now) != SQLITE_OK)
		goto out;
	if ((rc = sqlite3_step(q)) == SQLITE_DONE)
		st = ST_NOTFOUND;
	else if (rc == SQLITE_ROW) {
		read_article(ar, q, out);
		st = ST_OK;
	}
out:
	if (st == ST_DBERR)
		store_log_error(db, Q_ARTICLE_BY_SLUG);
	stmt_done(q);
	if (st == ST_OK && (st = article_topics(db, ar, out)) == ST_OK &&
	    (st = article_experts(db, ar, out)) == ST_OK)
		st = article_links(db, ar, out);
	return st;
}

/* Bind the list filters shared by the list and count queries (:now and
 * the cursor are bound by the caller). */
static int
bind_filter(sqlite3_stmt *q, const struct article_filter *f)
{
	int	rc;

	if ((rc = bind_text(q, ":kind", f ? f->kind : NULL)) != SQLITE_OK ||
	    (rc = bind_text(q, ":topic", f ? f->topic_slug : NULL)) !=
	    SQLITE_OK)
		return rc;
	if (f == NULL || f->year == 0) {
		if ((rc = bind_null(q, ":from")) == SQLITE_OK)
			rc = bind_null(q, ":to");
		return rc;
	}
	if ((rc = bind_int64(q, ":from",
	    civil_year_start(f->year))) == SQLITE_OK)
		rc = bind_int64(q, ":to", civil_year_start(f->year + 1));
	return rc;
}

/*
 * The number of public articles the filter lists.  Without a topic or
 * year it comes from the tally (O(1) plus the scheduled few); with one,
 * from the index over what the filter narrows to.
 */
static enum status
article_count(struct store *db, const struct article_filter *f,
    int64_t now, int64_t *total)
{
	int		 fast = f == NULL || (f->topic_slug == NULL &&
			    f->year == 0);
	int		 name = fast ? Q_ARTICLE_COUNT_TALLY : Q_ARTICLE_COUNT;
	sqlite3_stmt	*q = db->stmt[name];
	enum status	 st = ST_DBERR;
	int		 rc;

	if ((rc = bind_int64(q, ":now", now)) == SQLITE_OK)
		rc = fast ? bind_text(q, ":kind", f ? f->kind : NULL) :
		    bind_filter(q, f);
	if (rc == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW) {
		*total = sqlite3_column_int64(q, 0);
		st = ST_OK;
	} else
		store_log_error(db, name);
	stmt_done(q);
	return st;
}

/* JSON array of the ids of the items, for json_each(); arena. */
static const char *
ids_json(struct arena *ar, const struct article_list *l)
{
	char	*s, *p;
	size_t	 i, left = l->n * 22 + 3;

	p = s = arena_alloc(ar, left);
	*p++ = '[';
	left--;
	for (i = 0; i < l->n; i++) {
		int	n = snprintf(p, left, "%s%lld", i ? "," : "",
		    (long long)l->items[i].id);
		p += n;
		left -= (size_t)n;
	}
	*p++ = ']';
	*p = '\0';
	return s;
}

/* Point each item's topics at its slice of the rows (grouped by id). */
static void
attach_topics(struct article_list *l, const int64_t *owner,
    struct topic *t, size_t nt)
{
	size_t	i, j, k;

	for (i = 0; i < l->n; i++) {
		for (j = 0; j < nt && owner[j] != l->items[i].id; j++)
			continue;
		for (k = j; k < nt && owner[k] == l->items[i].id; k++)
			continue;
		l->items[i].topics = j < nt ? t + j : NULL;
		l->items[i].ntopics = k - j;
	}
}

/* The topics of every item on the page, in one query. */
static enum status
list_topics(struct store *db, struct arena *ar, struct article_list *l)
{
	sqlite3_stmt	*q = db->stmt[Q_ARTICLE_LIST_TOPICS];
	struct topic	*t = NULL;
	int64_t		*owner = NULL;
	size_t		 nt = 0, cap = 0, ocap = 0;
	int		 rc;

	if (l->n == 0)
		return ST_OK;
	if (bind_text(q, ":ids", ids_json(ar, l)) != SQLITE_OK)
		goto fail;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		owner = arena_grow(ar, owner, nt, &ocap, sizeof(*owner));
		t = arena_grow(ar, t, nt, &cap, sizeof(*t));
		owner[nt] = sqlite3_column_int64(q, 0);
		t[nt].id = sqlite3_column_int64(q, 1);
		t[nt].slug = column_text(ar, q, 2);
		t[nt].name = column_text(ar, q, 3);
		t[nt].lead = t[nt].body_md = "";
		nt++;
	}
	if (rc != SQLITE_DONE)
		goto fail;
	stmt_done(q);
	attach_topics(l, owner, t, nt);
	return ST_OK;
fail:
	store_log_error(db, Q_ARTICLE_LIST_TOPICS);
	stmt_done(q);
	return ST_DBERR;
}

/*
 * One page of public news and press releases, newest first, with each
 * item's topics (no body, experts or links) and the total over all
 * pages.  f may be NULL.  Strings live in ar.  ST_OK or ST_DBERR.
 */
enum status
store_article_list(struct store *db, struct arena *ar,
    const struct article_filter *f, int64_t now, size_t limit,
    size_t offset, struct article_list *out)
{
	int		 newer = f != NULL && f->after_at > 0;
	int		 name = newer ? Q_ARTICLE_LIST_NEWER : Q_ARTICLE_LIST;
	sqlite3_stmt	*q = db->stmt[name];
	struct article	 tmp;
	size_t		 cap = 0, i;
	int		 rc = SQLITE_ERROR;

	memset(out, 0, sizeof(*out));
	if (limit > INT32_MAX || offset > INT32_MAX)
		limit = offset = 0;
	if (bind_filter(q, f) != SQLITE_OK ||
	    bind_int64(q, ":limit", (int64_t)limit) != SQLITE_OK)
		goto out;
	if (newer) {
		if (bind_int64(q, ":now", now) != SQLITE_OK ||
		    bind_int64(q, ":after", f->after_at) != SQLITE_OK ||
		    bind_int64(q, ":after_id", f->after_id) != SQLITE_OK)
			goto out;
	} else if (f != NULL && f->before_at > 0 && f->before_at <= now) {
		if (bind_int64(q, ":upto", f->before_at) != SQLITE_OK ||
		    bind_int64(q, ":upto_id", f->before_id) != SQLITE_OK ||
		    bind_int64(q, ":offset", 0) != SQLITE_OK)
			goto out;
	} else if (bind_int64(q, ":upto", now) != SQLITE_OK ||
	    bind_int64(q, ":upto_id", INT64_MAX) != SQLITE_OK ||
	    bind_int64(q, ":offset", (int64_t)offset) != SQLITE_OK)
		goto out;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		out->items = arena_grow(ar, out->items, out->n, &cap,
		    sizeof(*out->items));
		read_article(ar, q, &out->items[out->n++]);
	}
out:
	if (rc != SQLITE_DONE) {
		store_log_error(db, name);
		stmt_done(q);
		return ST_DBERR;
	}
	stmt_done(q);
	for (i = 0; newer && i < out->n / 2; i++) {	/* newest first */
		tmp = out->items[i];
		out->items[i] = out->items[out->n - 1 - i];
		out->items[out->n - 1 - i] = tmp;
	}
	if (f != NULL && f->no_total)
		out->total = -1;
	else if (article_count(db, f, now, &out->total) != ST_OK)
		return ST_DBERR;
	return list_topics(db, ar, out);
}

/* The newest public list article before `before` (0: no bound). */
static enum status
latest_before(struct store *db, int64_t now, int64_t before, int64_t *t)
{
	sqlite3_stmt	*q = db->stmt[Q_ARTICLE_LATEST_BEFORE];
	enum status	 st = ST_DBERR;
	int		 rc;

	rc = bind_int64(q, ":upto", before && before - 1 < now ?
	    before - 1 : now);
	if (rc == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW) {
		st = sqlite3_column_type(q, 0) == SQLITE_NULL ?
		    ST_NOTFOUND : ST_OK;
		*t = sqlite3_column_int64(q, 0);
	} else
		store_log_error(db, Q_ARTICLE_LATEST_BEFORE);
	stmt_done(q);
	return st;
}

/*
 * Stockholm calendar years that have public news or press releases,
 * newest first: one indexed max() per year, walking back.  *years is in
 * ar (NULL when *n is 0).  ST_OK or ST_DBERR.
 */
enum status
store_article_years(struct store *db, struct arena *ar, int64_t now,
    int **years, size_t *n)
{
	enum status	 st;
	int64_t		 t, before = 0;
	size_t		 cap = 0;
	int		 y;

	*years = NULL;
	*n = 0;
	while ((st = latest_before(db, now, before, &t)) == ST_OK) {
		y = civil_year(t);
		*years = arena_grow(ar, *years, *n, &cap, sizeof(**years));
		(*years)[(*n)++] = y;
		before = civil_year_start(y);
	}
	return st == ST_NOTFOUND ? ST_OK : st;
}

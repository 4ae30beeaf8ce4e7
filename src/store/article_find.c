/*
 * article_find.c -- the staff article list: every article in any
 * status, searched over title, lead and body (the search index of
 * migrations/0002 and 0007, newest FIND_CAP matches) and filtered by
 * status, kind, topic and author, newest change or newest publish time
 * first.  Called by pages/admin_article_find.c.
 */
#include "../util/arena.h"
#include "../util/role.h"
#include "editorial_int.h"

/* Bind f's filters and now on q (a NULL or 0 filter binds NULL). */
static int
bind_filter(sqlite3_stmt *q, const struct find_filter *f, int64_t now)
{
	return bind_text(q, ":match", f->match) == SQLITE_OK &&
	    bind_int64(q, ":cap", FIND_CAP) == SQLITE_OK &&
	    bind_text(q, ":status", f->status) == SQLITE_OK &&
	    bind_text(q, ":kind", f->kind) == SQLITE_OK &&
	    (f->topic ? bind_int64(q, ":topic", f->topic) :
	    bind_null(q, ":topic")) == SQLITE_OK &&
	    (f->author ? bind_int64(q, ":author", f->author) :
	    bind_null(q, ":author")) == SQLITE_OK &&
	    bind_int64(q, ":now", now) == SQLITE_OK;
}

static void
read_row(struct arena *ar, sqlite3_stmt *q, struct article_row *r)
{
	r->id = sqlite3_column_int64(q, 0);
	r->kind = column_text(ar, q, 1);
	r->slug = column_text(ar, q, 2);
	r->title = column_text(ar, q, 3);
	r->status = column_text(ar, q, 4);
	r->publish_at = sqlite3_column_int64(q, 5);
	r->updated_at = sqlite3_column_int64(q, 6);
	r->author = column_text(ar, q, 7);
	if (sqlite3_column_int(q, 8))
		r->status = ARTICLE_WITHDRAWN;
}

/*
 * One page (limit, offset) of the articles f finds, into *out (ar),
 * and *total.  A withdrawn article's status reads ARTICLE_WITHDRAWN.
 * ST_OK or ST_DBERR.
 */
enum status
store_article_find(struct store *db, struct arena *ar,
    const struct find_filter *f, int64_t now, size_t limit, size_t offset,
    struct article_row **out, size_t *n, int64_t *total)
{
	enum query_id	 qid = f->by_publish ? Q_FIND_BY_PUBLISH :
	    Q_FIND_BY_CHANGE;
	sqlite3_stmt	*q = db->stmt[qid];
	size_t		 cap = 0;
	int		 rc = SQLITE_ERROR;

	*out = NULL;
	*n = 0;
	if (bind_filter(q, f, now) &&
	    bind_int64(q, ":limit", (int64_t)limit) == SQLITE_OK &&
	    bind_int64(q, ":offset", (int64_t)offset) == SQLITE_OK)
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			*out = arena_grow(ar, *out, *n, &cap, sizeof(**out));
			read_row(ar, q, &(*out)[(*n)++]);
		}
	if (rc != SQLITE_DONE)
		store_log_error(db, qid);
	stmt_done(q);
	if (rc != SQLITE_DONE)
		return ST_DBERR;
	q = db->stmt[Q_FIND_COUNT];
	return stmt_int(db, Q_FIND_COUNT, bind_filter(q, f, now), total);
}

/* Everyone who may write articles (RIGHT_EDIT), by name. */
enum status
store_find_authors(struct store *db, struct arena *ar,
    struct find_author **out, size_t *n)
{
	sqlite3_stmt	*q = db->stmt[Q_FIND_AUTHORS];
	size_t		 cap = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!role_may((const char *)sqlite3_column_text(q, 2),
		    RIGHT_EDIT))
			continue;
		*out = arena_grow(ar, *out, *n, &cap, sizeof(**out));
		(*out)[*n].id = sqlite3_column_int64(q, 0);
		(*out)[(*n)++].name = column_text(ar, q, 1);
	}
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_FIND_AUTHORS);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

/*
 * topic.c -- topics (ämnen): the list on the start page and /amnen, one
 * topic page, and the contacts shown on it.
 *
 * Strings are copied into the caller's arena.  A topic whose
 * published_at is NULL is hidden from the public site.
 */
#include <string.h>

#include "../util/arena.h"
#include "store_int.h"

/*
 * Every public topic, by name (Swedish order), without body.  *out is in
 * ar (NULL when *n is 0).  ST_OK or ST_DBERR.
 */
enum status
store_topic_list(struct store *db, struct arena *ar, struct topic **out,
    size_t *n)
{
	sqlite3_stmt	*q = db->stmt[Q_TOPIC_LIST];
	struct topic	*t;
	size_t		 cap = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		*out = arena_grow(ar, *out, *n, &cap, sizeof(**out));
		t = &(*out)[(*n)++];
		t->id = sqlite3_column_int64(q, 0);
		t->slug = column_text(ar, q, 1);
		t->name = column_text(ar, q, 2);
		t->lead = column_text(ar, q, 3);
		t->body_md = "";
		t->published_at = sqlite3_column_int64(q, 4);
		t->updated_at = sqlite3_column_int64(q, 5);
	}
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_TOPIC_LIST);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

/*
 * A public topic by slug, with its body.  Strings in ar.  ST_OK,
 * ST_NOTFOUND or ST_DBERR.
 */
enum status
store_topic_by_slug(struct store *db, struct arena *ar, const char *slug,
    struct topic *out)
{
	sqlite3_stmt	*q = db->stmt[Q_TOPIC_BY_SLUG];
	enum status	 st = ST_DBERR;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if (bind_text(q, ":slug", slug) != SQLITE_OK)
		goto out;
	if ((rc = sqlite3_step(q)) == SQLITE_DONE)
		st = ST_NOTFOUND;
	else if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(q, 0);
		out->slug = column_text(ar, q, 1);
		out->name = column_text(ar, q, 2);
		out->lead = column_text(ar, q, 3);
		out->body_md = column_text(ar, q, 4);
		out->published_at = sqlite3_column_int64(q, 5);
		out->updated_at = sqlite3_column_int64(q, 6);
		st = ST_OK;
	}
out:
	if (st == ST_DBERR)
		store_log_error(db, Q_TOPIC_BY_SLUG);
	stmt_done(q);
	return st;
}

/*
 * Active contacts who are experts on a topic, by name.  *out in ar.
 * ST_OK (possibly none) or ST_DBERR.
 */
enum status
store_topic_contacts(struct store *db, struct arena *ar, int64_t topic_id,
    struct contact **out, size_t *n)
{
	sqlite3_stmt	*q = db->stmt[Q_TOPIC_CONTACTS];

	*out = NULL;
	*n = 0;
	if (bind_int64(q, ":topic_id", topic_id) != SQLITE_OK) {
		store_log_error(db, Q_TOPIC_CONTACTS);
		stmt_done(q);
		return ST_DBERR;
	}
	return collect_contacts(db, ar, Q_TOPIC_CONTACTS, out, n);
}

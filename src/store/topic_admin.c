/*
 * topic_admin.c -- the staff side of topics: the list, one topic, insert
 * and update (with a version check) and the state as JSON for the audit
 * log.  The page wraps writes in one transaction with the audit row.
 */
#include <string.h>

#include "../util/arena.h"
#include "admin_int.h"
#include "article_admin.h"

/* Every topic, hidden ones too, by name; *out in ar. */
enum status
store_admin_topic_list(struct store *db, struct arena *ar,
    struct topic_row **out, size_t *n)
{
	sqlite3_stmt	*q = db->stmt[Q_ADMIN_TOPIC_LIST];
	struct topic_row *t;
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
		t->published_at = sqlite3_column_int64(q, 3);
		t->updated_at = sqlite3_column_int64(q, 4);
		t->narticles = sqlite3_column_int64(q, 5);
	}
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_ADMIN_TOPIC_LIST);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

/* Topic id, shown or hidden.  ST_OK, ST_NOTFOUND, ST_DBERR. */
enum status
store_admin_topic_get(struct store *db, struct arena *ar, int64_t id,
    struct topic_edit *t)
{
	sqlite3_stmt	*q = db->stmt[Q_ADMIN_TOPIC_GET];
	enum status	 st = ST_DBERR;
	int		 rc;

	memset(t, 0, sizeof(*t));
	if (bind_int64(q, ":id", id) == SQLITE_OK) {
		if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			t->id = sqlite3_column_int64(q, 0);
			t->slug = column_text(ar, q, 1);
			t->name = column_text(ar, q, 2);
			t->lead = column_text(ar, q, 3);
			t->body_md = column_text(ar, q, 4);
			t->published = sqlite3_column_int64(q, 5) != 0;
			t->updated_at = sqlite3_column_int64(q, 6);
			t->version = sqlite3_column_int64(q, 7);
			st = ST_OK;
		} else if (rc == SQLITE_DONE)
			st = ST_NOTFOUND;
	}
	if (st == ST_DBERR)
		store_log_error(db, Q_ADMIN_TOPIC_GET);
	stmt_done(q);
	return st;
}

/* Another topic with slug: ST_OK with its name, else ST_NOTFOUND. */
enum status
store_admin_topic_slug_owner(struct store *db, struct arena *ar,
    const char *slug, int64_t id, const char **name)
{
	int64_t	 owner;

	return slug_owner(db, Q_ADMIN_TOPIC_SLUG_OWNER, ar, slug, id, &owner,
	    name);
}

static int
bind_topic(sqlite3_stmt *q, const struct topic_edit *t, int64_t now)
{
	int	rc;

	if ((rc = bind_text(q, ":slug", t->slug)) != SQLITE_OK ||
	    (rc = bind_text(q, ":name", t->name)) != SQLITE_OK ||
	    (rc = bind_text(q, ":lead", t->lead)) != SQLITE_OK ||
	    (rc = bind_text(q, ":body_md", t->body_md)) != SQLITE_OK ||
	    (rc = bind_int64(q, ":published", t->published)) != SQLITE_OK)
		return rc;
	return bind_int64(q, ":now", now);
}

/* Insert t; *id gets the new id.  ST_CONFLICT on a slug clash. */
enum status
store_admin_topic_insert(struct store *db, const struct topic_edit *t,
    int64_t now, int64_t *id)
{
	enum status	 st;

	if ((st = stmt_write(db, Q_ADMIN_TOPIC_INSERT,
	    bind_topic(db->stmt[Q_ADMIN_TOPIC_INSERT], t, now))) != ST_OK)
		return st;
	*id = sqlite3_last_insert_rowid(db->db);
	return ST_OK;
}

/* Update topic t->id at version t->version.  ST_CONFLICT when stale. */
enum status
store_admin_topic_update(struct store *db, const struct topic_edit *t,
    int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_ADMIN_TOPIC_UPDATE];
	enum status	 st;
	int		 rc;

	if ((rc = bind_topic(q, t, now)) == SQLITE_OK &&
	    (rc = bind_int64(q, ":id", t->id)) == SQLITE_OK)
		rc = bind_int64(q, ":version", t->version);
	if ((st = stmt_write(db, Q_ADMIN_TOPIC_UPDATE, rc)) != ST_OK)
		return st;
	return sqlite3_changes(db->db) == 1 ? ST_OK : ST_CONFLICT;
}

/* The topic as JSON in ar, for the audit log. */
enum status
store_admin_topic_json(struct store *db, struct arena *ar, int64_t id,
    const char **json)
{
	return store_json_by_id(db, ar, Q_ADMIN_TOPIC_JSON, id, json);
}

/*
 * article_admin.c -- the staff side of articles: one
 * article with everything its form needs, the writes (insert, update
 * with a version check, delete of a never-published draft) and the
 * article's state as JSON for the audit log; and whether an article in
 * hand is public.
 *
 * Called by pages/admin_article*.c, which wrap every write in one
 * transaction with the revision and the audit row.  Strings in results
 * live in the caller's arena.
 */
#include <string.h>

#include "../util/arena.h"
#include "article_admin.h"
#include "admin_int.h"

/* Collect the ids a statement on :id returns into ids (at most max). */
static enum status
collect_ids(struct store *db, enum query_id qid, int64_t id, int64_t *ids,
    size_t max, size_t *n)
{
	sqlite3_stmt	*q = db->stmt[qid];
	int		 rc = SQLITE_ERROR;

	*n = 0;
	if (bind_int64(q, ":id", id) == SQLITE_OK)
		while ((rc = sqlite3_step(q)) == SQLITE_ROW)
			if (*n < max)
				ids[(*n)++] = sqlite3_column_int64(q, 0);
	if (rc != SQLITE_DONE)
		store_log_error(db, qid);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

static enum status
collect_links(struct store *db, struct arena *ar, struct article_edit *a)
{
	sqlite3_stmt	*q = db->stmt[Q_ADMIN_ARTICLE_LINK_ROWS];
	int		 rc = SQLITE_ERROR;

	a->nlinks = 0;
	if (bind_int64(q, ":id", a->id) == SQLITE_OK)
		while ((rc = sqlite3_step(q)) == SQLITE_ROW)
			if (a->nlinks < EDIT_MAX_LINKS) {
				a->links[a->nlinks].title = column_text(ar, q, 0);
				a->links[a->nlinks++].url = column_text(ar, q, 1);
			}
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_ADMIN_ARTICLE_LINK_ROWS);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

static void
read_edit(struct arena *ar, sqlite3_stmt *q, struct article_edit *a)
{
	a->id = sqlite3_column_int64(q, 0);
	a->version = sqlite3_column_int64(q, 1);
	a->kind = column_text(ar, q, 2);
	a->slug = column_text(ar, q, 3);
	a->title = column_text(ar, q, 4);
	a->lead = column_text(ar, q, 5);
	a->body_md = column_text(ar, q, 6);
	a->lang = column_text(ar, q, 7);
	a->status = column_text(ar, q, 8);
	a->publish_at = sqlite3_column_int64(q, 9);
	a->first_published_at = sqlite3_column_int64(q, 10);
	a->created_at = sqlite3_column_int64(q, 11);
	a->updated_at = sqlite3_column_int64(q, 12);
	a->author = column_text(ar, q, 13);
}

/* What the public queries ask of a row, for one article in hand. */
int
article_edit_public(const struct article_edit *a, int64_t now)
{
	return a->status != NULL &&
	    strcmp(a->status, ARTICLE_PUBLISHED) == 0 && a->publish_at <= now;
}

/*
 * The article with id in any status, with its topic and expert ids and
 * links.  Strings in ar.  ST_OK, ST_NOTFOUND or ST_DBERR.
 */
enum status
store_admin_article_get(struct store *db, struct arena *ar, int64_t id,
    struct article_edit *a)
{
	sqlite3_stmt	*q = db->stmt[Q_ADMIN_ARTICLE_GET];
	enum status	 st = ST_DBERR;
	int		 rc;

	memset(a, 0, sizeof(*a));
	if (bind_int64(q, ":id", id) == SQLITE_OK) {
		if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			read_edit(ar, q, a);
			st = ST_OK;
		} else if (rc == SQLITE_DONE)
			st = ST_NOTFOUND;
	}
	if (st == ST_DBERR)
		store_log_error(db, Q_ADMIN_ARTICLE_GET);
	stmt_done(q);
	if (st == ST_OK)
		st = collect_ids(db, Q_ADMIN_ARTICLE_TOPIC_IDS, id,
		    a->topic_ids, EDIT_MAX_PICKS, &a->ntopics);
	if (st == ST_OK)
		st = collect_ids(db, Q_ADMIN_ARTICLE_EXPERT_IDS, id,
		    a->expert_ids, EDIT_MAX_PICKS, &a->nexperts);
	if (st == ST_OK)
		st = collect_links(db, ar, a);
	return st;
}

/*
 * Who else has slug: ST_OK with the other article's id and title (in
 * ar), ST_NOTFOUND when it is free, ST_DBERR.
 */
enum status
store_admin_slug_owner(struct store *db, struct arena *ar, const char *slug,
    int64_t id, int64_t *owner, const char **title)
{
	return slug_owner(db, Q_ADMIN_SLUG_OWNER, ar, slug, id, owner, title);
}

/* Bind the columns insert and update share. */
static int
bind_fields(sqlite3_stmt *q, const struct article_edit *a, int64_t now)
{
	int	rc;

	if ((rc = bind_text(q, ":kind", a->kind)) != SQLITE_OK ||
	    (rc = bind_text(q, ":slug", a->slug)) != SQLITE_OK ||
	    (rc = bind_text(q, ":title", a->title)) != SQLITE_OK ||
	    (rc = bind_text(q, ":lead", a->lead)) != SQLITE_OK ||
	    (rc = bind_text(q, ":body_md", a->body_md)) != SQLITE_OK ||
	    (rc = bind_text(q, ":lang", a->lang)) != SQLITE_OK ||
	    (rc = bind_text(q, ":status", a->status)) != SQLITE_OK ||
	    (rc = bind_int64(q, ":now", now)) != SQLITE_OK)
		return rc;
	if (a->publish_at == 0)
		return bind_null(q, ":publish_at");
	return bind_int64(q, ":publish_at", a->publish_at);
}

/* Run a statement whose only parameter is :id. */
static enum status
run_id(struct store *db, enum query_id qid, int64_t id)
{
	if (bind_int64(db->stmt[qid], ":id", id) != SQLITE_OK) {
		stmt_done(db->stmt[qid]);
		return ST_DBERR;
	}
	return stmt_run(db, qid);
}

static enum status
set_topics(struct store *db, const struct article_edit *a)
{
	sqlite3_stmt	*q = db->stmt[Q_ADMIN_ARTICLE_TOPIC_ADD];
	enum status	 st;
	size_t		 i;

	if ((st = run_id(db, Q_ADMIN_ARTICLE_TOPICS_CLEAR, a->id)) != ST_OK)
		return st;
	for (i = 0; i < a->ntopics && st == ST_OK; i++) {
		if (bind_int64(q, ":id", a->id) != SQLITE_OK ||
		    bind_int64(q, ":topic_id", a->topic_ids[i]) != SQLITE_OK) {
			stmt_done(q);
			return ST_DBERR;
		}
		st = stmt_run(db, Q_ADMIN_ARTICLE_TOPIC_ADD);
	}
	return st;
}

static enum status
set_experts(struct store *db, const struct article_edit *a)
{
	sqlite3_stmt	*q = db->stmt[Q_ADMIN_ARTICLE_EXPERT_ADD];
	enum status	 st;
	size_t		 i;

	if ((st = run_id(db, Q_ADMIN_ARTICLE_EXPERTS_CLEAR, a->id)) != ST_OK)
		return st;
	for (i = 0; i < a->nexperts && st == ST_OK; i++) {
		if (bind_int64(q, ":id", a->id) != SQLITE_OK ||
		    bind_int64(q, ":contact_id", a->expert_ids[i]) !=
		    SQLITE_OK ||
		    bind_int64(q, ":position", (int64_t)i) != SQLITE_OK) {
			stmt_done(q);
			return ST_DBERR;
		}
		st = stmt_run(db, Q_ADMIN_ARTICLE_EXPERT_ADD);
	}
	return st;
}

static enum status
set_links(struct store *db, const struct article_edit *a)
{
	sqlite3_stmt	*q = db->stmt[Q_ADMIN_ARTICLE_LINK_ADD];
	enum status	 st;
	size_t		 i;

	if ((st = run_id(db, Q_ADMIN_ARTICLE_LINKS_CLEAR, a->id)) != ST_OK)
		return st;
	for (i = 0; i < a->nlinks && st == ST_OK; i++) {
		if (bind_int64(q, ":id", a->id) != SQLITE_OK ||
		    bind_int64(q, ":position", (int64_t)i) != SQLITE_OK ||
		    bind_text(q, ":title", a->links[i].title) != SQLITE_OK ||
		    bind_text(q, ":url", a->links[i].url) != SQLITE_OK) {
			stmt_done(q);
			return ST_DBERR;
		}
		st = stmt_run(db, Q_ADMIN_ARTICLE_LINK_ADD);
	}
	return st;
}

static enum status
set_relations(struct store *db, const struct article_edit *a)
{
	enum status	st;

	if ((st = set_topics(db, a)) == ST_OK &&
	    (st = set_experts(db, a)) == ST_OK)
		st = set_links(db, a);
	return st;
}

/*
 * Insert a new article from a (a->id ignored) with version 1 and its
 * relations; *id gets the new id.  ST_CONFLICT when the slug is taken
 * (checked by the page first; this is the race's answer), ST_DBERR.
 */
enum status
store_admin_article_insert(struct store *db, const struct article_edit *a,
    int64_t author_id, int64_t now, int64_t *id)
{
	sqlite3_stmt	*q = db->stmt[Q_ADMIN_ARTICLE_INSERT];
	struct article_edit tmp;
	enum status	 st;
	int		 rc;

	if ((rc = bind_fields(q, a, now)) == SQLITE_OK)
		rc = bind_int64(q, ":author_id", author_id);
	if ((st = stmt_write(db, Q_ADMIN_ARTICLE_INSERT, rc)) != ST_OK)
		return st;
	*id = sqlite3_last_insert_rowid(db->db);
	tmp = *a;
	tmp.id = *id;
	return set_relations(db, &tmp);
}

/*
 * Overwrite article a->id with a when its version is a->version; the
 * version is bumped.  ST_CONFLICT when stale (or the slug is taken),
 * ST_DBERR.
 */
enum status
store_admin_article_update(struct store *db, const struct article_edit *a,
    int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_ADMIN_ARTICLE_UPDATE];
	enum status	 st;
	int		 rc;

	if ((rc = bind_fields(q, a, now)) == SQLITE_OK &&
	    (rc = bind_int64(q, ":id", a->id)) == SQLITE_OK)
		rc = bind_int64(q, ":version", a->version);
	if ((st = stmt_write(db, Q_ADMIN_ARTICLE_UPDATE, rc)) != ST_OK)
		return st;
	if (sqlite3_changes(db->db) == 0)
		return ST_CONFLICT;
	return set_relations(db, a);
}

/* Delete article id if it is a draft never published: ST_OK, or
 * ST_CONFLICT when it is not such a draft, ST_DBERR. */
enum status
store_admin_article_delete(struct store *db, int64_t id)
{
	enum status	st;

	if ((st = run_id(db, Q_ADMIN_ARTICLE_DELETE_DRAFT, id)) != ST_OK)
		return st;
	return sqlite3_changes(db->db) == 1 ? ST_OK : ST_CONFLICT;
}

/* Run a one-row, one-text-column statement on :id; the text in ar. */
enum status
store_json_by_id(struct store *db, struct arena *ar, enum query_id qid,
    int64_t id, const char **json)
{
	sqlite3_stmt	*q = db->stmt[qid];
	enum status	 st = ST_DBERR;
	int		 rc;

	*json = NULL;
	if (bind_int64(q, ":id", id) == SQLITE_OK) {
		if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			*json = column_text(ar, q, 0);
			st = ST_OK;
		} else if (rc == SQLITE_DONE)
			st = ST_NOTFOUND;
	}
	if (st == ST_DBERR)
		store_log_error(db, qid);
	stmt_done(q);
	return st;
}

/* The article's state as JSON in ar.  ST_NOTFOUND, ST_DBERR. */
enum status
store_admin_article_json(struct store *db, struct arena *ar, int64_t id,
    const char **json)
{
	return store_json_by_id(db, ar, Q_ADMIN_ARTICLE_JSON, id, json);
}

/* Every topic, by name, with whether it is public.  ST_OK, ST_DBERR. */
enum status
store_editor_topics(struct store *db, struct arena *ar,
    struct topic_pick **out, size_t *n)
{
	sqlite3_stmt	*q = db->stmt[Q_EDITOR_TOPICS];
	struct topic_pick *t;
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
		t->published = sqlite3_column_int(q, 3);
	}
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_EDITOR_TOPICS);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

/* Every contact, by name.  ST_OK, ST_DBERR. */
enum status
store_editor_contacts(struct store *db, struct arena *ar,
    struct contact **out, size_t *n)
{
	return collect_contacts(db, ar, Q_EDITOR_CONTACTS, out, n);
}

/*
 * revision.c -- article revisions: every save copies the article (with
 * its topics, experts and links as JSON) into article_revision, inside
 * the page's transaction; the staff pages list them, show one in full
 * and compare two.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "admin_int.h"
#include "article_admin.h"

/*
 * Copy article_id as it now is into a new revision (its version is the
 * article's).  ST_OK or ST_DBERR.
 */
enum status
store_revision_add(struct store *db, int64_t article_id, int64_t account_id,
    int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_REVISION_ADD];
	int		 rc = SQLITE_ERROR;

	if (bind_int64(q, ":id", article_id) == SQLITE_OK &&
	    bind_int64(q, ":account_id", account_id) == SQLITE_OK &&
	    bind_int64(q, ":now", now) == SQLITE_OK)
		rc = sqlite3_step(q);
	if (rc != SQLITE_DONE || sqlite3_changes(db->db) != 1) {
		store_log_error(db, Q_REVISION_ADD);
		stmt_done(q);
		return ST_DBERR;
	}
	stmt_done(q);
	return ST_OK;
}

/* Every revision of the article, newest first; *out in ar. */
enum status
store_revision_list(struct store *db, struct arena *ar, int64_t article_id,
    struct revision_row **out, size_t *n)
{
	sqlite3_stmt	*q = db->stmt[Q_REVISION_LIST];
	struct revision_row *r;
	size_t		 cap = 0;
	int		 rc = SQLITE_ERROR;

	*out = NULL;
	*n = 0;
	if (bind_int64(q, ":id", article_id) == SQLITE_OK)
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			*out = arena_grow(ar, *out, *n, &cap, sizeof(**out));
			r = &(*out)[(*n)++];
			r->version = sqlite3_column_int64(q, 0);
			r->saved_at = sqlite3_column_int64(q, 1);
			r->status = column_text(ar, q, 2);
			r->publish_at = sqlite3_column_int64(q, 3);
			r->who = column_text(ar, q, 4);
			r->title = column_text(ar, q, 5);
		}
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_REVISION_LIST);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

/* The numbers of a JSON array into ids (at most max). */
static enum status
json_ids(struct store *db, const char *json, int64_t *ids, size_t max,
    size_t *n)
{
	sqlite3_stmt	*q = db->stmt[Q_REVISION_JSON_IDS];
	int		 rc = SQLITE_ERROR;

	*n = 0;
	if (bind_text(q, ":json", json) == SQLITE_OK)
		while ((rc = sqlite3_step(q)) == SQLITE_ROW)
			if (*n < max)
				ids[(*n)++] = sqlite3_column_int64(q, 0);
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_REVISION_JSON_IDS);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

static enum status
json_links(struct store *db, struct arena *ar, const char *json,
    struct article_edit *a)
{
	sqlite3_stmt	*q = db->stmt[Q_REVISION_JSON_LINKS];
	int		 rc = SQLITE_ERROR;

	a->nlinks = 0;
	if (bind_text(q, ":json", json) == SQLITE_OK)
		while ((rc = sqlite3_step(q)) == SQLITE_ROW)
			if (a->nlinks < EDIT_MAX_LINKS) {
				a->links[a->nlinks].title = column_text(ar, q, 0);
				a->links[a->nlinks++].url = column_text(ar, q, 1);
			}
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_REVISION_JSON_LINKS);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

static void
read_revision(struct arena *ar, sqlite3_stmt *q, struct article_edit *a)
{
	a->version = sqlite3_column_int64(q, 0);
	a->kind = column_text(ar, q, 1);
	a->slug = column_text(ar, q, 2);
	a->title = column_text(ar, q, 3);
	a->lead = column_text(ar, q, 4);
	a->body_md = column_text(ar, q, 5);
	a->lang = column_text(ar, q, 6);
	a->status = column_text(ar, q, 7);
	a->publish_at = sqlite3_column_int64(q, 8);
	a->updated_at = sqlite3_column_int64(q, 9);
	a->author = column_text(ar, q, 10);
	a->saved_by = sqlite3_column_int64(q, 14);
}

/*
 * Revision `version` of the article as an article_edit.  Strings in ar.
 * ST_OK, ST_NOTFOUND or ST_DBERR.
 */
enum status
store_revision_get(struct store *db, struct arena *ar, int64_t article_id,
    int64_t version, struct article_edit *a)
{
	sqlite3_stmt	*q = db->stmt[Q_REVISION_GET];
	const char	*topics = "[]", *experts = "[]", *links = "[]";
	enum status	 st = ST_DBERR;
	int		 rc;

	memset(a, 0, sizeof(*a));
	a->id = article_id;
	if (bind_int64(q, ":id", article_id) == SQLITE_OK &&
	    bind_int64(q, ":version", version) == SQLITE_OK) {
		if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			read_revision(ar, q, a);
			topics = column_text(ar, q, 11);
			experts = column_text(ar, q, 12);
			links = column_text(ar, q, 13);
			st = ST_OK;
		} else if (rc == SQLITE_DONE)
			st = ST_NOTFOUND;
	}
	if (st == ST_DBERR)
		store_log_error(db, Q_REVISION_GET);
	stmt_done(q);
	if (st == ST_OK)
		st = json_ids(db, topics, a->topic_ids, EDIT_MAX_PICKS,
		    &a->ntopics);
	if (st == ST_OK)
		st = json_ids(db, experts, a->expert_ids, EDIT_MAX_PICKS,
		    &a->nexperts);
	if (st == ST_OK)
		st = json_links(db, ar, links, a);
	return st;
}

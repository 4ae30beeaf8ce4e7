/*
 * document.c -- documents attached to articles (document.h).
 */
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "document.h"
#include "store_int.h"

enum status
store_document_add(struct store *db, const struct document *d,
    const void *data, size_t len, int64_t now, int64_t *id)
{
	sqlite3_stmt	*q = db->stmt[Q_DOCUMENT_ADD];
	enum status	 st;
	int		 rc;

	if ((rc = bind_int64(q, ":article_id", d->article_id)) == SQLITE_OK &&
	    (rc = bind_text(q, ":name", d->name)) == SQLITE_OK &&
	    (rc = bind_text(q, ":filename", d->filename)) == SQLITE_OK &&
	    (rc = bind_text(q, ":title", d->title)) == SQLITE_OK &&
	    (rc = bind_text(q, ":mime", d->mime)) == SQLITE_OK &&
	    (rc = bind_int64(q, ":bytes", (int64_t)len)) == SQLITE_OK &&
	    (rc = bind_int64(q, ":accessible", d->accessible)) == SQLITE_OK &&
	    (rc = bind_int64(q, ":publication", d->publication)) ==
	    SQLITE_OK &&
	    (rc = bind_int64(q, ":created_at", now)) == SQLITE_OK)
		rc = sqlite3_bind_blob64(q, sqlite3_bind_parameter_index(q,
		    ":data"), data, len, SQLITE_STATIC);
	if ((st = stmt_write(db, Q_DOCUMENT_ADD, rc)) == ST_OK)
		*id = sqlite3_last_insert_rowid(db->db);
	return st;
}

/* Rows of query qid (bound) into *out. */
static enum status
rows(struct store *db, struct arena *ar, enum query_id qid,
    struct document **out, size_t *n)
{
	sqlite3_stmt	*q = db->stmt[qid];
	struct document	*d;
	size_t		 cap = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		*out = arena_grow(ar, *out, *n, &cap, sizeof(**out));
		d = &(*out)[(*n)++];
		memset(d, 0, sizeof(*d));
		d->id = sqlite3_column_int64(q, 0);
		d->article_id = sqlite3_column_int64(q, 1);
		d->name = column_text(ar, q, 2);
		d->filename = column_text(ar, q, 3);
		d->title = column_text(ar, q, 4);
		d->mime = column_text(ar, q, 5);
		d->bytes = sqlite3_column_int64(q, 6);
		d->accessible = sqlite3_column_int(q, 7);
		d->publication = sqlite3_column_int(q, 8);
		d->article_title = column_text(ar, q, 9);
		d->article_slug = column_text(ar, q, 10);
		d->published_at = sqlite3_column_int64(q, 11);
	}
	if (rc != SQLITE_DONE)
		store_log_error(db, qid);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

enum status
store_document_list(struct store *db, struct arena *ar, int64_t article_id,
    struct document **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (bind_int64(db->stmt[Q_DOCUMENT_LIST], ":article_id", article_id)
	    != SQLITE_OK)
		return ST_DBERR;
	return rows(db, ar, Q_DOCUMENT_LIST, out, n);
}

enum status
store_document_inaccessible(struct store *db, struct arena *ar, int64_t now,
    struct document **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (bind_int64(db->stmt[Q_DOCUMENT_INACCESSIBLE], ":now", now) !=
	    SQLITE_OK)
		return ST_DBERR;
	return rows(db, ar, Q_DOCUMENT_INACCESSIBLE, out, n);
}

enum status
store_document_publications(struct store *db, struct arena *ar, int64_t now,
    struct document **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (bind_int64(db->stmt[Q_DOCUMENT_PUBLICATIONS], ":now", now) !=
	    SQLITE_OK)
		return ST_DBERR;
	return rows(db, ar, Q_DOCUMENT_PUBLICATIONS, out, n);
}

/* Set flag (the parameter name) of document id of article_id by query
 * qid; ST_NOTFOUND when no such pair. */
static enum status
set_flag(struct store *db, enum query_id qid, const char *flag, int64_t id,
    int64_t article_id, int on)
{
	sqlite3_stmt	*q = db->stmt[qid];
	enum status	 st;
	int		 rc;

	if ((rc = bind_int64(q, ":id", id)) == SQLITE_OK &&
	    (rc = bind_int64(q, ":article_id", article_id)) == SQLITE_OK)
		rc = bind_int64(q, flag, on != 0);
	if ((st = stmt_write(db, qid, rc)) == ST_OK &&
	    sqlite3_changes(db->db) == 0)
		st = ST_NOTFOUND;
	return st;
}

enum status
store_document_set_accessible(struct store *db, int64_t id,
    int64_t article_id, int accessible)
{
	return set_flag(db, Q_DOCUMENT_SET_ACCESSIBLE, ":accessible", id,
	    article_id, accessible);
}

enum status
store_document_set_publication(struct store *db, int64_t id,
    int64_t article_id, int publication)
{
	return set_flag(db, Q_DOCUMENT_SET_PUBLICATION, ":publication", id,
	    article_id, publication);
}

enum status
store_document_delete(struct store *db, int64_t id, int64_t article_id)
{
	sqlite3_stmt	*q = db->stmt[Q_DOCUMENT_DELETE];
	enum status	 st;
	int		 rc;

	if ((rc = bind_int64(q, ":id", id)) == SQLITE_OK)
		rc = bind_int64(q, ":article_id", article_id);
	if ((st = stmt_write(db, Q_DOCUMENT_DELETE, rc)) == ST_OK &&
	    sqlite3_changes(db->db) == 0)
		st = ST_NOTFOUND;
	return st;
}

enum status
store_document_names(struct store *db,
    int (*fn)(const char *, const char *, void *), void *ctx)
{
	sqlite3_stmt	*q = db->stmt[Q_DOCUMENT_NAMES];
	int		 rc;

	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		if (fn((const char *)sqlite3_column_text(q, 0),
		    (const char *)sqlite3_column_text(q, 1), ctx) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_DOCUMENT_NAMES);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

enum status
store_document_data(struct store *db, const char *name, void **data,
    size_t *len)
{
	return store_blob(db, Q_DOCUMENT_DATA, name, data, len);
}

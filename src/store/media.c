/*
 * media.c -- the picture library's rows and bytes (see media.h).
 */
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "media.h"
#include "store_int.h"

enum status
store_media_add(struct store *db, const struct media *m, int64_t *id)
{
	sqlite3_stmt	*q = db->stmt[Q_MEDIA_ADD];
	enum status	 st;
	int		 rc;

	if ((rc = bind_text(q, ":sha256", m->sha256)) == SQLITE_OK &&
	    (rc = bind_text(q, ":filename", m->filename)) == SQLITE_OK &&
	    (rc = bind_text(q, ":mime", m->mime)) == SQLITE_OK &&
	    (rc = bind_int64(q, ":width", m->width)) == SQLITE_OK &&
	    (rc = bind_int64(q, ":height", m->height)) == SQLITE_OK &&
	    (rc = bind_int64(q, ":bytes", m->bytes)) == SQLITE_OK &&
	    (rc = bind_text(q, ":alt", m->alt)) == SQLITE_OK &&
	    (rc = bind_int64(q, ":decorative", m->decorative)) == SQLITE_OK &&
	    (rc = bind_text(q, ":caption", m->caption)) == SQLITE_OK &&
	    (rc = bind_text(q, ":credit", m->credit)) == SQLITE_OK &&
	    (rc = bind_text(q, ":licence", m->licence)) == SQLITE_OK)
		rc = bind_int64(q, ":created_at", m->created_at);
	if ((st = stmt_write(db, Q_MEDIA_ADD, rc)) == ST_OK)
		*id = sqlite3_last_insert_rowid(db->db);
	return st;
}

enum status
store_media_file_add(struct store *db, int64_t media_id, const char *name,
    int original, const char *mime, int width, int height, const void *data,
    size_t len)
{
	sqlite3_stmt	*q = db->stmt[Q_MEDIA_FILE_ADD];
	int		 rc;

	if ((rc = bind_text(q, ":name", name)) == SQLITE_OK &&
	    (rc = bind_int64(q, ":media_id", media_id)) == SQLITE_OK &&
	    (rc = bind_int64(q, ":original", original)) == SQLITE_OK &&
	    (rc = bind_text(q, ":mime", mime)) == SQLITE_OK &&
	    (rc = bind_int64(q, ":width", width)) == SQLITE_OK &&
	    (rc = bind_int64(q, ":height", height)) == SQLITE_OK)
		rc = sqlite3_bind_blob64(q, sqlite3_bind_parameter_index(q,
		    ":data"), data, len, SQLITE_STATIC);
	return stmt_write(db, Q_MEDIA_FILE_ADD, rc);
}

enum status
store_media_file_names(struct store *db, int64_t now,
    int (*fn)(const char *, int, void *), void *ctx)
{
	sqlite3_stmt	*q = db->stmt[Q_MEDIA_FILE_NAMES];
	int		 rc = SQLITE_ERROR;

	if (bind_int64(q, ":now", now) == SQLITE_OK)
		while ((rc = sqlite3_step(q)) == SQLITE_ROW)
			if (fn((const char *)sqlite3_column_text(q, 0),
			    sqlite3_column_int(q, 1), ctx) != 0) {
				rc = SQLITE_DONE;
				break;
			}
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_MEDIA_FILE_NAMES);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

enum status
store_blob(struct store *db, enum query_id qid, const char *name,
    void **data, size_t *len)
{
	sqlite3_stmt	*q = db->stmt[qid];
	enum status	 st = ST_DBERR;
	int		 rc = SQLITE_ERROR;

	*data = NULL;
	*len = 0;
	if (bind_text(q, ":name", name) == SQLITE_OK &&
	    (rc = sqlite3_step(q)) == SQLITE_ROW) {
		*len = (size_t)sqlite3_column_bytes(q, 0);
		if ((*data = malloc(*len ? *len : 1)) == NULL)
			abort();
		if (*len > 0)
			memcpy(*data, sqlite3_column_blob(q, 0), *len);
		st = ST_OK;
	} else if (rc == SQLITE_DONE)
		st = ST_NOTFOUND;
	if (st == ST_DBERR)
		store_log_error(db, qid);
	stmt_done(q);
	return st;
}

enum status
store_media_file_data(struct store *db, const char *name, void **data,
    size_t *len)
{
	return store_blob(db, Q_MEDIA_FILE_DATA, name, data, len);
}

/* The sixteen media columns into *m (strings in ar). */
static void
read_media(struct arena *ar, sqlite3_stmt *q, struct media *m)
{
	m->id = sqlite3_column_int64(q, 0);
	m->sha256 = column_text(ar, q, 1);
	m->filename = column_text(ar, q, 2);
	m->mime = column_text(ar, q, 3);
	m->width = sqlite3_column_int(q, 4);
	m->height = sqlite3_column_int(q, 5);
	m->bytes = sqlite3_column_int64(q, 6);
	m->alt = column_text(ar, q, 7);
	m->decorative = sqlite3_column_int(q, 8);
	m->caption = column_text(ar, q, 9);
	m->credit = column_text(ar, q, 10);
	m->licence = column_text(ar, q, 11);
	m->created_at = sqlite3_column_int64(q, 12);
	m->legal_basis = sqlite3_column_type(q, 13) == SQLITE_NULL ? "" :
	    column_text(ar, q, 13);
	m->consent_at = sqlite3_column_int64(q, 14);
	m->expires_at = sqlite3_column_int64(q, 15);
}

/* Every row of query qid, bound (rc is how the binding went), into
 * *out and *n.  ST_OK or ST_DBERR (logged). */
static enum status
all_rows(struct store *db, struct arena *ar, enum query_id qid, int rc,
    struct media **out, size_t *n)
{
	sqlite3_stmt	*q = db->stmt[qid];
	size_t		 cap = 0;

	*out = NULL;
	*n = 0;
	if (rc == SQLITE_OK)
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			*out = arena_grow(ar, *out, *n, &cap, sizeof(**out));
			read_media(ar, q, &(*out)[(*n)++]);
		}
	stmt_done(q);
	if (rc != SQLITE_DONE) {
		store_log_error(db, qid);
		return ST_DBERR;
	}
	return ST_OK;
}

/* Rows of the list query lq (bound but for :limit and :offset) and the
 * count of cq (bound). */
static enum status
list_rows(struct store *db, struct arena *ar, enum query_id lq,
    enum query_id cq, size_t limit, size_t offset, struct media **out,
    size_t *n, int64_t *total)
{
	sqlite3_stmt	*q = db->stmt[lq];
	sqlite3_stmt	*c = db->stmt[cq];
	int		 rc;

	*total = 0;
	if ((rc = bind_int64(q, ":limit", (int64_t)limit)) == SQLITE_OK)
		rc = bind_int64(q, ":offset", (int64_t)offset);
	if (all_rows(db, ar, lq, rc, out, n) != ST_OK) {
		stmt_done(c);
		return ST_DBERR;
	}
	if ((rc = sqlite3_step(c)) == SQLITE_ROW)
		*total = sqlite3_column_int64(c, 0);
	stmt_done(c);
	if (rc != SQLITE_ROW) {
		store_log_error(db, cq);
		return ST_DBERR;
	}
	return ST_OK;
}

enum status
store_media_list(struct store *db, struct arena *ar, int64_t now,
    size_t limit, size_t offset, struct media **out, size_t *n,
    int64_t *total)
{
	if (bind_int64(db->stmt[Q_MEDIA_LIST], ":now", now) != SQLITE_OK ||
	    bind_int64(db->stmt[Q_MEDIA_COUNT], ":now", now) != SQLITE_OK)
		return ST_DBERR;
	return list_rows(db, ar, Q_MEDIA_LIST, Q_MEDIA_COUNT, limit, offset,
	    out, n, total);
}

enum status
store_media_search(struct store *db, struct arena *ar, const char *q,
    size_t limit, size_t offset, struct media **out, size_t *n,
    int64_t *total)
{
	char	*pat = arena_alloc(ar, 2 * strlen(q) + 3), *p = pat;

	/* %q% with LIKE's own characters escaped. */
	*p++ = '%';
	for (; *q != '\0'; q++) {
		if (*q == '%' || *q == '_' || *q == '\\')
			*p++ = '\\';
		*p++ = *q;
	}
	*p++ = '%';
	*p = '\0';
	if (bind_text(db->stmt[Q_MEDIA_SEARCH], ":q", pat) != SQLITE_OK ||
	    bind_text(db->stmt[Q_MEDIA_SEARCH_COUNT], ":q", pat) != SQLITE_OK)
		return ST_DBERR;
	return list_rows(db, ar, Q_MEDIA_SEARCH, Q_MEDIA_SEARCH_COUNT, limit,
	    offset, out, n, total);
}

enum status
store_media_of_topic(struct store *db, struct arena *ar, int64_t topic_id,
    int64_t now, size_t limit, struct media **out, size_t *n)
{
	sqlite3_stmt	*q = db->stmt[Q_MEDIA_OF_TOPIC];
	int		 rc;

	if ((rc = bind_int64(q, ":topic_id", topic_id)) == SQLITE_OK &&
	    (rc = bind_int64(q, ":now", now)) == SQLITE_OK)
		rc = bind_int64(q, ":limit", (int64_t)limit);
	return all_rows(db, ar, Q_MEDIA_OF_TOPIC, rc, out, n);
}

enum status
store_media_consent_due(struct store *db, struct arena *ar, int64_t soon,
    size_t limit, struct media **out, size_t *n)
{
	sqlite3_stmt	*q = db->stmt[Q_MEDIA_CONSENT_DUE];
	int		 rc;

	if ((rc = bind_int64(q, ":soon", soon)) == SQLITE_OK)
		rc = bind_int64(q, ":limit", (int64_t)limit);
	return all_rows(db, ar, Q_MEDIA_CONSENT_DUE, rc, out, n);
}

enum status
store_media_by_sha(struct store *db, const char *sha256, int64_t *id)
{
	sqlite3_stmt	*q = db->stmt[Q_MEDIA_BY_SHA];
	enum status	 st = ST_DBERR;
	int		 rc;

	if (bind_text(q, ":sha256", sha256) == SQLITE_OK) {
		if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			*id = sqlite3_column_int64(q, 0);
			st = ST_OK;
		} else if (rc == SQLITE_DONE)
			st = ST_NOTFOUND;
	}
	if (st == ST_DBERR)
		store_log_error(db, Q_MEDIA_BY_SHA);
	stmt_done(q);
	return st;
}

/* Bind an optional time: NULL for 0. */
static int
bind_time(sqlite3_stmt *q, const char *name, int64_t t)
{
	return t != 0 ? bind_int64(q, name, t) : bind_null(q, name);
}

enum status
store_media_update(struct store *db, const struct media *m)
{
	sqlite3_stmt	*q = db->stmt[Q_MEDIA_UPDATE];
	enum status	 st;
	int		 rc;

	if ((rc = bind_int64(q, ":id", m->id)) == SQLITE_OK &&
	    (rc = bind_text(q, ":alt", m->alt)) == SQLITE_OK &&
	    (rc = bind_int64(q, ":decorative", m->decorative)) == SQLITE_OK &&
	    (rc = bind_text(q, ":caption", m->caption)) == SQLITE_OK &&
	    (rc = bind_text(q, ":credit", m->credit)) == SQLITE_OK &&
	    (rc = bind_text(q, ":licence", m->licence)) == SQLITE_OK &&
	    (rc = (m->legal_basis != NULL && *m->legal_basis ?
	    bind_text(q, ":legal_basis", m->legal_basis) :
	    bind_null(q, ":legal_basis"))) == SQLITE_OK &&
	    (rc = bind_time(q, ":consent_at", m->consent_at)) == SQLITE_OK)
		rc = bind_time(q, ":expires_at", m->expires_at);
	if ((st = stmt_write(db, Q_MEDIA_UPDATE, rc)) == ST_OK &&
	    sqlite3_changes(db->db) == 0)
		st = ST_NOTFOUND;
	return st;
}

enum status
store_media_replace(struct store *db, const struct media *m)
{
	sqlite3_stmt	*q = db->stmt[Q_MEDIA_REPLACE];
	enum status	 st;
	int		 rc;

	if ((rc = bind_int64(q, ":id", m->id)) == SQLITE_OK &&
	    (rc = bind_text(q, ":sha256", m->sha256)) == SQLITE_OK &&
	    (rc = bind_text(q, ":filename", m->filename)) == SQLITE_OK &&
	    (rc = bind_text(q, ":mime", m->mime)) == SQLITE_OK &&
	    (rc = bind_int64(q, ":width", m->width)) == SQLITE_OK &&
	    (rc = bind_int64(q, ":height", m->height)) == SQLITE_OK)
		rc = bind_int64(q, ":bytes", m->bytes);
	if ((st = stmt_write(db, Q_MEDIA_REPLACE, rc)) != ST_OK)
		return st;
	if (sqlite3_changes(db->db) == 0)
		return ST_NOTFOUND;
	return stmt_write(db, Q_MEDIA_FILES_DELETE,
	    bind_int64(db->stmt[Q_MEDIA_FILES_DELETE], ":id", m->id));
}

enum status
store_media_delete(struct store *db, int64_t id)
{
	enum status	 st;

	st = stmt_write(db, Q_MEDIA_DELETE,
	    bind_int64(db->stmt[Q_MEDIA_DELETE], ":id", id));
	if (st == ST_OK && sqlite3_changes(db->db) == 0)
		st = ST_NOTFOUND;
	return st;
}

enum status
store_media_uses(struct store *db, struct arena *ar, int64_t id,
    struct media_use **out, size_t *n)
{
	sqlite3_stmt	*q = db->stmt[Q_MEDIA_USES];
	size_t		 cap = 0;
	int		 rc = SQLITE_ERROR;

	*out = NULL;
	*n = 0;
	if (bind_int64(q, ":id", id) == SQLITE_OK)
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			*out = arena_grow(ar, *out, *n, &cap, sizeof(**out));
			(*out)[*n].kind = column_text(ar, q, 0);
			(*out)[*n].id = sqlite3_column_int64(q, 1);
			(*out)[(*n)++].title = column_text(ar, q, 2);
		}
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_MEDIA_USES);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

enum status
store_media_get(struct store *db, struct arena *ar, int64_t id,
    struct media *out)
{
	sqlite3_stmt	*q = db->stmt[Q_MEDIA_GET];
	enum status	 st = ST_DBERR;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if (bind_int64(q, ":id", id) == SQLITE_OK) {
		if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			read_media(ar, q, out);
			st = ST_OK;
		} else if (rc == SQLITE_DONE)
			st = ST_NOTFOUND;
	}
	if (st == ST_DBERR)
		store_log_error(db, Q_MEDIA_GET);
	stmt_done(q);
	return st;
}

enum status
store_media_files(struct store *db, struct arena *ar, int64_t id,
    struct media_file_ref **out, size_t *n)
{
	sqlite3_stmt		*q = db->stmt[Q_MEDIA_FILES];
	struct media_file_ref	*f;
	size_t			 cap = 0;
	int			 rc = SQLITE_ERROR;

	*out = NULL;
	*n = 0;
	if (bind_int64(q, ":id", id) == SQLITE_OK)
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			*out = arena_grow(ar, *out, *n, &cap, sizeof(**out));
			f = &(*out)[(*n)++];
			f->name = column_text(ar, q, 0);
			f->original = sqlite3_column_int(q, 1);
			f->mime = column_text(ar, q, 2);
			f->width = sqlite3_column_int(q, 3);
			f->height = sqlite3_column_int(q, 4);
			f->bytes = sqlite3_column_int64(q, 5);
		}
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_MEDIA_FILES);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

/* The queries for a use of one picture: an article's lead image or a
 * contact's portrait. */
static const struct {
	enum query_id	 get, get_id, set;
} uses[] = {
	[MEDIA_LEAD] = { Q_MEDIA_LEAD, Q_MEDIA_LEAD_ID, Q_MEDIA_LEAD_SET },
	[MEDIA_PORTRAIT] = { Q_MEDIA_PORTRAIT, Q_MEDIA_PORTRAIT_ID,
	    Q_MEDIA_PORTRAIT_SET },
};

enum status
store_media_use_get(struct store *db, struct arena *ar, enum media_slot k,
    int64_t id, int64_t now, struct media *out)
{
	sqlite3_stmt	*q = db->stmt[uses[k].get];
	enum status	 st = ST_DBERR;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if (bind_int64(q, ":id", id) == SQLITE_OK &&
	    bind_int64(q, ":now", now) == SQLITE_OK) {
		if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			read_media(ar, q, out);
			st = ST_OK;
		} else if (rc == SQLITE_DONE)
			st = ST_NOTFOUND;
	}
	if (st == ST_DBERR)
		store_log_error(db, uses[k].get);
	stmt_done(q);
	return st;
}

enum status
store_media_use_id(struct store *db, struct arena *ar, enum media_slot k,
    int64_t id, int64_t *media_id, const char **title)
{
	sqlite3_stmt	*q = db->stmt[uses[k].get_id];
	enum status	 st = ST_DBERR;
	int		 rc;

	if (bind_int64(q, ":id", id) == SQLITE_OK) {
		if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			*media_id = sqlite3_column_int64(q, 0);
			*title = column_text(ar, q, 1);
			st = ST_OK;
		} else if (rc == SQLITE_DONE)
			st = ST_NOTFOUND;
	}
	if (st == ST_DBERR)
		store_log_error(db, uses[k].get_id);
	stmt_done(q);
	return st;
}

enum status
store_media_use_set(struct store *db, enum media_slot k, int64_t id,
    int64_t media_id)
{
	sqlite3_stmt	*q = db->stmt[uses[k].set];
	enum status	 st;
	int		 rc;

	if ((rc = bind_int64(q, ":id", id)) == SQLITE_OK)
		rc = media_id ? bind_int64(q, ":media_id", media_id) :
		    bind_null(q, ":media_id");
	if ((st = stmt_write(db, uses[k].set, rc)) == ST_OK &&
	    sqlite3_changes(db->db) == 0)
		st = ST_NOTFOUND;
	return st;
}

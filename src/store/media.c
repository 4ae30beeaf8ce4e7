/*
 * media.c -- the picture library's rows and bytes (see media.h).
 */
#include <stdlib.h>
#include <string.h>

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
store_media_file_names(struct store *db, int (*fn)(const char *, void *),
    void *ctx)
{
	sqlite3_stmt	*q = db->stmt[Q_MEDIA_FILE_NAMES];
	int		 rc;

	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		if (fn((const char *)sqlite3_column_text(q, 0), ctx) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_MEDIA_FILE_NAMES);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

enum status
store_media_file_data(struct store *db, const char *name, void **data,
    size_t *len)
{
	sqlite3_stmt	*q = db->stmt[Q_MEDIA_FILE_DATA];
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
		store_log_error(db, Q_MEDIA_FILE_DATA);
	stmt_done(q);
	return st;
}

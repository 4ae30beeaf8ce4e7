/*
 * site_admin.c -- the staff side of what frames every page: the site
 * notice and the accessibility statement; the audit log's before/after
 * table; and the helpers every audited write in this family shares.
 *
 * Writes follow one shape: store_begin(), the object's JSON before, the
 * change, its JSON after, staff_finish() (audit row and commit).  Any
 * failure rolls the whole change back.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "staff.h"
#include "staff_int.h"

char *
staff_json(struct store *db, enum query_id id, int64_t obj)
{
	sqlite3_stmt	*q = db->stmt[id];
	const unsigned char *t;
	char		*out = NULL;
	int		 rc = SQLITE_ERROR;

	if (sqlite3_bind_parameter_index(q, ":id") == 0 ||
	    bind_int64(q, ":id", obj) == SQLITE_OK) {
		if ((rc = sqlite3_step(q)) == SQLITE_ROW &&
		    (t = sqlite3_column_text(q, 0)) != NULL &&
		    (out = strdup((const char *)t)) == NULL)
			abort();
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		store_log_error(db, id);
	stmt_done(q);
	return out;
}

enum status
staff_finish(struct store *db, int64_t who, const char *action,
    const char *type, int64_t id, const char *summary, char *before,
    char *after)
{
	enum status	 st;

	st = store_audit(db, who, action, type, id, summary, before, after);
	free(before);
	free(after);
	if (st == ST_OK)
		return store_commit(db);
	store_rollback(db);
	return st;
}

/* ---- The site notice ------------------------------------------------ */

/*
 * The most recently created notice into *out (strings in ar).  ST_OK,
 * ST_NOTFOUND or ST_DBERR.
 */
enum status
store_notice_latest(struct store *db, struct arena *ar,
    struct notice_row *out)
{
	sqlite3_stmt	*q = db->stmt[Q_NOTICE_LATEST];
	enum status	 st = ST_DBERR;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if ((rc = sqlite3_step(q)) == SQLITE_DONE)
		st = ST_NOTFOUND;
	else if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(q, 0);
		out->text = column_text(ar, q, 1);
		out->link_text = column_text(ar, q, 2);
		out->link_url = column_text(ar, q, 3);
		out->active_from = sqlite3_column_int64(q, 4);
		out->active_to = sqlite3_column_int64(q, 5);
		st = ST_OK;
	} else
		store_log_error(db, Q_NOTICE_LATEST);
	stmt_done(q);
	return st;
}

static int
bind_notice(sqlite3_stmt *q, const struct notice_row *n, int64_t now)
{
	return bind_text(q, ":text", n->text) != SQLITE_OK ||
	    bind_text(q, ":link_text", n->link_text) != SQLITE_OK ||
	    bind_text(q, ":link_url", n->link_url) != SQLITE_OK ||
	    bind_int64(q, ":active_from", n->active_from) != SQLITE_OK ||
	    (n->active_to > 0 ? bind_int64(q, ":active_to", n->active_to) :
	    bind_null(q, ":active_to")) != SQLITE_OK ||
	    bind_int64(q, ":now", now) != SQLITE_OK ? -1 : 0;
}

/*
 * Create (n->id 0) or update the notice, audited.  *id (may be NULL)
 * gets its id.  ST_OK, ST_NOTFOUND (no such notice) or ST_DBERR.
 */
enum status
store_notice_save(struct store *db, int64_t who, const struct notice_row *n,
    int64_t now, int64_t *id)
{
	enum query_id	 qid = n->id ? Q_NOTICE_UPDATE : Q_NOTICE_INSERT;
	sqlite3_stmt	*q = db->stmt[qid];
	char		*before = NULL;
	int64_t		 nid = n->id;

	if (store_begin(db) != ST_OK)
		return ST_DBERR;
	if (nid && (before = staff_json(db, Q_NOTICE_JSON, nid)) == NULL)
		goto fail;
	if (bind_notice(q, n, now) != 0 ||
	    (nid && bind_int64(q, ":id", nid) != SQLITE_OK)) {
		stmt_done(q);
		goto fail;
	}
	if (stmt_run(db, qid) != ST_OK)
		goto fail;
	if (nid == 0)
		nid = sqlite3_last_insert_rowid(db->db);
	if (id != NULL)
		*id = nid;
	return staff_finish(db, who, n->id ? "ändrade" : "skapade", AUDIT_NOTICE,
	    nid, n->id ? "Notisen ändrades" : "En ny notis skapades", before,
	    staff_json(db, Q_NOTICE_JSON, nid));
fail:
	free(before);
	store_rollback(db);
	return ST_DBERR;
}

/*
 * End notice id at now, audited.  ST_OK, ST_NOTFOUND (already ended or
 * no such notice) or ST_DBERR.
 */
enum status
store_notice_end(struct store *db, int64_t who, int64_t id, int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_NOTICE_END];
	char		*before;

	if (store_begin(db) != ST_OK)
		return ST_DBERR;
	if ((before = staff_json(db, Q_NOTICE_JSON, id)) == NULL)
		goto notfound;
	if (bind_int64(q, ":id", id) != SQLITE_OK ||
	    bind_int64(q, ":now", now) != SQLITE_OK) {
		stmt_done(q);
		goto fail;
	}
	if (stmt_run(db, Q_NOTICE_END) != ST_OK)
		goto fail;
	if (sqlite3_changes(db->db) == 0)
		goto notfound;
	return staff_finish(db, who, "tog bort", AUDIT_NOTICE, id,
	    "Notisen togs bort från webbplatsen", before,
	    staff_json(db, Q_NOTICE_JSON, id));
notfound:
	free(before);
	store_rollback(db);
	return ST_NOTFOUND;
fail:
	free(before);
	store_rollback(db);
	return ST_DBERR;
}

/* ---- Settings ------------------------------------------------------- */

/* Set a setting inside the caller's transaction.  ST_OK or ST_DBERR. */
static enum status
setting_put(struct store *db, const char *key, const char *value)
{
	sqlite3_stmt	*q = db->stmt[Q_SETTING_PUT];

	if (bind_text(q, ":key", key) != SQLITE_OK ||
	    bind_text(q, ":value", value) != SQLITE_OK) {
		stmt_done(q);
		return ST_DBERR;
	}
	return stmt_run(db, Q_SETTING_PUT);
}

/* ---- The accessibility statement ------------------------------------ */

/*
 * The statement page with its review date.  Strings in ar.  ST_OK,
 * ST_NOTFOUND (no such page) or ST_DBERR.
 */
enum status
store_statement_get(struct store *db, struct arena *ar, struct statement *out)
{
	sqlite3_stmt	*q = db->stmt[Q_STATEMENT_GET];
	enum status	 st = ST_DBERR;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if ((rc = sqlite3_step(q)) == SQLITE_DONE)
		st = ST_NOTFOUND;
	else if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(q, 0);
		out->title = column_text(ar, q, 1);
		out->lead = column_text(ar, q, 2);
		out->body_md = column_text(ar, q, 3);
		out->version = sqlite3_column_int64(q, 4);
		out->updated_at = sqlite3_column_int64(q, 5);
		out->reviewed = column_text(ar, q, 6);
		st = ST_OK;
	} else
		store_log_error(db, Q_STATEMENT_GET);
	stmt_done(q);
	return st;
}

/* The update and its revision; ST_CONFLICT on a stale version. */
static enum status
statement_write(struct store *db, int64_t who, const struct statement *s,
    int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_STATEMENT_UPDATE];
	sqlite3_stmt	*r = db->stmt[Q_STATEMENT_REVISION];

	if (bind_text(q, ":lead", s->lead) != SQLITE_OK ||
	    bind_text(q, ":body_md", s->body_md) != SQLITE_OK ||
	    bind_int64(q, ":now", now) != SQLITE_OK ||
	    bind_int64(q, ":id", s->id) != SQLITE_OK ||
	    bind_int64(q, ":version", s->version) != SQLITE_OK) {
		stmt_done(q);
		return ST_DBERR;
	}
	if (stmt_run(db, Q_STATEMENT_UPDATE) != ST_OK)
		return ST_DBERR;
	if (sqlite3_changes(db->db) == 0)
		return ST_CONFLICT;
	if (bind_int64(r, ":id", s->id) != SQLITE_OK ||
	    bind_int64(r, ":now", now) != SQLITE_OK ||
	    (who > 0 ? bind_int64(r, ":account_id", who) :
	    bind_null(r, ":account_id")) != SQLITE_OK) {
		stmt_done(r);
		return ST_DBERR;
	}
	if (stmt_run(db, Q_STATEMENT_REVISION) != ST_OK)
		return ST_DBERR;
	return setting_put(db, "statement_reviewed", s->reviewed);
}

/*
 * Save the statement's lead, body and review date, keep a revision and
 * audit it.  ST_OK, ST_CONFLICT (someone saved in between) or ST_DBERR.
 */
enum status
store_statement_save(struct store *db, int64_t who,
    const struct statement *s, int64_t now)
{
	char		*before;
	enum status	 st;

	if (store_begin(db) != ST_OK)
		return ST_DBERR;
	if ((before = staff_json(db, Q_STATEMENT_JSON, s->id)) == NULL) {
		store_rollback(db);
		return ST_NOTFOUND;
	}
	if ((st = statement_write(db, who, s, now)) != ST_OK) {
		free(before);
		store_rollback(db);
		return st;
	}
	return staff_finish(db, who, "ändrade", AUDIT_ARTICLE, s->id,
	    "Tillgänglighetsredogörelsen ändrades", before,
	    staff_json(db, Q_STATEMENT_JSON, s->id));
}

/* ---- Press duty's settings (used by contact_admin.c) ---------------- */

/* Set press_phone and press_email inside the caller's transaction. */
enum status
staff_duty_settings(struct store *db, const char *phone, const char *email)
{
	if (setting_put(db, "press_phone", phone) != ST_OK ||
	    setting_put(db, "press_email", email) != ST_OK)
		return ST_DBERR;
	return ST_OK;
}

/* Set a setting inside the caller's transaction (klarsprak.c). */
enum status
staff_setting_put(struct store *db, const char *key, const char *value)
{
	return setting_put(db, key, value);
}

/* ---- The audit log's before/after table ----------------------------- */

/*
 * before/after JSON objects as key rows (see audit_diff in
 * site_admin.sql).  *out in ar.  ST_OK or ST_DBERR; a text that is not
 * JSON is logged and reads as no rows.
 */
enum status
store_audit_diff(struct store *db, struct arena *ar, const char *before,
    const char *after, struct audit_change **out, size_t *n)
{
	sqlite3_stmt		*q = db->stmt[Q_AUDIT_DIFF];
	struct audit_change	*c;
	size_t			 cap = 0;
	int			 rc = SQLITE_ERROR;

	*out = NULL;
	*n = 0;
	if (bind_text(q, ":before", before && *before ? before : NULL) ==
	    SQLITE_OK && bind_text(q, ":after", after && *after ? after :
	    NULL) == SQLITE_OK) {
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			*out = arena_grow(ar, *out, *n, &cap, sizeof(**out));
			c = &(*out)[(*n)++];
			c->key = column_text(ar, q, 0);
			c->before = column_text(ar, q, 1);
			c->after = column_text(ar, q, 2);
			c->changed = sqlite3_column_int(q, 3);
		}
	}
	if (rc != SQLITE_DONE) {
		store_log_error(db, Q_AUDIT_DIFF);
		*n = 0;
	}
	stmt_done(q);
	return ST_OK;
}

/*
 * contact_admin.c -- the staff side of contacts and press duty: list,
 * read and save contacts, their topics of expertise, hide and show them,
 * and set the press line and who is on duty.
 *
 * Every save is one transaction with its audit row (before and after as
 * JSON from contact_admin_json / duty_json).  A contact update carries
 * the version the form was read at; when someone saved in between, no
 * row changes and the caller gets ST_CONFLICT.  Strings are copied into
 * the caller's arena.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "staff.h"
#include "staff_int.h"

/*
 * Every contact, hidden ones too, by name.  *out in ar.  ST_OK or
 * ST_DBERR.
 */
enum status
store_contact_admin_list(struct store *db, struct arena *ar,
    struct contact **out, size_t *n)
{
	return collect_contacts(db, ar, Q_CONTACT_ADMIN_LIST, out, n);
}

/*
 * One contact by id and its version.  Strings in ar.  ST_OK,
 * ST_NOTFOUND or ST_DBERR.
 */
enum status
store_contact_admin_get(struct store *db, struct arena *ar, int64_t id,
    struct contact *out, int64_t *version)
{
	sqlite3_stmt	*q = db->stmt[Q_CONTACT_ADMIN_GET];
	enum status	 st = ST_DBERR;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if (bind_int64(q, ":id", id) != SQLITE_OK)
		goto out;
	if ((rc = sqlite3_step(q)) == SQLITE_DONE)
		st = ST_NOTFOUND;
	else if (rc == SQLITE_ROW) {
		read_contact(ar, q, 0, out);
		*version = sqlite3_column_int64(q, 9);
		st = ST_OK;
	}
out:
	if (st == ST_DBERR)
		store_log_error(db, Q_CONTACT_ADMIN_GET);
	stmt_done(q);
	return st;
}

/*
 * Every topic, each marked when contact_id has it.  *out in ar.  ST_OK
 * or ST_DBERR.
 */
enum status
store_contact_topic_choices(struct store *db, struct arena *ar,
    int64_t contact_id, struct topic_choice **out, size_t *n)
{
	sqlite3_stmt		*q = db->stmt[Q_CONTACT_ADMIN_TOPIC_CHOICES];
	struct topic_choice	*t;
	size_t			 cap = 0;
	int			 rc = SQLITE_ERROR;

	*out = NULL;
	*n = 0;
	if (bind_int64(q, ":id", contact_id) == SQLITE_OK)
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			*out = arena_grow(ar, *out, *n, &cap, sizeof(**out));
			t = &(*out)[(*n)++];
			t->id = sqlite3_column_int64(q, 0);
			t->name = column_text(ar, q, 1);
			t->checked = sqlite3_column_int(q, 2);
		}
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_CONTACT_ADMIN_TOPIC_CHOICES);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

/* ids as a JSON array "[1,2]", heap (caller frees). */
static char *
ids_json(const int64_t *ids, size_t n)
{
	struct buf	 b;
	size_t		 i;

	buf_init(&b);
	buf_puts(&b, "[");
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%lld", i ? "," : "", (long long)ids[i]);
	buf_puts(&b, "]");
	return b.data;		/* the buffer's heap block is the string */
}

static int
bind_contact(sqlite3_stmt *q, const struct contact *c, int64_t now)
{
	return bind_text(q, ":name", c->name) != SQLITE_OK ||
	    bind_text(q, ":title", c->title) != SQLITE_OK ||
	    bind_text(q, ":unit", c->unit) != SQLITE_OK ||
	    bind_text(q, ":phone", c->phone) != SQLITE_OK ||
	    bind_text(q, ":email", c->email) != SQLITE_OK ||
	    bind_int64(q, ":press_officer", c->press_officer != 0) !=
	    SQLITE_OK ||
	    (sqlite3_bind_parameter_index(q, ":active") != 0 &&
	    bind_int64(q, ":active", c->active != 0) != SQLITE_OK) ||
	    bind_int64(q, ":now", now) != SQLITE_OK ? -1 : 0;
}

/* Insert or update the contact row; *id gets the id.  ST_CONFLICT on a
 * stale version. */
static enum status
contact_write(struct store *db, const struct contact *c, int64_t version,
    int64_t now, int64_t *id)
{
	enum query_id	 qid = c->id ? Q_CONTACT_ADMIN_UPDATE :
	    Q_CONTACT_ADMIN_INSERT;
	sqlite3_stmt	*q = db->stmt[qid];

	if (bind_contact(q, c, now) != 0 || (c->id &&
	    (bind_int64(q, ":id", c->id) != SQLITE_OK ||
	    bind_int64(q, ":version", version) != SQLITE_OK))) {
		stmt_done(q);
		return ST_DBERR;
	}
	if (stmt_run(db, qid) != ST_OK)
		return ST_DBERR;
	if (c->id && sqlite3_changes(db->db) == 0)
		return ST_CONFLICT;
	*id = c->id ? c->id : sqlite3_last_insert_rowid(db->db);
	return ST_OK;
}

/* Replace the contact's topics with ids. */
static enum status
topics_write(struct store *db, int64_t id, const int64_t *ids, size_t n)
{
	sqlite3_stmt	*q = db->stmt[Q_CONTACT_ADMIN_TOPICS_CLEAR];
	sqlite3_stmt	*a = db->stmt[Q_CONTACT_ADMIN_TOPICS_ADD];
	char		*json;
	enum status	 st = ST_DBERR;

	if (bind_int64(q, ":id", id) != SQLITE_OK) {
		stmt_done(q);
		return ST_DBERR;
	}
	if (stmt_run(db, Q_CONTACT_ADMIN_TOPICS_CLEAR) != ST_OK)
		return ST_DBERR;
	json = ids_json(ids, n);
	if (bind_int64(a, ":id", id) == SQLITE_OK &&
	    bind_text(a, ":topics", json) == SQLITE_OK)
		st = stmt_run(db, Q_CONTACT_ADMIN_TOPICS_ADD);
	else
		stmt_done(a);
	free(json);
	return st;
}

/*
 * Create or update a contact with its topics, audited, in one
 * transaction.  *id (may be NULL) gets the id.  ST_OK, ST_NOTFOUND,
 * ST_CONFLICT (stale version) or ST_DBERR.
 */
enum status
store_contact_save(struct store *db, int64_t who, const struct contact *c,
    int64_t version, const int64_t *topics, size_t ntopics,
    const char *summary, int64_t now, int64_t *id)
{
	char		*before = NULL;
	int64_t		 cid = 0;
	enum status	 st = ST_NOTFOUND;

	if (store_begin(db) != ST_OK)
		return ST_DBERR;
	if (c->id && (before = staff_json(db, Q_CONTACT_ADMIN_JSON,
	    c->id)) == NULL)
		goto fail;
	if ((st = contact_write(db, c, version, now, &cid)) != ST_OK ||
	    (st = topics_write(db, cid, topics, ntopics)) != ST_OK)
		goto fail;
	if (id != NULL)
		*id = cid;
	return staff_finish(db, who, c->id ? "ändrade" : "skapade",
	    AUDIT_CONTACT, cid, summary, before,
	    staff_json(db, Q_CONTACT_ADMIN_JSON, cid));
fail:
	free(before);
	store_rollback(db);
	return st;
}

/*
 * Show or hide contact id, audited.  ST_OK, ST_NOTFOUND, ST_CONFLICT
 * (stale version) or ST_DBERR.
 */
enum status
store_contact_set_active(struct store *db, int64_t who, int64_t id,
    int64_t version, int active, const char *summary, int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_CONTACT_ADMIN_SET_ACTIVE];
	char		*before;
	enum status	 st = ST_DBERR;

	if (store_begin(db) != ST_OK)
		return ST_DBERR;
	if ((before = staff_json(db, Q_CONTACT_ADMIN_JSON, id)) == NULL) {
		store_rollback(db);
		return ST_NOTFOUND;
	}
	if (bind_int64(q, ":active", active != 0) != SQLITE_OK ||
	    bind_int64(q, ":now", now) != SQLITE_OK ||
	    bind_int64(q, ":id", id) != SQLITE_OK ||
	    bind_int64(q, ":version", version) != SQLITE_OK)
		stmt_done(q);
	else if ((st = stmt_run(db, Q_CONTACT_ADMIN_SET_ACTIVE)) == ST_OK &&
	    sqlite3_changes(db->db) == 0)
		st = ST_CONFLICT;
	if (st != ST_OK) {
		free(before);
		store_rollback(db);
		return st;
	}
	return staff_finish(db, who, active ? "visade" : "dolde", AUDIT_CONTACT,
	    id, summary, before, staff_json(db, Q_CONTACT_ADMIN_JSON, id));
}

/*
 * Press duty: the shared line and e-mail, and who is on duty (exactly
 * the active press officers in ids), audited in one transaction.  ST_OK
 * or ST_DBERR.
 */
enum status
store_press_duty_save(struct store *db, int64_t who, const char *phone,
    const char *email, const int64_t *ids, size_t n, int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_DUTY_SET_OFFICERS];
	char		*before, *json;
	enum status	 st = ST_DBERR;

	if (store_begin(db) != ST_OK)
		return ST_DBERR;
	before = staff_json(db, Q_DUTY_JSON, 0);
	json = ids_json(ids, n);
	if (before != NULL &&
	    staff_duty_settings(db, phone, email) == ST_OK &&
	    bind_text(q, ":ids", json) == SQLITE_OK &&
	    bind_int64(q, ":now", now) == SQLITE_OK)
		st = stmt_run(db, Q_DUTY_SET_OFFICERS);
	else
		stmt_done(q);
	free(json);
	if (st != ST_OK) {
		free(before);
		store_rollback(db);
		return st;
	}
	return staff_finish(db, who, "ändrade", AUDIT_DUTY, 0,
	    "Pressjouren ändrades", before, staff_json(db, Q_DUTY_JSON, 0));
}

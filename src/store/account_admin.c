/*
 * account_admin.c -- managing staff accounts from the staff area: list,
 * create, change role and name, disable and enable, set a new password.
 *
 * Every change is one transaction with its audit row; the audit JSON
 * (account_admin_json) never holds a password or a hash.  Disabling an
 * account or setting its password ends its sessions in the same
 * transaction.  The rule that at least one active admin remains is
 * checked inside the transaction, so two admins cannot race past it.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/role.h"
#include "staff.h"
#include "staff_int.h"

static void
read_row(struct arena *ar, sqlite3_stmt *q, struct account_row *a)
{
	a->id = sqlite3_column_int64(q, 0);
	a->name = column_text(ar, q, 1);
	a->display_name = column_text(ar, q, 2);
	a->role = column_text(ar, q, 3);
	a->disabled = sqlite3_column_int(q, 4);
	a->last_login_at = sqlite3_column_int64(q, 5);
}

/*
 * Every account by name.  *out in ar.  ST_OK or ST_DBERR.
 */
enum status
store_account_admin_list(struct store *db, struct arena *ar,
    struct account_row **out, size_t *n)
{
	sqlite3_stmt	*q = db->stmt[Q_ACCOUNT_ADMIN_LIST];
	size_t		 cap = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		*out = arena_grow(ar, *out, *n, &cap, sizeof(**out));
		read_row(ar, q, &(*out)[(*n)++]);
	}
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_ACCOUNT_ADMIN_LIST);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

/*
 * One account by id.  Strings in ar.  ST_OK, ST_NOTFOUND or ST_DBERR.
 */
enum status
store_account_admin_get(struct store *db, struct arena *ar, int64_t id,
    struct account_row *out)
{
	sqlite3_stmt	*q = db->stmt[Q_ACCOUNT_ADMIN_GET];
	enum status	 st = ST_DBERR;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if (bind_int64(q, ":id", id) != SQLITE_OK)
		goto out;
	if ((rc = sqlite3_step(q)) == SQLITE_DONE)
		st = ST_NOTFOUND;
	else if (rc == SQLITE_ROW) {
		read_row(ar, q, out);
		st = ST_OK;
	}
out:
	if (st == ST_DBERR)
		store_log_error(db, Q_ACCOUNT_ADMIN_GET);
	stmt_done(q);
	return st;
}

/*
 * Create an account, audited.  *id (may be NULL) gets its id.  ST_OK,
 * ST_CONFLICT (the name is taken) or ST_DBERR.
 */
enum status
store_account_create(struct store *db, int64_t who, const char *name,
    const char *display_name, const char *role, const char *pw_hash,
    int64_t now, int64_t *id)
{
	int64_t		 aid;
	enum status	 st;

	if (store_begin(db) != ST_OK)
		return ST_DBERR;
	if ((st = store_account_add(db, name, display_name, role, pw_hash,
	    now, &aid)) != ST_OK) {
		store_rollback(db);
		return st;
	}
	if (id != NULL)
		*id = aid;
	return staff_finish(db, who, "skapade", AUDIT_ACCOUNT, aid,
	    "Ett nytt konto skapades", NULL,
	    staff_json(db, Q_ACCOUNT_ADMIN_JSON, aid));
}

/* *last is 1 when no active account but id has a role with the admin
 * right.  ST_OK or ST_DBERR. */
static enum status
last_admin(struct store *db, int64_t id, int *last)
{
	sqlite3_stmt	*q = db->stmt[Q_ACCOUNT_ADMIN_OTHER_ROLES];
	int		 rc = SQLITE_ERROR;

	*last = 1;
	if (bind_int64(q, ":id", id) == SQLITE_OK)
		while ((rc = sqlite3_step(q)) == SQLITE_ROW)
			if (role_may((const char *)sqlite3_column_text(q, 0),
			    RIGHT_ADMIN))
				*last = 0;
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_ACCOUNT_ADMIN_OTHER_ROLES);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

/* End every session of account id (inside the caller's transaction). */
static enum status
end_sessions(struct store *db, int64_t id)
{
	sqlite3_stmt	*q = db->stmt[Q_ACCOUNT_ADMIN_END_SESSIONS];

	if (bind_int64(q, ":id", id) != SQLITE_OK) {
		stmt_done(q);
		return ST_DBERR;
	}
	return stmt_run(db, Q_ACCOUNT_ADMIN_END_SESSIONS);
}

/* The update itself, after the last-admin check. */
static enum status
account_write(struct store *db, int64_t id, const char *display_name,
    const char *role, int disabled, int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_ACCOUNT_ADMIN_UPDATE];
	int		 last;

	if (last_admin(db, id, &last) != ST_OK)
		return ST_DBERR;
	if (last && (disabled || !role_may(role, RIGHT_ADMIN)))
		return ST_FORBIDDEN;
	if (bind_text(q, ":display_name", display_name) != SQLITE_OK ||
	    bind_text(q, ":role", role) != SQLITE_OK ||
	    bind_int64(q, ":disabled", disabled != 0) != SQLITE_OK ||
	    bind_int64(q, ":now", now) != SQLITE_OK ||
	    bind_int64(q, ":id", id) != SQLITE_OK) {
		stmt_done(q);
		return ST_DBERR;
	}
	if (stmt_run(db, Q_ACCOUNT_ADMIN_UPDATE) != ST_OK)
		return ST_DBERR;
	return disabled ? end_sessions(db, id) : ST_OK;
}

/*
 * Change display name, role and disabled of account id, audited.
 * ST_OK, ST_NOTFOUND, ST_FORBIDDEN (it would leave no active admin) or
 * ST_DBERR.
 */
enum status
store_account_update(struct store *db, int64_t who, int64_t id,
    const char *display_name, const char *role, int disabled, int64_t now)
{
	char		*before;
	enum status	 st;

	if (store_begin(db) != ST_OK)
		return ST_DBERR;
	if ((before = staff_json(db, Q_ACCOUNT_ADMIN_JSON, id)) == NULL) {
		store_rollback(db);
		return ST_NOTFOUND;
	}
	if ((st = account_write(db, id, display_name, role, disabled,
	    now)) != ST_OK) {
		free(before);
		store_rollback(db);
		return st;
	}
	return staff_finish(db, who, "ändrade", AUDIT_ACCOUNT, id,
	    disabled ? "Kontot ändrades (avstängt, inloggningar avslutade)" :
	    "Kontot ändrades", before,
	    staff_json(db, Q_ACCOUNT_ADMIN_JSON, id));
}

/*
 * Set account id's password hash and end its sessions, audited (without
 * the hash).  ST_OK, ST_NOTFOUND or ST_DBERR.
 */
enum status
store_account_set_password(struct store *db, int64_t who, int64_t id,
    const char *pw_hash, int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_ACCOUNT_ADMIN_SET_PASSWORD];
	enum status	 st = ST_DBERR;

	if (store_begin(db) != ST_OK)
		return ST_DBERR;
	if (bind_text(q, ":pw_hash", pw_hash) != SQLITE_OK ||
	    bind_int64(q, ":now", now) != SQLITE_OK ||
	    bind_int64(q, ":id", id) != SQLITE_OK)
		stmt_done(q);
	else if ((st = stmt_run(db, Q_ACCOUNT_ADMIN_SET_PASSWORD)) ==
	    ST_OK && sqlite3_changes(db->db) == 0)
		st = ST_NOTFOUND;
	if (st == ST_OK)
		st = end_sessions(db, id);
	if (st != ST_OK) {
		store_rollback(db);
		return st;
	}
	return staff_finish(db, who, "bytte lösenord för", AUDIT_ACCOUNT, id,
	    "Lösenordet byttes och kontots inloggningar avslutades", NULL,
	    NULL);
}

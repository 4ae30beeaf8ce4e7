/*
 * account.c -- staff accounts, their sessions and sign-in throttling.
 *
 * Passwords arrive here already hashed (util/crypto.c) and session
 * tokens only as their hash: the database never holds a secret that
 * would let someone who reads it sign in.
 */
#include <string.h>

#include "../util/arena.h"
#include "store_int.h"

enum status
store_account_add(struct store *db, const char *name, const char *display,
    const char *role, const char *pw_hash, int64_t now, int64_t *id)
{
	sqlite3_stmt	*q = db->stmt[Q_ACCOUNT_INSERT];
	enum status	 st;
	int		 rc;

	if ((rc = bind_text(q, ":name", name)) == SQLITE_OK &&
	    (rc = bind_text(q, ":display_name", display)) == SQLITE_OK &&
	    (rc = bind_text(q, ":role", role)) == SQLITE_OK &&
	    (rc = bind_text(q, ":pw_hash", pw_hash)) == SQLITE_OK)
		rc = bind_int64(q, ":now", now);
	if ((st = stmt_write(db, Q_ACCOUNT_INSERT, rc)) == ST_OK && id != NULL)
		*id = sqlite3_last_insert_rowid(db->db);
	return st;
}

static void
read_account(struct arena *ar, sqlite3_stmt *q, struct account *a)
{
	a->id = sqlite3_column_int64(q, 0);
	a->name = column_text(ar, q, 1);
	a->display_name = column_text(ar, q, 2);
	a->role = column_text(ar, q, 3);
}

enum status
store_account_by_name(struct store *db, struct arena *ar, const char *name,
    struct account *out)
{
	sqlite3_stmt	*q = db->stmt[Q_ACCOUNT_BY_NAME];
	enum status	 st = ST_DBERR;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if (bind_text(q, ":name", name) != SQLITE_OK)
		goto out;
	if ((rc = sqlite3_step(q)) == SQLITE_DONE)
		st = ST_NOTFOUND;
	else if (rc == SQLITE_ROW) {
		read_account(ar, q, out);
		out->pw_hash = column_text(ar, q, 4);
		out->disabled = sqlite3_column_int(q, 5);
		st = ST_OK;
	}
out:
	if (st == ST_DBERR)
		store_log_error(db, Q_ACCOUNT_BY_NAME);
	stmt_done(q);
	return st;
}

enum status
store_account_set_login(struct store *db, int64_t id, int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_ACCOUNT_SET_LOGIN];

	if (bind_int64(q, ":id", id) != SQLITE_OK ||
	    bind_int64(q, ":now", now) != SQLITE_OK) {
		stmt_done(q);
		return ST_DBERR;
	}
	return stmt_run(db, Q_ACCOUNT_SET_LOGIN);
}

enum status
store_session_add(struct store *db, const char *token_hash,
    int64_t account_id, const char *csrf, int64_t now, int64_t expires_at)
{
	sqlite3_stmt	*q = db->stmt[Q_SESSION_INSERT];

	if (bind_text(q, ":token_hash", token_hash) != SQLITE_OK ||
	    bind_int64(q, ":account_id", account_id) != SQLITE_OK ||
	    bind_text(q, ":csrf", csrf) != SQLITE_OK ||
	    bind_int64(q, ":now", now) != SQLITE_OK ||
	    bind_int64(q, ":expires_at", expires_at) != SQLITE_OK) {
		stmt_done(q);
		return ST_DBERR;
	}
	return stmt_run(db, Q_SESSION_INSERT);
}

enum status
store_session_get(struct store *db, struct arena *ar, const char *token_hash,
    int64_t now, int64_t idle_since, struct session *out)
{
	sqlite3_stmt	*q = db->stmt[Q_SESSION_GET];
	enum status	 st = ST_DBERR;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if (bind_text(q, ":token_hash", token_hash) != SQLITE_OK ||
	    bind_int64(q, ":now", now) != SQLITE_OK ||
	    bind_int64(q, ":idle_since", idle_since) != SQLITE_OK)
		goto out;
	if ((rc = sqlite3_step(q)) == SQLITE_DONE)
		st = ST_NOTFOUND;
	else if (rc == SQLITE_ROW) {
		read_account(ar, q, &out->account);
		out->csrf = column_text(ar, q, 4);
		out->expires_at = sqlite3_column_int64(q, 5);
		out->last_seen_at = sqlite3_column_int64(q, 6);
		st = ST_OK;
	}
out:
	if (st == ST_DBERR)
		store_log_error(db, Q_SESSION_GET);
	stmt_done(q);
	return st;
}

enum status
store_session_touch(struct store *db, const char *token_hash, int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_SESSION_TOUCH];

	if (bind_text(q, ":token_hash", token_hash) != SQLITE_OK ||
	    bind_int64(q, ":now", now) != SQLITE_OK)
		return stmt_run_bound(db, Q_SESSION_TOUCH, 0);
	/* Upkeep: a busy database is not waited for (the next request
	 * marks it), so the save this request brings waits only once. */
	return stmt_try(db, Q_SESSION_TOUCH);
}

enum status
store_session_csrf_owner(struct store *db, const char *csrf, int64_t since,
    int64_t idle, int64_t *account_id)
{
	sqlite3_stmt	*q = db->stmt[Q_SESSION_CSRF_OWNER];
	enum status	 st = ST_DBERR;
	int		 rc;

	if (bind_text(q, ":csrf", csrf) == SQLITE_OK &&
	    bind_int64(q, ":since", since) == SQLITE_OK &&
	    bind_int64(q, ":idle", idle) == SQLITE_OK) {
		if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			*account_id = sqlite3_column_int64(q, 0);
			st = ST_OK;
		} else if (rc == SQLITE_DONE)
			st = ST_NOTFOUND;
	}
	if (st == ST_DBERR)
		store_log_error(db, Q_SESSION_CSRF_OWNER);
	stmt_done(q);
	return st;
}

enum status
store_session_end(struct store *db, const char *token_hash, int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_SESSION_DELETE];

	return stmt_run_bound(db, Q_SESSION_DELETE,
	    bind_text(q, ":token_hash", token_hash) == SQLITE_OK &&
	    bind_int64(q, ":now", now) == SQLITE_OK);
}

enum status
store_prune(struct store *db, int64_t before, int64_t idle)
{
	sqlite3_stmt	*q = db->stmt[Q_SESSION_PRUNE];
	enum status	 st;

	if ((st = stmt_run_bound(db, Q_SESSION_PRUNE,
	    bind_int64(q, ":before", before) == SQLITE_OK &&
	    bind_int64(q, ":idle", idle) == SQLITE_OK)) != ST_OK)
		return st;
	q = db->stmt[Q_LOGIN_ATTEMPT_PRUNE];
	return stmt_run_bound(db, Q_LOGIN_ATTEMPT_PRUNE,
	    bind_int64(q, ":before", before) == SQLITE_OK);
}

enum status
store_login_failed(struct store *db, const char *key, int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_LOGIN_ATTEMPT_INSERT];

	if (bind_text(q, ":key", key) != SQLITE_OK ||
	    bind_int64(q, ":now", now) != SQLITE_OK) {
		stmt_done(q);
		return ST_DBERR;
	}
	return stmt_run(db, Q_LOGIN_ATTEMPT_INSERT);
}

enum status
store_login_recent(struct store *db, const char *key, int64_t since,
    int *count, int64_t *last)
{
	sqlite3_stmt	*q = db->stmt[Q_LOGIN_ATTEMPT_RECENT];
	enum status	 st = ST_DBERR;

	*count = 0;
	*last = 0;
	if (bind_text(q, ":key", key) != SQLITE_OK ||
	    bind_int64(q, ":since", since) != SQLITE_OK)
		goto out;
	if (sqlite3_step(q) == SQLITE_ROW) {
		*count = sqlite3_column_int(q, 0);
		*last = sqlite3_column_int64(q, 1);
		st = ST_OK;
	}
out:
	if (st == ST_DBERR)
		store_log_error(db, Q_LOGIN_ATTEMPT_RECENT);
	stmt_done(q);
	return st;
}

enum status
store_login_clear(struct store *db, const char *key)
{
	sqlite3_stmt	*q = db->stmt[Q_LOGIN_ATTEMPT_CLEAR];

	if (bind_text(q, ":key", key) != SQLITE_OK) {
		stmt_done(q);
		return ST_DBERR;
	}
	return stmt_run(db, Q_LOGIN_ATTEMPT_CLEAR);
}

/*
 * subscribe.c -- e-mail subscribers: sign-up with its abuse limits and
 * the confirmation mail in the outbox, confirmation, and ending.
 */
#include <string.h>

#include "store_int.h"
#include "subscribe.h"

/* One count(*) query bound to a text parameter and a time: -1 on error. */
static int64_t
count_since(struct store *db, enum query_id id, const char *name,
    const char *val, int64_t since)
{
	sqlite3_stmt	*q = db->stmt[id];
	int64_t		 n = -1;

	if (bind_text(q, name, val) == SQLITE_OK &&
	    bind_int64(q, ":since", since) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		n = sqlite3_column_int64(q, 0);
	else
		store_log_error(db, id);
	stmt_done(q);
	return n;
}

/* Insert m, subscriber id's confirmation mail, into the outbox (inside
 * the caller's transaction): it goes when the subscriber does. */
static enum status
outbox_add(struct store *db, const struct mail *m, int64_t id, int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_OUTBOX_INSERT];
	int		 rc;

	rc = bind_int64(q, ":subscriber_id", id);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":recipient", m->recipient);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":subject", m->subject);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":body_text", m->body_text);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":body_html", m->body_html);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":unsub_token", m->unsub_token);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":message_id", m->message_id);
	if (rc == SQLITE_OK)
		rc = bind_int64(q, ":now", now);
	return stmt_write(db, Q_OUTBOX_INSERT, rc);
}

/* The subscriber row and its topics (inside the caller's transaction);
 * *id set. */
static enum status
insert_subscriber(struct store *db, const struct subscription *s,
    int64_t now, int64_t *id)
{
	sqlite3_stmt	*q = db->stmt[Q_SUBSCRIBER_INSERT];
	size_t		 i;
	enum status	 st;
	int		 rc;

	rc = bind_text(q, ":email", s->email);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":scope", s->scope);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":frequency", s->frequency);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":remote", s->remote);
	if (rc == SQLITE_OK)
		rc = bind_int64(q, ":now", now);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":confirm_hash", s->confirm_hash);
	if (rc == SQLITE_OK)
		rc = bind_text(q, ":unsub_token", s->unsub_token);
	if ((st = stmt_write(db, Q_SUBSCRIBER_INSERT, rc)) != ST_OK)
		return st;
	*id = sqlite3_last_insert_rowid(db->db);
	q = db->stmt[Q_SUBSCRIBER_TOPIC_INSERT];
	for (i = 0; i < s->ntopics; i++) {
		rc = bind_int64(q, ":subscriber_id", *id);
		if (rc == SQLITE_OK)
			rc = bind_int64(q, ":topic_id", s->topics[i]);
		if ((st = stmt_write(db, Q_SUBSCRIBER_TOPIC_INSERT, rc)) !=
		    ST_OK)
			return st;
	}
	return ST_OK;
}

enum status
store_subscribe(struct store *db, const struct subscription *s,
    const struct mail *m, int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_SUBSCRIBER_PRUNE];
	int64_t		 n, id;
	enum status	 st;

	if ((st = store_begin(db)) != ST_OK)
		return st;
	st = stmt_write(db, Q_SUBSCRIBER_PRUNE,
	    bind_int64(q, ":before", now - SUB_UNCONFIRMED_TTL));
	if (st != ST_OK)
		goto fail;
	n = count_since(db, Q_SUBSCRIBER_PENDING_COUNT, ":email", s->email,
	    now - SUB_PENDING_WINDOW);
	if (n != 0) {
		st = n < 0 ? ST_DBERR : ST_CONFLICT;
		goto fail;
	}
	n = count_since(db, Q_SUBSCRIBER_REMOTE_COUNT, ":remote", s->remote,
	    now - 3600);
	if (n < 0 || n >= SUB_REMOTE_PER_HOUR) {
		st = n < 0 ? ST_DBERR : ST_FORBIDDEN;
		goto fail;
	}
	if ((st = insert_subscriber(db, s, now, &id)) != ST_OK ||
	    (st = outbox_add(db, m, id, now)) != ST_OK)
		goto fail;
	return store_commit(db);
fail:
	store_rollback(db);
	return st;
}

/* Look a subscriber up with the one-text-parameter query id: ST_OK with
 * *confirmed set, ST_NOTFOUND, ST_DBERR. */
static enum status
lookup(struct store *db, enum query_id id, const char *name,
    const char *val, int *confirmed)
{
	sqlite3_stmt	*q = db->stmt[id];
	enum status	 st = ST_DBERR;
	int		 rc;

	if (bind_text(q, name, val) == SQLITE_OK) {
		rc = sqlite3_step(q);
		if (rc == SQLITE_ROW) {
			*confirmed = sqlite3_column_int(q, 2);
			st = ST_OK;
		} else if (rc == SQLITE_DONE)
			st = ST_NOTFOUND;
	}
	if (st == ST_DBERR)
		store_log_error(db, id);
	stmt_done(q);
	return st;
}

enum status
store_subscriber_confirm(struct store *db, const char *hash, int confirm,
    int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_SUBSCRIBER_CONFIRM];
	enum status	 st;
	int		 confirmed = 0, rc;

	if ((st = lookup(db, Q_SUBSCRIBER_BY_CONFIRM, ":hash", hash,
	    &confirmed)) != ST_OK)
		return st;
	if (confirmed)
		return ST_CONFLICT;
	if (!confirm)
		return ST_OK;
	if ((st = store_begin(db)) != ST_OK)
		return st;
	rc = bind_text(q, ":hash", hash);
	if (rc == SQLITE_OK)
		rc = bind_int64(q, ":now", now);
	if ((st = stmt_write(db, Q_SUBSCRIBER_CONFIRM, rc)) != ST_OK) {
		store_rollback(db);
		return st;
	}
	return store_commit(db);
}

enum status
store_subscriber_end(struct store *db, const char *token, int del)
{
	enum status	 st;
	int		 confirmed;

	if ((st = lookup(db, Q_SUBSCRIBER_BY_UNSUB, ":token", token,
	    &confirmed)) != ST_OK || !del)
		return st;
	if ((st = store_begin(db)) != ST_OK)
		return st;
	if ((st = stmt_write(db, Q_SUBSCRIBER_DELETE, bind_text(
	    db->stmt[Q_SUBSCRIBER_DELETE], ":token", token))) != ST_OK ||
	    (st = stmt_write(db, Q_JOURNALIST_DELETE_UNSUB, bind_text(
	    db->stmt[Q_JOURNALIST_DELETE_UNSUB], ":token", token))) !=
	    ST_OK) {
		store_rollback(db);
		return st;
	}
	return store_commit(db);
}

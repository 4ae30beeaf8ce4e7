/*
 * person.c -- one person's mail data and the sweep (see person.h).
 */
#include <string.h>

#include "../util/arena.h"
#include "person.h"
#include "store_int.h"
#include "subscribe.h"

#define ADDR_KEPT	86400	/* seconds a sender's address is kept */
#define OUTBOX_KEPT	(30 * 86400)	/* and a mail's address and text */

enum status
store_person_summary(struct store *db, const char *email,
    struct person_summary *p)
{
	sqlite3_stmt	*q = db->stmt[Q_PERSON_SUMMARY];
	int		 rc = SQLITE_ERROR;

	memset(p, 0, sizeof(*p));
	if (bind_text(q, ":email", email) == SQLITE_OK &&
	    (rc = sqlite3_step(q)) == SQLITE_ROW) {
		p->subscriptions = sqlite3_column_int64(q, 0);
		p->press_list = sqlite3_column_int64(q, 1);
		p->mails = sqlite3_column_int64(q, 2);
	} else
		store_log_error(db, Q_PERSON_SUMMARY);
	stmt_done(q);
	return rc == SQLITE_ROW ? ST_OK : ST_DBERR;
}

enum status
store_person_export(struct store *db, struct arena *ar, const char *email,
    int64_t now, const char **json)
{
	sqlite3_stmt	*q = db->stmt[Q_PERSON_EXPORT];
	int		 rc = SQLITE_ERROR;

	*json = NULL;
	if (bind_text(q, ":email", email) == SQLITE_OK &&
	    bind_int64(q, ":now", now) == SQLITE_OK &&
	    (rc = sqlite3_step(q)) == SQLITE_ROW)
		*json = column_text(ar, q, 0);
	else
		store_log_error(db, Q_PERSON_EXPORT);
	stmt_done(q);
	return rc == SQLITE_ROW ? ST_OK : ST_DBERR;
}

/* Run query id with :email bound. */
static enum status
by_email(struct store *db, enum query_id id, const char *email)
{
	return stmt_write(db, id, bind_text(db->stmt[id], ":email", email));
}

enum status
store_person_erase(struct store *db, const char *email)
{
	enum status	 st;

	if ((st = by_email(db, Q_PERSON_OUTBOX_FORGET, email)) == ST_OK &&
	    (st = by_email(db, Q_PERSON_OUTBOX_CANCEL, email)) == ST_OK &&
	    (st = by_email(db, Q_PERSON_SUBSCRIBER_ERASE, email)) == ST_OK)
		st = by_email(db, Q_PERSON_JOURNALIST_ERASE, email);
	return st;
}

enum status
store_mail_sweep(struct store *db, int64_t now)
{
	sqlite3_stmt	*q = db->stmt[Q_MAIL_SWEEP_DUE];
	enum status	 st;
	int		 due = 1;	/* on a failed read, sweep anyway */

	if (bind_int64(q, ":unconfirmed", now - SUB_UNCONFIRMED_TTL) ==
	    SQLITE_OK && bind_int64(q, ":addr", now - ADDR_KEPT) ==
	    SQLITE_OK && bind_int64(q, ":sent", now - OUTBOX_KEPT) ==
	    SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
		due = sqlite3_column_int(q, 0);
	stmt_done(q);
	if (!due)
		return ST_OK;	/* no write lock taken */
	if ((st = store_begin(db)) != ST_OK)
		return st;
	if ((st = stmt_write(db, Q_SUBSCRIBER_PRUNE, bind_int64(
	    db->stmt[Q_SUBSCRIBER_PRUNE], ":before", now -
	    SUB_UNCONFIRMED_TTL))) == ST_OK &&
	    (st = stmt_write(db, Q_MAIL_SWEEP_ADDR, bind_int64(
	    db->stmt[Q_MAIL_SWEEP_ADDR], ":before", now - ADDR_KEPT))) ==
	    ST_OK &&
	    (st = stmt_write(db, Q_MAIL_SWEEP_OUTBOX, bind_int64(
	    db->stmt[Q_MAIL_SWEEP_OUTBOX], ":before", now - OUTBOX_KEPT))) ==
	    ST_OK)
		return store_commit(db);
	store_rollback(db);
	return st;
}

/*
 * journalist.c -- the press list's rows (see journalist.h).
 */
#include <string.h>

#include "../util/arena.h"
#include "../util/crypto.h"
#include "journalist.h"
#include "store_int.h"

enum status
store_journalist_list(struct store *db, struct arena *ar,
    struct journalist **out, size_t *n)
{
	sqlite3_stmt		*q = db->stmt[Q_JOURNALIST_LIST];
	struct journalist	*j;
	size_t			 cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		*out = arena_grow(ar, *out, *n, &cap, sizeof(**out));
		j = &(*out)[(*n)++];
		memset(j, 0, sizeof(*j));
		j->id = sqlite3_column_int64(q, 0);
		j->name = column_text(ar, q, 1);
		j->outlet = column_text(ar, q, 2);
		j->email = column_text(ar, q, 3);
		j->topic_names = column_text(ar, q, 4);
	}
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_JOURNALIST_LIST);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

/* The topic ids of journalist j->id into j. */
static enum status
read_topics(struct store *db, struct journalist *j)
{
	sqlite3_stmt	*q = db->stmt[Q_JOURNALIST_TOPIC_IDS];
	int		 rc = SQLITE_ERROR;

	j->ntopics = 0;
	if (bind_int64(q, ":id", j->id) == SQLITE_OK)
		while ((rc = sqlite3_step(q)) == SQLITE_ROW)
			if (j->ntopics < JOURNALIST_TOPICS_MAX)
				j->topics[j->ntopics++] =
				    sqlite3_column_int64(q, 0);
	if (rc != SQLITE_DONE)
		store_log_error(db, Q_JOURNALIST_TOPIC_IDS);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

enum status
store_journalist_get(struct store *db, struct arena *ar, int64_t id,
    struct journalist *j)
{
	sqlite3_stmt	*q = db->stmt[Q_JOURNALIST_GET];
	enum status	 st = ST_DBERR;
	int		 rc;

	memset(j, 0, sizeof(*j));
	if (bind_int64(q, ":id", id) == SQLITE_OK) {
		if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			j->id = sqlite3_column_int64(q, 0);
			j->name = column_text(ar, q, 1);
			j->outlet = column_text(ar, q, 2);
			j->email = column_text(ar, q, 3);
			j->topic_names = "";
			st = ST_OK;
		} else if (rc == SQLITE_DONE)
			st = ST_NOTFOUND;
	}
	if (st == ST_DBERR)
		store_log_error(db, Q_JOURNALIST_GET);
	stmt_done(q);
	return st == ST_OK ? read_topics(db, j) : st;
}

/* Bind name, outlet and email of j to q. */
static int
bind_fields(sqlite3_stmt *q, const struct journalist *j)
{
	int	 rc;

	if ((rc = bind_text(q, ":name", j->name)) == SQLITE_OK &&
	    (rc = bind_text(q, ":outlet", j->outlet)) == SQLITE_OK)
		rc = bind_text(q, ":email", j->email);
	return rc;
}

/* Replace the topics of journalist id with j's. */
static enum status
save_topics(struct store *db, const struct journalist *j, int64_t id)
{
	sqlite3_stmt	*q = db->stmt[Q_JOURNALIST_TOPIC_ADD];
	enum status	 st;
	size_t		 i;
	int		 rc;

	st = stmt_write(db, Q_JOURNALIST_TOPICS_CLEAR, bind_int64(
	    db->stmt[Q_JOURNALIST_TOPICS_CLEAR], ":id", id));
	for (i = 0; st == ST_OK && i < j->ntopics; i++) {
		if ((rc = bind_int64(q, ":id", id)) == SQLITE_OK)
			rc = bind_int64(q, ":topic_id", j->topics[i]);
		st = stmt_write(db, Q_JOURNALIST_TOPIC_ADD, rc);
	}
	return st;
}

enum status
store_journalist_save(struct store *db, const struct journalist *j,
    int64_t now, int64_t *id)
{
	sqlite3_stmt	*q;
	char		 token[TOKEN_LEN + 1];
	enum status	 st;
	int		 rc;

	if (j->id == 0) {
		q = db->stmt[Q_JOURNALIST_INSERT];
		token_new(token);	/* ends the listing from a mail */
		if ((rc = bind_fields(q, j)) == SQLITE_OK &&
		    (rc = bind_int64(q, ":now", now)) == SQLITE_OK)
			rc = bind_text(q, ":unsub_token", token);
		st = stmt_write(db, Q_JOURNALIST_INSERT, rc);
		*id = sqlite3_last_insert_rowid(db->db);
	} else {
		q = db->stmt[Q_JOURNALIST_UPDATE];
		if ((rc = bind_fields(q, j)) == SQLITE_OK)
			rc = bind_int64(q, ":id", j->id);
		if ((st = stmt_write(db, Q_JOURNALIST_UPDATE, rc)) == ST_OK &&
		    sqlite3_changes(db->db) == 0)
			st = ST_NOTFOUND;
		*id = j->id;
	}
	return st == ST_OK ? save_topics(db, j, *id) : st;
}

enum status
store_journalist_delete(struct store *db, int64_t id)
{
	enum status	 st;

	st = stmt_write(db, Q_JOURNALIST_DELETE, bind_int64(
	    db->stmt[Q_JOURNALIST_DELETE], ":id", id));
	if (st == ST_OK && sqlite3_changes(db->db) == 0)
		st = ST_NOTFOUND;
	return st;
}

enum status
store_journalist_count(struct store *db, int64_t *n)
{
	sqlite3_stmt	*q = db->stmt[Q_JOURNALIST_COUNT];
	int		 rc;

	*n = 0;
	if ((rc = sqlite3_step(q)) == SQLITE_ROW)
		*n = sqlite3_column_int64(q, 0);
	else
		store_log_error(db, Q_JOURNALIST_COUNT);
	stmt_done(q);
	return rc == SQLITE_ROW ? ST_OK : ST_DBERR;
}

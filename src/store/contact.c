/*
 * contact.c -- contacts and press duty ("Pressjour"): who the public and
 * journalists should call.
 *
 * Every contact query returns the same nine columns (id, name, title,
 * unit, phone, email, press_officer, on_duty, active), read by
 * read_contact(), which article.c and topic.c share.  Strings are copied
 * into the caller's arena.
 */
#include <string.h>

#include "../util/arena.h"
#include "store_int.h"

void
read_contact(struct arena *ar, sqlite3_stmt *q, int col, struct contact *c)
{
	c->id = sqlite3_column_int64(q, col);
	c->name = column_text(ar, q, col + 1);
	c->title = column_text(ar, q, col + 2);
	c->unit = column_text(ar, q, col + 3);
	c->phone = column_text(ar, q, col + 4);
	c->email = column_text(ar, q, col + 5);
	c->press_officer = sqlite3_column_int(q, col + 6);
	c->on_duty = sqlite3_column_int(q, col + 7);
	c->active = sqlite3_column_int(q, col + 8);
}

/*
 * Step the bound statement id and collect its contact rows.  *out in ar
 * (NULL when *n is 0).  Always resets the statement.  ST_OK or ST_DBERR
 * (logged).
 */
enum status
collect_contacts(struct store *db, struct arena *ar, enum query_id id,
    struct contact **out, size_t *n)
{
	sqlite3_stmt	*q = db->stmt[id];
	size_t		 cap = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		*out = arena_grow(ar, *out, *n, &cap, sizeof(**out));
		read_contact(ar, q, 0, &(*out)[(*n)++]);
	}
	if (rc != SQLITE_DONE)
		store_log_error(db, id);
	stmt_done(q);
	return rc == SQLITE_DONE ? ST_OK : ST_DBERR;
}

/* A setting's value, or "" when unset. */
static enum status
setting_or_empty(struct store *db, struct arena *ar, const char *key,
    const char **val)
{
	enum status	st;

	if ((st = store_setting(db, ar, key, val)) == ST_NOTFOUND) {
		*val = "";
		st = ST_OK;
	}
	return st;
}

/*
 * Press duty: the shared press line and e-mail (settings press_phone and
 * press_email, "" when unset) and the active officers on duty, by name.
 * Strings in ar.  ST_OK or ST_DBERR.
 */
enum status
store_press_duty(struct store *db, struct arena *ar, struct press_duty *out)
{
	enum status	st;

	memset(out, 0, sizeof(*out));
	if ((st = setting_or_empty(db, ar, "press_phone",
	    &out->phone)) != ST_OK ||
	    (st = setting_or_empty(db, ar, "press_email",
	    &out->email)) != ST_OK)
		return st;
	return collect_contacts(db, ar, Q_CONTACT_ON_DUTY, &out->officers,
	    &out->n);
}

/*
 * Active press officers, by name.  *out in ar.  ST_OK or ST_DBERR.
 */
enum status
store_press_officers(struct store *db, struct arena *ar,
    struct contact **out, size_t *n)
{
	return collect_contacts(db, ar, Q_CONTACT_PRESS_OFFICERS, out, n);
}

/*
 * staff_int.h -- private to contact_admin.c, account_admin.c and
 * site_admin.c: the steps every audited write repeats.
 */
#ifndef STAFF_INT_H
#define STAFF_INT_H

#include "store_int.h"

/* Run the JSON query id (one row, one column) for :id; the text is
 * heap-allocated (caller frees), NULL when there is no row or on an
 * error (logged). */
char		*staff_json(struct store *, enum query_id, int64_t id);

/* The audit row for a change, then COMMIT; on failure ROLLBACK.  Frees
 * before and after. */
enum status	 staff_finish(struct store *, int64_t who, const char *action,
		    const char *type, int64_t id, const char *summary,
		    char *before, char *after);

/* site_admin.c: set press_phone and press_email inside the caller's
 * transaction.  ST_OK or ST_DBERR. */
enum status	 staff_duty_settings(struct store *, const char *phone,
		    const char *email);

/* site_admin.c: set the setting key inside the caller's transaction.
 * ST_OK or ST_DBERR. */
enum status	 staff_setting_put(struct store *, const char *key,
		    const char *value);

#endif

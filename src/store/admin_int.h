/*
 * admin_int.h -- private to the staff-side store files (article_admin.c,
 * revision.c, preview.c, topic_admin.c): helpers they share.
 */
#ifndef ADMIN_INT_H
#define ADMIN_INT_H

#include "store_int.h"

/* Step the one-row statement qid bound with :id and copy its first text
 * column into ar.  ST_OK, ST_NOTFOUND (no row) or ST_DBERR (logged);
 * the statement is reset. */
enum status	store_json_by_id(struct store *, struct arena *,
		    enum query_id, int64_t id, const char **json);

#endif

/*
 * editorial_int.h -- private to note.c, withdrawal.c, review.c and
 * article_find.c.
 */
#ifndef EDITORIAL_INT_H
#define EDITORIAL_INT_H

#include "editorial.h"
#include "store_int.h"

/* stmt_run_bound() for a write that must change exactly one row:
 * ST_CONFLICT (nothing changed) when it changed none. */
enum status	 stmt_one(struct store *, enum query_id, int bound);
/* Step the one-row statement qid (bound) and read its first column as
 * a number: ST_OK, ST_NOTFOUND or ST_DBERR (logged); reset. */
enum status	 stmt_int(struct store *, enum query_id, int bound,
		    int64_t *out);

#endif

/*
 * journalist.h -- the press list: journalists the press officers keep
 * (name, outlet, address, topics) and that press releases are mailed to
 * when the editor ticks "Skicka till presslistan" (mail/queue.c).
 */
#ifndef STORE_JOURNALIST_H
#define STORE_JOURNALIST_H

#include <stddef.h>
#include <stdint.h>

#include "../util/status.h"

struct arena;
struct store;

#define JOURNALIST_TOPICS_MAX	64

struct journalist {
	int64_t		 id;
	const char	*name;
	const char	*outlet;
	const char	*email;
	const char	*topic_names;	/* list: "Skola, Vård" ("" for all) */
	int64_t		 topics[JOURNALIST_TOPICS_MAX];	/* get and save */
	size_t		 ntopics;
};

/* Every journalist by name, with topic_names; *out in ar. */
enum status	store_journalist_list(struct store *, struct arena *,
		    struct journalist **out, size_t *n);
/* One, with its topic ids.  ST_OK, ST_NOTFOUND or ST_DBERR. */
enum status	store_journalist_get(struct store *, struct arena *,
		    int64_t id, struct journalist *);
/* Insert (j->id 0; *id set) or update j and its topics; in the caller's
 * transaction.  ST_CONFLICT when another has the address. */
enum status	store_journalist_save(struct store *, const struct journalist *j,
		    int64_t now, int64_t *id);
/* ST_NOTFOUND when there is no such journalist. */
enum status	store_journalist_delete(struct store *, int64_t id);
enum status	store_journalist_count(struct store *, int64_t *n);

#endif

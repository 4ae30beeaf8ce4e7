/*
 * pagecache.h -- a worker's memory of the public pages it rendered.
 *
 * A public page (a GET of a read-only route, asked without a session)
 * is a pure function of its URI, the database and the clock.  The
 * cache keeps the responses a worker rendered, valid while the
 * database's write counter is unchanged and the clock has not reached
 * the next scheduled change (store_cache_state()); when either moves,
 * everything is dropped at once.  Both are read in the same read
 * transaction the page would be rendered in, so a publish, an edit, a
 * contact change, a notice or a scheduled article's time shows on the
 * next request, in every worker, whoever made the change.
 */
#ifndef PAGECACHE_H
#define PAGECACHE_H

#include <stddef.h>
#include <stdint.h>

struct resp;

struct pagecache;

/* A cache holding at most max_bytes of pages; NULL if max_bytes is 0. */
struct pagecache *pagecache_new(size_t max_bytes);
void		 pagecache_free(struct pagecache *);
/* Drop every page (the templates changed). */
void		 pagecache_clear(struct pagecache *);
/*
 * Tell the cache the database state (seq, until) and the time now; a
 * state other than the last one seen, or now at or past until, drops
 * everything.  Returns 1 when pages may be kept from now on.
 */
int		 pagecache_sync(struct pagecache *, int64_t seq, int64_t until,
		    int64_t now);
/* Fill rs from the page kept for uri (status, type, headers, body,
 * last_modified); 1 on a hit, 0 on a miss. */
int		 pagecache_get(struct pagecache *, const char *uri,
		    struct resp *rs);
/* Keep rs as the page for uri if it is a 200 and fits. */
void		 pagecache_put(struct pagecache *, const char *uri,
		    const struct resp *rs);

#endif

/*
 * pagefiles.h -- public pages written as files that nginx serves itself.
 *
 * A public page (what the page cache keeps: a GET of a read-only route,
 * no query, no session, 200, text/html) is also written to
 * DIR/p-SEQ-UNTIL/PATH/index.html, where SEQ and UNTIL are the database
 * state it was rendered in (store_cache_state()).  DIR/current is a symbolic
 * link to the directory of the newest state, and nginx answers a GET
 * without query or session cookie from DIR/current/PATH/index.html when that
 * file is there (deploy/nginx-*.conf), else asks Pressrum.  The link is
 * moved, under a lock and only ever forward, to "h-SEQ" (a hold: a name
 * with no directory behind it, so nginx asks Pressrum for everything):
 *   - by a worker that wrote, before its answer leaves (pagefiles_hold);
 *   - by the master when a write from outside the app lands in the
 *     database (it watches the database's directory) and shortly before
 *     UNTIL, the next scheduled change (pagefiles_tick).
 * The next page rendered in the new state starts a new directory and
 * points the link at it.  So a page nginx serves is never older than
 * the last write or the clock.
 */
#ifndef PAGEFILES_H
#define PAGEFILES_H

#include <stddef.h>
#include <stdint.h>

struct pagefiles;

/* Seconds before a scheduled change at which files stop being served. */
#define PAGEFILES_MARGIN	2

/* The master: make dir and its lock, point current at a hold, remove
 * what an earlier run left.  0, or -1 (logged). */
int		 pagefiles_init(const char *dir);

/* A worker's handle on dir; NULL when dir is NULL or empty. */
struct pagefiles *pagefiles_new(const char *dir);
void		 pagefiles_free(struct pagefiles *);

/* The state the current request reads in (store_cache_state()). */
void		 pagefiles_sync(struct pagefiles *, int64_t seq, int64_t until,
		    int64_t now);

/* Keep the page body of path (a request path, e.g. "/nyheter") as a
 * file in the synced state's directory, dated last_modified (its HTTP
 * Last-Modified), if path is one nginx can map (lower-case letters,
 * digits, '-' and '/') and last_modified is before this second. */
void		 pagefiles_put(struct pagefiles *, const char *path,
		    const char *body, size_t len, int64_t last_modified);

/* The database is at seq after a write: stop serving older files. */
void		 pagefiles_hold(const char *dir, int64_t seq);

/* The master's clock: hold the files when UNTIL is near.  Returns the
 * seconds until it needs to look again (at most max). */
int64_t		 pagefiles_tick(const char *dir, int64_t now, int64_t max);

/* After the answer has gone: remove the state directories other than
 * the current one that have had no new file for a few seconds. */
void		 pagefiles_upkeep(struct pagefiles *);

#endif

/*
 * pagewatch.c -- the master's watch over the page files.
 *
 * Workers hold the page files themselves after their own writes, before
 * they answer.  A write from elsewhere reaches the database file or its
 * WAL without them: inotify on the database's directory wakes the
 * master, which reads the write counter (store_cache_state()) and holds
 * the files of any older state (pagefiles_hold()).  Such a write may
 * leave body texts the search index needs owed (search_text.c): when it
 * does, the master fills them in once the database has had no write for
 * FILL_QUIET_MS, so a script's next statement does not find the
 * database locked by it (the sqlite3 tool does not wait for a lock); it
 * takes no lock at all when nothing is owed.  In between it
 * sleeps until the next scheduled change is PAGEFILES_MARGIN seconds
 * away (pagefiles_tick()), so no file outlives a scheduled publish or a
 * notice's start or end.  It also tells its caller when the public
 * pages changed, so the edge caches can be purged (cli/edges.c): when
 * the write counter moved (a worker's save or an outside write alike),
 * when a scheduled moment has come (schedwatch.c, to the millisecond,
 * whether or not any page was read) and after a template reload.  Then
 * the picture files follow too (media/files.c): a picture whose consent
 * has ended leaves the directory nginx serves, at that moment.
 */
#define _GNU_SOURCE
#include <sys/inotify.h>

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../app.h"
#include "../cache/pagefiles.h"
#include "../media/files.h"
#include "../store/search.h"
#include "../store/store.h"
#include "../util/clock.h"
#include "../util/log.h"
#include "pagewatch.h"

#define LONGEST_SLEEP	60	/* seconds; the clock is checked at least this often */
#define REHOLD_AFTER	2	/* seconds after a template reload */
#define FILL_QUIET_MS	100	/* no write for this long: fill search text */

int
pagewatch_open(struct pagewatch *w, const struct config *cfg)
{
	char		 dir[PATH_MAX];
	const char	*slash = strrchr(cfg->db_path, '/');
	int64_t		 until;

	w->dir = cfg->page_dir;
	w->media_dir = cfg->media_dir;
	snprintf(w->base, sizeof(w->base), "%s",
	    slash ? slash + 1 : cfg->db_path);
	if (slash == NULL)
		snprintf(dir, sizeof(dir), ".");
	else
		snprintf(dir, sizeof(dir), "%.*s",
		    (int)(slash - cfg->db_path), cfg->db_path);
	if (*dir == '\0')
		snprintf(dir, sizeof(dir), "/");
	if ((w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) < 0 ||
	    inotify_add_watch(w->fd, dir, IN_MODIFY | IN_CLOSE_WRITE |
	    IN_MOVED_TO | IN_CREATE) < 0) {
		log_error("pagewatch: %s: %s", dir, strerror(errno));
		return -1;
	}
	if (store_open(cfg->db_path, &w->db) != ST_OK)
		return -1;
	(void)store_cache_state(w->db, clock_now(), &w->seq, &until);
	schedwatch_load(&w->sched, w->db, clock_now());
	return 0;
}

/* 1 if the queued events touch the database (its file, WAL or
 * journal); reads them all. */
static int
drain(struct pagewatch *w)
{
	char				 buf[4096]
	    __attribute__((aligned(__alignof__(struct inotify_event))));
	const struct inotify_event	*e;
	size_t				 n = strlen(w->base);
	ssize_t				 len;
	char				*p;
	int				 hit = 0;

	while ((len = read(w->fd, buf, sizeof(buf))) > 0)
		for (p = buf; p < buf + len; p += sizeof(*e) + e->len) {
			e = (const struct inotify_event *)p;
			if (e->len > 0 && strncmp(e->name, w->base, n) == 0)
				hit = 1;
		}
	return hit;
}

/* pagewatch_wait() without the picture files. */
static int
wait_change(struct pagewatch *w, const sigset_t *open_mask)
{
	struct pollfd	 pfd = { .fd = w->fd, .events = POLLIN };
	struct timespec	 ts = { 0, 0 };
	int64_t		 seq, until, now = clock_now();
	long		 ms;
	int		 rc, changed = 0;

	if (w->rehold != 0 && now >= w->rehold) {
		w->rehold = 0;
		if (w->dir != NULL)
			(void)pagefiles_init(w->dir);
		return 1;
	}
	if (schedwatch_due(&w->sched, w->db))
		return 1;	/* held already: pagefiles_tick() */
	ts.tv_sec = w->dir != NULL ?
	    (time_t)pagefiles_tick(w->dir, now, LONGEST_SLEEP) : LONGEST_SLEEP;
	if (w->rehold != 0 && w->rehold - now < ts.tv_sec)
		ts.tv_sec = (time_t)(w->rehold - now);
	if ((ms = schedwatch_wait_ms(&w->sched, (long)ts.tv_sec * 1000)) <
	    (long)ts.tv_sec * 1000) {
		ts.tv_sec = ms / 1000;
		ts.tv_nsec = ms % 1000 * 1000000L;
	}
	if (w->owed) {		/* fill once the writer is quiet */
		ts.tv_sec = 0;
		ts.tv_nsec = FILL_QUIET_MS * 1000000L;
	}
	if ((rc = ppoll(&pfd, 1, &ts, open_mask)) == 0 && w->owed) {
		w->owed = 0;
		(void)store_text_fill_all(w->db);	/* logged on failure */
		return 0;
	}
	if (rc <= 0 || !drain(w))
		return 0;	/* a signal, or the clock */
	if (store_cache_state(w->db, clock_now(), &seq, &until) == ST_OK) {
		pagefiles_hold(w->dir, seq);
		changed = seq != w->seq;
		w->seq = seq;
		schedwatch_load(&w->sched, w->db, clock_now());
	}
	w->owed = store_text_owed(w->db);
	return changed;
}

int
pagewatch_wait(struct pagewatch *w, const sigset_t *open_mask)
{
	if (!wait_change(w, open_mask))
		return 0;
	/* A new picture, a consent renewed or ended (a scheduled moment):
	 * the files nginx serves follow.  Logged on failure. */
	if (w->media_dir != NULL)
		(void)media_files_write(w->db, w->media_dir);
	return 1;
}

/*
 * A worker told to reload finishes the request it is on first, and may
 * put that page, from the old templates, after the first hold: the
 * second, REHOLD_AFTER seconds later, catches it.
 */
void
pagewatch_reload(struct pagewatch *w)
{
	if (w->dir != NULL)
		(void)pagefiles_init(w->dir);
	w->rehold = clock_now() + REHOLD_AFTER;
}

void
pagewatch_close(struct pagewatch *w)
{
	if (w->fd >= 0)
		close(w->fd);
	w->fd = -1;
	store_close(w->db);
	w->db = NULL;
}

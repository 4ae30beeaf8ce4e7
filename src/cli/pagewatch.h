/*
 * pagewatch.h -- the master's watch over the page files (cache/
 * pagefiles.h): it holds them when the database is written by anything
 * but a worker (the sqlite3 CLI, `pressrum user`, a restore) and
 * shortly before each scheduled change.
 */
#ifndef PAGEWATCH_H
#define PAGEWATCH_H

#include <signal.h>
#include <stdint.h>

#include "schedwatch.h"

struct config;
struct store;

struct pagewatch {
	int		 fd;		/* inotify on the database's directory */
	struct store	*db;
	const char	*dir;		/* the page directory */
	const char	*media_dir;	/* the picture files, or NULL */
	char		 base[256];	/* the database's file name */
	int64_t		 rehold;	/* hold again then; 0: no need */
	int		 owed;		/* search text to fill once quiet */
	int64_t		 seq;		/* the write counter last seen */
	struct schedwatch sched;	/* the next scheduled change */
};

/* 0, or -1 (logged). */
int	pagewatch_open(struct pagewatch *, const struct config *);
/* Wait for a signal (unblocked by open_mask meanwhile), a write to the
 * database or the next scheduled change; hold the files as needed.
 * Returns 1 when the public pages changed (a write by anyone, a
 * scheduled moment come, the second hold after a template reload): the
 * edge caches are to be purged, and the picture files are brought in
 * line (media_files_write()).  The page directory may be NULL (edges
 * only). */
int	pagewatch_wait(struct pagewatch *, const sigset_t *open_mask);
/* The templates were reloaded: no page file of the old ones is served,
 * now and again once every worker has finished the request it was on. */
void	pagewatch_reload(struct pagewatch *);
void	pagewatch_close(struct pagewatch *);

#endif

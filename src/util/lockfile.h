/*
 * lockfile.h -- an exclusive flock(2) on a file, made if missing: the
 * page files' DIR/lock (cache/pagefiles.c) and the one-picture-at-a-time
 * turn (media/ingest.c).  The kernel lets it go when its holder dies.
 */
#ifndef LOCKFILE_H
#define LOCKFILE_H

#include <sys/types.h>

/* Open (creating with mode) and lock path, waiting for the lock; the
 * descriptor to close() to let it go, or -1 (errno says why). */
int	lock_file(const char *path, mode_t mode);

#endif

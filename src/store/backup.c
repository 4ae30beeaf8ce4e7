/*
 * backup.c -- a consistent copy of a live database, for `pressrum backup`.
 *
 * SQLite's online backup API copies the database page by page from one
 * read snapshot, so the copy is consistent even while workers write.  In
 * WAL mode a reader blocks no writer, so the copy is taken in steps of
 * STEP_PAGES with a short pause between them only to leave the disk to
 * the live site; a write by a worker between two steps makes SQLite start
 * the copy again, so after MAX_RESTARTS of those the rest is copied in one
 * step (still one snapshot, still blocking nobody).
 *
 * The copy is written to a private temporary file next to the target
 * (mode 0600: it holds password hashes), checked with PRAGMA quick_check,
 * fsync()ed, and only then renamed (or linked, when an existing file must
 * not be replaced) to its name, so a half-written backup never carries it.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../util/log.h"
#include "store.h"

#define STEP_PAGES	256	/* 1 MiB at 4 KiB pages */
#define STEP_PAUSE_MS	5
#define MAX_RESTARTS	20
#define BUSY_TIMEOUT_MS	5000

/* Open path with flags; logs and returns NULL on failure. */
static sqlite3 *
open_db(const char *path, int flags)
{
	sqlite3	*db = NULL;
	int	 rc;

	if ((rc = sqlite3_open_v2(path, &db, flags, NULL)) != SQLITE_OK) {
		log_error("backup: %s: %s", path,
		    db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
	return db;
}

/*
 * Copy every page of src into dst.  Steps of STEP_PAGES while the copy
 * makes progress; once the source changed under it MAX_RESTARTS times,
 * the rest goes in one step.  Returns ST_OK or ST_DBERR (logged).
 */
static enum status
copy_pages(sqlite3 *src, sqlite3 *dst)
{
	sqlite3_backup	*b;
	int		 rc, restarts = 0, left = -1, now;

	if ((b = sqlite3_backup_init(dst, "main", src, "main")) == NULL) {
		log_error("backup: %s", sqlite3_errmsg(dst));
		return ST_DBERR;
	}
	do {
		rc = sqlite3_backup_step(b, restarts < MAX_RESTARTS ?
		    STEP_PAGES : -1);
		now = sqlite3_backup_remaining(b);
		if (left >= 0 && now > left)
			restarts++;
		left = now;
		if (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(STEP_PAUSE_MS);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		log_error("backup: copy failed: %s", sqlite3_errstr(rc));
		return ST_DBERR;
	}
	return ST_OK;
}

/* PRAGMA quick_check on db; ST_OK when it says "ok". */
static enum status
quick_check(sqlite3 *db)
{
	sqlite3_stmt	*q;
	enum status	 st = ST_DBERR;
	const char	*r;

	if (sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &q, NULL) !=
	    SQLITE_OK) {
		log_error("backup: quick_check: %s", sqlite3_errmsg(db));
		return ST_DBERR;
	}
	if (sqlite3_step(q) == SQLITE_ROW &&
	    (r = (const char *)sqlite3_column_text(q, 0)) != NULL) {
		if (strcmp(r, "ok") == 0)
			st = ST_OK;
		else
			log_error("backup: the copy fails quick_check: %s", r);
	}
	sqlite3_finalize(q);
	return st;
}

/* fsync the file or directory at path; ST_OK or ST_ERROR (logged). */
static enum status
sync_path(const char *path)
{
	int	 fd, rc;

	if ((fd = open(path, O_RDONLY)) == -1) {
		log_error("backup: %s: %s", path, strerror(errno));
		return ST_ERROR;
	}
	rc = fsync(fd);
	close(fd);
	if (rc == -1) {
		log_error("backup: fsync %s: %s", path, strerror(errno));
		return ST_ERROR;
	}
	return ST_OK;
}

/* Copy db into the file tmp (which exists and is empty). */
static enum status
copy_to(const char *db, const char *tmp)
{
	sqlite3		*src, *dst;
	enum status	 st = ST_DBERR;

	if ((src = open_db(db, SQLITE_OPEN_READONLY)) == NULL)
		return ST_DBERR;
	if ((dst = open_db(tmp, SQLITE_OPEN_READWRITE)) == NULL)
		goto out;
	if ((st = copy_pages(src, dst)) == ST_OK)
		st = quick_check(dst);
	/* The copy carries the source's WAL flag; closing the last
	 * connection checkpoints and removes tmp-wal and tmp-shm. */
	if (sqlite3_close(dst) != SQLITE_OK && st == ST_OK)
		st = ST_DBERR;
out:
	sqlite3_close(src);
	return st;
}

/* Give tmp the name dest: rename() over it, or link() when an existing
 * dest must stay (ST_CONFLICT).  Then sync dest's directory. */
static enum status
publish(const char *tmp, const char *dest, int replace)
{
	char		*dir;
	enum status	 st;

	if (replace ? rename(tmp, dest) == -1 : link(tmp, dest) == -1) {
		if (errno == EEXIST)
			return ST_CONFLICT;
		log_error("backup: %s: %s", dest, strerror(errno));
		return ST_ERROR;
	}
	if (!replace)
		unlink(tmp);
	if ((dir = strdup(dest)) == NULL)
		abort();
	st = sync_path(dirname(dir));
	free(dir);
	return st;
}

/*
 * Copy the database at db into the file dest, consistently, while other
 * processes may be using db.  With replace 0 an existing dest is kept
 * and ST_CONFLICT returned.  Returns ST_OK, ST_CONFLICT, ST_DBERR or
 * ST_ERROR (logged); on failure no temporary file is left and dest is
 * untouched (unless only the final directory fsync failed).  Allocates nothing that outlives the call.
 */
enum status
store_backup(const char *db, const char *dest, int replace)
{
	char		*tmp;
	size_t		 n = strlen(dest) + sizeof(".tmp.XXXXXX");
	int		 fd;
	enum status	 st;

	if (!replace && access(dest, F_OK) == 0)
		return ST_CONFLICT;
	if ((tmp = malloc(n)) == NULL)
		abort();
	snprintf(tmp, n, "%s.tmp.XXXXXX", dest);
	if ((fd = mkstemp(tmp)) == -1) {
		log_error("backup: %s: %s", tmp, strerror(errno));
		free(tmp);
		return ST_ERROR;
	}
	close(fd);
	if ((st = copy_to(db, tmp)) == ST_OK &&
	    (st = sync_path(tmp)) == ST_OK)
		st = publish(tmp, dest, replace);
	if (st != ST_OK)
		unlink(tmp);
	free(tmp);
	return st;
}

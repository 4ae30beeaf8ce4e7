/*
 * pagefiles.c -- public pages as files for nginx, switched forward on
 * every write and before every scheduled change (see pagefiles.h).
 *
 * Everything that moves DIR/current takes DIR/lock (flock) and moves it
 * only forward: to a later write counter, or at the same counter from a
 * hold to files or from files to a hold when the clock says so.  A page
 * is written to a temporary name and renamed, so nginx never reads half
 * a file; the link is replaced the same way.
 */
#define _XOPEN_SOURCE 700
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../util/clock.h"
#include "../util/gzip.h"
#include "../util/lockfile.h"
#include "../util/log.h"
#include "pagefiles.h"

#define NAME_MAX_LEN	64
#define KEEP_OLD	5	/* seconds an old state's files stay */
/* Files a worker writes in one state at most: a crawler walking 100,000
 * articles between two writes would otherwise put them all on disk. */
#define MAX_FILES	4096

struct state {
	int		 valid;
	int		 hold;		/* "h-SEQ": nothing is served */
	int64_t		 seq, until;
};

struct pagefiles {
	char		*dir;
	int		 synced;
	int64_t		 seq, until, now;
	int		 flipped;
	int64_t		 wrote_seq, wrote_until;	/* the state counted */
	unsigned	 wrote;		/* files written in it */
};

static void
state_name(char *buf, size_t sz, int64_t seq, int64_t until)
{
	snprintf(buf, sz, "p-%" PRId64 "-%" PRId64, seq, until);
}

/* Where DIR/current points now. */
static void
read_current(const char *dir, struct state *st, char *name, size_t sz)
{
	char		 path[PATH_MAX], buf[NAME_MAX_LEN];
	ssize_t		 n;
	long long	 a, b;

	memset(st, 0, sizeof(*st));
	snprintf(path, sizeof(path), "%s/current", dir);
	if ((n = readlink(path, buf, sizeof(buf) - 1)) <= 0)
		n = 0;
	buf[n] = '\0';
	if (name != NULL)
		snprintf(name, sz, "%s", buf);
	if (sscanf(buf, "p-%lld-%lld", &a, &b) == 2) {
		st->valid = 1;
		st->seq = a;
		st->until = b;
	} else if (sscanf(buf, "h-%lld", &a) == 1) {
		st->valid = st->hold = 1;
		st->seq = a;
	}
}

/* Point DIR/current at name, atomically. */
static void
set_current(const char *dir, const char *name)
{
	char	 tmp[PATH_MAX], path[PATH_MAX];

	snprintf(tmp, sizeof(tmp), "%s/.current-%ld", dir, (long)getpid());
	snprintf(path, sizeof(path), "%s/current", dir);
	(void)unlink(tmp);
	if (symlink(name, tmp) != 0 || rename(tmp, path) != 0) {
		log_error("pagefiles: %s -> %s: %s", path, name,
		    strerror(errno));
		(void)unlink(tmp);
	}
}

/* DIR/lock, held until close(); -1 on failure (logged). */
static int
lock_dir(const char *dir)
{
	char	 path[PATH_MAX];
	int	 fd;

	snprintf(path, sizeof(path), "%s/lock", dir);
	if ((fd = lock_file(path, 0644)) < 0)
		log_error("pagefiles: %s: %s", path, strerror(errno));
	return fd;
}

static int
remove_one(const char *path, const struct stat *sb, int flag,
    struct FTW *ftw)
{
	(void)sb;
	(void)ftw;
	if (flag == FTW_DP)
		(void)rmdir(path);
	else
		(void)unlink(path);
	return 0;
}

/*
 * Remove the state directories of dir but keep, those last written
 * before: nginx may have looked a file up in a directory just before
 * the link left it, and opens it a moment later.
 */
static void
remove_states(const char *dir, const char *keep, int64_t before)
{
	DIR		*d;
	struct dirent	*e;
	struct stat	 st;
	char		 path[PATH_MAX];

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, "p-", 2) != 0 ||
		    strcmp(e->d_name, keep) == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (lstat(path, &st) == 0 && st.st_mtime < before)
			(void)nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	}
	closedir(d);
}

int
pagefiles_init(const char *dir)
{
	int	 fd;

	if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
		log_error("pagefiles: %s: %s", dir, strerror(errno));
		return -1;
	}
	if ((fd = lock_dir(dir)) < 0)
		return -1;
	set_current(dir, "h-0");
	remove_states(dir, "", INT64_MAX);
	close(fd);
	return 0;
}

struct pagefiles *
pagefiles_new(const char *dir)
{
	struct pagefiles	*pf;

	if (dir == NULL || *dir == '\0')
		return NULL;
	if ((pf = calloc(1, sizeof(*pf))) == NULL ||
	    (pf->dir = strdup(dir)) == NULL)
		abort();
	return pf;
}

void
pagefiles_free(struct pagefiles *pf)
{
	if (pf == NULL)
		return;
	free(pf->dir);
	free(pf);
}

void
pagefiles_sync(struct pagefiles *pf, int64_t seq, int64_t until,
    int64_t now)
{
	if (pf == NULL)
		return;
	pf->synced = 1;
	pf->seq = seq;
	pf->until = until;
	pf->now = now;
}

/* 1 if path is one nginx maps to the same file: "/" or segments of
 * a-z, 0-9 and '-', none empty. */
static int
mappable(const char *path)
{
	const char	*p;

	if (path == NULL || path[0] != '/' || strlen(path) > 200)
		return 0;
	if (path[1] == '\0')
		return 1;
	for (p = path + 1; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || (*p == '/' && p[-1] != '/' && p[1] != '\0')))
			return 0;
	return 1;
}

/* Write body to FILE+SUFFIX (gzipped when gz) through a temporary
 * name, dated mtime. */
static void
write_file(const char *file, const char *suffix, const char *body,
    size_t len, int64_t mtime, int gz)
{
	struct timespec	 times[2];
	char		 dst[PATH_MAX + 8], tmp[PATH_MAX + 40];
	size_t		 off = 0;
	ssize_t		 n;
	int		 fd, bad = 0;

	snprintf(dst, sizeof(dst), "%s%s", file, suffix);
	snprintf(tmp, sizeof(tmp), "%s.%ld.tmp", dst, (long)getpid());
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0644)) < 0)
		return;		/* the directory went: a newer state */
	(void)fchmod(fd, 0644);
	if (gz)
		bad = gzip_write_fd(fd, body, len) != 0;
	else {
		while (off < len && (n = write(fd, body + off, len - off)) > 0)
			off += (size_t)n;
		bad = off != len;
	}
	times[0].tv_sec = times[1].tv_sec = (time_t)mtime;
	times[0].tv_nsec = times[1].tv_nsec = 0;
	if (futimens(fd, times) != 0 || close(fd) != 0 || bad ||
	    rename(tmp, dst) != 0)
		(void)unlink(tmp);
}

/*
 * Write body to base + path + "/index.html" by way of a temporary name,
 * dated mtime: nginx sends that as the page's Last-Modified, the same
 * as Pressrum would.  A directory per path keeps "/" and "/nyheter"
 * apart from any other path's file.
 */
static void
write_page(const char *base, const char *path, const char *body, size_t len,
    int64_t mtime)
{
	char		 file[PATH_MAX], *slash;

	snprintf(file, sizeof(file), "%s%s%sindex.html", base, path,
	    path[1] == '\0' ? "" : "/");
	for (slash = file + strlen(base) + 1; (slash = strchr(slash, '/'));
	    slash++) {
		*slash = '\0';
		(void)mkdir(file, 0755);
		*slash = '/';
	}
	/* The compressed twin first (nginx's gzip_static): nginx looks
	 * for it only once index.html is there. */
	write_file(file, ".gz", body, len, mtime, 1);
	write_file(file, "", body, len, mtime, 0);
}

/* 1 if the link may move from cur to files of (seq, until). */
static int
forward(const struct state *cur, int64_t seq, int64_t until)
{
	if (!cur->valid || seq > cur->seq)
		return 1;
	return seq == cur->seq && (cur->hold || until > cur->until);
}

void
pagefiles_put(struct pagefiles *pf, const char *path, const char *body,
    size_t len, int64_t last_modified)
{
	struct state	 cur;
	char		 name[NAME_MAX_LEN], base[PATH_MAX];
	int		 fd;

	if (pf == NULL || !pf->synced)
		return;
	pf->synced = 0;		/* one page per request's sync */
	/* A page changed in this very second goes without a file: nginx
	 * would date it this second, and a second change within it would
	 * then look unchanged to If-Modified-Since. */
	if (!mappable(path) || pf->now >= pf->until - PAGEFILES_MARGIN ||
	    last_modified <= 0 || last_modified >= pf->now)
		return;
	if (pf->wrote_seq != pf->seq || pf->wrote_until != pf->until) {
		pf->wrote_seq = pf->seq;
		pf->wrote_until = pf->until;
		pf->wrote = 0;
	}
	if (pf->wrote >= MAX_FILES)
		return;
	pf->wrote++;
	state_name(name, sizeof(name), pf->seq, pf->until);
	snprintf(base, sizeof(base), "%s/%s", pf->dir, name);
	read_current(pf->dir, &cur, NULL, 0);
	if (!cur.hold && cur.seq == pf->seq && cur.until == pf->until) {
		write_page(base, path, body, len, last_modified);
		return;
	}
	if (!forward(&cur, pf->seq, pf->until) || (fd = lock_dir(pf->dir)) < 0)
		return;
	read_current(pf->dir, &cur, NULL, 0);
	/* The clock is read again under the lock: the master holds the
	 * files at until - MARGIN under the same lock. */
	if (forward(&cur, pf->seq, pf->until) &&
	    clock_now() < pf->until - PAGEFILES_MARGIN &&
	    (mkdir(base, 0755) == 0 || errno == EEXIST)) {
		write_page(base, path, body, len, last_modified);
		set_current(pf->dir, name);
		pf->flipped = 1;
	}
	close(fd);
}

void
pagefiles_hold(const char *dir, int64_t seq)
{
	struct state	 cur;
	char		 name[NAME_MAX_LEN];
	int		 fd;

	if (dir == NULL || *dir == '\0' || (fd = lock_dir(dir)) < 0)
		return;
	read_current(dir, &cur, NULL, 0);
	if (!cur.valid || seq > cur.seq) {
		snprintf(name, sizeof(name), "h-%" PRId64, seq);
		set_current(dir, name);
	}
	close(fd);
}

int64_t
pagefiles_tick(const char *dir, int64_t now, int64_t max)
{
	struct state	 cur;
	char		 name[NAME_MAX_LEN];
	int64_t		 wait = max;
	int		 fd;

	if ((fd = lock_dir(dir)) < 0)
		return max;
	read_current(dir, &cur, NULL, 0);
	if (cur.valid && !cur.hold) {
		if (now >= cur.until - PAGEFILES_MARGIN) {
			snprintf(name, sizeof(name), "h-%" PRId64, cur.seq);
			set_current(dir, name);
		} else if (cur.until - PAGEFILES_MARGIN - now < max)
			wait = cur.until - PAGEFILES_MARGIN - now;
	}
	close(fd);
	return wait;
}

void
pagefiles_upkeep(struct pagefiles *pf)
{
	struct state	 cur;
	char		 name[NAME_MAX_LEN];
	int		 fd;

	if (pf == NULL || !pf->flipped)
		return;
	pf->flipped = 0;
	if ((fd = lock_dir(pf->dir)) < 0)
		return;
	read_current(pf->dir, &cur, name, sizeof(name));
	remove_states(pf->dir, name, clock_now() - KEEP_OLD);
	close(fd);
}

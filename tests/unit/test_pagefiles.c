/*
 * test_pagefiles.c -- the page files nginx serves (cache/pagefiles.c):
 * where a page is written and dated, that the link nginx follows only
 * ever moves forward (a hold after a write is never undone by a page of
 * the state before), that files stop before a scheduled change, which
 * paths and pages get no file, and that old states are removed.
 */
#include <sys/stat.h>

#include <fcntl.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "cache/pagefiles.h"
#include "util/clock.h"

static char	 dir[64];

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/pressrum-pf.XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	return pagefiles_init(dir);
}

static int
teardown(void **state)
{
	char	 cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Where DIR/current points ("" if nowhere). */
static const char *
current(void)
{
	static char	 buf[128];
	char		 path[128];
	ssize_t		 n;

	snprintf(path, sizeof(path), "%s/current", dir);
	n = readlink(path, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	return buf;
}

/* The body nginx would serve for path, or NULL; its mtime in *mtime. */
static const char *
served(const char *path, int64_t *mtime)
{
	static char	 buf[256];
	char		 file[256];
	struct stat	 st;
	FILE		*f;
	size_t		 n;

	snprintf(file, sizeof(file), "%s/current%s%sindex.html", dir, path,
	    path[1] == '\0' ? "" : "/");
	if ((f = fopen(file, "r")) == NULL)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	if (mtime != NULL && fstat(fileno(f), &st) == 0)
		*mtime = st.st_mtime;
	fclose(f);
	return buf;
}

/* A worker putting body for path, rendered in state (seq, until). */
static void
put(struct pagefiles *pf, int64_t seq, int64_t until, const char *path,
    const char *body, int64_t lm)
{
	pagefiles_sync(pf, seq, until, clock_now());
	pagefiles_put(pf, path, body, strlen(body), lm);
}

static void
test_put_and_hold(void **state)
{
	struct pagefiles	*pf = pagefiles_new(dir), *other = pagefiles_new(dir);
	int64_t			 now = clock_now(), far = now + 3600, mtime = 0;
	struct timespec		 times[2];
	char			 name[160];

	(void)state;
	assert_string_equal(current(), "h-0");
	assert_null(served("/", NULL));
	/* The first page of a state starts its directory. */
	put(pf, 5, far, "/", "<p>start</p>", now - 100);
	snprintf(name, sizeof(name), "p-5-%lld", (long long)far);
	assert_string_equal(current(), name);
	assert_string_equal(served("/", &mtime), "<p>start</p>");
	assert_int_equal(mtime, now - 100);	/* nginx's Last-Modified */
	put(other, 5, far, "/nyheter/en-nyhet", "<p>nyhet</p>", now - 100);
	assert_string_equal(served("/nyheter/en-nyhet", NULL),
	    "<p>nyhet</p>");
	/* A write: nothing is served until a page of the new state. */
	pagefiles_hold(dir, 6);
	assert_string_equal(current(), "h-6");
	assert_null(served("/", NULL));
	/* A page rendered before the write comes too late: still held. */
	put(other, 5, far, "/", "<p>gammal</p>", now - 100);
	assert_string_equal(current(), "h-6");
	assert_null(served("/", NULL));
	/* An older hold never undoes a newer one. */
	pagefiles_hold(dir, 5);
	assert_string_equal(current(), "h-6");
	put(pf, 6, far, "/", "<p>ny</p>", now - 1);
	assert_string_equal(served("/", NULL), "<p>ny</p>");
	assert_null(served("/nyheter/en-nyhet", NULL));
	/* Old states go once the answer is out, but not while nginx may
	 * still be opening a file it found there a moment ago. */
	pagefiles_upkeep(pf);
	snprintf(name, sizeof(name), "%s/p-5-%lld", dir, (long long)far);
	assert_int_equal(access(name, F_OK), 0);
	times[0].tv_sec = times[1].tv_sec = (time_t)(now - 60);
	times[0].tv_nsec = times[1].tv_nsec = 0;
	assert_int_equal(utimensat(AT_FDCWD, name, times, 0), 0);
	put(pf, 7, far, "/", "<p>sju</p>", now - 1);
	pagefiles_upkeep(pf);
	assert_int_not_equal(access(name, F_OK), 0);
	assert_string_equal(served("/", NULL), "<p>sju</p>");
	pagefiles_free(pf);
	pagefiles_free(other);
}

static void
test_no_file(void **state)
{
	struct pagefiles	*pf = pagefiles_new(dir);
	int64_t			 now = clock_now(), far = now + 3600;

	(void)state;
	assert_null(pagefiles_new(NULL));
	assert_null(pagefiles_new(""));
	/* Changed in this second, or at an unknown time: no file. */
	put(pf, 1, far, "/", "x", now);
	put(pf, 1, far, "/", "x", 0);
	assert_string_equal(current(), "h-0");
	/* Paths nginx would map to another file, or not at all. */
	put(pf, 1, far, "/Nyheter", "x", now - 1);
	put(pf, 1, far, "/a//b", "x", now - 1);
	put(pf, 1, far, "/a/", "x", now - 1);
	put(pf, 1, far, "/../x", "x", now - 1);
	put(pf, 1, far, "/a.atom", "x", now - 1);
	put(pf, 1, far, "nyheter", "x", now - 1);
	assert_string_equal(current(), "h-0");
	/* Without a sync for the request: no file either. */
	pagefiles_put(pf, "/", "x", 1, now - 1);
	assert_string_equal(current(), "h-0");
	pagefiles_free(pf);
}

static void
test_clock(void **state)
{
	struct pagefiles	*pf = pagefiles_new(dir);
	int64_t			 now = clock_now(), soon = now + 10;
	char			 name[160];

	(void)state;
	/* Within PAGEFILES_MARGIN of the next scheduled change: no file. */
	put(pf, 1, now + PAGEFILES_MARGIN, "/", "x", now - 1);
	assert_string_equal(current(), "h-0");
	put(pf, 1, soon, "/", "x", now - 1);
	snprintf(name, sizeof(name), "p-1-%lld", (long long)soon);
	assert_string_equal(current(), name);
	/* The master's clock: sleep until the margin, then hold. */
	assert_int_equal(pagefiles_tick(dir, now, 60),
	    soon - PAGEFILES_MARGIN - now);
	assert_int_equal(pagefiles_tick(dir, now, 3), 3);
	assert_string_equal(current(), name);
	(void)pagefiles_tick(dir, soon - PAGEFILES_MARGIN, 60);
	assert_string_equal(current(), "h-1");
	/* The same write counter after the change: files again. */
	put(pf, 1, now + 3600, "/", "y", now - 1);
	assert_string_equal(served("/", NULL), "y");
	pagefiles_free(pf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_put_and_hold, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_no_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_clock, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * edges.c -- the purgers: one process per edge cache, so an edge that
 * is down or slow holds up nothing but its own purges.
 *
 * The master raises board->want on every change of the public pages and
 * writes a byte to each purger's pipe; it never waits for an edge, so
 * neither does a staff save.  A purger sends its edge a purge
 * (edge_purge(), at most TRY_MS), and on a failure tries again after
 * 250 ms, 500 ms, ... up to BACKOFF_MAX_MS, however many changes came
 * meanwhile (one purge covers them all).  After the first purge of a
 * change it sends a second one AGAIN_MS later: a page the edge fetched
 * from the old state just before the change may reach its cache just
 * after the first purge.
 */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../app.h"
#include "../util/clock.h"
#include "../util/log.h"
#include "edges.h"

#define TRY_MS		2000	/* one purge, connect to answer */
#define BACKOFF_FIRST_MS 250
#define BACKOFF_MAX_MS	30000
#define AGAIN_MS	1000
#define IDLE_MS		60000

static int64_t
mono_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* One try at edge e for want; updates its status. */
static int
try_purge(struct edge_status *e, int64_t want)
{
	char	 err[sizeof(e->error)];
	int	 first = e->done < want;

	if (edge_purge(e->url, want, TRY_MS, err, sizeof(err)) == 0) {
		if (e->fails > 0)
			log_info("edge %s answers again", e->url);
		e->done = want;
		e->ok_at = clock_now();
		e->fails = 0;
		e->failing_since = 0;
		e->error[0] = '\0';
		return first ? 1 : 0;
	}
	if (e->fails++ == 0) {
		e->failing_since = clock_now();
		log_error("edge %s: purge failed: %s; retrying", e->url, err);
	}
	snprintf(e->error, sizeof(e->error), "%s", err);
	return -1;
}

/* Wait up to ms for a byte from the master; exit when it is gone. */
static void
wait_wake(int fd, int64_t ms)
{
	struct pollfd	 pfd = { .fd = fd, .events = POLLIN };
	char		 buf[64];

	if (ms < 0)
		ms = 0;
	if (poll(&pfd, 1, ms > IDLE_MS ? IDLE_MS : (int)ms) <= 0)
		return;
	if (read(fd, buf, sizeof(buf)) == 0)
		_exit(0);	/* the master closed the pipe */
}

static void
purger_main(struct edge_board *b, struct edge_status *e, int fd)
{
	int64_t	 want, now, next_try = 0, again_at = 0, wait;
	int64_t	 backoff = 0;
	int	 rc;

	(void)prctl(PR_SET_PDEATHSIG, SIGTERM);
	for (;;) {
		want = __atomic_load_n(&b->want, __ATOMIC_ACQUIRE);
		now = mono_ms();
		if ((e->done < want || (again_at && now >= again_at)) &&
		    now >= next_try) {
			if ((rc = try_purge(e, want)) >= 0) {
				again_at = rc == 1 ? mono_ms() + AGAIN_MS : 0;
				backoff = 0;
			} else {
				backoff = backoff ? backoff * 2 :
				    BACKOFF_FIRST_MS;
				if (backoff > BACKOFF_MAX_MS)
					backoff = BACKOFF_MAX_MS;
				next_try = mono_ms() + backoff;
			}
			continue;
		}
		wait = IDLE_MS;
		if (e->done < want || again_at)
			wait = (e->done < want ? next_try : again_at) - now;
		if (again_at && e->done == want && next_try > again_at)
			wait = next_try - now;
		wait_wake(fd, wait);
	}
}

int
edges_start(struct edges *es, struct config *cfg)
{
	struct edge_board	*b;
	int			 i, p[2];

	memset(es, 0, sizeof(*es));
	if (cfg->npurge == 0)
		return 0;
	if ((b = mmap(NULL, sizeof(*b), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0)) == MAP_FAILED) {
		log_error("mmap: %s", strerror(errno));
		return -1;
	}
	memset(b, 0, sizeof(*b));
	b->want = 1;		/* a purge at start: new templates, new code */
	b->n = cfg->npurge;
	for (i = 0; i < b->n; i++)
		snprintf(b->e[i].url, sizeof(b->e[i].url), "%s",
		    cfg->purge[i]);
	es->board = b;
	cfg->edges = b;
	for (i = 0; i < b->n; i++) {
		if (pipe2(p, O_CLOEXEC) != 0) {
			log_error("pipe: %s", strerror(errno));
			return -1;
		}
		if ((es->pid[i] = fork()) == -1) {
			log_error("fork: %s", strerror(errno));
			return -1;
		}
		if (es->pid[i] == 0) {
			close(p[1]);
			for (int j = 0; j < i; j++)
				close(es->wake[j]);
			purger_main(b, &b->e[i], p[0]);
		}
		close(p[0]);
		(void)fcntl(p[1], F_SETFL, O_NONBLOCK);
		es->wake[i] = p[1];
		log_info("purging edge %s on every change", b->e[i].url);
	}
	return 0;
}

void
edges_purge(struct edges *es)
{
	int	 i;

	if (es->board == NULL)
		return;
	__atomic_add_fetch(&es->board->want, 1, __ATOMIC_RELEASE);
	for (i = 0; i < es->board->n; i++)
		if (es->wake[i] >= 0)
			(void)write(es->wake[i], "", 1);	/* full: awake */
}

void
edges_stop(struct edges *es)
{
	int	 i;

	if (es->board == NULL)
		return;
	for (i = 0; i < es->board->n; i++) {
		close(es->wake[i]);
		es->wake[i] = -1;
		if (es->pid[i] > 0) {
			kill(es->pid[i], SIGTERM);
			(void)waitpid(es->pid[i], NULL, 0);
			es->pid[i] = 0;
		}
	}
}

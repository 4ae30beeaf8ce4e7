/*
 * serve.c -- the master process and its pre-forked workers.
 *
 * The master migrates the database, fills in the search text owed
 * (store_text_fill_path()), opens the listening socket, forks
 * cfg->workers workers and then only watches them: a worker that dies is
 * replaced, SIGTERM/SIGINT stop everything gracefully (workers finish the
 * request they are in), SIGHUP makes every worker re-read the templates.
 * A worker owns its own SQLite connection, prepared statements, parsed
 * templates, page cache and request arena (struct app) for its whole
 * life.  With edge caches (--purge) the master also runs their purgers
 * (edges.c) and purges them whenever its watch (pagewatch.c) sees the
 * public pages change, and at every template reload.  With a relay
 * (--smtp) a mail process runs beside the workers (mail/sender.c);
 * without one the master itself sweeps the mail tables once a minute
 * (mail/sweep.c), woken by a timer (SIGALRM).
 */
#include <errno.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../app.h"
#include "../cache/pagecache.h"
#include "../cache/pagefiles.h"
#include "../media/files.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../util/clock.h"
#include "../util/log.h"
#include "../web/conn.h"
#include "../web/route.h"
#include "cli.h"
#include "edges.h"
#include "pagewatch.h"
#include "../mail/sender.h"
#include "../mail/sweep.h"

#define MAX_WORKERS	64
#define STOP_GRACE_S	10	/* seconds workers get to finish */

static volatile sig_atomic_t	 got_stop;
static volatile sig_atomic_t	 got_reload;

static void
on_stop(int sig)
{
	(void)sig;
	got_stop = 1;
}

static void
on_reload(int sig)
{
	(void)sig;
	got_reload = 1;
}

static void
on_child(int sig)
{
	(void)sig;	/* only wakes sigsuspend() */
}

static void
on_tick(int sig)
{
	(void)sig;	/* the sweep's timer: only wakes the master */
}

/* A worker runs each request with SIGTERM blocked, so this handler only
 * ever runs between requests, when there is nothing to finish. */
static void
on_worker_stop(int sig)
{
	(void)sig;
	_exit(0);
}

/* Install handlers without SA_RESTART so blocking calls return EINTR. */
static void
handle(int sig, void (*fn)(int))
{
	struct sigaction	 sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

/*
 * The time the templates a worker just loaded count from: the master's,
 * the same in every worker of one generation, so every worker gives a
 * page the same Last-Modified and ETag (pages/layout.c, web/resp.c).
 */
static int64_t
templates_time(const struct config *cfg)
{
	return cfg->templates_at != NULL ? *cfg->templates_at : clock_now();
}

/* Open what a worker owns; returns 0 on success. */
static int
app_open(struct app *app)
{
	arena_init(&app->arena);
	if (store_open(app->cfg.db_path, &app->store) != ST_OK)
		return -1;
	app->templates_at = templates_time(&app->cfg);
	if (tmpl_load(app->cfg.template_dir, &app->tmpl) != ST_OK) {
		store_close(app->store);
		app->store = NULL;
		return -1;
	}
	if (app->cfg.page_cache_kb > 0)
		app->pages = pagecache_new((size_t)app->cfg.page_cache_kb *
		    1024);
	app->files = pagefiles_new(app->cfg.page_dir);
	return 0;
}

static void
app_close(struct app *app)
{
	pagecache_free(app->pages);
	pagefiles_free(app->files);
	tmpl_free(app->tmpl);
	store_close(app->store);
	arena_free(&app->arena);
}

/* SIGHUP: parse the templates again; keep the old ones on an error. */
static void
reload_templates(struct app *app)
{
	struct tmpl_set	*t;
	int64_t		 at;

	got_reload = 0;
	at = templates_time(&app->cfg);
	if (tmpl_load(app->cfg.template_dir, &t) != ST_OK) {
		log_error("template reload failed; keeping the old templates");
		return;
	}
	tmpl_free(app->tmpl);
	app->tmpl = t;
	app->templates_at = at;
	pagecache_clear(app->pages);	/* pages of the old templates */
	log_info("templates reloaded");
}

/* PRESSRUM_MAX_REQUESTS=N (tests): a worker serves N requests, frees
 * everything and exit()s, so LeakSanitizer or valgrind can report. */
static long
max_requests(void)
{
	const char	*v = getenv("PRESSRUM_MAX_REQUESTS");

	return v != NULL ? strtol(v, NULL, 10) : 0;
}

/*
 * Keep a worker's heap between requests.  By default glibc hands the top
 * of the heap back to the kernel whenever a megabyte or so of it is free
 * and maps blocks over 128 KiB apart, so a request that builds a large
 * page grew the heap, page-faulted it in and gave it back again, each
 * time (a search page at 100,000 articles spent about a third of its
 * time there).  Blocks under HEAP_KEEP now come from a heap that is kept
 * up to HEAP_KEEP spare; larger ones (a sign-in's 64 MiB argon2id) are
 * still mapped and returned at once.
 */
#define HEAP_KEEP	(4 * 1024 * 1024)

static void
keep_heap(void)
{
	(void)mallopt(M_MMAP_THRESHOLD, HEAP_KEEP);
	(void)mallopt(M_TRIM_THRESHOLD, HEAP_KEEP);
}

/*
 * A worker: accept, serve, repeat.  SIGTERM and SIGHUP are blocked while
 * a request is served, so a stop lets it finish and a reload applies
 * before the next request is answered.
 */
static void
worker_main(const struct config *cfg, int fd)
{
	struct app	 app;
	struct conn	 c;
	sigset_t	 busy, none;
	int		 errors = 0;
	long		 served = 0, max = max_requests();

	memset(&app, 0, sizeof(app));
	app.cfg = *cfg;
	handle(SIGTERM, on_worker_stop);
	handle(SIGINT, SIG_IGN);	/* the master decides */
	handle(SIGHUP, on_reload);
	handle(SIGCHLD, SIG_DFL);
	sigemptyset(&none);
	sigemptyset(&busy);
	sigaddset(&busy, SIGTERM);
	sigaddset(&busy, SIGHUP);
	sigprocmask(SIG_SETMASK, &none, NULL);
	keep_heap();
	if (app_open(&app) != 0 || conn_init(&c, fd) != ST_OK)
		_exit(3);
	store_no_autocheckpoint(app.store);
	for (;;) {
		if (conn_accept(&c) != ST_OK) {
			if (errno == EINTR || got_reload)
				continue;
			log_error("accept failed: %s", strerror(errno));
			if (++errors > 100)
				break;
			continue;
		}
		sigprocmask(SIG_BLOCK, &busy, NULL);
		if (got_reload)
			reload_templates(&app);
		route_request(&app, &c);
		conn_finish(&c);
		store_after_write(app.store);	/* the client has its answer */
		pagefiles_upkeep(app.files);
		errors = 0;
		sigprocmask(SIG_SETMASK, &none, NULL);
		if (max > 0 && ++served >= max)
			break;
	}
	conn_free(&c);
	app_close(&app);
	if (max > 0 && served >= max)
		exit(0);	/* through exit(): leak checkers report */
	_exit(1);
}

static pid_t
spawn(const struct config *cfg, int fd)
{
	pid_t	 pid;

	if ((pid = fork()) == -1) {
		log_error("fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0)
		worker_main(cfg, fd);
	return pid;
}

/* The mail process (mail/sender.c), when there is a relay: it makes
 * scheduled mail and digests when due and sends the outbox.  0 when
 * none (no relay: mail made at publish waits in the outbox). */
static pid_t
spawn_sender(const struct config *cfg)
{
	pid_t	 pid;

	if (cfg->smtp_url == NULL)
		return 0;
	if ((pid = fork()) == -1) {
		log_error("fork: %s", strerror(errno));
		return 0;
	}
	if (pid == 0)
		sender_main(cfg);
	return pid;
}

/* Without a relay there is no mail process: the master sweeps the mail
 * tables itself (mail/sweep.c), woken every SWEEP_EVERY seconds (every
 * second with the test clock).  0, or -1 (logged). */
static int
sweep_start(const struct config *cfg, struct mail_sweep *sw)
{
	struct itimerval	 it;

	if (cfg->smtp_url != NULL)
		return 0;
	if (mail_sweep_open(sw, cfg) != 0)
		return -1;
	memset(&it, 0, sizeof(it));
	it.it_interval.tv_sec = cfg->test_clock ? 1 : SWEEP_EVERY;
	it.it_value = it.it_interval;
	if (setitimer(ITIMER_REAL, &it, NULL) == -1) {
		log_error("setitimer: %s", strerror(errno));
		mail_sweep_close(sw);
		return -1;
	}
	mail_sweep_tick(sw, cfg);
	return 0;
}

static void
sweep_stop(struct mail_sweep *sw)
{
	struct itimerval	 it;

	memset(&it, 0, sizeof(it));
	(void)setitimer(ITIMER_REAL, &it, NULL);
	mail_sweep_close(sw);
}

/* Send sig to every live worker. */
static void
signal_all(const pid_t *pids, int n, int sig)
{
	int	 i;

	for (i = 0; i < n; i++)
		if (pids[i] > 0)
			kill(pids[i], sig);
}

/* Stop: SIGTERM, wait up to STOP_GRACE_S, then SIGKILL the rest. */
static void
stop_all(pid_t *pids, int n)
{
	time_t	 deadline = time(NULL) + STOP_GRACE_S;
	int	 left, i;
	pid_t	 pid;

	signal_all(pids, n, SIGTERM);
	for (;;) {
		for (left = 0, i = 0; i < n; i++)
			left += pids[i] > 0;
		if (left == 0)
			return;
		if (time(NULL) >= deadline) {
			signal_all(pids, n, SIGKILL);
			deadline = time(NULL) + 3600;
		}
		if ((pid = waitpid(-1, NULL, WNOHANG)) > 0) {
			for (i = 0; i < n; i++)
				if (pids[i] == pid)
					pids[i] = 0;
		} else if (pid == 0)
			usleep(20000);
		else
			return;
	}
}

/* Replace the worker that exited, or note it if we are stopping. */
static void
reap(const struct config *cfg, int fd, pid_t *pids, int n)
{
	pid_t	 pid;
	int	 status, i;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (i = 0; i < n && pids[i] != pid; i++)
			continue;
		if (i == n && pid == pids[MAX_WORKERS]) {
			/* The sender (last slot): it too comes back. */
			log_error("mail sender %ld ended; starting another",
			    (long)pid);
			pids[MAX_WORKERS] = 0;
			if (!got_stop) {
				sleep(1);
				pids[MAX_WORKERS] = spawn_sender(cfg);
			}
			continue;
		}
		if (i == n)
			continue;
		if (WIFSIGNALED(status))
			log_error("worker %ld killed by signal %d; starting "
			    "another", (long)pid, WTERMSIG(status));
		else
			log_error("worker %ld exited with %d; starting "
			    "another", (long)pid, WEXITSTATUS(status));
		pids[i] = 0;
		if (got_stop)
			continue;
		if (WIFEXITED(status) && WEXITSTATUS(status) == 3)
			sleep(1);	/* cannot open db/templates: no storm */
		pids[i] = spawn(cfg, fd);
	}
}

int
cli_serve(struct config *cfg)
{
	pid_t		 pids[MAX_WORKERS + 1];	/* workers, then the sender */
	struct pagewatch watch = { .fd = -1 };
	struct mail_sweep sweep = { .db = NULL };
	struct edges	 edges;
	int64_t		*shared;
	sigset_t	 mask, old;
	int		 fd, i, n = cfg->workers;

	if (n < 1)
		n = 1;
	if (n > MAX_WORKERS)
		n = MAX_WORKERS;
	if (store_migrate(cfg->db_path) != ST_OK ||
	    store_text_fill_path(cfg->db_path) != ST_OK)
		return 1;
	if ((shared = mmap(NULL, sizeof(*shared), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0)) == MAP_FAILED) {
		log_error("mmap: %s", strerror(errno));
		return 1;
	}
	*shared = clock_now();
	cfg->templates_at = shared;
	/* Picture files the directory lacks (a new server, a restored
	 * backup); a failure is logged and the site still starts. */
	if (cfg->media_dir != NULL &&
	    media_files_write_path(cfg->db_path, cfg->media_dir) != 0)
		log_error("media: not every picture file could be written");
	if (edges_start(&edges, cfg) != 0)
		return 1;
	if ((cfg->page_dir != NULL && pagefiles_init(cfg->page_dir) != 0) ||
	    ((cfg->page_dir != NULL || cfg->npurge > 0 ||
	    cfg->media_dir != NULL) &&
	    pagewatch_open(&watch, cfg) != 0)) {
		edges_stop(&edges);
		return 1;
	}
	if (cfg->socket == NULL)
		fd = 0;		/* a FastCGI spawner's socket on stdin */
	else if ((fd = conn_listen(cfg->socket, 1024)) < 0) {
		log_error("cannot listen on %s", cfg->socket);
		return 1;
	}
	handle(SIGTERM, on_stop);
	handle(SIGINT, on_stop);
	handle(SIGHUP, on_reload);
	handle(SIGCHLD, on_child);
	handle(SIGALRM, on_tick);
	/* Block the signals we wait for; sigsuspend() opens the window. */
	sigemptyset(&mask);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGHUP);
	sigaddset(&mask, SIGCHLD);
	sigaddset(&mask, SIGALRM);
	sigprocmask(SIG_BLOCK, &mask, &old);
	memset(pids, 0, sizeof(pids));
	for (i = 0; i < n; i++)
		pids[i] = spawn(cfg, fd);
	pids[MAX_WORKERS] = spawn_sender(cfg);
	if (sweep_start(cfg, &sweep) != 0)
		log_error("mail: the master cannot sweep the mail tables; "
		    "unconfirmed sign-ups go only at the next sign-up");
	log_info("serving on %s with %d workers",
	    cfg->socket ? cfg->socket : "stdin", n);
	while (!got_stop) {
		if (watch.fd >= 0) {
			if (pagewatch_wait(&watch, &old))	/* or a signal */
				edges_purge(&edges);
		} else
			sigsuspend(&old);
		reap(cfg, fd, pids, n);
		mail_sweep_tick(&sweep, cfg);
		if (got_reload) {
			got_reload = 0;
			/* The new templates' time, before any worker loads
			 * them; later than the old one even within a second
			 * (a time not yet past sends no Last-Modified). */
			*shared = clock_now() > *shared ? clock_now() :
			    *shared + 1;
			signal_all(pids, n, SIGHUP);
			/* New templates: no page file of the old ones. */
			if (watch.fd >= 0)
				pagewatch_reload(&watch);
			edges_purge(&edges);
		}
	}
	pagewatch_close(&watch);
	sweep_stop(&sweep);
	sigprocmask(SIG_SETMASK, &old, NULL);
	log_info("stopping");
	edges_stop(&edges);
	if (pids[MAX_WORKERS] > 0)
		pids[n] = pids[MAX_WORKERS];	/* stopped with the workers */
	stop_all(pids, n + (pids[MAX_WORKERS] > 0));
	/* Nobody watches the database any more: nginx asks for every page
	 * (and gets 502) rather than serve what may go stale. */
	if (cfg->page_dir != NULL)
		(void)pagefiles_init(cfg->page_dir);
	close(fd);
	if (cfg->socket != NULL && strchr(cfg->socket, '/') != NULL)
		unlink(cfg->socket);
	return 0;
}

int
cli_cgi(struct config *cfg)
{
	struct app	 app;
	struct conn	 c;

	memset(&app, 0, sizeof(app));
	app.cfg = *cfg;
	if (store_migrate(cfg->db_path) != ST_OK ||
	    store_text_fill_path(cfg->db_path) != ST_OK || app_open(&app) != 0)
		return 1;
	if (conn_init(&c, -1) != ST_OK) {
		app_close(&app);
		return 1;
	}
	if (conn_accept(&c) == ST_OK) {
		route_request(&app, &c);
		conn_finish(&c);
		store_after_write(app.store);
	}
	conn_free(&c);
	app_close(&app);
	return 0;
}

/*
 * app.h -- what a worker process owns for its whole life.
 *
 * Created in main(), handed to every page handler.  Requests borrow it;
 * only the arena is reset between requests.
 */
#ifndef APP_H
#define APP_H

#include <stdint.h>

#include "util/arena.h"

struct edge_board;
struct pagecache;
struct pagefiles;
struct store;
struct tmpl_set;

struct config {
	const char	*db_path;
	const char	*socket;	/* unix path or 127.0.0.1:PORT */
	const char	*template_dir;
	const char	*base_url;	/* "http://127.0.0.1:8080", no '/' at end */
	int		 workers;
	int		 secure_cookies;	/* 1 when base_url is https */
	int		 test_clock;	/* accept the test clock hook */
	long		 page_cache_kb;	/* per worker; 0: no page cache */
	const char	*page_dir;	/* pages as files for nginx; NULL: off */
	const char	*smtp_url;	/* the mail relay; NULL: send nothing */
	const char	*mail_from;	/* envelope and From: address */
	const char	*media_dir;	/* picture files for nginx; NULL: off */
	/* When the master last had the templates loaded (start, SIGHUP),
	 * in memory it shares with its workers; NULL in CGI mode. */
	volatile int64_t *templates_at;
	/* Edge caches purged on every change (--purge, cache/edge.h), and
	 * how they answer, shared with the master; NULL: none. */
	const char	**purge;
	int		 npurge;
	struct edge_board *edges;
};

struct app {
	struct config	 cfg;
	struct store	*store;
	struct tmpl_set	*tmpl;
	struct arena	 arena;		/* reset per request */
	struct pagecache *pages;	/* rendered public pages; may be NULL */
	struct pagefiles *files;	/* the same, as files; may be NULL */
	int64_t		 templates_at;	/* when tmpl came in (Last-Modified) */
};

#endif

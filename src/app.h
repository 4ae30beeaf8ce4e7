/*
 * app.h -- what a worker process owns for its whole life.
 *
 * Created in main(), handed to every page handler.  Requests borrow it;
 * only the arena is reset between requests.
 */
#ifndef APP_H
#define APP_H

#include "util/arena.h"

struct pagecache;
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
};

struct app {
	struct config	 cfg;
	struct store	*store;
	struct tmpl_set	*tmpl;
	struct arena	 arena;		/* reset per request */
	struct pagecache *pages;	/* rendered public pages; may be NULL */
};

#endif

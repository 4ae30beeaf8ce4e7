/*
 * edge.h -- HTTP caches in front of Pressrum (Varnish, a CDN) and what
 * the master knows about them.
 *
 * Each edge is a URL (--purge URL, PRESSRUM_PURGE_URLS).  Whenever the
 * public pages change (a write, a scheduled moment, a template reload)
 * the master raises board->want; one purger process per edge
 * (cli/edges.c) sends that edge a purge request (edge_purge()) and
 * records here how it went.  The board lives in memory the master shares
 * with its workers, so the staff area can show an edge that has not
 * answered (pages/admin.c).
 */
#ifndef EDGE_H
#define EDGE_H

#include <stddef.h>
#include <stdint.h>

#define EDGE_MAX	8	/* edges at most */
#define EDGE_URL_MAX	256

/* One edge, written by its purger only. */
struct edge_status {
	char		 url[EDGE_URL_MAX];
	volatile int64_t done;		/* the last want it took */
	volatile int64_t ok_at;		/* unix s of its last 2xx; 0: none */
	volatile int64_t failing_since;	/* unix s; 0: answering */
	volatile int	 fails;		/* failed tries in a row */
	char		 error[96];	/* why the last try failed */
};

struct edge_board {
	volatile int64_t	 want;	/* raised by the master per change */
	int			 n;
	struct edge_status	 e[EDGE_MAX];
};

/*
 * Send one purge to url ("http://HOST[:PORT][/PATH][#METHOD]"; the
 * method is BAN unless the fragment names another, e.g. #PURGE) with
 * X-Pressrum-Seq: seq.  0 when it answered 2xx within timeout_ms in
 * all, else -1 with a reason (English, for the log and the staff page)
 * in err.
 */
int	edge_purge(const char *url, int64_t seq, int timeout_ms, char *err,
	    size_t errsz);

/* 1 if url is one edge_purge() can use. */
int	edge_url_ok(const char *url);

#endif

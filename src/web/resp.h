/*
 * resp.h -- the response: status, headers, a buffered body, one flush.
 *
 * Nothing reaches the client before resp_finish(), so a handler that
 * fails half-way can still turn into a clean error page.  resp_finish()
 * is the single place that writes the security headers.  The body is
 * dropped for HEAD requests; Content-Length is always sent.
 */
#ifndef RESP_H
#define RESP_H

#include <stddef.h>
#include <stdint.h>

#include "../util/buf.h"

struct conn;

struct resp {
	struct conn	*conn;
	int		 status;	/* 0 until a handler sets one */
	const char	*ctype;		/* default text/html; charset=utf-8 */
	struct buf	 headers;	/* extra "Name: value\r\n" lines */
	struct buf	 body;
	int		 head_only;
	int		 nocache;	/* staff pages, sessions: no-store */
	int		 no_referrer;	/* a secret address: no Referer from it */
	/* HTTP caching (resp_cache): the request's side, set by route.c */
	int		 conditional;	/* GET or HEAD: validators apply */
	const char	*if_none_match;	/* request headers, may be NULL */
	const char	*if_modified_since;
	int64_t		 last_modified;	/* newest content time, 0: unknown */
	int		 from_cache;	/* a worker's page cache answered */
};

/* resp_init/resp_free are the pair; the buffers are on the heap.  The
 * caller sets head_only (HEAD) and nocache itself. */
void	resp_init(struct resp *, struct conn *);
void	resp_free(struct resp *);
/* Forget everything set so far (status, headers, body): error pages. */
void	resp_clear(struct resp *);
void	resp_status(struct resp *, int);
/* ctype is not copied: a literal or an arena string. */
void	resp_type(struct resp *, const char *ctype);
/* Add a header line; name and value must not hold CR or LF (asserted;
 * with NDEBUG such a header is dropped and logged).  Status,
 * Content-Type and Content-Length belong to resp_finish() and are
 * refused the same way.  With nocache set, a Cache-Control added here
 * is replaced by "no-store". */
void	resp_header(struct resp *, const char *name, const char *val);
/* A 303 (or given status; 0 means 303) to an absolute path or URL:
 * sets the status and Location, replaces the body with a tiny page.
 * Bytes a URI may not hold (CR, LF and other controls, space,
 * non-ASCII, a '%' starting no escape) are percent-encoded. */
void	resp_redirect(struct resp *, int status, const char *location);
/* A text/plain (UTF-8) body: sets the type and appends text as is; no
 * escaping is needed where nothing is parsed as markup (robots.txt). */
void	resp_text(struct resp *, const char *text);
/* The page's content changed last at t (unix seconds): keeps the
 * newest of the times given, for Last-Modified. */
void	resp_last_modified(struct resp *, int64_t t);
/*
 * Caching, run by resp_finish() before the headers are written: a 200
 * to a GET or HEAD that is not nocache gets a strong ETag (a hash of
 * the type and body), Last-Modified (when known and before `now`'s
 * second, so a change later in the same second cannot hide),
 * Cache-Control "public, max-age=0, must-revalidate" unless the handler
 * set one (then also Surrogate-Control: SURROGATE_CONTROL), and
 * Vary: Cookie; a matching If-None-Match, or with none an
 * If-Modified-Since not older than Last-Modified, turns it into a 304.
 * nocache responses get Cache-Control: no-store (resp_render_head).
 */
void	resp_cache(struct resp *, int64_t now);
/* How long an edge cache (Varnish, a CDN: deploy/varnish.vcl) may keep
 * a public page that browsers revalidate each time: it is purged on
 * every change, so this only bounds an edge that missed its purges
 * (unreachable from the master).  Keep deploy/nginx-*.conf in step. */
#define SURROGATE_CONTROL	"max-age=60"
/* Write status line, headers and body to the connection.  Status 0
 * means 200.  The body is sent unless head_only (or 204/304). */
void	resp_finish(struct resp *);
/* Append the header block resp_finish() would send (from "Status:" to
 * the blank line) for a body of body_len bytes to out.  For tests. */
void	resp_render_head(const struct resp *, size_t body_len, struct buf *);

#endif

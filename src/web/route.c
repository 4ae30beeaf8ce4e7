/*
 * route.c -- the route table and the life of one request.
 *
 * route_request() is called by the worker loop for every accepted
 * connection: it parses the request (req.c), finds the route, checks the
 * method, calls the page handler, logs one line and flushes the
 * response (resp.c).  Routes are data: a pattern is a literal path or a
 * literal prefix followed by one ":param" segment, which may end in a
 * literal suffix (":slug.atom").  The first match wins.
 */
#include <string.h>
#include <time.h>

#include "../app.h"
#include "../pages/pages.h"
#include "../util/log.h"
#include "../util/slug.h"
#include "conn.h"
#include "req.h"
#include "resp.h"
#include "route.h"

enum route_flag {
	R_GET	= 1 << 0,	/* GET and HEAD */
	R_POST	= 1 << 1,
	R_SLUG	= 1 << 2	/* the :param must be a valid slug */
};

struct route {
	const char	*pattern;	/* "/nyheter/:slug" */
	page_fn		*fn;
	int		 flags;
};

static const struct route routes[] = {
	{ "/",			page_home_show,		R_GET },
	{ "/nyheter",		page_news_list,		R_GET },
	{ "/nyheter.atom",	page_feed_all,		R_GET },
	{ "/nyheter/:slug",	page_article_show,	R_GET | R_SLUG },
	{ "/amnen",		page_topic_list,	R_GET },
	{ "/amnen/:slug.atom",	page_feed_topic,	R_GET | R_SLUG },
	{ "/amnen/:slug",	page_topic_show,	R_GET | R_SLUG },
	{ "/kontakt",		page_contact_show,	R_GET },
	{ "/sitemap.xml",	page_sitemap,		R_GET },
};

/*
 * Match path against pattern.  On a match with a ":param" segment the
 * segment (without any suffix) is copied into ar and stored in *arg.
 * Returns 1 on a match.
 */
static int
match(struct arena *ar, const char *pattern, const char *path,
    const char **arg)
{
	const char	*colon = strchr(pattern, ':'), *suffix;
	size_t		 plen, slen, len;

	*arg = NULL;
	if (colon == NULL)
		return strcmp(pattern, path) == 0;
	plen = (size_t)(colon - pattern);
	if (strncmp(pattern, path, plen) != 0)
		return 0;
	path += plen;
	suffix = strchr(colon, '.');
	slen = suffix ? strlen(suffix) : 0;
	len = strlen(path);
	if (len <= slen || memchr(path, '/', len) != NULL ||
	    (slen && strcmp(path + len - slen, suffix) != 0))
		return 0;
	*arg = arena_strndup(ar, path, len - slen);
	return 1;
}

/* Dispatch rq to its handler, or to the 404/405 page. */
static void
dispatch(struct app *app, struct req *rq, struct resp *rs)
{
	const struct route	*r, *found = NULL;
	const char		*arg = NULL;
	size_t			 i;
	int			 want;

	for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++)
		if (match(rq->arena, routes[i].pattern, rq->path, &arg)) {
			found = &routes[i];
			break;
		}
	if (found == NULL) {
		page_error(app, rq, rs, ST_NOTFOUND);
		return;
	}
	r = found;
	want = rq->method == METHOD_POST ? R_POST :
	    (rq->method == METHOD_GET || rq->method == METHOD_HEAD) ? R_GET : 0;
	if ((r->flags & want) == 0) {
		page_error(app, rq, rs, ST_METHOD);
		resp_header(rs, "Allow", (r->flags & R_POST) ?
		    ((r->flags & R_GET) ? "GET, HEAD, POST" : "POST") :
		    "GET, HEAD");
		return;
	}
	if ((r->flags & R_SLUG) && !slug_valid(arg)) {
		page_error(app, rq, rs, ST_NOTFOUND);
		return;
	}
	rq->path_arg = arg;
	r->fn(app, rq, rs);
}

static long
elapsed_us(const struct timespec *t0)
{
	struct timespec	 t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (long)(t1.tv_sec - t0->tv_sec) * 1000000L +
	    (t1.tv_nsec - t0->tv_nsec) / 1000L;
}

void
route_request(struct app *app, struct conn *c)
{
	struct req	 rq;
	struct resp	 rs;
	struct timespec	 t0;
	enum status	 st;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	arena_reset(&app->arena);
	resp_init(&rs, c);
	memset(&rq, 0, sizeof(rq));
	st = req_parse(&rq, c, &app->arena);
	rs.head_only = rq.method == METHOD_HEAD;
	if (st != ST_OK)
		page_error(app, &rq, &rs, st);
	else
		dispatch(app, &rq, &rs);
	/* One line per request; the query string may hold search words
	 * but never secrets (those only travel in POST bodies). */
	log_info("%s %s %d %ldus", rq.method_name ? rq.method_name : "-",
	    rq.uri ? rq.uri : "-", rs.status ? rs.status : 200,
	    elapsed_us(&t0));
	resp_finish(&rs);
	resp_free(&rs);
}

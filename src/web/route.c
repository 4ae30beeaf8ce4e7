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
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "../app.h"
#include "../cache/pagecache.h"
#include "../cache/pagefiles.h"
#include "../pages/admin.h"
#include "../pages/admin_staff.h"
#include "../pages/admin_article.h"
#include "../pages/admin_editorial.h"
#include "../pages/admin_media.h"
#include "../util/clock.h"
#include "../util/hex.h"
#include "../util/log.h"
#include "../util/role.h"
#include "../util/slug.h"
#include "conn.h"
#include "req.h"
#include "resp.h"
#include "route.h"
#include "session.h"
#include "../util/civil.h"
#include "../store/search.h"
#include "../store/store.h"

enum route_flag {
	R_GET	= 1 << 0,	/* GET and HEAD */
	R_POST	= 1 << 1,
	R_SLUG	= 1 << 2,	/* the :param must be a valid slug */
	R_ID	= 1 << 3,	/* the :param must be a positive number */
	R_STAFF	= 1 << 4,	/* signed-in staff only; POSTs need CSRF */
	R_ADMIN	= RIGHT_ADMIN << 5,	/* the rights of util/role.h: */
	R_EDIT	= RIGHT_EDIT << 5,	/* a role with one of them may */
	R_PRESS	= RIGHT_PRESS << 5,
	R_TAIL	= 1 << 8,	/* the :param is the rest of the path, '/'
				 * included; the handler splits it */
	R_READ	= 1 << 9,	/* a public page that only reads: its
				 * queries run in one read transaction, and
				 * it may be kept in the page cache */
	R_FRESH	= 1 << 10	/* R_READ, but never kept: any text can be
				 * asked for, and would crowd out the rest */
};

#define R_ROLES	(R_ADMIN | R_EDIT | R_PRESS)
#define R_RIGHTS(flags)	(((flags) & R_ROLES) >> 5)	/* to role.h's */

/* One route: pattern and method(s) to a handler.  The same pattern may
 * appear twice, once for GET and once for POST. */
struct route {
	const char	*pattern;	/* "/nyheter/:slug" */
	page_fn		*fn;
	int		 flags;
};

static const struct route routes[] = {
	{ "/",			page_home_show,		R_GET | R_READ },
	{ "/nyheter",		page_news_list,		R_GET | R_READ },
	{ "/nyheter.atom",	page_feed_all,		R_GET | R_READ },
	{ "/nyheter/:slug",	page_article_show,	R_GET | R_READ | R_SLUG },
	{ "/amnen",		page_topic_list,	R_GET | R_READ },
	{ "/amnen/:slug.atom",	page_feed_topic,	R_GET | R_READ | R_SLUG },
	{ "/amnen/:slug",	page_topic_show,	R_GET | R_READ | R_SLUG },
	{ "/kontakt",		page_contact_show,	R_GET | R_READ },
	{ "/pressbilder",	page_press_image_list,	R_GET | R_READ },
	{ "/pressbilder/:id",	page_press_image_show,	R_GET | R_READ | R_ID },
	{ "/tillganglighet",	page_statement_show,	R_GET | R_READ },
	{ "/sitemap.xml",	page_sitemap,		R_GET | R_READ },
	{ "/eplikt.rss",	page_feed_eplikt,	R_GET | R_READ },
	{ "/robots.txt",	page_robots,		R_GET | R_READ },
	{ "/sok",		page_search,		R_GET | R_READ | R_FRESH },
	{ "/prenumerera",	page_subscribe_form,	R_GET },
	{ "/prenumerera",	page_subscribe,		R_POST },
	{ "/prenumerera/bekrafta/:token", page_subscribe_confirm_form, R_GET },
	{ "/prenumerera/bekrafta/:token", page_subscribe_confirm, R_POST },
	{ "/prenumerera/avsluta/:token", page_unsubscribe_form, R_GET },
	{ "/prenumerera/avsluta/:token", page_unsubscribe,	R_POST },

	/* The staff area.  R_STAFF: a session is needed; the role flags
	 * say who may; every staff POST is checked for its CSRF token. */
	{ "/admin/logga-in",	page_admin_login_form,	R_GET },
	{ "/admin/logga-in",	page_admin_login,	R_POST },
	{ "/admin/logga-ut",	page_admin_logout,	R_POST | R_STAFF },
	{ "/admin",		page_admin_home,	R_GET | R_STAFF },
	{ "/admin/mitt-konto",	page_admin_own_form,	R_GET | R_STAFF },
	{ "/admin/mitt-konto",	page_admin_own_save,	R_POST | R_STAFF },

	/* Contacts and press duty: press officers (and admins). */
	{ "/admin/kontakter",	page_admin_contact_list, R_GET | R_STAFF | R_PRESS },
	{ "/admin/kontakter",	page_admin_contact_create, R_POST | R_STAFF | R_PRESS },
	{ "/admin/kontakter/ny", page_admin_contact_new, R_GET | R_STAFF | R_PRESS },
	{ "/admin/kontakter/:id", page_admin_contact_edit, R_GET | R_ID | R_STAFF | R_PRESS },
	{ "/admin/kontakter/:id", page_admin_contact_save, R_POST | R_ID | R_STAFF | R_PRESS },
	{ "/admin/presslista",	page_admin_presslist,	R_GET | R_STAFF | R_PRESS },
	{ "/admin/presslista",	page_admin_presslist_create, R_POST | R_STAFF | R_PRESS },
	{ "/admin/presslista/ny", page_admin_presslist_new, R_GET | R_STAFF | R_PRESS },
	{ "/admin/presslista/:id", page_admin_presslist_edit, R_GET | R_ID | R_STAFF | R_PRESS },
	{ "/admin/presslista/:id", page_admin_presslist_save, R_POST | R_ID | R_STAFF | R_PRESS },
	{ "/admin/pressjour",	page_admin_duty_form,	R_GET | R_STAFF | R_PRESS },
	{ "/admin/pressjour",	page_admin_duty_save,	R_POST | R_STAFF | R_PRESS },
	/* Site notice, accounts, audit log, statement: admins. */
	{ "/admin/notis",	page_admin_notice_form,	R_GET | R_STAFF | R_ADMIN },
	{ "/admin/notis",	page_admin_notice_save,	R_POST | R_STAFF | R_ADMIN },
	{ "/admin/konton",	page_admin_account_list, R_GET | R_STAFF | R_ADMIN },
	{ "/admin/konton",	page_admin_account_create, R_POST | R_STAFF | R_ADMIN },
	{ "/admin/konton/ny",	page_admin_account_new,	R_GET | R_STAFF | R_ADMIN },
	{ "/admin/konton/:id",	page_admin_account_edit, R_GET | R_ID | R_STAFF | R_ADMIN },
	{ "/admin/konton/:id",	page_admin_account_save, R_POST | R_ID | R_STAFF | R_ADMIN },
	{ "/admin/logg",	page_admin_audit_list,	R_GET | R_STAFF | R_ADMIN },
	{ "/admin/tillganglighet", page_admin_statement_form, R_GET | R_STAFF | R_ADMIN },
	{ "/admin/tillganglighet", page_admin_statement_save, R_POST | R_STAFF | R_ADMIN },
	{ "/admin/klarsprak",	page_admin_klarsprak_form, R_GET | R_STAFF | R_ADMIN },
	{ "/admin/klarsprak",	page_admin_klarsprak_save, R_POST | R_STAFF | R_ADMIN },
	/* Articles and topics: editors (and admins).  The article :id
	 * routes take ID/versioner/N and the like (R_TAIL). */
	{ "/admin/epost",	page_admin_mail,	R_GET | R_STAFF | R_EDIT },
	{ "/admin/epost",	page_admin_mail_retry,	R_POST | R_STAFF | R_EDIT },
	{ "/admin/epost/person", page_admin_mail_person, R_GET | R_STAFF | R_ADMIN },
	{ "/admin/epost/person", page_admin_mail_person_post, R_POST | R_STAFF | R_ADMIN },
	{ "/admin/artiklar",	page_admin_article_list, R_GET | R_STAFF | R_EDIT },
	{ "/admin/artiklar",	page_admin_article_create, R_POST | R_STAFF | R_EDIT },
	{ "/admin/artiklar/ny",	page_admin_article_new,	R_GET | R_STAFF | R_EDIT },
	{ "/admin/artiklar/:id", page_admin_article_get, R_GET | R_TAIL | R_STAFF | R_EDIT },
	{ "/admin/artiklar/:id", page_admin_article_post, R_POST | R_TAIL | R_STAFF | R_EDIT },
	/* Review before publishing (admin_review.c). */
	{ "/admin/granskning",	page_admin_review_list,	R_GET | R_STAFF | R_EDIT },
	{ "/admin/granskning",	page_admin_review_setting, R_POST | R_STAFF | R_ADMIN },
	{ "/admin/granskning/:id", page_admin_review_show, R_GET | R_ID | R_STAFF | R_EDIT },
	{ "/admin/granskning/:id", page_admin_review_decide, R_POST | R_ID | R_STAFF | R_EDIT },
	{ "/admin/amnen",	page_admin_topic_list,	R_GET | R_STAFF | R_EDIT },
	{ "/admin/amnen",	page_admin_topic_create, R_POST | R_STAFF | R_EDIT },
	{ "/admin/amnen/ny",	page_admin_topic_new,	R_GET | R_STAFF | R_EDIT },
	{ "/admin/amnen/:id",	page_admin_topic_edit,	R_GET | R_ID | R_STAFF | R_EDIT },
	{ "/admin/amnen/:id",	page_admin_topic_save,	R_POST | R_ID | R_STAFF | R_EDIT },
	/* The picture library (issue 14): editors and press officers
	 * (portraits); lead images and documents for editors, portraits
	 * for press officers.  The POSTs take multipart/form-data (req.c,
	 * REQ_UPLOAD_PREFIX). */
	{ "/admin/media",	page_admin_media_list,	R_GET | R_STAFF | R_EDIT | R_PRESS },
	{ "/admin/media",	page_admin_media_create, R_POST | R_STAFF | R_EDIT | R_PRESS },
	{ "/admin/media/ny",	page_admin_media_new,	R_GET | R_STAFF | R_EDIT | R_PRESS },
	{ "/admin/media/artikel/:id", page_admin_media_lead_form, R_GET | R_ID | R_STAFF | R_EDIT },
	{ "/admin/media/artikel/:id", page_admin_media_lead_save, R_POST | R_ID | R_STAFF | R_EDIT },
	{ "/admin/media/kontakt/:id", page_admin_media_portrait_form, R_GET | R_ID | R_STAFF | R_PRESS },
	{ "/admin/media/kontakt/:id", page_admin_media_portrait_save, R_POST | R_ID | R_STAFF | R_PRESS },
	{ "/admin/media/dokument/:id", page_admin_media_doc_list, R_GET | R_ID | R_STAFF | R_EDIT },
	{ "/admin/media/dokument/:id", page_admin_media_doc_save, R_POST | R_ID | R_STAFF | R_EDIT },
	{ "/admin/media/:id",	page_admin_media_edit,	R_GET | R_ID | R_STAFF | R_EDIT | R_PRESS },
	{ "/admin/media/:id",	page_admin_media_save,	R_POST | R_ID | R_STAFF | R_EDIT | R_PRESS },
	/* Embargo preview links: public, the token is checked there. */
	{ "/forhandsvisning/:token", page_embargo_show,	R_GET },
};

/*
 * Match path against pattern.  On a match with a ":param" segment the
 * segment (without any suffix) is copied into ar and stored in *arg;
 * with tail set it may hold '/' (the rest of the path).  Returns 1 on a
 * match.
 */
static int
match(struct arena *ar, const char *pattern, const char *path,
    const char **arg, int tail)
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
	if (len <= slen || (!tail && memchr(path, '/', len) != NULL) ||
	    (slen && strcmp(path + len - slen, suffix) != 0))
		return 0;
	*arg = arena_strndup(ar, path, len - slen);
	return 1;
}

/* The roles that may use a route with these flags, as Swedish words
 * for the 403 page ("redaktörer och administratörer"), in ar. */
static const char *
roles_needed(struct arena *ar, int flags)
{
	const char	*out = NULL;
	int		 i;

	if (R_RIGHTS(flags) == 0)
		return "inloggad personal";
	for (i = ROLE__COUNT - 1; i >= 0; i--) {
		if ((role_table[i].rights & R_RIGHTS(flags)) == 0)
			continue;
		out = out == NULL ? role_table[i].plural :
		    arena_printf(ar, "%s%s%s", out, i == 0 ? " och " : ", ",
		    role_table[i].plural);
	}
	return out;
}

/*
 * The staff checks, in order: a live session (else sign in: a GET is
 * sent to the sign-in page, a POST gets the sign-in form with its fields
 * kept), the role, and for a POST the CSRF token.  Returns 1 when the
 * handler may run.
 */
static int
check_staff(struct app *app, struct req *rq, struct resp *rs, int flags,
    struct session *s)
{
	rs->nocache = 1;
	if (session_load(app, rq, s) != ST_OK) {
		if (rq->method == METHOD_POST)
			page_admin_login_again(app, rq, rs);
		else
			resp_redirect(rs, 303, arena_printf(rq->arena,
			    "/admin/logga-in?till=%s", rq->path));
		return 0;
	}
	rq->session = s;
	if (!role_may(s->account.role, R_RIGHTS(flags))) {
		page_forbidden(app, rq, rs, roles_needed(&app->arena, flags));
		return 0;
	}
	if (rq->method == METHOD_POST && csrf_check(app, rq, s) != ST_OK) {
		log_error("%s: CSRF check failed", rq->uri);
		page_forbidden(app, rq, rs, NULL);
		return 0;
	}
	return 1;
}

/* Find the route for rq; 405 (with Allow) when only the method is off. */
static const struct route *
find(struct req *rq, const char **arg, int *allow)
{
	size_t	 i;
	int	 want;

	want = rq->method == METHOD_POST ? R_POST :
	    (rq->method == METHOD_GET || rq->method == METHOD_HEAD) ? R_GET : 0;
	*allow = 0;
	for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
		if (!match(rq->arena, routes[i].pattern, rq->path, arg,
		    routes[i].flags & R_TAIL))
			continue;
		if (routes[i].flags & want)
			return &routes[i];
		*allow |= routes[i].flags & (R_GET | R_POST);
	}
	return NULL;
}

/*
 * 1 if the page for rq may come from, or go to, the worker's page
 * cache: a GET or HEAD of a public read-only route without a session,
 * with the cache in step with the database as this read transaction
 * sees it.  The footer's year changes at New Year, so that is a
 * boundary too.
 */
static int
page_cacheable(struct app *app, struct req *rq, struct resp *rs)
{
	int64_t	 now = clock_now(), seq, until, new_year;

	if ((app->pages == NULL && app->files == NULL) || rs->nocache ||
	    (rq->method != METHOD_GET &&
	    rq->method != METHOD_HEAD))
		return 0;
	if (store_cache_state(app->store, now, &seq, &until) != ST_OK)
		return 0;
	new_year = civil_year_start(civil_year(now) + 1);
	if (until > new_year)
		until = new_year;
	pagefiles_sync(app->files, seq, until, now);
	return pagecache_sync(app->pages, seq, until, now) ||
	    app->files != NULL;
}

/*
 * A page nginx may serve as a file from now on (cache/pagefiles.c): a
 * GET of the bare path (the same request without a query, as nginx
 * maps it), answered 200 with HTML and no header of the page's own.
 */
static void
keep_file(struct app *app, const struct req *rq, const struct resp *rs)
{
	if (app->files == NULL || rq->method != METHOD_GET ||
	    strchr(rq->uri, '?') != NULL || strcmp(rq->uri, rq->path) != 0 ||
	    rs->status != 200 || rs->nocache || rs->ctype != NULL ||
	    rs->headers.len != 0)
		return;
	pagefiles_put(app->files, rq->path, rs->body.data, rs->body.len,
	    rs->last_modified);
}

/* A read-only page in one read transaction, from the cache if kept. */
static void
dispatch_read(struct app *app, struct req *rq, struct resp *rs,
    const struct route *r)
{
	int	 cacheable;

	if (store_read_begin(app->store) != ST_OK) {
		r->fn(app, rq, rs);
		return;
	}
	cacheable = !(r->flags & R_FRESH) && page_cacheable(app, rq, rs);
	if (cacheable && pagecache_get(app->pages, rq->uri, rs))
		rs->from_cache = 1;
	else {
		r->fn(app, rq, rs);
		if (cacheable)
			pagecache_put(app->pages, rq->uri, rs);
	}
	/* Here with no file for it: nginx asks for a page it lacks. */
	if (cacheable)
		keep_file(app, rq, rs);
	store_read_end(app->store);
}

/* Dispatch rq to its handler, or to the 404/405 page. */
static void
dispatch(struct app *app, struct req *rq, struct resp *rs)
{
	const struct route	*r;
	struct session		 s;
	const char		*arg = NULL;
	int			 allow;

	if ((r = find(rq, &arg, &allow)) == NULL) {
		page_error(app, rq, rs, allow ? ST_METHOD : ST_NOTFOUND);
		if (allow)
			resp_header(rs, "Allow", allow == R_POST ? "POST" :
			    allow == R_GET ? "GET, HEAD" : "GET, HEAD, POST");
		return;
	}
	rq->path_id = (r->flags & R_ID) ? req_id(arg) : 0;
	if (((r->flags & R_SLUG) && !slug_valid(arg)) ||
	    ((r->flags & R_ID) && rq->path_id == 0)) {
		page_error(app, rq, rs, ST_NOTFOUND);
		return;
	}
	rq->path_arg = arg;
	if ((r->flags & R_STAFF) && !check_staff(app, rq, rs, r->flags, &s))
		return;
	if (r->flags & R_READ)
		dispatch_read(app, rq, rs, r);
	else
		r->fn(app, rq, rs);
}

/*
 * --test-clock: tests move "now" by writing seconds into the setting
 * test_clock_offset (sqlite3 CLI); it is read before every request.
 * Never enabled in production.
 */
static void
test_clock(struct app *app)
{
	clock_set_offset(store_test_clock_offset(app->store, &app->arena));
}

/*
 * 1 if the path of uri, the way nginx routes it (percent-escapes
 * decoded, runs of '/' as one, "." and ".." segments resolved), starts
 * with the segment "forhandsvisning" in any case: an embargo link, or
 * one that looks like it.  Only the first segment of the resolved path
 * matters, so it is tracked alone while the segments are walked.
 */
static int
preview_uri(const char *uri)
{
	static const char	 name[] = "forhandsvisning";
	char			 seg[sizeof(name)];
	const char		*p;
	size_t			 n = 0, depth = 0;
	int			 c, end, first = 0;

	for (p = uri;; p++) {
		c = (unsigned char)*p;
		end = c == '\0' || c == '?' || c == '#';
		if (c == '%' && hex_value(p[1]) >= 0 && hex_value(p[2]) >= 0) {
			c = hex_value(p[1]) * 16 + hex_value(p[2]);
			p += 2;
		}
		if (!end && c != '/') {
			if (n < sizeof(seg))
				seg[n] = (char)c;
			n++;
			continue;
		}
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			if (depth > 0)
				depth--;
		} else if (n > 0 && !(n == 1 && seg[0] == '.')) {
			if (depth++ == 0)
				first = n == sizeof(name) - 1 &&
				    strncasecmp(seg, name, n) == 0;
		}
		n = 0;
		if (end)
			return depth > 0 && first;
	}
}

/* The request URI fit for the log: a preview token is not, however the
 * path was spelt (as sent, or as nginx passed it on). */
static const char *
loggable_uri(const struct req *rq)
{
	if (rq->uri == NULL)
		return "-";
	if (preview_uri(rq->uri) ||
	    (rq->path != NULL && preview_uri(rq->path)))
		return "/forhandsvisning/[token]";
	/* Nor a subscriber's confirmation or unsubscribe token. */
	if (strncmp(rq->uri, "/prenumerera/bekrafta/", 22) == 0)
		return "/prenumerera/bekrafta/[token]";
	if (strncmp(rq->uri, "/prenumerera/avsluta/", 21) == 0)
		return "/prenumerera/avsluta/[token]";
	return rq->uri;
}

static long
elapsed_us(const struct timespec *t0)
{
	struct timespec	 t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (long)(t1.tv_sec - t0->tv_sec) * 1000000L +
	    (t1.tv_nsec - t0->tv_nsec) / 1000L;
}

/* After a write: the files of any older state are served no more. */
static void
hold_files(struct app *app)
{
	int64_t	 seq, until;

	if (store_cache_state(app->store, clock_now(), &seq, &until) == ST_OK)
		pagefiles_hold(app->cfg.page_dir, seq);
	else	/* unknown: hold past any state there can be, so no file
		 * is served until the next start or template reload */
		pagefiles_hold(app->cfg.page_dir, INT64_MAX);
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
	if (app->cfg.test_clock)
		test_clock(app);
	resp_init(&rs, c);
	memset(&rq, 0, sizeof(rq));
	st = req_parse(&rq, c, &app->arena);
	rs.head_only = rq.method == METHOD_HEAD;
	/* HTTP caching (resp_cache): conditional GETs, and never a stored
	 * copy of anything asked for with a session. */
	rs.conditional = rq.method == METHOD_GET || rq.method == METHOD_HEAD;
	rs.if_none_match = rq.if_none_match;
	rs.if_modified_since = rq.if_modified_since;
	if (req_cookie(&rq, SESSION_COOKIE) != NULL ||
	    req_cookie(&rq, session_cookie(app)) != NULL)
		rs.nocache = 1;
	if (st != ST_OK)
		page_error(app, &rq, &rs, st);
	else
		dispatch(app, &rq, &rs);
	/* One line per request; the query string may hold search words
	 * but never secrets (those only travel in POST bodies), and an
	 * embargo link's token is cut from its path. */
	log_info("%s %s %d %ldus%s", rq.method_name ? rq.method_name : "-",
	    loggable_uri(&rq), rs.status ? rs.status : 200,
	    elapsed_us(&t0), rs.from_cache ? " cached" : "");
	/* A write: files nginx serves stop before this answer leaves. */
	if (app->files != NULL && store_wrote(app->store))
		hold_files(app);
	resp_finish(&rs);
	resp_free(&rs);
}

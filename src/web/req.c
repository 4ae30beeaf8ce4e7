/*
 * req.c -- CGI params and the body -> struct req, checked at the door.
 *
 * The request's second step, after conn_accept(): req_parse() reads the
 * params nginx sends (REQUEST_METHOD, DOCUMENT_URI, QUERY_STRING,
 * HTTP_COOKIE, ...) and, for a urlencoded POST, the body.  Everything is
 * copied into the request arena and decoded once.  Bad percent-encoding,
 * invalid UTF-8, NUL bytes and inputs over the REQ_MAX_* limits are
 * refused here (ST_BADREQ, ST_TOOLARGE), so no handler ever sees them.
 * req_parse_params() is the same parser over params and a body in
 * memory: the seam the unit tests and tests/fuzz/fuzz_params.c use.
 */
#include <string.h>
#include <strings.h>

#include "../util/arena.h"
#include "../util/hex.h"
#include "../util/num.h"
#include "../util/utf8.h"
#include "conn.h"
#include "multipart.h"
#include "req.h"

#define FORM_TYPE	"application/x-www-form-urlencoded"

/*
 * Where a request's bytes come from: a FastCGI/CGI connection, or (the
 * test and fuzz seam, req_parse_params()) a param callback and a body
 * already in memory.  Everything below reads through this.
 */
struct src {
	const char	*(*param)(void *, const char *);
	long		 (*read)(void *, char *, size_t);
	void		*ctx;
};

struct membody {
	const char	*(*getparam)(void *, const char *);
	void		*ctx;
	const char	*body;
	size_t		 len, off;
};

static const char *
src_param(const struct src *s, const char *name)
{
	return s->param(s->ctx, name);
}

/*
 * Percent-decode n bytes of s into a new string in ar; with plus set,
 * '+' is a space.  The result must be valid UTF-8 without NUL and at
 * most REQ_MAX_FIELD bytes.  Stores it in *out.
 * Returns ST_OK, ST_BADREQ or ST_TOOLARGE (*out untouched on failure).
 */
static enum status
decode(struct arena *ar, const char *s, size_t n, int plus, char **out)
{
	char	*d;
	size_t	 i, j = 0;
	int	 hi, lo;

	if (n / 3 > REQ_MAX_FIELD)
		return ST_TOOLARGE;
	d = arena_alloc(ar, n + 1);
	for (i = 0; i < n; i++) {
		if (s[i] == '%') {
			if (n - i < 3 || (hi = hex_value(s[i + 1])) < 0 ||
			    (lo = hex_value(s[i + 2])) < 0)
				return ST_BADREQ;
			d[j++] = (char)(hi << 4 | lo);
			i += 2;
		} else
			d[j++] = (plus && s[i] == '+') ? ' ' : s[i];
	}
	d[j] = '\0';
	if (j > REQ_MAX_FIELD)
		return ST_TOOLARGE;
	if (!utf8_valid(d, j))
		return ST_BADREQ;
	*out = d;
	return ST_OK;
}

/* Number of non-empty '&'-separated pairs in n bytes of s. */
static size_t
count_pairs(const char *s, size_t n)
{
	size_t	 i, count = 0;
	int	 inpair = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '&')
			inpair = 0;
		else if (!inpair) {
			inpair = 1;
			count++;
		}
	}
	return count;
}

/* Decode one "key=value" (or bare "key") of n bytes into *kv. */
static enum status
parse_pair(struct arena *ar, const char *s, size_t n, struct kv *kv)
{
	const char	*eq = memchr(s, '=', n);
	size_t		 klen = eq != NULL ? (size_t)(eq - s) : n;
	char		*key, *val;
	enum status	 st;

	if ((st = decode(ar, s, klen, 1, &key)) != ST_OK)
		return st;
	if (eq == NULL)
		val = arena_strdup(ar, "");
	else if ((st = decode(ar, eq + 1, n - klen - 1, 1, &val)) != ST_OK)
		return st;
	kv->key = key;
	kv->val = val;
	return ST_OK;
}

/*
 * Parse n bytes of application/x-www-form-urlencoded data.  Keys, values
 * and the array are allocated in ar (the array exactly as long as the
 * pairs counted first).  Pairs with an empty key are dropped.
 * Returns ST_OK, ST_BADREQ or ST_TOOLARGE; out is empty on failure.
 */
enum status
req_parse_urlencoded(struct arena *ar, const char *s, size_t n,
    struct kvlist *out)
{
	struct kvlist	 l = { NULL, 0 };
	size_t		 count, i, start;
	enum status	 st = ST_OK;

	out->v = NULL;
	out->n = 0;
	if (s == NULL || (count = count_pairs(s, n)) == 0)
		return ST_OK;
	if (count > REQ_MAX_FIELDS)
		return ST_TOOLARGE;
	l.v = arena_alloc(ar, count * sizeof(*l.v));
	for (start = i = 0; i <= n; i++) {
		if (i < n && s[i] != '&')
			continue;
		if (i > start) {
			if ((st = parse_pair(ar, s + start, i - start,
			    &l.v[l.n])) != ST_OK)
				return st;
			if (l.v[l.n].key[0] != '\0')
				l.n++;
		}
		start = i + 1;
	}
	*out = l;
	return ST_OK;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* 1 if n bytes of s make a cookie name: printable ASCII, no separators. */
static int
cookie_name_ok(const char *s, size_t n)
{
	size_t	 i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] <= ' ' || s[i] >= 0x7f || strchr("()<>@,;:\\\"/[]?={}",
		    s[i]) != NULL)
			return 0;
	return 1;
}

/* Trim spaces from both ends of [*s, *s + *n). */
static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && is_space(**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && is_space((*s)[*n - 1]))
		(*n)--;
}

/* Store the cookie in n bytes of s into *kv if well-formed; 1 if so. */
static int
parse_cookie(struct arena *ar, const char *s, size_t n, struct kv *kv)
{
	const char	*eq, *name = s, *val;
	size_t		 nlen, vlen;

	if ((eq = memchr(s, '=', n)) == NULL)
		return 0;
	nlen = (size_t)(eq - s);
	val = eq + 1;
	vlen = n - nlen - 1;
	trim(&name, &nlen);
	trim(&val, &vlen);
	if (!cookie_name_ok(name, nlen) || !utf8_valid(val, vlen))
		return 0;
	kv->key = arena_strndup(ar, name, nlen);
	kv->val = arena_strndup(ar, val, vlen);
	return 1;
}

/*
 * Split a Cookie header into name/value pairs in ar.  Values are not
 * decoded.  Malformed pairs are skipped; only the first REQ_MAX_COOKIES
 * are kept.
 */
void
req_parse_cookies(struct arena *ar, const char *s, struct kvlist *out)
{
	const char	*p, *semi;
	size_t		 max = 1;

	out->v = NULL;
	out->n = 0;
	if (s == NULL || *s == '\0')
		return;
	for (p = s; (p = strchr(p, ';')) != NULL; p++)
		max++;
	if (max > REQ_MAX_COOKIES)
		max = REQ_MAX_COOKIES;
	out->v = arena_alloc(ar, max * sizeof(*out->v));
	for (p = s; out->n < max; p = semi + 1) {
		if ((semi = strchr(p, ';')) == NULL)
			semi = p + strlen(p);
		if (parse_cookie(ar, p, (size_t)(semi - p), &out->v[out->n]))
			out->n++;
		if (*semi == '\0')
			break;
	}
}

const char *
kv_get(const struct kvlist *l, const char *key)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0)
			return l->v[i].val;
	return NULL;
}

size_t
kv_all(const struct kvlist *l, const char *key, const char **out,
    size_t max)
{
	size_t	 i, n = 0;

	for (i = 0; i < l->n && n < max; i++)
		if (strcmp(l->v[i].key, key) == 0)
			out[n++] = l->v[i].val;
	return n;
}

const char *
req_query(const struct req *rq, const char *key)
{
	return kv_get(&rq->query, key);
}

const char *
req_form(const struct req *rq, const char *key)
{
	return kv_get(&rq->form, key);
}

const char *
req_cookie(const struct req *rq, const char *key)
{
	return kv_get(&rq->cookies, key);
}

/* A copy of s in ar with control bytes replaced by '?': for the log. */
static char *
logsafe(struct arena *ar, const char *s)
{
	char	*p, *d;

	if (s == NULL)
		return NULL;
	d = arena_strdup(ar, s);
	for (p = d; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	return d;
}

/* A copy of s in ar if it is valid UTF-8, else NULL. */
static const char *
text(struct arena *ar, const char *s)
{
	if (s == NULL || !utf8_valid(s, strlen(s)))
		return NULL;
	return arena_strdup(ar, s);
}

static void
parse_method(struct req *rq, const struct src *c)
{
	const char	*m = src_param(c, "REQUEST_METHOD");

	rq->method_name = logsafe(rq->arena, m);
	if (m == NULL)
		rq->method = METHOD_OTHER;
	else if (strcmp(m, "GET") == 0)
		rq->method = METHOD_GET;
	else if (strcmp(m, "HEAD") == 0)
		rq->method = METHOD_HEAD;
	else if (strcmp(m, "POST") == 0)
		rq->method = METHOD_POST;
	else
		rq->method = METHOD_OTHER;
}

/*
 * The headers handlers look at.  Origin and Referer feed the same-origin
 * check, so a malformed one is refused rather than treated as absent.
 * Returns ST_OK or ST_BADREQ.
 */
static enum status
parse_headers(struct req *rq, const struct src *c)
{
	struct arena	*ar = rq->arena;
	const char	*o = src_param(c, "HTTP_ORIGIN"),
			*r = src_param(c, "HTTP_REFERER"),
			*https = src_param(c, "HTTPS"),
			*scheme = src_param(c, "REQUEST_SCHEME");

	rq->remote_addr = text(ar, src_param(c, "REMOTE_ADDR"));
	rq->user_agent = text(ar, src_param(c, "HTTP_USER_AGENT"));
	rq->if_none_match = text(ar, src_param(c, "HTTP_IF_NONE_MATCH"));
	rq->if_modified_since = text(ar,
	    src_param(c, "HTTP_IF_MODIFIED_SINCE"));
	rq->https = (https != NULL && strcasecmp(https, "on") == 0) ||
	    (scheme != NULL && strcasecmp(scheme, "https") == 0);
	if ((o != NULL && (rq->origin = text(ar, o)) == NULL) ||
	    (r != NULL && (rq->referer = text(ar, r)) == NULL))
		return ST_BADREQ;
	return ST_OK;
}

/*
 * The decoded path.  nginx's DOCUMENT_URI is already decoded and
 * normalised, so it is only checked; without it (plain CGI) the path
 * part of REQUEST_URI is percent-decoded ('+' stays a '+').
 * Returns ST_OK or ST_BADREQ.
 */
static enum status
parse_path(struct req *rq, const struct src *c)
{
	const char	*du = src_param(c, "DOCUMENT_URI"),
			*ru = src_param(c, "REQUEST_URI"), *q;
	char		*p;
	enum status	 st;

	if (du != NULL && *du != '\0') {
		if (*du != '/' || !utf8_valid(du, strlen(du)))
			return ST_BADREQ;
		rq->path = arena_strdup(rq->arena, du);
		return ST_OK;
	}
	if (ru == NULL)
		return ST_BADREQ;
	q = strchr(ru, '?');
	st = decode(rq->arena, ru, q ? (size_t)(q - ru) : strlen(ru), 0, &p);
	if (st != ST_OK)
		return ST_BADREQ;
	if (*p != '/')
		return ST_BADREQ;
	rq->path = p;
	return ST_OK;
}

/* QUERY_STRING into rq->query.  ST_OK, ST_BADREQ or ST_TOOLARGE. */
static enum status
parse_query(struct req *rq, const struct src *c)
{
	const char	*qs = src_param(c, "QUERY_STRING");
	size_t		 n;

	if (qs == NULL)
		return ST_OK;
	if ((n = strlen(qs)) > REQ_MAX_QUERY)
		return ST_BADREQ;
	return req_parse_urlencoded(rq->arena, qs, n, &rq->query);
}

/* 1 if the media type of ct (parameters ignored) is FORM_TYPE. */
static int
is_form(const char *ct)
{
	size_t	 n;

	if (ct == NULL)
		return 0;
	while (is_space(*ct))
		ct++;
	n = strcspn(ct, ";");
	while (n > 0 && is_space(ct[n - 1]))
		n--;
	return n == strlen(FORM_TYPE) && strncasecmp(ct, FORM_TYPE, n) == 0;
}

/* 1 if ct is multipart/form-data and path takes uploads. */
static int
is_upload(const char *ct, const char *path)
{
	size_t	 n = strlen(REQ_UPLOAD_PREFIX);

	return ct != NULL && strncasecmp(ct, "multipart/form-data", 19) == 0 &&
	    strncmp(path, REQ_UPLOAD_PREFIX, n) == 0 &&
	    (path[n] == '\0' || path[n] == '/');
}

/* CONTENT_LENGTH as a number: ST_BADREQ if absent or not digits,
 * ST_TOOLARGE over max. */
static enum status
content_length(const char *cl, size_t max, size_t *len)
{
	size_t	 v = 0;

	if (cl == NULL || *cl == '\0')
		return ST_BADREQ;
	for (; *cl != '\0'; cl++) {
		if (*cl < '0' || *cl > '9')
			return ST_BADREQ;
		if (v <= max)
			v = v * 10 + (size_t)(*cl - '0');
	}
	if (v > max)
		return ST_TOOLARGE;
	*len = v;
	return ST_OK;
}

/*
 * A urlencoded POST body into rq->form; a multipart one to an upload
 * path (is_upload) into rq->form and rq->upload; other content types
 * leave the form empty.  A body over REQ_MAX_BODY (REQ_MAX_UPLOAD for an
 * upload), of any type, is refused before it is read.
 * Returns ST_OK, ST_BADREQ (missing or short body) or ST_TOOLARGE.
 */
static enum status
parse_body(struct req *rq, const struct src *c)
{
	const char	*cl = src_param(c, "CONTENT_LENGTH"),
			*ct = src_param(c, "CONTENT_TYPE");
	char		*body;
	size_t		 len = 0, got;
	long		 r;
	enum status	 st;
	int		 upload = is_upload(ct, rq->path);

	st = content_length(cl, upload ? REQ_MAX_UPLOAD : REQ_MAX_BODY, &len);
	if (!upload && !is_form(ct))
		return st == ST_TOOLARGE ? ST_TOOLARGE : ST_OK;
	if (st != ST_OK)
		return st;
	if (len == 0)
		return ST_OK;
	body = arena_alloc(rq->arena, len + 1);
	for (got = 0; got < len; got += (size_t)r)
		if ((r = c->read(c->ctx, body + got, len - got)) <= 0)
			return ST_BADREQ;
	if (upload)
		return multipart_req(rq->arena, ct, body, len, &rq->form,
		    &rq->upload);
	return req_parse_urlencoded(rq->arena, body, len, &rq->form);
}

/* Fill rq through the source c; see req_parse(). */
static enum status
parse_all(struct req *rq, const struct src *c, struct arena *ar)
{
	enum status	 st;

	memset(rq, 0, sizeof(*rq));
	rq->arena = ar;
	rq->path = "/";
	parse_method(rq, c);
	rq->uri = logsafe(ar, src_param(c, "REQUEST_URI"));
	if ((st = parse_headers(rq, c)) != ST_OK)
		goto out;
	req_parse_cookies(ar, src_param(c, "HTTP_COOKIE"), &rq->cookies);
	if ((st = parse_path(rq, c)) != ST_OK)
		goto out;
	if ((st = parse_query(rq, c)) != ST_OK)
		goto out;
	if (rq->method == METHOD_POST)
		st = parse_body(rq, c);
out:
	return st;
}

static const char *
conn_src_param(void *ctx, const char *name)
{
	return conn_param(ctx, name);
}

static long
conn_src_read(void *ctx, char *p, size_t n)
{
	return conn_read(ctx, p, n);
}

/*
 * Fill rq from the params and body on c.  All strings are allocated in
 * ar.  Returns ST_OK, ST_BADREQ or ST_TOOLARGE; on failure rq holds what
 * was parsed before the error (method first, so HEAD is known).
 */
enum status
req_parse(struct req *rq, struct conn *c, struct arena *ar)
{
	struct src	 s = { conn_src_param, conn_src_read, c };

	return parse_all(rq, &s, ar);
}

static const char *
mem_param(void *ctx, const char *name)
{
	struct membody	*m = ctx;

	return m->getparam(m->ctx, name);
}

static long
mem_read(void *ctx, char *p, size_t n)
{
	struct membody	*m = ctx;

	if (n > m->len - m->off)
		n = m->len - m->off;
	if (n == 0)
		return 0;
	memcpy(p, m->body + m->off, n);
	m->off += n;
	return (long)n;
}

/*
 * req_parse() without a connection: params come from getparam(ctx,
 * name) (NULL when absent), the body from bodylen bytes at body.  Same
 * allocation, checks and statuses as req_parse().
 */
enum status
req_parse_params(struct req *rq, struct arena *ar,
    const char *(*getparam)(void *, const char *), void *ctx,
    const char *body, size_t bodylen)
{
	struct membody	 m = { getparam, ctx, body, bodylen, 0 };
	struct src	 s = { mem_param, mem_read, &m };

	return parse_all(rq, &s, ar);
}

/* --- typed values -------------------------------------------------------- */

/* The one number rule, util/num.c's. */
enum status
req_parse_int(const char *s, int64_t min, int64_t max, int64_t *v)
{
	return num_parse_int(s, min, max, v);
}

int64_t
req_id(const char *s)
{
	int64_t	 v = 0;

	return req_parse_int(s, 1, REQ_MAX_ID, &v) == ST_OK ? v : 0;
}

enum status
req_query_uint(const struct req *rq, const char *key, int64_t max,
    int64_t *v)
{
	return req_parse_int(req_query(rq, key), 0, max, v);
}

enum status
req_query_id(const struct req *rq, const char *key, int64_t *v)
{
	return req_parse_int(req_query(rq, key), 1, REQ_MAX_ID, v);
}

enum status
req_query_page(const struct req *rq, const char *key, int64_t max,
    int64_t *v)
{
	enum status	 st = req_parse_int(req_query(rq, key), 1, max, v);

	if (st == ST_NOTFOUND)
		*v = 1;
	return st == ST_BADREQ ? ST_BADREQ : ST_OK;
}

enum status
req_form_uint(const struct req *rq, const char *key, int64_t max,
    int64_t *v)
{
	return req_parse_int(req_form(rq, key), 0, max, v);
}

enum status
req_form_int(const struct req *rq, const char *key, int64_t min,
    int64_t max, int64_t *v)
{
	return req_parse_int(req_form(rq, key), min, max, v);
}

enum status
req_form_id(const struct req *rq, const char *key, int64_t *v)
{
	return req_parse_int(req_form(rq, key), 1, REQ_MAX_ID, v);
}

/*
 * req.h -- a request, parsed once and checked at the door.
 *
 * req_parse() turns FastCGI params and the body into a struct req whose
 * strings all live in the request arena and are valid UTF-8.  Malformed
 * input (bad percent-encoding, invalid UTF-8, too many or too long
 * fields) is refused here with ST_BADREQ or ST_TOOLARGE, so handlers see
 * only checked values.
 *
 * Ownership: struct req and struct kvlist own nothing themselves.  Every
 * string and every kv array they point to is allocated in the arena
 * given to req_parse() (or to the req_parse_* helpers) and dies with the
 * next arena_reset(); nothing here is ever free()d.  Keys and values
 * are NUL-terminated, valid UTF-8 and hold no NUL byte.
 */
#ifndef REQ_H
#define REQ_H

#include <stddef.h>
#include <stdint.h>

#include "../util/status.h"

#define REQ_MAX_BODY	(1024 * 1024)	/* bytes of form body */
#define REQ_MAX_FIELDS	200		/* fields in a query or form */
#define REQ_MAX_FIELD	(300 * 1024)	/* bytes in one decoded value */
#define REQ_MAX_QUERY	8192		/* bytes of query string */
#define REQ_MAX_COOKIES	50		/* cookies kept from the header */
#define REQ_MAX_ID	(INT64_C(1) << 53)	/* ids: 1 .. 2^53 */
/* A multipart/form-data body (a file upload) is read only for paths
 * under REQ_UPLOAD_PREFIX, up to REQ_MAX_UPLOAD bytes: a 20 MiB file
 * (media/image.h) and the form's other fields.  nginx's
 * client_max_body_size for that location is the same 21m
 * (deploy/nginx-*.conf); both answer a larger body with 413. */
#define REQ_UPLOAD_PREFIX "/admin/media"
#define REQ_MAX_UPLOAD	(21 * 1024 * 1024)

struct arena;
struct conn;
struct mp_form;
struct session;

enum method {
	METHOD_GET,
	METHOD_HEAD,
	METHOD_POST,
	METHOD_OTHER
};

struct kv {
	const char	*key;
	const char	*val;
};

struct kvlist {
	struct kv	*v;
	size_t		 n;
};

struct req {
	struct arena	*arena;
	enum method	 method;
	const char	*method_name;
	const char	*path;		/* decoded, without the query */
	const char	*uri;		/* as sent, for the log */
	struct kvlist	 query;
	struct kvlist	 form;		/* urlencoded POST body, or the
					 * plain fields of a multipart one */
	const struct mp_form *upload;	/* a multipart body's parts (files
					 * too), else NULL */
	struct kvlist	 cookies;
	const char	*remote_addr;
	const char	*user_agent;
	const char	*origin;	/* Origin header, may be NULL */
	const char	*referer;
	const char	*if_none_match;
	const char	*if_modified_since;
	const char	*path_arg;	/* the route's :param, decoded */
	int64_t		 path_id;	/* an R_ID route's :id (req_id()),
					 * else 0 */
	const struct session *session;	/* signed-in staff, set by route.c
					 * for staff routes; else NULL */
	int		 https;
};

/* Fill rq from the connection.  Strings live in ar.  Fields are filled
 * in order (method, uri, headers, cookies, path, query, form), so on
 * failure rq still holds what was parsed before the error and
 * rq->path is at least "/". */
enum status	 req_parse(struct req *, struct conn *, struct arena *);
/* req_parse() without a connection (tests, fuzzing): each param comes
 * from getparam(ctx, name), NULL when absent; the body is the bodylen
 * bytes at body (NULL when bodylen is 0).  Same checks and statuses. */
enum status	 req_parse_params(struct req *, struct arena *,
		    const char *(*getparam)(void *, const char *), void *ctx,
		    const char *body, size_t bodylen);

/* Parse application/x-www-form-urlencoded bytes (query strings, bodies).
 * '+' is a space; every key and value must decode to valid UTF-8.
 * Returns ST_BADREQ or ST_TOOLARGE on malformed input. */
enum status	 req_parse_urlencoded(struct arena *, const char *, size_t,
		    struct kvlist *);
/* Parse a Cookie header ("a=b; c=d"); malformed pairs are skipped.
 * No decoding; at most REQ_MAX_COOKIES are kept.  NULL gives an empty
 * list. */
void		 req_parse_cookies(struct arena *, const char *, struct kvlist *);

/* First value for key, or NULL. */
const char	*kv_get(const struct kvlist *, const char *key);
/* Every value for key (checkboxes: topic=1&topic=2), in order: stores at
 * most max pointers in out and returns how many it stored. */
size_t		 kv_all(const struct kvlist *, const char *key,
		    const char **out, size_t max);
const char	*req_query(const struct req *, const char *key);
const char	*req_form(const struct req *, const char *key);
const char	*req_cookie(const struct req *, const char *key);

/*
 * Typed values: the one place numbers in a request are read, by
 * util/num.c's rule.  s must be decimal digits without a leading zero
 * ("0" is fine), a '-' in front only when min < 0, and nothing else.
 * ST_OK with *v in [min, max]; ST_NOTFOUND when s is NULL or "" (the
 * field was left out or empty); ST_BADREQ for anything else (junk, a
 * sign, space, overflow, out of range).  *v is only written on ST_OK,
 * so a default set before stays.  A public page answers ST_BADREQ with
 * 400; a staff form shows itself again with a message.
 */
enum status	 req_parse_int(const char *s, int64_t min, int64_t max,
		    int64_t *v);
/* s as an id (1 .. REQ_MAX_ID), or 0: path parts, checkbox values. */
int64_t		 req_id(const char *s);
/* Query and form fields through req_parse_int(): _uint is [0, max],
 * _id is [1, REQ_MAX_ID]. */
enum status	 req_query_uint(const struct req *, const char *key,
		    int64_t max, int64_t *v);
enum status	 req_query_id(const struct req *, const char *key, int64_t *v);
/* ?key as a page number in [1, max]: *v is 1 when the field is left out
 * or empty; ST_BADREQ for anything else ("0", junk, past max). */
enum status	 req_query_page(const struct req *, const char *key,
		    int64_t max, int64_t *v);
enum status	 req_form_uint(const struct req *, const char *key,
		    int64_t max, int64_t *v);
enum status	 req_form_int(const struct req *, const char *key,
		    int64_t min, int64_t max, int64_t *v);
enum status	 req_form_id(const struct req *, const char *key, int64_t *v);

#endif

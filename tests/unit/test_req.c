/*
 * test_req.c -- the request parser: query strings, forms, cookies and
 * whole requests run through conn.c's CGI mode (environment + stdin).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "util/arena.h"
#include "web/conn.h"
#include "web/req.h"

struct qcase {
	const char	*in;
	enum status	 st;
	size_t		 n;		/* pairs on success */
	const char	*k0, *v0;	/* first pair, if any */
};

static const struct qcase qcases[] = {
	{ "a=1&b=2",		ST_OK,		2, "a", "1" },
	{ "a=%C3%A5",		ST_OK,		1, "a", "\xc3\xa5" },
	{ "q=hej+d%C3%A5",	ST_OK,		1, "q", "hej d\xc3\xa5" },
	{ "+",			ST_OK,		1, " ", "" },
	{ "",			ST_OK,		0, NULL, NULL },
	{ "a&b",		ST_OK,		2, "a", "" },
	{ "a=1&&b=2",		ST_OK,		2, "a", "1" },
	{ "&&&",		ST_OK,		0, NULL, NULL },
	{ "=x&a=1",		ST_OK,		1, "a", "1" },
	{ "a=b=c",		ST_OK,		1, "a", "b=c" },
	{ "a=%41%4a%4A",	ST_OK,		1, "a", "AJJ" },
	{ "%zz",		ST_BADREQ,	0, NULL, NULL },
	{ "a=%4",		ST_BADREQ,	0, NULL, NULL },
	{ "a=%",		ST_BADREQ,	0, NULL, NULL },
	{ "a=%C3",		ST_BADREQ,	0, NULL, NULL },
	{ "a=%00",		ST_BADREQ,	0, NULL, NULL },
	{ "%00=a",		ST_BADREQ,	0, NULL, NULL },
	{ "a=%FF",		ST_BADREQ,	0, NULL, NULL },
	{ "a=%C0%AF",		ST_BADREQ,	0, NULL, NULL },
	{ "a=%ED%A0%80",	ST_BADREQ,	0, NULL, NULL },
	{ "ok=1&a=\xff",	ST_BADREQ,	0, NULL, NULL },
};

static void
test_urlencoded_table(void **state)
{
	struct arena	 ar;
	struct kvlist	 l;
	size_t		 i;
	enum status	 st;

	(void)state;
	arena_init(&ar);
	for (i = 0; i < sizeof(qcases) / sizeof(qcases[0]); i++) {
		const struct qcase *q = &qcases[i];

		st = req_parse_urlencoded(&ar, q->in, strlen(q->in), &l);
		if (st != q->st)
			fail_msg("case %zu \"%s\": status %d, want %d",
			    i, q->in, st, q->st);
		if (st != ST_OK) {
			assert_int_equal(l.n, 0);
			continue;
		}
		assert_int_equal(l.n, q->n);
		if (q->k0 != NULL) {
			assert_string_equal(l.v[0].key, q->k0);
			assert_string_equal(l.v[0].val, q->v0);
		}
	}
	arena_free(&ar);
}

static void
test_urlencoded_second_pair(void **state)
{
	struct arena	 ar;
	struct kvlist	 l;

	(void)state;
	arena_init(&ar);
	assert_int_equal(req_parse_urlencoded(&ar, "a=1&&b=2", 8, &l), ST_OK);
	assert_string_equal(kv_get(&l, "b"), "2");
	assert_null(kv_get(&l, "c"));
	/* Length-bounded: bytes after n are not read. */
	assert_int_equal(req_parse_urlencoded(&ar, "a=1&b=%zz", 3, &l), ST_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(req_parse_urlencoded(&ar, NULL, 0, &l), ST_OK);
	assert_int_equal(l.n, 0);
	arena_free(&ar);
}

static void
test_urlencoded_limits(void **state)
{
	struct arena	 ar;
	struct kvlist	 l;
	char		*s;
	size_t		 i, n;

	(void)state;
	arena_init(&ar);
	s = malloc(REQ_MAX_FIELD + 64);
	assert_non_null(s);

	/* 200 fields pass, 201 do not. */
	for (n = 0, i = 0; i < REQ_MAX_FIELDS; i++)
		n += (size_t)sprintf(s + n, "f%zu=1&", i);
	assert_int_equal(req_parse_urlencoded(&ar, s, n, &l), ST_OK);
	assert_int_equal(l.n, REQ_MAX_FIELDS);
	n += (size_t)sprintf(s + n, "x=1");
	assert_int_equal(req_parse_urlencoded(&ar, s, n, &l), ST_TOOLARGE);
	assert_int_equal(l.n, 0);

	/* A value of exactly REQ_MAX_FIELD bytes passes, one more does not. */
	memcpy(s, "v=", 2);
	memset(s + 2, 'x', REQ_MAX_FIELD);
	assert_int_equal(req_parse_urlencoded(&ar, s, REQ_MAX_FIELD + 2, &l),
	    ST_OK);
	assert_int_equal(strlen(l.v[0].val), REQ_MAX_FIELD);
	s[REQ_MAX_FIELD + 2] = 'x';
	assert_int_equal(req_parse_urlencoded(&ar, s, REQ_MAX_FIELD + 3, &l),
	    ST_TOOLARGE);
	free(s);
	arena_free(&ar);
}

static void
test_kv_all(void **state)
{
	struct arena	 ar;
	struct kvlist	 l;
	const char	*v[4];
	const char	 q[] = "topic=1&x=9&topic=2&topic=3";

	(void)state;
	arena_init(&ar);
	assert_int_equal(req_parse_urlencoded(&ar, q, strlen(q), &l), ST_OK);
	assert_int_equal(kv_all(&l, "topic", v, 4), 3);
	assert_string_equal(v[0], "1");
	assert_string_equal(v[1], "2");
	assert_string_equal(v[2], "3");
	assert_int_equal(kv_all(&l, "topic", v, 2), 2);
	assert_int_equal(kv_all(&l, "none", v, 4), 0);
	assert_string_equal(kv_get(&l, "topic"), "1");
	arena_free(&ar);
}

static void
test_cookies(void **state)
{
	struct arena	 ar;
	struct kvlist	 l;
	char		 many[2048];
	size_t		 i, n;

	(void)state;
	arena_init(&ar);
	req_parse_cookies(&ar, "a=b; c=d", &l);
	assert_int_equal(l.n, 2);
	assert_string_equal(kv_get(&l, "a"), "b");
	assert_string_equal(kv_get(&l, "c"), "d");

	req_parse_cookies(&ar, "  sid = x%41 ;bad; =y;ok=1;;e=;\xff=1;v=\xff",
	    &l);
	assert_int_equal(l.n, 3);
	assert_string_equal(kv_get(&l, "sid"), "x%41");
	assert_string_equal(kv_get(&l, "ok"), "1");
	assert_string_equal(kv_get(&l, "e"), "");
	assert_null(kv_get(&l, "bad"));
	assert_null(kv_get(&l, "v"));

	req_parse_cookies(&ar, NULL, &l);
	assert_int_equal(l.n, 0);
	req_parse_cookies(&ar, "", &l);
	assert_int_equal(l.n, 0);

	for (n = 0, i = 0; i < 60; i++)
		n += (size_t)sprintf(many + n, "c%zu=%zu; ", i, i);
	req_parse_cookies(&ar, many, &l);
	assert_int_equal(l.n, REQ_MAX_COOKIES);
	assert_string_equal(kv_get(&l, "c49"), "49");
	assert_null(kv_get(&l, "c50"));
	arena_free(&ar);
}

/* Whole requests through the CGI mode of conn.c. */

static const char *const vars[] = {
	"REQUEST_METHOD", "REQUEST_URI", "DOCUMENT_URI", "QUERY_STRING",
	"HTTP_COOKIE", "REMOTE_ADDR", "HTTP_USER_AGENT", "HTTP_ORIGIN",
	"HTTP_REFERER", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE",
	"HTTPS", "REQUEST_SCHEME", "CONTENT_TYPE", "CONTENT_LENGTH",
};

static int
clear_env(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		unsetenv(vars[i]);
	return 0;
}

/* Make body the request's stdin. */
static void
set_body(const char *body)
{
	char	 path[] = "/tmp/pressrum-test-req-XXXXXX";
	int	 fd;

	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, body, strlen(body)), (ssize_t)strlen(body));
	close(fd);
	assert_non_null(freopen(path, "r", stdin));
	unlink(path);
}

/* Parse the request described by the environment. */
static enum status
parse(struct req *rq, struct arena *ar)
{
	struct conn	 c;
	enum status	 st;

	assert_int_equal(conn_init(&c, -1), ST_OK);
	assert_int_equal(conn_accept(&c), ST_OK);
	st = req_parse(rq, &c, ar);
	assert_int_equal(conn_accept(&c), ST_ERROR);
	conn_free(&c);
	return st;
}

static void
test_parse_get(void **state)
{
	struct arena	 ar;
	struct req	 rq;

	(void)state;
	arena_init(&ar);
	setenv("REQUEST_METHOD", "GET", 1);
	setenv("REQUEST_URI", "/nyheter?sida=2&amne=j%C3%A4m", 1);
	setenv("DOCUMENT_URI", "/nyheter", 1);
	setenv("QUERY_STRING", "sida=2&amne=j%C3%A4m", 1);
	setenv("HTTP_COOKIE", "sid=abc; theme=dark", 1);
	setenv("REMOTE_ADDR", "127.0.0.1", 1);
	setenv("HTTP_USER_AGENT", "curl/7.88 \xff", 1);
	setenv("HTTPS", "on", 1);
	assert_int_equal(parse(&rq, &ar), ST_OK);
	assert_int_equal(rq.method, METHOD_GET);
	assert_string_equal(rq.method_name, "GET");
	assert_string_equal(rq.path, "/nyheter");
	assert_string_equal(rq.uri, "/nyheter?sida=2&amne=j%C3%A4m");
	assert_string_equal(req_query(&rq, "sida"), "2");
	assert_string_equal(req_query(&rq, "amne"), "j\xc3\xa4m");
	assert_string_equal(req_cookie(&rq, "sid"), "abc");
	assert_string_equal(rq.remote_addr, "127.0.0.1");
	assert_null(rq.user_agent);	/* not UTF-8: dropped */
	assert_null(rq.origin);
	assert_int_equal(rq.https, 1);
	assert_null(req_form(&rq, "sida"));
	arena_free(&ar);
}

static void
test_parse_path(void **state)
{
	struct arena	 ar;
	struct req	 rq;

	(void)state;
	arena_init(&ar);
	setenv("REQUEST_METHOD", "HEAD", 1);
	setenv("REQUEST_URI", "/amnen/j%C3%A4m+st?x=1", 1);
	assert_int_equal(parse(&rq, &ar), ST_OK);
	assert_int_equal(rq.method, METHOD_HEAD);
	assert_string_equal(rq.path, "/amnen/j\xc3\xa4m+st");
	assert_int_equal(rq.https, 0);

	setenv("REQUEST_URI", "/a%00b", 1);
	assert_int_equal(parse(&rq, &ar), ST_BADREQ);
	assert_int_equal(rq.method, METHOD_HEAD);
	setenv("REQUEST_URI", "/a%FF", 1);
	assert_int_equal(parse(&rq, &ar), ST_BADREQ);
	setenv("REQUEST_URI", "/%zz", 1);
	assert_int_equal(parse(&rq, &ar), ST_BADREQ);
	setenv("REQUEST_URI", "nyheter", 1);
	assert_int_equal(parse(&rq, &ar), ST_BADREQ);
	setenv("DOCUMENT_URI", "/ok\xc3", 1);
	assert_int_equal(parse(&rq, &ar), ST_BADREQ);
	setenv("DOCUMENT_URI", "/100%", 1);	/* already decoded */
	assert_int_equal(parse(&rq, &ar), ST_OK);
	assert_string_equal(rq.path, "/100%");
	arena_free(&ar);
}

static void
test_parse_query_limits(void **state)
{
	struct arena	 ar;
	struct req	 rq;
	char		*q;

	(void)state;
	arena_init(&ar);
	q = malloc(REQ_MAX_QUERY + 2);
	assert_non_null(q);
	memset(q, 'a', REQ_MAX_QUERY + 1);
	q[REQ_MAX_QUERY + 1] = '\0';
	setenv("REQUEST_METHOD", "GET", 1);
	setenv("DOCUMENT_URI", "/sok", 1);
	setenv("QUERY_STRING", q, 1);
	assert_int_equal(parse(&rq, &ar), ST_BADREQ);
	q[REQ_MAX_QUERY] = '\0';
	setenv("QUERY_STRING", q, 1);
	assert_int_equal(parse(&rq, &ar), ST_OK);
	setenv("QUERY_STRING", "q=%C3", 1);
	assert_int_equal(parse(&rq, &ar), ST_BADREQ);
	setenv("QUERY_STRING", "q=ok", 1);
	setenv("HTTP_ORIGIN", "http://x\xff", 1);
	assert_int_equal(parse(&rq, &ar), ST_BADREQ);
	free(q);
	arena_free(&ar);
}

static void
post_env(const char *ctype, const char *len)
{
	setenv("REQUEST_METHOD", "POST", 1);
	setenv("DOCUMENT_URI", "/admin/artiklar", 1);
	setenv("CONTENT_TYPE", ctype, 1);
	if (len != NULL)
		setenv("CONTENT_LENGTH", len, 1);
	else
		unsetenv("CONTENT_LENGTH");
}

static void
test_parse_post(void **state)
{
	struct arena	 ar;
	struct req	 rq;
	const char	 body[] = "titel=Hej+v%C3%A4rlden&topic=1&topic=2";
	const char	*t[3];
	char		 len[32];

	(void)state;
	arena_init(&ar);
	snprintf(len, sizeof(len), "%zu", strlen(body));
	post_env("Application/X-WWW-Form-Urlencoded ; charset=UTF-8", len);
	setenv("HTTP_ORIGIN", "http://127.0.0.1:8080", 1);
	set_body(body);
	assert_int_equal(parse(&rq, &ar), ST_OK);
	assert_int_equal(rq.method, METHOD_POST);
	assert_string_equal(req_form(&rq, "titel"), "Hej v\xc3\xa4rlden");
	assert_int_equal(kv_all(&rq.form, "topic", t, 3), 2);
	assert_string_equal(rq.origin, "http://127.0.0.1:8080");

	/* A body shorter than CONTENT_LENGTH. */
	set_body("a=1");
	post_env("application/x-www-form-urlencoded", "10");
	assert_int_equal(parse(&rq, &ar), ST_BADREQ);
	/* Missing or malformed length. */
	set_body("a=1");
	post_env("application/x-www-form-urlencoded", NULL);
	assert_int_equal(parse(&rq, &ar), ST_BADREQ);
	post_env("application/x-www-form-urlencoded", "-1");
	assert_int_equal(parse(&rq, &ar), ST_BADREQ);
	/* Too large: refused without reading. */
	post_env("application/x-www-form-urlencoded", "99999999999999999999");
	assert_int_equal(parse(&rq, &ar), ST_TOOLARGE);
	post_env("application/x-www-form-urlencoded", "1048577");
	assert_int_equal(parse(&rq, &ar), ST_TOOLARGE);
	/* Other types: no form, no error. */
	post_env("multipart/form-data; boundary=x", "3");
	assert_int_equal(parse(&rq, &ar), ST_OK);
	assert_int_equal(rq.form.n, 0);
	/* Empty body. */
	post_env("application/x-www-form-urlencoded", "0");
	assert_int_equal(parse(&rq, &ar), ST_OK);
	assert_int_equal(rq.form.n, 0);
	/* Bad encoding in the body. */
	set_body("a=%zz");
	post_env("application/x-www-form-urlencoded", "5");
	assert_int_equal(parse(&rq, &ar), ST_BADREQ);
	arena_free(&ar);
}

/* Whole requests through req_parse_params(): params from a table. */

static const char *
table_param(void *ctx, const char *name)
{
	const char *const	*t = ctx;

	for (; t[0] != NULL; t += 2)
		if (strcmp(t[0], name) == 0)
			return t[1];
	return NULL;
}

static void
test_parse_params(void **state)
{
	const char	*get[] = { "REQUEST_METHOD", "GET",
	    "DOCUMENT_URI", "/amnen", "QUERY_STRING", "a=%C3%A5",
	    "HTTP_COOKIE", "sid=x", NULL };
	const char	*post[] = { "REQUEST_METHOD", "POST",
	    "DOCUMENT_URI", "/", "CONTENT_TYPE",
	    "application/x-www-form-urlencoded", "CONTENT_LENGTH", "7", NULL };
	const char	*big[] = { "REQUEST_METHOD", "POST",
	    "DOCUMENT_URI", "/", "CONTENT_TYPE", "text/plain",
	    "CONTENT_LENGTH", "1048577", NULL };
	struct arena	 ar;
	struct req	 rq;

	(void)state;
	arena_init(&ar);
	assert_int_equal(req_parse_params(&rq, &ar, table_param, get,
	    NULL, 0), ST_OK);
	assert_string_equal(rq.path, "/amnen");
	assert_string_equal(req_query(&rq, "a"), "\xc3\xa5");
	assert_string_equal(req_cookie(&rq, "sid"), "x");
	assert_int_equal(req_parse_params(&rq, &ar, table_param, post,
	    "b=1&c=2", 7), ST_OK);
	assert_string_equal(req_form(&rq, "c"), "2");
	/* A body shorter than CONTENT_LENGTH. */
	assert_int_equal(req_parse_params(&rq, &ar, table_param, post,
	    "b=1", 3), ST_BADREQ);
	/* Over REQ_MAX_BODY is refused whatever the type. */
	assert_int_equal(req_parse_params(&rq, &ar, table_param, big,
	    NULL, 0), ST_TOOLARGE);
	big[7] = "1048576";
	assert_int_equal(req_parse_params(&rq, &ar, table_param, big,
	    NULL, 0), ST_OK);
	assert_int_equal(rq.form.n, 0);
	arena_free(&ar);
}

/* --- typed values ---------------------------------------------------- */

/* req_parse_int is util/num.c's rule (test_num has the table): a few
 * cases, and the id bound. */
static void
test_parse_int(void **state)
{
	int64_t	 v = 4242;

	(void)state;
	assert_int_equal(req_parse_int(NULL, 0, 10, &v), ST_NOTFOUND);
	assert_int_equal(req_parse_int("01", 0, 10, &v), ST_BADREQ);
	assert_int_equal(req_parse_int("11", 0, 10, &v), ST_BADREQ);
	assert_int_equal(v, 4242);
	assert_int_equal(req_parse_int("-5", -10, 10, &v), ST_OK);
	assert_int_equal(v, -5);
	assert_int_equal(req_parse_int("9007199254740992", 1, REQ_MAX_ID, &v),
	    ST_OK);
	assert_int_equal(v, REQ_MAX_ID);
	assert_int_equal(req_parse_int("9007199254740993", 1, REQ_MAX_ID, &v),
	    ST_BADREQ);
}

static void
test_typed_fields(void **state)
{
	struct arena	 ar;
	struct req	 rq;
	int64_t		 v = 7;

	(void)state;
	arena_init(&ar);
	memset(&rq, 0, sizeof(rq));
	assert_int_equal(req_parse_urlencoded(&ar, "sida=3&id=0&x=abc&t=-60"
	    "&tom=&n=12", 33, &rq.query), ST_OK);
	assert_int_equal(req_parse_urlencoded(&ar, "version=5&id=99&neg=-2",
	    22, &rq.form), ST_OK);
	assert_int_equal(req_query_uint(&rq, "sida", 100, &v), ST_OK);
	assert_int_equal(v, 3);
	assert_int_equal(req_query_uint(&rq, "sida", 2, &v), ST_BADREQ);
	assert_int_equal(req_query_uint(&rq, "saknas", 2, &v), ST_NOTFOUND);
	assert_int_equal(req_query_uint(&rq, "tom", 2, &v), ST_NOTFOUND);
	assert_int_equal(req_query_uint(&rq, "x", 2, &v), ST_BADREQ);
	assert_int_equal(v, 3);
	assert_int_equal(req_query_page(&rq, "sida", 100, &v), ST_OK);
	assert_int_equal(v, 3);
	assert_int_equal(req_query_page(&rq, "saknas", 100, &v), ST_OK);
	assert_int_equal(v, 1);
	assert_int_equal(req_query_page(&rq, "tom", 100, &v), ST_OK);
	assert_int_equal(v, 1);
	v = 3;
	assert_int_equal(req_query_page(&rq, "id", 100, &v), ST_BADREQ);
	assert_int_equal(req_query_page(&rq, "sida", 2, &v), ST_BADREQ);
	assert_int_equal(req_query_page(&rq, "x", 100, &v), ST_BADREQ);
	assert_int_equal(req_query_page(&rq, "t", 100, &v), ST_BADREQ);
	assert_int_equal(v, 3);
	assert_int_equal(req_query_id(&rq, "id", &v), ST_BADREQ);
	assert_int_equal(req_query_id(&rq, "n", &v), ST_OK);
	assert_int_equal(v, 12);
	assert_int_equal(req_form_uint(&rq, "version", 1000, &v), ST_OK);
	assert_int_equal(v, 5);
	assert_int_equal(req_form_id(&rq, "id", &v), ST_OK);
	assert_int_equal(v, 99);
	assert_int_equal(req_form_int(&rq, "neg", -10, 10, &v), ST_OK);
	assert_int_equal(v, -2);
	assert_int_equal(req_form_uint(&rq, "neg", 10, &v), ST_BADREQ);
	assert_int_equal(req_id("15"), 15);
	assert_int_equal(req_id("0"), 0);
	assert_int_equal(req_id("15x"), 0);
	assert_int_equal(req_id(NULL), 0);
	assert_int_equal(req_id("9007199254740993"), 0);
	arena_free(&ar);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_urlencoded_table),
		cmocka_unit_test(test_urlencoded_second_pair),
		cmocka_unit_test(test_urlencoded_limits),
		cmocka_unit_test(test_kv_all),
		cmocka_unit_test(test_cookies),
		cmocka_unit_test_setup(test_parse_get, clear_env),
		cmocka_unit_test_setup(test_parse_path, clear_env),
		cmocka_unit_test_setup(test_parse_query_limits, clear_env),
		cmocka_unit_test_setup(test_parse_post, clear_env),
		cmocka_unit_test(test_parse_params),
		cmocka_unit_test(test_parse_int),
		cmocka_unit_test(test_typed_fields),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

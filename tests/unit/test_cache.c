/*
 * test_cache.c -- HTTP caching in the response (resp_cache()): who gets
 * validators, when a conditional GET becomes a 304, and that sessions
 * and staff pages are never stored.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "util/buf.h"
#include "web/resp.h"

#define LM	INT64_C(784111777)	/* Sun, 06 Nov 1994 08:49:37 GMT */
#define NOW	(LM + 3600)

/* A 200 GET response with body, Last-Modified time lm. */
static void
page(struct resp *rs, const char *body, int64_t lm)
{
	resp_init(rs, NULL);
	rs->conditional = 1;
	buf_puts(&rs->body, body);
	resp_last_modified(rs, lm);
	resp_status(rs, 200);
}

/* The value of header name in rs's extra headers, into out ("" if none). */
static const char *
hdr(const struct resp *rs, const char *name, char out[128])
{
	const char	*p;
	size_t		 n = strlen(name), len;

	out[0] = '\0';
	for (p = rs->headers.data; p != NULL && *p != '\0';
	    p = strchr(p, '\n') + 1) {
		if (strncmp(p, name, n) == 0 && p[n] == ':') {
			len = strcspn(p + n + 2, "\r");
			memcpy(out, p + n + 2, len < 127 ? len : 127);
			out[len < 127 ? len : 127] = '\0';
			break;
		}
	}
	return out;
}

static void
test_validators(void **state)
{
	struct resp	 a, b;
	char		 v[128], w[128];

	(void)state;
	page(&a, "<p>hej</p>", LM);
	resp_cache(&a, NOW);
	assert_int_equal(a.status, 200);
	/* With a Last-Modified: nginx's tag for a file of that date and
	 * size (10 bytes), so the page's file validates the same. */
	assert_string_equal(hdr(&a, "ETag", v), "\"2ebc98a1-a\"");
	assert_string_equal(hdr(&a, "Last-Modified", v),
	    "Sun, 06 Nov 1994 08:49:37 GMT");
	assert_string_equal(hdr(&a, "Cache-Control", v),
	    "public, max-age=0, must-revalidate");
	assert_string_equal(hdr(&a, "Vary", v), "Cookie");
	/* Another date or size, another ETag; the same, the same one. */
	page(&b, "<p>hej!</p>", LM);
	resp_cache(&b, NOW);
	assert_string_not_equal(hdr(&a, "ETag", v), hdr(&b, "ETag", w));
	resp_free(&b);
	page(&b, "<p>hej</p>", LM + 1);
	resp_cache(&b, NOW);
	assert_string_not_equal(hdr(&a, "ETag", v), hdr(&b, "ETag", w));
	resp_free(&b);
	page(&b, "<p>hej</p>", LM);
	resp_cache(&b, NOW);
	assert_string_equal(hdr(&a, "ETag", v), hdr(&b, "ETag", w));
	resp_free(&b);
	resp_free(&a);
	/* Changed in this second (no Last-Modified yet): a digest of the
	 * type and the body, so two bodies of one length differ. */
	page(&a, "<p>hej</p>", NOW);
	resp_cache(&a, NOW);
	assert_int_equal(strlen(hdr(&a, "ETag", v)), 34);
	assert_true(v[0] == '"' && v[33] == '"');
	assert_string_equal(hdr(&a, "Last-Modified", v), "");
	page(&b, "<p>hoj</p>", NOW);
	resp_cache(&b, NOW);
	assert_string_not_equal(hdr(&a, "ETag", v), hdr(&b, "ETag", w));
	resp_free(&b);
	page(&b, "<p>hej</p>", NOW);
	resp_type(&b, "text/plain; charset=utf-8");
	resp_cache(&b, NOW);
	assert_string_not_equal(hdr(&a, "ETag", v), hdr(&b, "ETag", w));
	resp_free(&b);
	resp_free(&a);
}

static void
test_if_none_match(void **state)
{
	struct resp	 a, b;
	char		 etag[128], v[128], list[300];

	(void)state;
	page(&a, "x", LM);
	resp_cache(&a, NOW);
	hdr(&a, "ETag", etag);
	page(&b, "x", LM);
	b.if_none_match = etag;
	resp_cache(&b, NOW);
	assert_int_equal(b.status, 304);
	assert_string_equal(hdr(&b, "ETag", v), etag);
	resp_free(&b);
	/* Weak (nginx gzip), in a list, and '*'. */
	snprintf(list, sizeof(list), "\"abc\", W/%s", etag);
	page(&b, "x", LM);
	b.if_none_match = list;
	resp_cache(&b, NOW);
	assert_int_equal(b.status, 304);
	resp_free(&b);
	page(&b, "x", LM);
	b.if_none_match = "*";
	resp_cache(&b, NOW);
	assert_int_equal(b.status, 304);
	resp_free(&b);
	/* A stale tag wins over a matching If-Modified-Since. */
	page(&b, "x", LM);
	b.if_none_match = "\"00000000000000000000000000000000\"";
	b.if_modified_since = "Sun, 06 Nov 1994 08:49:37 GMT";
	resp_cache(&b, NOW);
	assert_int_equal(b.status, 200);
	resp_free(&b);
	page(&b, "x", LM);
	b.if_none_match = "garbage";
	resp_cache(&b, NOW);
	assert_int_equal(b.status, 200);
	resp_free(&b);
	resp_free(&a);
}

static void
check_ims(const char *ims, int64_t lm, int64_t now, int want)
{
	struct resp	 rs;

	page(&rs, "x", lm);
	rs.if_modified_since = ims;
	resp_cache(&rs, now);
	assert_int_equal(rs.status, want);
	resp_free(&rs);
}

static void
test_if_modified_since(void **state)
{
	(void)state;
	check_ims("Sun, 06 Nov 1994 08:49:37 GMT", LM, NOW, 304);
	check_ims("Sunday, 06-Nov-94 08:49:37 GMT", LM, NOW, 304);
	check_ims("Sun Nov  6 08:49:37 1994", LM, NOW, 304);
	check_ims("Sun, 06 Nov 1994 09:00:00 GMT", LM, NOW, 304);
	check_ims("Sun, 06 Nov 1994 08:49:36 GMT", LM, NOW, 200);
	check_ims("Sun, 06 Nov 1994 08:49:37 GMT", LM + 1, NOW, 200);
	check_ims("yesterday", LM, NOW, 200);
	check_ims("Sun, 06 Nov 1994 08:49:37 GMT junk", LM, NOW, 200);
	check_ims("Sun, 06 Foo 1994 08:49:37 GMT", LM, NOW, 200);
	/* A change in the current second may still be followed by another
	 * in the same second: no Last-Modified, so no 304 by date. */
	check_ims("Sun, 06 Nov 1994 08:49:37 GMT", LM, LM, 200);
	/* Unknown time: no Last-Modified either. */
	check_ims("Sun, 06 Nov 1994 08:49:37 GMT", 0, NOW, 200);
}

static void
test_not_cached(void **state)
{
	struct resp	 rs;
	struct buf	 b;
	char		 v[128];

	(void)state;
	/* A session (or a staff page): no-store, no validators, no 304. */
	page(&rs, "x", LM);
	rs.nocache = 1;
	rs.if_none_match = "*";
	resp_cache(&rs, NOW);
	assert_int_equal(rs.status, 200);
	assert_string_equal(hdr(&rs, "ETag", v), "");
	buf_init(&b);
	resp_render_head(&rs, 1, &b);
	assert_non_null(strstr(b.data, "Cache-Control: no-store\r\n"));
	assert_null(strstr(b.data, "public"));
	buf_free(&b);
	resp_free(&rs);
	/* A POST, an error page. */
	page(&rs, "x", LM);
	rs.conditional = 0;
	resp_cache(&rs, NOW);
	assert_string_equal(hdr(&rs, "ETag", v), "");
	resp_free(&rs);
	page(&rs, "x", LM);
	resp_status(&rs, 404);
	rs.if_none_match = "*";
	resp_cache(&rs, NOW);
	assert_int_equal(rs.status, 404);
	assert_string_equal(hdr(&rs, "ETag", v), "");
	resp_free(&rs);
	/* A handler's own Cache-Control is kept. */
	page(&rs, "x", LM);
	resp_header(&rs, "Cache-Control", "public, max-age=60");
	resp_cache(&rs, NOW);
	assert_string_equal(hdr(&rs, "Cache-Control", v),
	    "public, max-age=60");
	resp_free(&rs);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validators),
		cmocka_unit_test(test_if_none_match),
		cmocka_unit_test(test_if_modified_since),
		cmocka_unit_test(test_not_cached),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

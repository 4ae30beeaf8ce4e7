/*
 * test_resp.c -- the response: header block, security headers,
 * Content-Length, HEAD, redirects, and the bytes resp_finish() writes
 * through conn.c's CGI mode (stdout).
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

#include "util/buf.h"
#include "web/conn.h"
#include "web/resp.h"

static const char *const security[] = {
	("Content-Security-Policy: default-src 'self'; img-src 'self' data:; "
	"style-src 'self'; script-src 'self'; object-src 'none'; "
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'\r\n"),
	"X-Content-Type-Options: nosniff\r\n",
	"Referrer-Policy: strict-origin-when-cross-origin\r\n",
	("Permissions-Policy: camera=(), microphone=(), geolocation=(), "
	"interest-cohort=()\r\n"),
	"X-Frame-Options: DENY\r\n",
};

/* Number of times needle occurs in hay. */
static int
count(const char *hay, const char *needle)
{
	int	 n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay++;
	}
	return n;
}

static void
test_head_defaults(void **state)
{
	struct resp	 rs;
	struct buf	 b;
	size_t		 i;

	(void)state;
	resp_init(&rs, NULL);
	buf_init(&b);
	resp_render_head(&rs, 1234, &b);
	assert_true(strncmp(b.data, "Status: 200 OK\r\n", 16) == 0);
	assert_int_equal(count(b.data,
	    "Content-Type: text/html; charset=utf-8\r\n"), 1);
	assert_int_equal(count(b.data, "Content-Length: 1234\r\n"), 1);
	for (i = 0; i < sizeof(security) / sizeof(security[0]); i++)
		assert_int_equal(count(b.data, security[i]), 1);
	assert_int_equal(count(b.data, "Cache-Control"), 0);
	/* Ends with exactly one blank line, and only there. */
	assert_int_equal(count(b.data, "\r\n\r\n"), 1);
	assert_true(b.len > 4 && strcmp(b.data + b.len - 4, "\r\n\r\n") == 0);
	buf_free(&b);
	resp_free(&rs);
}

static void
test_head_status_type_headers(void **state)
{
	struct resp	 rs;
	struct buf	 b;

	(void)state;
	resp_init(&rs, NULL);
	buf_init(&b);
	resp_status(&rs, 404);
	resp_type(&rs, "application/atom+xml; charset=utf-8");
	resp_header(&rs, "Cache-Control", "public, max-age=60");
	resp_header(&rs, "ETag", "\"abc\"");
	resp_render_head(&rs, 0, &b);
	assert_true(strncmp(b.data, "Status: 404 Not Found\r\n", 23) == 0);
	assert_int_equal(count(b.data,
	    "Content-Type: application/atom+xml; charset=utf-8\r\n"), 1);
	assert_int_equal(count(b.data, "Content-Length: 0\r\n"), 1);
	assert_int_equal(count(b.data,
	    "Cache-Control: public, max-age=60\r\n"), 1);
	assert_int_equal(count(b.data, "ETag: \"abc\"\r\n"), 1);

	/* nocache wins over the handler's own Cache-Control: one header. */
	buf_reset(&b);
	rs.nocache = 1;
	resp_render_head(&rs, 0, &b);
	assert_int_equal(count(b.data, "Cache-Control"), 1);
	assert_int_equal(count(b.data, "Cache-Control: no-store\r\n"), 1);
	assert_int_equal(count(b.data, "ETag: \"abc\"\r\n"), 1);

	/* 304: no Content-Length. */
	buf_reset(&b);
	resp_status(&rs, 304);
	resp_render_head(&rs, 10, &b);
	assert_int_equal(count(b.data, "Content-Length"), 0);

	/* resp_clear forgets status, type and headers, keeps nocache. */
	resp_clear(&rs);
	buf_reset(&b);
	resp_render_head(&rs, 0, &b);
	assert_true(strncmp(b.data, "Status: 200 OK\r\n", 16) == 0);
	assert_int_equal(count(b.data, "ETag"), 0);
	assert_int_equal(count(b.data, "text/html"), 1);
	assert_int_equal(count(b.data, "Cache-Control: no-store\r\n"), 1);
	buf_free(&b);
	resp_free(&rs);
}

static void
test_redirect(void **state)
{
	struct resp	 rs;
	struct buf	 b;

	(void)state;
	resp_init(&rs, NULL);
	buf_init(&b);
	buf_puts(&rs.body, "old");
	resp_redirect(&rs, 0, "/nyheter?a=1&b='2'");
	assert_int_equal(rs.status, 303);
	resp_render_head(&rs, rs.body.len, &b);
	assert_int_equal(count(b.data, "Status: 303 See Other\r\n"), 1);
	assert_int_equal(count(b.data,
	    "Location: /nyheter?a=1&b='2'\r\n"), 1);
	assert_int_equal(count(rs.body.data, "old"), 0);
	assert_int_equal(count(rs.body.data,
	    "href=\"/nyheter?a=1&amp;b=&#39;2&#39;\""), 1);
	resp_clear(&rs);
	resp_redirect(&rs, 302, "/admin");
	assert_int_equal(rs.status, 302);
	buf_free(&b);
	resp_free(&rs);
}

/*
 * A target built from a request's decoded path (route.c's sign-in
 * redirect) may hold CR, LF, spaces or any byte: the Location is always
 * one valid header line, those bytes percent-encoded, escapes already
 * there and the URI's own ? & = # kept.
 */
static void
test_redirect_encodes(void **state)
{
	struct resp	 rs;
	struct buf	 b;

	(void)state;
	resp_init(&rs, NULL);
	buf_init(&b);
	resp_redirect(&rs, 303, "/admin/logga-in?till=/admin/artiklar/1\r\n"
	    "Set-Cookie: x=1");
	resp_render_head(&rs, rs.body.len, &b);
	assert_int_equal(count(b.data, "Location: /admin/logga-in?till="
	    "/admin/artiklar/1%0D%0ASet-Cookie:%20x=1\r\n"), 1);
	assert_int_equal(count(b.data, "Set-Cookie"), 1);
	assert_int_equal(count(b.data, "\r\n\r\n"), 1);
	assert_int_equal(count(rs.body.data, "\r"), 0);
	assert_int_equal(count(rs.body.data,
	    "href=\"/admin/logga-in?till=/admin/artiklar/1%0D%0A"), 1);
	resp_clear(&rs);
	buf_reset(&b);
	resp_redirect(&rs, 303, "/a b/\t\x7f\x01/s\xc3\xb6k/100%/%2F/%zz"
	    "/\"<>\\^`{|}?q=%C3%A5&r=1#x");
	resp_render_head(&rs, rs.body.len, &b);
	assert_int_equal(count(b.data, "Location: /a%20b/%09%7F%01/s%C3%B6k/"
	    "100%25/%2F/%25zz/%22%3C%3E%5C%5E%60%7B%7C%7D?q=%C3%A5&r=1#x\r\n"),
	    1);
	buf_free(&b);
	resp_free(&rs);
}

/*
 * Run resp_finish() on a CGI connection with stdout sent to a file,
 * and return what was written (heap, caller frees).
 */
static char *
finish_to_string(struct resp *rs)
{
	char	 path[] = "/tmp/pressrum-test-resp-XXXXXX", *out;
	int	 fd, saved;
	long	 n;
	FILE	*f;

	fd = mkstemp(path);
	assert_true(fd >= 0);
	fflush(stdout);
	saved = dup(1);
	assert_true(dup2(fd, 1) == 1);
	resp_finish(rs);
	conn_finish(rs->conn);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	close(fd);
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	out = calloc(1, (size_t)n + 1);
	assert_non_null(out);
	assert_int_equal(fread(out, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	unlink(path);
	return out;
}

static void
test_finish_get_and_head(void **state)
{
	struct conn	 c;
	struct resp	 rs;
	char		*out;
	const char	 body[] = "<p>Hej världen</p>";

	(void)state;
	assert_int_equal(conn_init(&c, -1), ST_OK);
	resp_init(&rs, &c);
	buf_puts(&rs.body, body);
	out = finish_to_string(&rs);
	assert_int_equal(count(out, "Content-Length: 19\r\n"), 1);
	assert_non_null(strstr(out, "\r\n\r\n<p>Hej världen</p>"));
	assert_int_equal(strcmp(out + strlen(out) - strlen(body), body), 0);
	free(out);

	rs.head_only = 1;
	out = finish_to_string(&rs);
	assert_int_equal(count(out, "Content-Length: 19\r\n"), 1);
	assert_null(strstr(out, "Hej"));
	assert_int_equal(strcmp(out + strlen(out) - 4, "\r\n\r\n"), 0);
	free(out);
	resp_free(&rs);
	conn_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_head_defaults),
		cmocka_unit_test(test_head_status_type_headers),
		cmocka_unit_test(test_redirect),
		cmocka_unit_test(test_redirect_encodes),
		cmocka_unit_test(test_finish_get_and_head),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_html.c -- escaping per context and the safe_html constructors.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "util/arena.h"
#include "util/buf.h"
#include "render/html.h"

static void
check_text(const char *in, const char *want)
{
	struct buf	 b;

	buf_init(&b);
	html_text(&b, in);
	assert_int_equal(b.len, strlen(want));
	assert_string_equal(b.len ? b.data : "", want);
	buf_free(&b);
}

static void
test_text_each_char(void **state)
{
	(void)state;
	check_text("&", "&amp;");
	check_text("<", "&lt;");
	check_text(">", "&gt;");
	check_text("\"", "&quot;");
	check_text("'", "&#39;");
	check_text("", "");
	check_text("Räksmörgås", "Räksmörgås");
	check_text("a<b>&\"c'd\"", "a&lt;b&gt;&amp;&quot;c&#39;d&quot;");
	check_text("<script>alert('x')</script>",
	    "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
}

static void
test_text_n(void **state)
{
	struct buf	 b;

	(void)state;
	buf_init(&b);
	html_text_n(&b, "a<b>c", 2);
	assert_string_equal(b.data, "a&lt;");
	html_text(&b, NULL);
	assert_string_equal(b.data, "a&lt;");
	buf_free(&b);
}

static void
test_url(void **state)
{
	struct buf	 b;

	(void)state;
	buf_init(&b);
	html_url(&b, "AZaz09-._~");
	assert_string_equal(b.data, "AZaz09-._~");
	buf_reset(&b);
	html_url(&b, "a b/c?d=e&f#g\"<'");
	assert_string_equal(b.data, "a%20b%2Fc%3Fd%3De%26f%23g%22%3C%27");
	buf_reset(&b);
	html_url(&b, "jämställdhet");
	assert_string_equal(b.data, "j%C3%A4mst%C3%A4lldhet");
	buf_free(&b);
}

static void
test_url_ok(void **state)
{
	(void)state;
	assert_true(html_url_ok("http://example.se/"));
	assert_true(html_url_ok("https://example.se/a?b=c"));
	assert_true(html_url_ok("HTTPS://example.se/"));
	assert_true(html_url_ok("mailto:press@example.se"));
	assert_true(html_url_ok("tel:+46701234567"));
	assert_true(html_url_ok("/nyheter/a"));
	assert_true(html_url_ok("#top"));
	assert_true(html_url_ok("?q=1"));
	assert_false(html_url_ok("//evil.example/"));
	assert_false(html_url_ok("javascript:alert(1)"));
	assert_false(html_url_ok("JavaScript:alert(1)"));
	assert_false(html_url_ok("data:text/html,x"));
	assert_false(html_url_ok("vbscript:x"));
	assert_false(html_url_ok(" http://example.se/"));
	assert_false(html_url_ok("\thttp://example.se/"));
	assert_false(html_url_ok("java\nscript:x"));
	assert_false(html_url_ok("nyheter/a"));
	assert_false(html_url_ok(""));
	assert_false(html_url_ok(NULL));
}

/* A redirect's page links to the target, escaped. */
static void
test_redirect_page(void **state)
{
	struct buf	 b;

	(void)state;
	buf_init(&b);
	html_redirect_page(&b, "/a?b=1&c='\"<x>");
	assert_non_null(strstr(b.data, "<a href=\"/a?b=1&amp;c=&#39;&quot;"
	    "&lt;x&gt;\">Gå vidare</a>"));
	assert_non_null(strstr(b.data, "<html lang=\"sv\">"));
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_each_char),
		cmocka_unit_test(test_text_n),
		cmocka_unit_test(test_url),
		cmocka_unit_test(test_url_ok),
		cmocka_unit_test(test_redirect_page),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

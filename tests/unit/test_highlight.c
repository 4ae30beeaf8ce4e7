/*
 * test_highlight.c -- html_highlight(): search snippets as escaped text
 * with the match markers turned into balanced <mark> elements.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "util/arena.h"
#include "render/html.h"

#define S	"\xee\x80\x80"	/* U+E000: a match starts */
#define E	"\xee\x80\x81"	/* U+E001: a match ends */

static void
check_hl(const char *in, const char *want)
{
	struct arena		 ar;
	struct safe_html	 h;

	arena_init(&ar);
	h = html_highlight(&ar, in);
	assert_string_equal(h.html, want);
	assert_int_equal(h.len, strlen(want));
	arena_free(&ar);
}

static void
test_highlight_marks(void **state)
{
	(void)state;
	check_hl("", "");
	check_hl(NULL, "");
	check_hl("ingen träff", "ingen träff");
	check_hl("om " S "jämställdhet" E " i kommuner",
	    "om <mark>jämställdhet</mark> i kommuner");
	check_hl(S "a" E " och " S "b" E, "<mark>a</mark> och <mark>b</mark>");
}

static void
test_highlight_escapes(void **state)
{
	(void)state;
	check_hl("<script>alert(1)</script>",
	    "&lt;script&gt;alert(1)&lt;/script&gt;");
	check_hl(S "<b>" E " & \"'", "<mark>&lt;b&gt;</mark> &amp; &quot;&#39;");
	check_hl("<mark>fake</mark>", "&lt;mark&gt;fake&lt;/mark&gt;");
}

static void
test_highlight_balanced(void **state)
{
	(void)state;
	check_hl(E "x", "x");				/* end without start */
	check_hl(S "x", "<mark>x</mark>");		/* left open */
	check_hl(S S "x" E E, "<mark>x</mark>");	/* nested */
	check_hl("a" S, "a<mark></mark>");
	/* Other characters of the same block pass through untouched. */
	check_hl("\xee\x80\x82 x", "\xee\x80\x82 x");
	check_hl("cut \xee\x80", "cut \xee\x80");
	check_hl("ö" S "ä" E "å", "ö<mark>ä</mark>å");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_highlight_marks),
		cmocka_unit_test(test_highlight_escapes),
		cmocka_unit_test(test_highlight_balanced),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

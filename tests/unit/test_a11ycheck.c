/*
 * test_a11ycheck.c -- the editor's warnings on an article body
 * (accessibility, and links or images that will not work).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "arena_fixture.h"
#include "render/a11ycheck.h"
#include "render/md.h"

static void
test_clean(void **state)
{
	struct a11y_warning	*w;

	(void)state;
	assert_int_equal(a11y_check(&ar, "", NULL, NULL, &w), 0);
	assert_int_equal(a11y_check(&ar, "# Bakgrund\n\ntext\n\n### Del\n\n"
	    "## Nästa\n\n[Läs rapporten om jämställdhet](/r)\n\n"
	    "![Karta över Sverige](/pressbilder/7)\n", NULL, NULL, &w), 0);
	assert_null(w);
}

static void
test_heading_skip(void **state)
{
	struct a11y_warning	*w;

	(void)state;
	assert_int_equal(a11y_check(&ar, "text\n\n### Tre\n", NULL, NULL,
	    &w), 1);
	assert_int_equal(w[0].kind, A11Y_HEADING_SKIP);
	assert_int_equal(w[0].line, 3);
	assert_non_null(strstr(w[0].message, "Tre"));
	assert_int_equal(a11y_check(&ar, "## Två\n\n#### Fyra\n\n## Två igen"
	    "\n\n### Tre\n", NULL, NULL, &w), 1);
	assert_int_equal(w[0].line, 3);
}

static void
test_vague_links(void **state)
{
	struct a11y_warning	*w;

	(void)state;
	assert_true(a11y_vague_link("här"));
	assert_true(a11y_vague_link(" Klicka HÄR! "));
	assert_true(a11y_vague_link("Läs mer..."));
	assert_true(a11y_vague_link("(read more)"));
	assert_true(a11y_vague_link("Länk"));
	assert_false(a11y_vague_link("Läs mer om satsningen"));
	assert_false(a11y_vague_link("Härnösand"));
	assert_int_equal(a11y_check(&ar, "Se [här](https://x) och "
	    "[click here](https://y).\n", NULL, NULL, &w), 2);
	assert_int_equal(w[0].kind, A11Y_LINK_TEXT);
	assert_non_null(strstr(w[0].message, "här"));
	assert_int_equal(w[1].line, 1);
}

static void
test_images(void **state)
{
	struct a11y_warning	*w;

	(void)state;
	assert_int_equal(a11y_check(&ar, "a\n\n![](/pressbilder/3)\n",
	    NULL, NULL, &w), 1);
	assert_int_equal(w[0].kind, A11Y_IMAGE_ALT);
	assert_int_equal(w[0].line, 3);
	assert_non_null(strstr(w[0].message, "/pressbilder/3"));
	/* A linked image gives the link its text. */
	assert_int_equal(a11y_check(&ar, "[![Logotyp](/pressbilder/2)](/)\n",
	    NULL, NULL, &w), 0);
	/* An image from outside the picture library (issue 14). */
	assert_int_equal(a11y_check(&ar, "![Karta](/karta.png) och "
	    "![Logga](https://example.se/l.png)\n", NULL, NULL, &w), 2);
	assert_int_equal(w[0].kind, A11Y_IMAGE_LIBRARY);
	assert_non_null(strstr(w[1].message, "finns inte i bildbanken"));
}

/* Picture 7 is in the library; 8 is not (deleted, or consent run out). */
static int
known7(void *ctx, long long id)
{
	(*(int *)ctx)++;
	return id == 7;
}

static void
test_missing_picture(void **state)
{
	struct a11y_warning	*w;
	int			 asked = 0;

	(void)state;
	assert_int_equal(a11y_check(&ar, "![Bro](/pressbilder/7)\n\n"
	    "![Torg](/pressbilder/8)\n", known7, &asked, &w), 1);
	assert_int_equal(asked, 2);
	assert_int_equal(w[0].kind, A11Y_IMAGE_MISSING);
	assert_int_equal(w[0].line, 3);
	assert_non_null(strstr(w[0].message, "ingen bild nummer 8"));
	/* Outside the library: not asked about, warned as before. */
	asked = 0;
	assert_int_equal(a11y_check(&ar, "![Karta](https://x.se/k.png)\n",
	    known7, &asked, &w), 1);
	assert_int_equal(asked, 0);
	assert_int_equal(w[0].kind, A11Y_IMAGE_LIBRARY);
}

/* The line is the link's own, not its paragraph's, and the message
 * quotes the link as written. */
static void
test_line_and_quote(void **state)
{
	struct a11y_warning	*w;

	(void)state;
	assert_int_equal(a11y_check(&ar, "Första raden\nandra\ntredje\n"
	    "fjärde [här](https://x.example/r) slut\n", NULL, NULL, &w), 1);
	assert_int_equal(w[0].line, 4);
	assert_non_null(strstr(w[0].message, "Rad 4"));
	assert_non_null(strstr(w[0].message, "[här](https://x.example/r)"));
}

/* Targets the renderer drops are named, and the page shows plain text
 * (no <a href="">, a link to the page itself). */
static void
test_dropped_links(void **state)
{
	struct a11y_warning	*w;
	struct safe_html	 h;

	(void)state;
	assert_int_equal(a11y_check(&ar, "Text\n\n[Rapporten om vården]"
	    "(javascript:alert(1)) och [Kartan](DATA:text/html,x)\n", NULL, NULL, &w), 2);
	assert_int_equal(w[0].kind, A11Y_URL_DROPPED);
	assert_int_equal(w[0].line, 3);
	assert_non_null(strstr(w[0].message,
	    "[Rapporten om vården](javascript:alert(1))"));
	assert_non_null(strstr(w[0].message, "visas som vanlig text"));
	assert_int_equal(w[1].kind, A11Y_URL_DROPPED);
	assert_true(md_url_dropped("JavaScript:x"));
	assert_true(md_url_dropped("vbscript:x"));
	assert_true(md_url_dropped("file:///etc/passwd"));
	assert_false(md_url_dropped("data:image/png;base64,AAAA"));
	assert_false(md_url_dropped("https://x.example"));
	assert_int_equal(md_render(&ar, "Se [Rapporten **om** vården]"
	    "(javascript:alert(1)) och ![Karta](vbscript:x).\n", &h), ST_OK);
	assert_string_equal(h.html, "<p>Se Rapporten <strong>om</strong> "
	    "vården och Karta.</p>\n");
	assert_int_equal(md_render(&ar, "[![Logga](javascript:x)](data:"
	    "text/html,y) [ok](/ok)\n", &h), ST_OK);
	assert_string_equal(h.html, "<p>Logga <a href=\"/ok\">ok</a></p>\n");
}

/* A target relative to the page (broken under /nyheter/) or empty. */
static void
test_relative_urls(void **state)
{
	struct a11y_warning	*w;

	(void)state;
	assert_int_equal(a11y_check(&ar, "![Kartan över länet](bild.png)\n",
	    NULL, NULL, &w), 1);
	assert_int_equal(w[0].kind, A11Y_URL_RELATIVE);
	assert_non_null(strstr(w[0].message, "![Kartan över länet](bild.png)"));
	assert_non_null(strstr(w[0].message, "/bild.png"));
	assert_int_equal(a11y_check(&ar, "[Rapporten](rapport.pdf) och "
	    "[Stödet](<>)\n", NULL, NULL, &w), 2);
	assert_int_equal(w[0].kind, A11Y_URL_RELATIVE);
	assert_int_equal(w[1].kind, A11Y_URL_RELATIVE);
	assert_non_null(strstr(w[1].message, "adressen saknas"));
	assert_int_equal(a11y_check(&ar, "[A](/a) [B](https://b) [C](#c) "
	    "[D](mailto:d@example.se) [E](?sida=2) ![F](/pressbilder/12)"
	    "\n", NULL, NULL, &w), 0);
}

static void
test_too_deep(void **state)
{
	struct a11y_warning	*w;
	char			 md[200];

	(void)state;
	memset(md, '>', 100);
	strcpy(md + 100, " [här](/)\n");
	assert_int_equal(a11y_check(&ar, md, NULL, NULL, &w), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_clean, arena_setup,
		    arena_teardown),
		cmocka_unit_test_setup_teardown(test_heading_skip, arena_setup,
		    arena_teardown),
		cmocka_unit_test_setup_teardown(test_vague_links, arena_setup,
		    arena_teardown),
		cmocka_unit_test_setup_teardown(test_images, arena_setup,
		    arena_teardown),
		cmocka_unit_test_setup_teardown(test_missing_picture,
		    arena_setup, arena_teardown),
		cmocka_unit_test_setup_teardown(test_line_and_quote,
		    arena_setup, arena_teardown),
		cmocka_unit_test_setup_teardown(test_dropped_links,
		    arena_setup, arena_teardown),
		cmocka_unit_test_setup_teardown(test_relative_urls,
		    arena_setup, arena_teardown),
		cmocka_unit_test_setup_teardown(test_too_deep, arena_setup,
		    arena_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_a11ycheck.c -- the editor's accessibility warnings.
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

static void
test_clean(void **state)
{
	struct a11y_warning	*w;

	(void)state;
	assert_int_equal(a11y_check(&ar, "", &w), 0);
	assert_int_equal(a11y_check(&ar, "# Bakgrund\n\ntext\n\n### Del\n\n"
	    "## Nästa\n\n[Läs rapporten om jämställdhet](/r)\n\n"
	    "![Karta över Sverige](/karta.png)\n", &w), 0);
	assert_null(w);
}

static void
test_heading_skip(void **state)
{
	struct a11y_warning	*w;

	(void)state;
	assert_int_equal(a11y_check(&ar, "text\n\n### Tre\n", &w), 1);
	assert_int_equal(w[0].kind, A11Y_HEADING_SKIP);
	assert_int_equal(w[0].line, 3);
	assert_non_null(strstr(w[0].message, "Tre"));
	assert_int_equal(a11y_check(&ar, "## Två\n\n#### Fyra\n\n## Två igen"
	    "\n\n### Tre\n", &w), 1);
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
	    "[click here](https://y).\n", &w), 2);
	assert_int_equal(w[0].kind, A11Y_LINK_TEXT);
	assert_non_null(strstr(w[0].message, "här"));
	assert_int_equal(w[1].line, 1);
}

static void
test_images(void **state)
{
	struct a11y_warning	*w;

	(void)state;
	assert_int_equal(a11y_check(&ar, "a\n\n![](/bild.png)\n", &w), 1);
	assert_int_equal(w[0].kind, A11Y_IMAGE_ALT);
	assert_int_equal(w[0].line, 3);
	assert_non_null(strstr(w[0].message, "/bild.png"));
	/* A linked image gives the link its text. */
	assert_int_equal(a11y_check(&ar, "[![Logotyp](/l.png)](/)\n", &w), 0);
}

static void
test_too_deep(void **state)
{
	struct a11y_warning	*w;
	char			 md[200];

	(void)state;
	memset(md, '>', 100);
	strcpy(md + 100, " [här](/)\n");
	assert_int_equal(a11y_check(&ar, md, &w), 0);
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
		cmocka_unit_test_setup_teardown(test_too_deep, arena_setup,
		    arena_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

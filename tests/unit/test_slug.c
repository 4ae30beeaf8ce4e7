/*
 * test_slug.c -- slugs from titles and slug validation.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "arena_fixture.h"
#include "util/slug.h"

#define SLUG(t)	slug_from_title(&ar, (t))

static void
test_swedish(void **state)
{
	(void)state;
	assert_string_equal(SLUG("Fortsatt satsning på jämställdhet och "
	    "kvinnofrid"), "fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid");
	assert_string_equal(SLUG("Jämställdhet"), "jamstalldhet");
	assert_string_equal(SLUG("ÅÄÖ åäö"), "aao-aao");
	assert_string_equal(SLUG("Ökad trygghet – för alla!"),
	    "okad-trygghet-for-alla");
}

/* Markup typed into a title is not part of the slug's words. */
static void
test_markup(void **state)
{
	(void)state;
	assert_string_equal(SLUG("Ny <b>fet</b> satsning"), "ny-fet-satsning");
	assert_string_equal(SLUG("<em>Viktigt:</em> vård &amp; omsorg"),
	    "viktigt-vard-omsorg");
	assert_string_equal(SLUG("Rad<br/>två &#229;r"), "rad-tva-r");
	/* Not markup: kept as words. */
	assert_string_equal(SLUG("Skatt <5 procent & mer"),
	    "skatt-5-procent-mer");
	assert_string_equal(SLUG("a <b och c"), "a-b-och-c");
}

static void
test_accents(void **state)
{
	(void)state;
	assert_string_equal(SLUG("Café crème à la carte"),
	    "cafe-creme-a-la-carte");
	assert_string_equal(SLUG("Ørsted Müller Señor Çà"),
	    "orsted-muller-senor-ca");
	assert_string_equal(SLUG("Straße Æbler"), "strasse-aebler");
}

static void
test_punctuation(void **state)
{
	(void)state;
	assert_string_equal(SLUG("  --Hej, världen!!  "), "hej-varlden");
	assert_string_equal(SLUG("Budget 2025: 1,5 mdkr"),
	    "budget-2025-1-5-mdkr");
	assert_string_equal(SLUG("a/b\\c?d#e&f"), "a-b-c-d-e-f");
	assert_string_equal(SLUG("«Citat» ×÷ “så”"), "citat-sa");
	assert_string_equal(SLUG("emoji \xf0\x9f\x98\x80 här"), "emoji-har");
	/* Malformed UTF-8 separates words rather than breaking anything. */
	assert_string_equal(SLUG("ab\xc3" "cd\xff" "ef\xe2\x80"),
	    "ab-cd-ef");
}

static void
test_empty(void **state)
{
	(void)state;
	assert_string_equal(SLUG(""), "");
	assert_string_equal(SLUG(NULL), "");
	assert_string_equal(SLUG("!!! – ???"), "");
}

static void
test_long(void **state)
{
	char	 title[1024], *s;
	size_t	 i;

	(void)state;
	title[0] = '\0';
	for (i = 0; i < 30; i++)
		strcat(title, "Kommunfullmäktige ");
	s = SLUG(title);
	assert_true(strlen(s) <= SLUG_MAX);
	assert_true(strlen(s) > SLUG_MAX / 2);
	assert_true(slug_valid(s));
	/* Cut on a word boundary: only whole words remain. */
	assert_int_equal((strlen(s) + 1) % strlen("kommunfullmaktige-"), 0);

	memset(title, 'x', 200);
	title[200] = '\0';
	s = SLUG(title);
	assert_int_equal(strlen(s), SLUG_MAX);
	assert_true(slug_valid(s));
}

static void
test_valid(void **state)
{
	char	 s[SLUG_MAX + 2];

	(void)state;
	assert_true(slug_valid("a"));
	assert_true(slug_valid("budget-2025"));
	assert_true(slug_valid("fortsatt-satsning-pa-jamstalldhet"));
	assert_false(slug_valid(""));
	assert_false(slug_valid(NULL));
	assert_false(slug_valid("-a"));
	assert_false(slug_valid("a-"));
	assert_false(slug_valid("a--b"));
	assert_false(slug_valid("A"));
	assert_false(slug_valid("å"));
	assert_false(slug_valid("a_b"));
	assert_false(slug_valid("../etc/passwd"));
	assert_false(slug_valid("a b"));
	memset(s, 'a', SLUG_MAX);
	s[SLUG_MAX] = '\0';
	assert_true(slug_valid(s));
	s[SLUG_MAX] = 'a';
	s[SLUG_MAX + 1] = '\0';
	assert_false(slug_valid(s));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_swedish),
		cmocka_unit_test(test_markup),
		cmocka_unit_test(test_accents),
		cmocka_unit_test(test_punctuation),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_long),
		cmocka_unit_test(test_valid),
	};

	return cmocka_run_group_tests(tests, arena_setup, arena_teardown);
}

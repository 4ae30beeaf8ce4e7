/*
 * test_spell.c -- Swedish spelling with hunspell-sv: unknown words and
 * suggestions, with and without the site's word list; URLs, addresses,
 * numbers and code are not checked; a 3,000-word article is checked in
 * about 0.15 s with the dictionary's loading (the time is printed).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "arena_fixture.h"
#include "render/md.h"
#include "render/spell.h"

static const char text[] =
    "Nordenmark på SKR skriver om kommunnen.\n\n"
    "Nordenmarks rapport finns på https://skr.se/rapport och www.skr.se, "
    "mejla press@skr.se eller se /nyheter/x. Den kostar 20 miljoner kr, "
    "bl.a. för e-post och skol- och förskoleklass. Kör `sudo rm` inte.\n\n"
    "```\nkodblock utan kontrol\n```\n\n| Kommun | Kontaktperson |\n"
    "|---|---|\n| Ale | Nordenmark |\n";

/* The misses of text with wordlist, from md_blocks() with the table
 * cells and without code. */
static size_t
check(const char *md, const char *wordlist, struct spell_miss **m)
{
	const char	**b;
	size_t		 nb, n;

	assert_int_equal(md_blocks(&ar, md, MD_TEXT_CELLS, &b, &nb), ST_OK);
	assert_int_equal(spell_check(&ar, b, nb, wordlist, m, &n), ST_OK);
	return n;
}

/* 1 if word is among s's suggestions. */
static int
suggests(const struct spell_miss *s, const char *word)
{
	size_t	 i;

	for (i = 0; i < s->nsugg; i++)
		if (strcmp(s->sugg[i], word) == 0)
			return 1;
	return 0;
}

static void
test_without_list(void **state)
{
	struct spell_miss *m;
	size_t		 n;

	(void)state;
	n = check(text, NULL, &m);
	assert_int_equal(n, 4);
	assert_string_equal(m[0].word, "Nordenmark");
	assert_string_equal(m[1].word, "SKR");
	assert_string_equal(m[2].word, "kommunnen");
	assert_true(m[2].suggested);
	assert_true(suggests(&m[2], "kommunen"));
	assert_string_equal(m[3].word, "Nordenmarks");
	assert_int_equal(m[0].count, 2);	/* once in a table cell */
}

static void
test_with_list(void **state)
{
	struct spell_miss *m;
	size_t		 n;

	(void)state;
	/* The list's words, a genitive of one, blank lines and spaces. */
	n = check(text, "Nordenmark\r\n\n  SKR \n", &m);
	assert_int_equal(n, 1);
	assert_string_equal(m[0].word, "kommunnen");
	n = check("Kommunnen och kommunnen.\n", "", &m);
	assert_int_equal(n, 2);
	assert_int_equal(m[1].count, 1);
	n = check("kommunnen och kommunnen.\n", "", &m);
	assert_int_equal(n, 1);
	assert_int_equal(m[0].count, 2);
}

static void
test_3000_words(void **state)
{
	static const char para[] = "Kommunstyrelsen föreslår att "
	    "fullmäktige beslutar om en ny budget för skolan och "
	    "äldreomsorgen, bl.a. med 20 miljoner kronor till förskolan. ";
	char		*md;
	struct spell_miss *m;
	struct timespec	 a, b;
	size_t		 i, n, words = 0;
	double		 ms;

	(void)state;
	md = arena_alloc(&ar, 160 * sizeof(para) + 64);
	for (i = 0; i < 160; i++) {
		strcat(md, para);
		if (i % 10 == 9)
			strcat(md, "Felstavadt ord nummer ett.\n\n");
	}
	for (i = 0; md[i] != '\0'; i++)
		words += md[i] == ' ';
	assert_true(words >= 3000);
	clock_gettime(CLOCK_MONOTONIC, &a);
	n = check(md, NULL, &m);
	clock_gettime(CLOCK_MONOTONIC, &b);
	ms = (double)(b.tv_sec - a.tv_sec) * 1e3 +
	    (double)(b.tv_nsec - a.tv_nsec) / 1e6;
	printf("# spelling of %zu words: %.0f ms\n", words, ms);
	assert_int_equal(n, 1);
	assert_string_equal(m[0].word, "Felstavadt");
	assert_int_equal(m[0].count, 16);
	/* A guard against runaway cost, not a benchmark: about 0.15 s on
	 * an idle machine, several times that on a loaded one. */
	assert_true(ms < 15000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_without_list),
		cmocka_unit_test(test_with_list),
		cmocka_unit_test(test_3000_words),
	};

	return cmocka_run_group_tests(tests, arena_setup, arena_teardown);
}

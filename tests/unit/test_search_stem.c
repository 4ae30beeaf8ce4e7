/*
 * test_search_stem.c -- the search tokenizer (store/search_stem.c):
 * words cut and folded as the index reads them, their Swedish stems,
 * and the stem lists the index holds.  Inflected forms of a word share
 * a stem; å, ä and ö never fold into a, a and o; numbers keep their
 * digits and have no stem; a hyphen separates words.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "arena_fixture.h"
#include "store/search_int.h"

/* The words of text as search_words() gives them, "|"-separated. */
static void
join_word(void *arg, const char *w, size_t n)
{
	char	**out = arg;

	*out = arena_printf(&ar, "%s%s%.*s", *out, **out ? "|" : "", (int)n,
	    w);
}

static const char *
words(const char *text)
{
	char	*out = arena_strdup(&ar, "");

	search_words(text, join_word, &out);
	return out;
}

/* The stems of one word, "stem" or "stem/alt". */
static const char *
stems(const char *w)
{
	char	 s[SEARCH_WORD_MAX + 4], alt[SEARCH_WORD_MAX + 4];
	size_t	 n = strlen(w);

	(void)search_stem(w, n, s, sizeof(s));
	if (search_stem_alt(w, n, alt, sizeof(alt)) == 0)
		return arena_strdup(&ar, s);
	return arena_printf(&ar, "%s/%s", s, alt);
}

/* 1 if words a and b share a stem. */
static int
meet(const char *a, const char *b)
{
	const char	*ta[] = { a }, *tb[] = { b };
	const char	*sa = search_stems(&ar, ta, 1);
	const char	*sb = search_stems(&ar, tb, 1);
	char		*dup = arena_strdup(&ar, sa), *tok, *save = NULL;

	for (tok = strtok_r(dup, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save)) {
		size_t	 n = strlen(tok);
		const char *p = sb;

		while ((p = strstr(p, tok)) != NULL) {
			if ((p == sb || p[-1] == ' ') &&
			    (p[n] == '\0' || p[n] == ' '))
				return 1;
			p += n;
		}
	}
	return 0;
}

static void
test_words(void **state)
{
	(void)state;
	assert_string_equal(words("Kvinnor och MÄN"), "kvinnor|och|män");
	assert_string_equal(words("ÅÄÖ åäö Éé"), "åäö|åäö|éé");
	assert_string_equal(words("hälso- och sjukvård"),
	    "hälso|och|sjukvård");
	assert_string_equal(words("år 2021, 1 250 000 kronor"),
	    "år|2021|1|250|000|kronor");
	assert_string_equal(words("covid-19: SKR:s"), "covid|19|skr|s");
	assert_string_equal(words(""), "");
	assert_string_equal(words(NULL), "");
}

static void
test_stems(void **state)
{
	(void)state;
	assert_string_equal(stems("kvinna"), "kvinn");
	assert_string_equal(stems("kvinnor"), "kvinn");
	assert_string_equal(stems("kvinnorna"), "kvinn");
	assert_string_equal(stems("kvinnan"), "kvinnan/kvinn");
	assert_string_equal(stems("våld"), "våld");
	assert_string_equal(stems("våldet"), "våldet/våld");
	assert_string_equal(stems("pandemin"), "pandemin/pandemi");
	assert_string_equal(stems("budget"), "budget/budg");
	assert_string_equal(stems("budgeten"), "budget");
	assert_string_equal(stems("sjukvården"), "sjukvård");
	/* Every inflected form meets the others. */
	assert_true(meet("kvinna", "kvinnan"));
	assert_true(meet("kvinnan", "kvinnorna"));
	assert_true(meet("våld", "våldet"));
	assert_true(meet("klimat", "klimatet"));
	assert_true(meet("hälsa", "hälsan"));
	assert_true(meet("budget", "budgeten"));
	assert_true(meet("bidrag", "bidraget"));
	assert_true(meet("arbete", "arbetet"));
	assert_true(meet("regionerna", "region"));
}

static void
test_letters_stay(void **state)
{
	(void)state;
	/* å, ä and ö are letters of their own: no stem meets another. */
	assert_string_equal(stems("har"), "har");
	assert_string_equal(stems("här"), "här");
	assert_string_equal(stems("hår"), "hår");
	assert_false(meet("har", "här"));
	assert_false(meet("har", "hår"));
	assert_false(meet("här", "hår"));
	assert_false(meet("för", "for"));
	assert_false(meet("våren", "varen"));
	assert_string_equal(words("HÄR Här här"), "här|här|här");
}

static void
test_stem_lists(void **state)
{
	const char	*t[] = { "Kvinnor och kvinnan", NULL, "våldet 2021" };

	(void)state;
	/* Distinct stems in order of first use; numbers have none. */
	assert_string_equal(search_stems(&ar, t, 3),
	    "kvinn och kvinnan våldet våld");
	{
		const char *n[] = { "1 250 000 kronor år 2021" };

		assert_string_equal(search_stems(&ar, n, 1), "kron år");
	}
	{
		const char *h[] = { "hälso- och sjukvård" };

		assert_string_equal(search_stems(&ar, h, 1),
		    "hälso och sjukvård");
	}
	{
		const char *e[] = { "" };

		assert_string_equal(search_stems(&ar, e, 1), "");
	}
}

static void
test_long_words(void **state)
{
	char	 w[400];
	char	 s[SEARCH_WORD_MAX + 4];

	(void)state;
	memset(w, 'a', sizeof(w) - 1);
	w[sizeof(w) - 1] = '\0';
	/* Cut at SEARCH_WORD_MAX bytes, never inside a letter. */
	assert_int_equal(strlen(words(w)), SEARCH_WORD_MAX);
	memset(w, 0, sizeof(w));
	for (size_t i = 0; i + 2 < sizeof(w) - 1; i += 2)
		memcpy(w + i, "\xc3\xa4", 2);
	assert_int_equal(strlen(words(w)) % 2, 0);
	assert_true(strlen(words(w)) <= SEARCH_WORD_MAX);
	/* A word over SEARCH_STEM_MAX is its own stem. */
	memset(w, 'b', 100);
	w[100] = '\0';
	assert_int_equal(search_stem(w, 100, s, sizeof(s)), 100);
	assert_int_equal(search_stem_alt(w, 100, s, sizeof(s)), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_stems),
		cmocka_unit_test(test_letters_stay),
		cmocka_unit_test(test_stem_lists),
		cmocka_unit_test(test_long_words),
	};

	return cmocka_run_group_tests(tests, arena_setup, arena_teardown);
}

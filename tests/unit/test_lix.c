/*
 * test_lix.c -- klarspråk: LIX, Swedish sentence splitting, long
 * sentences and longest words, on texts counted by hand (the counts are
 * in the comments).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "arena_fixture.h"
#include "render/lix.h"

/* Count one block of text. */
static struct lix
count1(const char *text)
{
	struct lix	 l;

	lix_count(&ar, &text, 1, &l);
	return l;
}

static void
test_plain(void **state)
{
	struct lix	 l;

	(void)state;
	/* Kommunen bygger en ny skola (5) | Den blir klar 2026 (4).
	 * 9 words, 2 sentences, 1 long (Kommunen).  9/2 + 100/9 = 15.6. */
	l = count1("Kommunen bygger en ny skola. Den blir klar 2026.");
	assert_int_equal(l.words, 9);
	assert_int_equal(l.sentences, 2);
	assert_int_equal(l.long_words, 1);
	assert_int_equal(l.lix, 16);
	assert_string_equal(lix_grade(l.lix), "Mycket lättläst");
}

static void
test_abbreviations(void **state)
{
	struct lix	 l;

	(void)state;
	/* Det kostar 20 miljoner kr. per år (7) | Vi satsar bl.a. på
	 * skolor, t.ex. Ekbackeskolan (7): "kr." before "per" and "t.ex."
	 * before a capital end nothing.  14 words, 2 sentences, 2 long
	 * (miljoner, Ekbackeskolan).  7 + 200/14 = 21.3. */
	l = count1("Det kostar 20 miljoner kr. per år. Vi satsar bl.a. på "
	    "skolor, t.ex. Ekbackeskolan.");
	assert_int_equal(l.words, 14);
	assert_int_equal(l.sentences, 2);
	assert_int_equal(l.long_words, 2);
	assert_int_equal(l.lix, 21);
	assert_int_equal(l.nlongest, 2);
	assert_string_equal(l.longest[0].word, "Ekbackeskolan");
	assert_int_equal(l.longest[0].letters, 13);
	assert_string_equal(l.longest[1].word, "miljoner");
	/* "kr." closing a sentence: one dot serves both. */
	l = count1("Det kostar 20 miljoner kr. Nästa år blir det mindre.");
	assert_int_equal(l.words, 10);
	assert_int_equal(l.sentences, 2);
	/* Unlisted dotted abbreviations, an initial, "ca" and "kl." */
	l = count1("Mötet börjar ca kl. 9 enl. fr.o.m. Anna A. Berg.");
	assert_int_equal(l.words, 10);
	assert_int_equal(l.sentences, 1);
}

static void
test_numbers(void **state)
{
	struct lix	 l;

	(void)state;
	/* Budgeten är 1 250 000 kronor (4) | Det är mer än i fjol (6).
	 * 10 words, 2 sentences, 1 long.  5 + 10 = 15. */
	l = count1("Budgeten är 1 250 000 kronor. Det är mer än i fjol.");
	assert_int_equal(l.words, 10);
	assert_int_equal(l.sentences, 2);
	assert_int_equal(l.long_words, 1);
	assert_int_equal(l.lix, 15);
	/* A no-break space between the groups too; "2026 100" is two:
	 * Det blir 3 500 kronor år 2026 100 gånger = 8. */
	l = count1("Det blir 3\xc2\xa0" "500 kronor år 2026 100 gånger.");
	assert_int_equal(l.words, 8);
}

static void
test_marks_and_dashes(void **state)
{
	struct lix	 l;

	(void)state;
	/* Vad kostar det (3) | Svaret kommer i maj (4) | Sedan bestämmer
	 * nämnden (3).  10 words, 3 sentences, 2 long (bestämmer,
	 * nämnden).  3.33 + 20 = 23.3. */
	l = count1("Vad kostar det? Svaret kommer i maj! Sedan bestämmer "
	    "nämnden.");
	assert_int_equal(l.words, 10);
	assert_int_equal(l.sentences, 3);
	assert_int_equal(l.lix, 23);
	/* A dash is no word; a quote mark is not part of one. */
	l = count1("\xe2\x80\x93 Vi är \xe2\x80\x9dglada\xe2\x80\x9d, "
	    "säger Anna Berg.");
	assert_int_equal(l.words, 6);
	assert_int_equal(l.sentences, 1);
	/* Lower case after a full stop: no new sentence. */
	l = count1("Se avsnitt 3. där står det.");
	assert_int_equal(l.sentences, 1);
}

static void
test_blocks(void **state)
{
	const char	*b[] = { "Ny skola i Ale", "Bygget börjar i maj.",
	    "punkt ett", "punkt två" };
	struct lix	 l;

	(void)state;
	/* A heading, a paragraph and two list items each end a sentence:
	 * 4 + 4 + 2 + 2 = 12 words, 4 sentences, 0 long.  3 + 0 = 3. */
	lix_count(&ar, b, 4, &l);
	assert_int_equal(l.words, 12);
	assert_int_equal(l.sentences, 4);
	assert_int_equal(l.long_words, 0);
	assert_int_equal(l.lix, 3);
}

static void
test_long_sentences(void **state)
{
	char		 t[512] = "";
	struct lix	 l;
	int		 i;

	(void)state;
	/* 25 words is not long; 26 is. */
	for (i = 0; i < 25; i++)
		strcat(t, "ord ");
	strcat(t, "slut. Kort mening.");
	l = count1(t);
	assert_int_equal(l.words, 28);
	assert_int_equal(l.sentences, 2);
	assert_int_equal(l.nlong, 1);
	assert_int_equal(l.long_sentences[0].words, 26);
	assert_int_equal(strncmp(l.long_sentences[0].text, "ord ord", 7), 0);
	assert_int_equal(strlen(l.long_sentences[0].text), 25 * 4 + 5);
	l = count1(t + 4);
	assert_int_equal(l.nlong, 0);
}

static void
test_empty_and_grades(void **state)
{
	struct lix	 l;

	(void)state;
	l = count1("");
	assert_int_equal(l.lix, -1);
	l = count1("\xe2\x80\x93 ... !");
	assert_int_equal(l.words, 0);
	assert_int_equal(l.lix, -1);
	assert_string_equal(lix_grade(29), "Mycket lättläst");
	assert_string_equal(lix_grade(30), "Lättläst");
	assert_string_equal(lix_grade(40), "Medelsvår");
	assert_string_equal(lix_grade(50), "Svår");
	assert_string_equal(lix_grade(59), "Svår");
	assert_string_equal(lix_grade(60), "Mycket svår");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_abbreviations),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_marks_and_dashes),
		cmocka_unit_test(test_blocks),
		cmocka_unit_test(test_long_sentences),
		cmocka_unit_test(test_empty_and_grades),
	};

	return cmocka_run_group_tests(tests, arena_setup, arena_teardown);
}

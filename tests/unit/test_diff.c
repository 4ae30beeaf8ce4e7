/*
 * test_diff.c -- the revision diff: lines and words that changed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "arena_fixture.h"
#include "render/diff.h"

/* The diff as a string: one char per line (' ', '-', '+'). */
static const char *
shape(const struct diff *d)
{
	char	*s = arena_alloc(&ar, d->n + 1);
	size_t	 i;

	for (i = 0; i < d->n; i++)
		s[i] = d->lines[i].op == DIFF_SAME ? ' ' :
		    d->lines[i].op == DIFF_DEL ? '-' : '+';
	return s;
}

static void
test_same(void **state)
{
	struct diff	d;

	(void)state;
	diff_text(&ar, "a\nb\nc", "a\nb\nc", &d);
	assert_string_equal(shape(&d), "   ");
	assert_int_equal(d.ndel + d.nadd, 0);
	diff_text(&ar, "", "", &d);
	assert_int_equal(d.n, 0);
	diff_text(&ar, NULL, "x", &d);
	assert_string_equal(shape(&d), "+");
}

static void
test_insert_delete(void **state)
{
	struct diff	d;

	(void)state;
	diff_text(&ar, "a\nb\nc\nd", "a\nc\nd\ne", &d);
	assert_string_equal(shape(&d), " -  +");
	assert_string_equal(d.lines[1].text, "b");
	assert_string_equal(d.lines[4].text, "e");
	assert_int_equal(d.ndel, 1);
	assert_int_equal(d.nadd, 1);
	diff_text(&ar, "x\r\ny\r\n", "x\ny\n", &d);
	assert_string_equal(shape(&d), "  ");
}

static void
test_words(void **state)
{
	struct diff	d;
	const struct diff_line *del, *add;

	(void)state;
	diff_text(&ar, "intro\nSKR ger 10 miljoner kronor\nslut",
	    "intro\nSKR ger 20 miljoner kronor\nslut", &d);
	assert_string_equal(shape(&d), " -+ ");
	del = &d.lines[1];
	add = &d.lines[2];
	assert_int_equal(del->nsegs, 3);
	assert_int_equal(del->segs[0].op, DIFF_SAME);
	assert_string_equal(del->segs[0].text, "SKR ger ");
	assert_int_equal(del->segs[1].op, DIFF_DEL);
	assert_string_equal(del->segs[1].text, "10");
	assert_int_equal(add->segs[1].op, DIFF_ADD);
	assert_string_equal(add->segs[1].text, "20");
	assert_string_equal(add->segs[2].text, " miljoner kronor");
}

static void
test_unpaired(void **state)
{
	struct diff	d;

	(void)state;
	diff_text(&ar, "a\nb", "c", &d);
	assert_string_equal(shape(&d), "--+");
	assert_null(d.lines[0].segs);
	assert_null(d.lines[2].segs);
	/* Paired lines with only spaces in common stay whole. */
	diff_text(&ar, "alfa beta gamma", "delta epsilon zeta", &d);
	assert_string_equal(shape(&d), "-+");
	assert_null(d.lines[0].segs);
	assert_null(d.lines[1].segs);
}

static void
test_large(void **state)
{
	char		*a, *b;
	size_t		 i, n = 5000;
	struct diff	 d;

	(void)state;
	a = arena_alloc(&ar, n * 8);
	b = arena_alloc(&ar, n * 8);
	for (i = 0; i < n; i++) {
		strcat(a, i % 2 ? "x\n" : "y\n");
		strcat(b, i % 3 ? "x\n" : "z\n");
	}
	diff_text(&ar, a, b, &d);
	assert_true(d.n >= n);
	assert_true(d.ndel > 0 && d.nadd > 0);
}

/* n words "ordN " (a one-line body of about 6n bytes) then end; arena. */
static char *
one_line(size_t n, const char *end)
{
	char	*s = arena_alloc(&ar, n * 12 + strlen(end) + 1), *p = s;
	size_t	 i;

	for (i = 0; i < n; i++)
		p += sprintf(p, "ord%zu ", i % 10);
	strcpy(p, end);
	return s;
}

/*
 * Two 40 KB one-line bodies that differ in their last word: the word
 * diff used to copy the whole growing run on every word (1.7 GB of
 * arena).  Now the arena grows linearly: a small multiple of the input.
 */
static void
test_long_line_linear(void **state)
{
	struct diff	 d;
	char		*a, *b;
	size_t		 before, len;

	(void)state;
	a = one_line(8000, "slut");
	b = one_line(8000, "fin");
	len = strlen(a) + strlen(b);
	assert_true(len > 80000);
	before = ar.used;
	diff_text(&ar, a, b, &d);
	assert_true(ar.used - before < 32 * len);
	assert_string_equal(shape(&d), "-+");
	assert_int_equal(d.lines[0].nsegs, 2);
	assert_int_equal(strlen(d.lines[0].segs[0].text), strlen(a) - 4);
	assert_string_equal(d.lines[0].segs[1].text, "slut");
	assert_int_equal(d.lines[1].segs[1].op, DIFF_ADD);
	assert_string_equal(d.lines[1].segs[1].text, "fin");
	assert_int_equal(d.cells, 2);	/* one line pair, one word pair */
}

/*
 * Many long lines that all differ: the compare stops filling LCS tables
 * at DIFF_MAX_CELLS; the lines past that are shown whole (no word
 * marks), the first ones still word by word.
 */
static void
test_work_bounded(void **state)
{
	struct diff	 d;
	char		*a, *b, *la, *lb;
	size_t		 i, n = 40, before;

	(void)state;
	la = one_line(700, "x");	/* 1400 tokens: 2M cells a pair */
	lb = one_line(700, "y");
	la[0] = 'O';			/* differs at both ends */
	a = arena_alloc(&ar, n * (strlen(la) + 1) + 1);
	b = arena_alloc(&ar, n * (strlen(lb) + 1) + 1);
	for (i = 0; i < n; i++) {
		strcat(strcat(a, la), "\n");
		strcat(strcat(b, lb), "\n");
	}
	before = ar.used;
	diff_text(&ar, a, b, &d);
	assert_true(d.cells <= DIFF_MAX_CELLS);
	assert_int_equal(d.ndel, n);
	assert_int_equal(d.nadd, n);
	assert_non_null(d.lines[0].segs);
	assert_null(d.lines[n - 1].segs);
	assert_string_equal(d.lines[n - 1].text, la);
	assert_true(ar.used - before < 32 * (strlen(a) + strlen(b)));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_same, arena_setup,
		    arena_teardown),
		cmocka_unit_test_setup_teardown(test_insert_delete, arena_setup,
		    arena_teardown),
		cmocka_unit_test_setup_teardown(test_words, arena_setup,
		    arena_teardown),
		cmocka_unit_test_setup_teardown(test_unpaired, arena_setup,
		    arena_teardown),
		cmocka_unit_test_setup_teardown(test_large, arena_setup,
		    arena_teardown),
		cmocka_unit_test_setup_teardown(test_long_line_linear,
		    arena_setup, arena_teardown),
		cmocka_unit_test_setup_teardown(test_work_bounded, arena_setup,
		    arena_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

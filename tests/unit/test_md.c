/*
 * test_md.c -- the Markdown wrapper: safe HTML, limits, plain text.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "arena_fixture.h"
#include "render/md.h"

/* Render md and return the HTML, asserting success. */
static const char *
render(const char *md)
{
	struct safe_html	 h;

	assert_int_equal(md_render(&ar, md, &h), ST_OK);
	assert_int_equal(h.len, strlen(h.html));
	return h.html;
}

static void
test_basic(void **state)
{
	(void)state;
	/* The page title is the only h1: a body h1 becomes h2. */
	assert_string_equal(render("# Rubrik\n"), "<h2>Rubrik</h2>\n");
	assert_string_equal(render("## Två\n"), "<h2>Två</h2>\n");
	assert_string_equal(render("*kursiv* och **fet**\n"),
	    "<p><em>kursiv</em> och <strong>fet</strong></p>\n");
	assert_string_equal(render("- ett\n- två\n"),
	    "<ul>\n<li>ett</li>\n<li>två</li>\n</ul>\n");
	assert_string_equal(render("1. a\n2. b\n"),
	    "<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n");
	assert_string_equal(render("[Kommunen](https://example.se/)\n"),
	    "<p><a href=\"https://example.se/\">Kommunen</a></p>\n");
	assert_string_equal(render(""), "");
	assert_string_equal(render(NULL), "");
}

static void
test_no_smart(void **state)
{
	(void)state;
	/* Quotes and dashes stay as typed (escaped, not curled). */
	assert_string_equal(render("\"Hej\" -- sa hon\n"),
	    "<p>&quot;Hej&quot; -- sa hon</p>\n");
}

static void
test_table(void **state)
{
	(void)state;
	/* A real table: header cells with scope, in a labelled, focusable
	 * scroll container; alignment as a class, never align= or style=. */
	assert_string_equal(render("| Kommun | Belopp |\n|---|--:|\n"
	    "| Ale | 1 250 000 |\n"),
	    "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" "
	    "aria-label=\"Tabell 1\">\n<table>\n<thead>\n<tr>\n"
	    "<th scope=\"col\">Kommun</th>\n"
	    "<th scope=\"col\" class=\"align-right\">Belopp</th>\n"
	    "</tr>\n</thead>\n<tbody>\n<tr>\n<td>Ale</td>\n"
	    "<td class=\"align-right\">1 250 000</td>\n</tr>\n</tbody>\n"
	    "</table>\n</div>\n");
}

static void
test_tables_numbered_and_safe(void **state)
{
	const char	*h;

	(void)state;
	h = render("| a |\n|:-:|\n| <script>x</script> |\n\n"
	    "| b |\n|---|\n| [x](javascript:alert(1)) |\n");
	assert_non_null(strstr(h, "aria-label=\"Tabell 1\""));
	assert_non_null(strstr(h, "aria-label=\"Tabell 2\""));
	assert_non_null(strstr(h, "<th scope=\"col\" class=\"align-center\">"));
	assert_null(strstr(h, "<script"));
	assert_null(strstr(h, "javascript"));
	assert_null(strstr(h, "align=\""));
	assert_null(strstr(h, "style="));
	/* Text that only looks like a table tag stays text. */
	assert_string_equal(render("`<table>` och <th>\n"),
	    "<p><code>&lt;table&gt;</code> och <!-- raw HTML omitted --></p>\n");
}

static void
test_strike_and_autolink(void **state)
{
	(void)state;
	assert_string_equal(render("~~2 miljoner~~ 20 miljoner\n"),
	    "<p><del>2 miljoner</del> 20 miljoner</p>\n");
	/* One tilde is "about", as typed in Swedish. */
	assert_string_equal(render("~20 st och ~30 st\n"),
	    "<p>~20 st och ~30 st</p>\n");
	assert_string_equal(render("Se www.example.se idag.\n"),
	    "<p>Se <a href=\"http://www.example.se\">www.example.se</a> "
	    "idag.</p>\n");
	assert_string_equal(render("Mejla press@skr.se.\n"),
	    "<p>Mejla <a href=\"mailto:press@skr.se\">press@skr.se</a>.</p>\n");
}

static void
test_raw_html_dropped(void **state)
{
	const char	*h;

	(void)state;
	h = render("<script>alert(1)</script>\n\nText\n");
	assert_null(strstr(h, "<script"));
	assert_non_null(strstr(h, "raw HTML omitted"));
	h = render("Hej <img src=x onerror=alert(1)> då\n");
	assert_null(strstr(h, "<img"));
	assert_null(strstr(h, "onerror"));
	h = render("<div onclick=\"x()\">a</div>\n");
	assert_null(strstr(h, "<div"));
}

static void
test_bad_links_dropped(void **state)
{
	const char	*h;

	(void)state;
	h = render("[klick](javascript:alert(1))\n");
	assert_null(strstr(h, "javascript"));
	assert_string_equal(h, "<p>klick</p>\n");	/* text, not a link to nowhere */
	h = render("[x](JAVASCRIPT:alert(1)) [y](vbscript:x) [z](file:///etc)\n");
	assert_null(strstr(h, "JAVASCRIPT"));
	assert_null(strstr(h, "vbscript"));
	assert_null(strstr(h, "file:"));
	h = render("![bild](javascript:alert(1))\n");
	assert_null(strstr(h, "javascript"));
	h = render("<javascript:alert(1)>\n");
	assert_null(strstr(h, "href=\"javascript"));
}

static void
test_too_large(void **state)
{
	struct safe_html	 h;
	char			*big;

	(void)state;
	big = malloc(MD_MAX_SOURCE + 2);
	assert_non_null(big);
	memset(big, 'a', MD_MAX_SOURCE + 1);
	big[MD_MAX_SOURCE + 1] = '\0';
	assert_int_equal(md_render(&ar, big, &h), ST_TOOLARGE);
	assert_string_equal(h.html, "");
	assert_int_equal(h.len, 0);
	big[MD_MAX_SOURCE] = '\0';
	assert_int_equal(md_render(&ar, big, &h), ST_OK);
	free(big);
}

static void
test_nesting(void **state)
{
	struct safe_html	 h;
	char			 md[256];

	(void)state;
	memset(md, '>', MD_MAX_NESTING);
	strcpy(md + MD_MAX_NESTING, " djup\n");
	assert_int_equal(md_render(&ar, md, &h), ST_OK);
	memset(md, '>', MD_MAX_NESTING + 1);
	strcpy(md + MD_MAX_NESTING + 1, " djupare\n");
	assert_int_equal(md_render(&ar, md, &h), ST_TOOLARGE);
	assert_int_equal(h.len, 0);
}

static void
test_nesting_lists(void **state)
{
	struct safe_html	 h;
	char			*md, *p;
	int			 i, j;

	(void)state;
	md = malloc(64 * 64);
	assert_non_null(md);
	for (p = md, i = 0; i < MD_MAX_NESTING + 4; i++) {
		for (j = 0; j < i * 2; j++)
			*p++ = ' ';
		memcpy(p, "- x\n", 4);
		p += 4;
	}
	*p = '\0';
	assert_int_equal(md_render(&ar, md, &h), ST_TOOLARGE);
	free(md);
}

static void
test_plain(void **state)
{
	(void)state;
	assert_string_equal(md_plain(&ar, "# Rubrik\n\nEtt *stycke*  med\n"
	    "radbrytning.\n\n- a\n- b\n", 200),
	    "Rubrik Ett stycke med radbrytning. a b");
	assert_string_equal(md_plain(&ar, "Se [länken](https://x.se/) "
	    "och `kod`.", 200), "Se länken och kod.");
	assert_string_equal(md_plain(&ar, "Hej <b>du</b> &amp; <script>x"
	    "</script>", 200), "Hej du & x");
	assert_string_equal(md_plain(&ar, "", 10), "");
	assert_string_equal(md_plain(&ar, NULL, 10), "");
	assert_string_equal(md_plain(&ar, "kort", 4), "kort");
}

static void
test_plain_cut(void **state)
{
	const char	*s;

	(void)state;
	/* Word boundary preferred; "…" counts towards max. */
	s = md_plain(&ar, "Kommunen satsar på jämställdhet", 20);
	assert_string_equal(s, "Kommunen satsar…");
	assert_true(strlen(s) <= 20);
	/* No space in the second half: cut on a UTF-8 boundary. */
	s = md_plain(&ar, "åååååååååå", 10);
	assert_string_equal(s, "ååå…");
	s = md_plain(&ar, "åååååååååå", 8);
	assert_string_equal(s, "åå…");
	s = md_plain(&ar, "abcdefghij", 2);
	assert_true(strlen(s) <= 2);
}

/* md_blocks: the reader's text of each heading, paragraph, list item
 * and table cell; no code blocks, no alt text, inline code on request. */
static void
test_blocks(void **state)
{
	const char	**b;
	size_t		 n;

	(void)state;
	assert_int_equal(md_blocks(&ar, "## Rubrik\n\nStycke *ett*. "
	    "Stycke [två](/x).\n\n- punkt ett\n- punkt två\n\n"
	    "```\nkod här\n```\n\n![alt text](/b.png) Kör `make` nu.\n\n"
	    "| a | b |\n|---|---|\n| c | d |\n", MD_TEXT_CELLS, &b, &n),
	    ST_OK);
	assert_int_equal(n, 9);
	assert_string_equal(b[0], "Rubrik");
	assert_string_equal(b[1], "Stycke ett. Stycke två.");
	assert_string_equal(b[2], "punkt ett");
	assert_string_equal(b[3], "punkt två");
	assert_string_equal(b[4], "Kör nu.");
	assert_string_equal(b[5], "a");
	assert_string_equal(b[8], "d");
	assert_int_equal(md_blocks(&ar, "Kör `make` nu.\n\n| a |\n|---|\n",
	    MD_TEXT_CODE, &b, &n), ST_OK);
	assert_int_equal(n, 1);
	assert_string_equal(b[0], "Kör make nu.");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_no_smart),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_tables_numbered_and_safe),
		cmocka_unit_test(test_strike_and_autolink),
		cmocka_unit_test(test_raw_html_dropped),
		cmocka_unit_test(test_bad_links_dropped),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_nesting),
		cmocka_unit_test(test_nesting_lists),
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_plain_cut),
		cmocka_unit_test(test_blocks),
	};

	return cmocka_run_group_tests(tests, arena_setup, arena_teardown);
}

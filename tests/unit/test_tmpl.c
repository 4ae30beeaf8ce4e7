/*
 * test_tmpl.c -- the template engine: escaping, sections, partials,
 * lookup, the raw slot and syntax errors.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "util/arena.h"
#include "util/buf.h"
#include "render/html.h"
#include "render/tmpl.h"

/* Markup the test vouches for (html.c and md.c make them in the program). */
#define SAFE(s)	((struct safe_html){ (s), sizeof(s) - 1 })

static struct arena	 ar;
static struct buf	 out;

static int
setup(void **state)
{
	(void)state;
	arena_init(&ar);
	buf_init(&out);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	buf_free(&out);
	arena_free(&ar);
	return 0;
}

/* Parse src as template "t", render it with d; returns the status and
 * leaves the output in out. */
static enum status
render(const char *src, const struct tdict *d)
{
	struct tmpl_set	*set;
	enum status	 st;

	buf_reset(&out);
	assert_int_equal(tmpl_parse_string("t", src, &set), ST_OK);
	st = tmpl_render(set, "t", d, &out);
	tmpl_free(set);
	return st;
}

/* Render and compare with want, asserting ST_OK. */
static void
check(const char *src, const struct tdict *d, const char *want)
{
	assert_int_equal(render(src, d), ST_OK);
	assert_string_equal(out.len ? out.data : "", want);
}

static void
test_text_only(void **state)
{
	(void)state;
	check("", NULL, "");
	check("<p>Hej { } }} </p>\n", NULL, "<p>Hej { } }} </p>\n");
}

static void
test_escaping(void **state)
{
	struct tdict	*d = td_new(&ar);

	(void)state;
	td_text(d, "amp", "&");
	td_text(d, "lt", "<");
	td_text(d, "gt", ">");
	td_text(d, "quot", "\"");
	td_text(d, "apos", "'");
	check("{{amp}}|{{lt}}|{{gt}}|{{quot}}|{{apos}}", d,
	    "&amp;|&lt;|&gt;|&quot;|&#39;");
	td_text(d, "x", "<script>alert('x')</script>");
	check("<a title=\"{{x}}\">{{ x }}</a>", d,
	    "<a title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\">"
	    "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</a>");
}

static void
test_url(void **state)
{
	struct tdict	*d = td_new(&ar);

	(void)state;
	td_text(d, "q", "jämställdhet & \"trygghet\"/2");
	check("/sok?q={{q|url}}", d,
	    "/sok?q=j%C3%A4mst%C3%A4lldhet%20%26%20%22trygghet%22%2F2");
	check("{{ q|url }}", d,
	    "j%C3%A4mst%C3%A4lldhet%20%26%20%22trygghet%22%2F2");
}

static void
test_textf_and_replace(void **state)
{
	struct tdict	*d = td_new(&ar);

	(void)state;
	td_textf(d, "n", "%d artiklar", 12);
	check("{{n}}", d, "12 artiklar");
	td_text(d, "n", "<ny>");
	check("{{n}}", d, "&lt;ny&gt;");
	td_text(d, "n", NULL);
	check("[{{n}}]{{^n}}tom{{/n}}", d, "[]tom");
}

static void
test_missing(void **state)
{
	(void)state;
	check("a{{nope}}b{{{nope}}}c{{nope|url}}d", NULL, "abcd");
	check("{{#nope}}x{{/nope}}{{^nope}}y{{/nope}}", td_new(&ar), "y");
}

static void
test_section_list(void **state)
{
	struct tdict	*d = td_new(&ar), *it;

	(void)state;
	it = td_item(d, "items");
	td_text(it, "t", "ett");
	it = td_item(d, "items");
	td_text(it, "t", "<två>");
	it = td_item(d, "items");
	td_text(it, "t", "tre");
	check("<ul>{{#items}}<li>{{t}}</li>{{/items}}</ul>", d,
	    "<ul><li>ett</li><li>&lt;två&gt;</li><li>tre</li></ul>");
	check("{{^items}}inga{{/items}}", d, "");

	td_list(d, "none");
	check("{{#none}}x{{/none}}{{^none}}inga{{/none}}", d, "inga");
	/* td_list keeps a list that already has items. */
	td_list(d, "items");
	check("{{#items}}.{{/items}}", d, "...");
}

static void
test_section_dict(void **state)
{
	struct tdict	*d = td_new(&ar), *sub;

	(void)state;
	sub = td_sub(d, "author");
	td_text(sub, "name", "Anna");
	td_text(d, "name", "Ytter");
	check("{{#author}}{{name}}{{/author}} {{name}}", d, "Anna Ytter");
	check("{{^author}}x{{/author}}", d, "");
	/* An empty dict still runs once. */
	td_sub(d, "empty");
	check("{{#empty}}ja{{/empty}}", d, "ja");
}

static void
test_section_bool_text(void **state)
{
	struct tdict	*d = td_new(&ar);

	(void)state;
	td_bool(d, "yes", 1);
	td_bool(d, "no", 0);
	td_text(d, "full", "x");
	td_text(d, "empty", "");
	td_html(d, "h", SAFE("<b>"));
	check("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^yes}}y{{/yes}}"
	    "{{^no}}n{{/no}}", d, "Yn");
	check("{{#full}}F{{full}}{{/full}}{{#empty}}E{{/empty}}"
	    "{{^full}}f{{/full}}{{^empty}}e{{/empty}}", d, "Fxe");
	check("{{#h}}H{{/h}}", d, "H");
	/* Bools, lists and dicts print nothing as variables. */
	td_item(d, "l");
	td_sub(d, "s");
	check("[{{yes}}{{no}}{{l}}{{s}}]", d, "[]");
}

static void
test_nested_scope(void **state)
{
	struct tdict	*d = td_new(&ar), *a, *b;

	(void)state;
	td_text(d, "site", "Kommunen");
	td_text(d, "who", "ytter");
	a = td_item(d, "list");
	td_text(a, "who", "inre");
	b = td_item(a, "inner");
	td_text(b, "x", "1");
	b = td_item(a, "inner");
	td_text(b, "x", "2");
	td_text(b, "who", "innerst");
	check("{{#list}}{{#inner}}{{x}}:{{who}}@{{site}};{{/inner}}"
	    "{{who}}{{/list}}/{{who}}", d,
	    "1:inre@Kommunen;2:innerst@Kommunen;inre/ytter");
	/* Nested sections with the same name. */
	check("{{#list}}{{#list}}a{{/list}}{{/list}}", d, "a");
}

static void
test_raw(void **state)
{
	struct tdict	*d = td_new(&ar);
	struct safe_html h;

	(void)state;
	h = SAFE("&lt;i&gt;");
	td_html(d, "body", SAFE("<p>Hej</p>"));
	td_html(d, "esc", h);
	check("{{{body}}}{{{ esc }}}", d, "<p>Hej</p>&lt;i&gt;");
	/* Escaped slot escapes even safe_html. */
	check("{{body}}", d, "&lt;p&gt;Hej&lt;/p&gt;");
	td_bool(d, "b", 1);
	check("[{{{b}}}]", d, "[]");
}

static void
test_raw_refuses_text(void **state)
{
	struct tdict	*d = td_new(&ar);

	(void)state;
	td_text(d, "body", "<script>alert(1)</script>");
	buf_reset(&out);
	buf_puts(&out, "före");
	assert_int_equal(render("a{{{body}}}b", d), ST_ERROR);
	/* Nothing of the failed render is left in the buffer. */
	assert_true(out.len == 0 || strstr(out.data, "<script>") == NULL);
}

static void
test_comment(void **state)
{
	(void)state;
	check("a{{! en kommentar {{ med } tecken }}b", NULL, "ab");
	check("a{{!\nflera\nrader\n}}b", NULL, "ab");
}

static void
test_render_keeps_prefix(void **state)
{
	struct tmpl_set	*set;
	struct tdict	*d = td_new(&ar);

	(void)state;
	td_text(d, "x", "text");
	assert_int_equal(tmpl_parse_string("t", "X{{{x}}}Y", &set), ST_OK);
	buf_reset(&out);
	buf_puts(&out, "före");
	assert_int_equal(tmpl_render(set, "t", d, &out), ST_ERROR);
	assert_string_equal(out.data, "före");
	assert_int_equal(out.len, strlen("före"));
	assert_int_equal(tmpl_render(set, "nope", d, &out), ST_NOTFOUND);
	assert_int_equal(tmpl_render(set, "t.html", NULL, &out), ST_OK);
	assert_string_equal(out.data, "föreXY");
	tmpl_free(set);
}

static void
test_syntax_errors(void **state)
{
	static const char *const bad[] = {
		"{{x",
		"a {{x}",
		"{{{x}}",
		"{{}}",
		"{{ }}",
		"{{#a}}x",
		"{{#a}}{{/b}}",
		"{{/a}}",
		"{{#a}}{{#b}}{{/a}}{{/b}}",
		"{{x|html}}",
		"{{x y}}",
		"{{a{{b}}",
		"{{>}}",
		"{{#}}{{/}}",
		"{{!unclosed comment",
		"line\nline\n{{#open}}\n",
	};
	struct tmpl_set	*set;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		set = (struct tmpl_set *)1;
		assert_int_equal(tmpl_parse_string("bad", bad[i], &set),
		    ST_ERROR);
		assert_null(set);
	}
}

static void
test_deep_nesting(void **state)
{
	struct buf	 src;
	struct tmpl_set	*set;
	int		 i;

	(void)state;
	buf_init(&src);
	for (i = 0; i < 200; i++)
		buf_puts(&src, "{{#a}}");
	for (i = 0; i < 200; i++)
		buf_puts(&src, "{{/a}}");
	assert_int_equal(tmpl_parse_string("t", src.data, &set), ST_ERROR);
	buf_free(&src);
}

/* Write name.html with src into dir. */
static void
put_file(const char *dir, const char *name, const char *src)
{
	char	 path[512];
	FILE	*f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "w"));
	fputs(src, f);
	fclose(f);
}

static void
rm_dir(const char *dir, const char *const *names)
{
	char	 path[512];

	for (; *names != NULL; names++) {
		snprintf(path, sizeof(path), "%s/%s", dir, *names);
		unlink(path);
	}
	rmdir(dir);
}

static void
test_load_and_partials(void **state)
{
	static const char *const files[] = {
		"page.html", "head.html", "item.html", "tree.html",
		"loop.html", "missing.html", "notes.txt", "feed.xml", NULL,
	};
	char		 dir[] = "/tmp/test_tmpl.XXXXXX";
	struct tmpl_set	*set;
	struct tdict	*d = td_new(&ar), *it, *n;

	(void)state;
	assert_non_null(mkdtemp(dir));
	put_file(dir, "page.html", "{{> head}}<ul>{{#items}}{{>item}}"
	    "{{/items}}</ul>\n");
	put_file(dir, "head.html", "<title>{{title}}</title>");
	put_file(dir, "item.html", "<li>{{t}}/{{title}}</li>");
	put_file(dir, "tree.html", "({{name}}{{#kids}}{{> tree}}{{/kids}})");
	put_file(dir, "loop.html", "{{> loop}}");
	put_file(dir, "missing.html", "{{> finns-inte}}");
	put_file(dir, "notes.txt", "{{#not a template");
	put_file(dir, "feed.xml", "<title>{{title}}</title>");
	assert_int_equal(tmpl_load(dir, &set), ST_OK);

	td_text(d, "title", "R&D");
	it = td_item(d, "items");
	td_text(it, "t", "a");
	it = td_item(d, "items");
	td_text(it, "t", "b");
	td_text(it, "title", "eget");
	buf_reset(&out);
	assert_int_equal(tmpl_render(set, "page", d, &out), ST_OK);
	assert_string_equal(out.data, "<title>R&amp;D</title><ul>"
	    "<li>a/R&amp;D</li><li>b/eget</li></ul>\n");

	/* Recursion through data terminates when the data does. */
	d = td_new(&ar);
	td_text(d, "name", "rot");
	n = td_item(d, "kids");
	td_text(n, "name", "barn");
	n = td_item(n, "kids");
	td_text(n, "name", "barnbarn");
	/* Without this, lookup would find the parent's kids again. */
	td_list(n, "kids");
	buf_reset(&out);
	assert_int_equal(tmpl_render(set, "tree", d, &out), ST_OK);
	assert_string_equal(out.data, "(rot(barn(barnbarn)))");

	/* Endless recursion is stopped by the depth guard. */
	buf_reset(&out);
	assert_int_equal(tmpl_render(set, "loop", d, &out), ST_ERROR);
	assert_int_equal(tmpl_render(set, "missing", d, &out), ST_ERROR);
	assert_int_equal(tmpl_render(set, "notes", d, &out), ST_NOTFOUND);
	/* .xml files are templates too, for feeds. */
	d = td_new(&ar);
	td_text(d, "title", "A & B");
	buf_reset(&out);
	assert_int_equal(tmpl_render(set, "feed", d, &out), ST_OK);
	assert_string_equal(out.data, "<title>A &amp; B</title>");
	tmpl_free(set);
	rm_dir(dir, files);
}

static void
test_load_errors(void **state)
{
	static const char *const files[] = {
		"ok.html", "bad.html", "ok.xml", NULL,
	};
	char		 dir[] = "/tmp/test_tmpl.XXXXXX";
	struct tmpl_set	*set;

	(void)state;
	set = (struct tmpl_set *)1;
	assert_int_equal(tmpl_load("/nonexistent/templates", &set), ST_ERROR);
	assert_null(set);
	assert_non_null(mkdtemp(dir));
	put_file(dir, "ok.html", "fine");
	put_file(dir, "ok.xml", "also fine, but the same name");
	set = (struct tmpl_set *)1;
	assert_int_equal(tmpl_load(dir, &set), ST_ERROR);
	assert_null(set);
	rm_dir(dir, files);
	memcpy(dir + sizeof(dir) - 7, "XXXXXX", 6);
	assert_non_null(mkdtemp(dir));
	put_file(dir, "ok.html", "fine");
	put_file(dir, "bad.html", "one\ntwo {{#x}}\n");
	set = (struct tmpl_set *)1;
	assert_int_equal(tmpl_load(dir, &set), ST_ERROR);
	assert_null(set);
	rm_dir(dir, files);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_only),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_url),
		cmocka_unit_test(test_textf_and_replace),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_section_list),
		cmocka_unit_test(test_section_dict),
		cmocka_unit_test(test_section_bool_text),
		cmocka_unit_test(test_nested_scope),
		cmocka_unit_test(test_raw),
		cmocka_unit_test(test_raw_refuses_text),
		cmocka_unit_test(test_comment),
		cmocka_unit_test(test_render_keeps_prefix),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_load_and_partials),
		cmocka_unit_test(test_load_errors),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

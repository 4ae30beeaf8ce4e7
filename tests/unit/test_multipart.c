/*
 * test_multipart.c -- web/multipart.c: a browser's upload body into its
 * parts, and the bodies it must refuse.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "arena_fixture.h"
#include "web/multipart.h"
#include "web/req.h"

#define CT	"multipart/form-data; boundary=----WebKitFormBoundaryX3"
#define B	"------WebKitFormBoundaryX3"

static enum status
parse(const char *ct, const char *body, size_t len, struct mp_form *f)
{
	return multipart_parse(&ar, ct, body, len, f);
}

/* A form as Chromium sends it: a token, a text field, a file. */
static void
test_browser_body(void **state)
{
	static const char	 body[] =
	    B "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
	    "abc123\r\n"
	    B "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n"
	    "En sjö\r\nmed is\r\n"
	    B "\r\nContent-Disposition: form-data; name=\"fil\"; "
	    "filename=\"sjö.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
	    "\xff\xd8\xff\0\r\n--x\r\n\xff\xd9\r\n"
	    B "--\r\n";
	struct mp_form		 f;
	const struct mp_part	*p;

	(void)state;
	assert_int_equal(parse(CT, body, sizeof(body) - 1, &f), ST_OK);
	assert_int_equal(f.n, 3);
	p = multipart_get(&f, "alt");
	assert_non_null(p);
	assert_null(p->filename);
	assert_int_equal(p->len, 15);
	assert_memory_equal(p->data, "En sjö\r\nmed is", 15);
	p = multipart_get(&f, "fil");
	assert_non_null(p);
	assert_string_equal(p->filename, "sjö.jpg");
	assert_string_equal(p->type, "image/jpeg");
	/* Binary data with a NUL and a CRLF "--" that is not the boundary. */
	assert_int_equal(p->len, 13);
	assert_memory_equal(p->data, "\xff\xd8\xff\0\r\n--x\r\n\xff\xd9", 13);
	assert_null(multipart_get(&f, "saknas"));
}

/* A quoted boundary and an empty file field. */
static void
test_quoted_boundary_empty_file(void **state)
{
	static const char	 body[] =
	    "--a b\r\nContent-Disposition: form-data; name=\"fil\"; "
	    "filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n"
	    "\r\n--a b--";
	struct mp_form		 f;

	(void)state;
	assert_int_equal(parse("multipart/form-data; boundary=\"a b\"", body,
	    sizeof(body) - 1, &f), ST_OK);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.parts[0].filename, "");
	assert_int_equal(f.parts[0].len, 0);
}

/* Each of these bodies or types is refused. */
static void
test_refused(void **state)
{
	static const struct {
		const char	*ct, *body;
		enum status	 st;
	} cases[] = {
		{ "application/x-www-form-urlencoded", "a=b", ST_BADREQ },
		{ "multipart/form-data", B "--", ST_BADREQ },
		{ "multipart/form-data; boundary=", "----", ST_BADREQ },
		{ CT, "", ST_BADREQ },
		{ CT, "junk" B "--", ST_BADREQ },
		/* no closing boundary */
		{ CT, B "\r\nContent-Disposition: form-data; name=\"a\"\r\n"
		    "\r\nvalue", ST_BADREQ },
		/* no name */
		{ CT, B "\r\nContent-Disposition: form-data\r\n\r\nx\r\n"
		    B "--", ST_BADREQ },
		/* not form-data */
		{ CT, B "\r\nContent-Disposition: attachment; name=\"a\"\r\n"
		    "\r\nx\r\n" B "--", ST_BADREQ },
		/* a name that is not UTF-8 */
		{ CT, B "\r\nContent-Disposition: form-data; name=\"\xff\"\r\n"
		    "\r\nx\r\n" B "--", ST_BADREQ },
		/* headers never end */
		{ CT, B "\r\nContent-Disposition: form-data; name=\"a\"\r\n"
		    "x\r\n" B "--", ST_BADREQ },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct mp_form	 f;

		assert_int_equal(parse(cases[i].ct, cases[i].body,
		    strlen(cases[i].body), &f), cases[i].st);
	}
}

/* A header block over MP_MAX_HEAD and more parts than MP_MAX_PARTS. */
static void
test_limits(void **state)
{
	char		 big[4096], *p = big;
	struct mp_form	 f;

	(void)state;
	p += sprintf(p, "%s\r\nContent-Disposition: form-data; name=\"a\"\r\n"
	    "X-Pad: ", B);
	memset(p, 'x', MP_MAX_HEAD);
	p += MP_MAX_HEAD;
	p += sprintf(p, "\r\n\r\nv\r\n%s--", B);
	assert_int_equal(parse(CT, big, (size_t)(p - big), &f), ST_BADREQ);

	p = big;
	for (int i = 0; i <= MP_MAX_PARTS; i++)
		p += sprintf(p, "%s\r\nContent-Disposition: form-data; "
		    "name=\"f%d\"\r\n\r\nv\r\n", B, i);
	p += sprintf(p, "%s--", B);
	assert_int_equal(parse(CT, big, (size_t)(p - big), &f), ST_TOOLARGE);
}

/* multipart_req(): the plain fields as a form's kv list (what the CSRF
 * check and the handlers read), the file left out of it; a plain field
 * holding a NUL or bad UTF-8 is refused like in a urlencoded form. */
static void
test_req_fields(void **state)
{
	static const char	 body[] =
	    B "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
	    "abc123\r\n"
	    B "\r\nContent-Disposition: form-data; name=\"fil\"; "
	    "filename=\"a.jpg\"\r\n\r\n\xff\xd8\0\xff\r\n"
	    B "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n"
	    "Sjö\r\n" B "--\r\n";
	static const char	 nul[] =
	    B "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n"
	    "a\0b\r\n" B "--\r\n";
	static const char	 bad[] =
	    B "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n"
	    "\xc3\r\n" B "--\r\n";
	const struct mp_form	*f;
	struct kvlist		 kv;

	(void)state;
	assert_int_equal(multipart_req(&ar, CT, body, sizeof(body) - 1, &kv,
	    &f), ST_OK);
	assert_int_equal(kv.n, 2);
	assert_string_equal(kv_get(&kv, "csrf"), "abc123");
	assert_string_equal(kv_get(&kv, "alt"), "Sjö");
	assert_null(kv_get(&kv, "fil"));
	assert_non_null(f);
	assert_int_equal(multipart_get(f, "fil")->len, 4);
	assert_int_equal(multipart_req(&ar, CT, nul, sizeof(nul) - 1, &kv,
	    &f), ST_BADREQ);
	assert_null(f);
	assert_int_equal(multipart_req(&ar, CT, bad, sizeof(bad) - 1, &kv,
	    &f), ST_BADREQ);
}

int
main(void)
{
	const struct CMUnitTest	 tests[] = {
		cmocka_unit_test(test_browser_body),
		cmocka_unit_test(test_quoted_boundary_empty_file),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_req_fields),
	};

	return cmocka_run_group_tests(tests, arena_setup, arena_teardown);
}

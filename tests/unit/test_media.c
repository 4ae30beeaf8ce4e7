/*
 * test_media.c -- media/files.c: the download name kept from an upload's
 * path, and the content-addressed names of a picture's files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "media/files.h"
#include "media/image.h"

static void
test_filename_clean(void **state)
{
	static const struct {
		const char	*in, *want;
	} cases[] = {
		{ "/home/anna/Bilder/Sjö i maj.jpg", "Sjö_i_maj.jpg" },
		{ "a\"b<c>&d'e.png", "a_b_c__d_e.png" },
		{ "../../etc/passwd", "passwd" },
		{ ".htaccess", "bild" },
		{ "dir/", "bild" },
		{ "bad\xff.jpg", "bild" },
		{ "x\r\ny.webp", "x__y.webp" },
	};
	char	 out[MEDIA_FILENAME_MAX], longname[400];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		media_filename_clean(cases[i].in, out);
		assert_string_equal(out, cases[i].want);
	}
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	media_filename_clean(longname, out);
	assert_int_equal(strlen(out), MEDIA_FILENAME_MAX - 1);
}

static void
test_file_name(void **state)
{
	struct media_file	 a = { 0, "image/webp", "webp", 640, 480,
				    (void *)(uintptr_t)"bytes", 5 };
	struct media_file	 b = a;
	char			 na[MEDIA_NAME_MAX], nb[MEDIA_NAME_MAX];

	(void)state;
	media_file_name(&a, na);
	assert_int_equal(strlen(na), 32 + strlen("-640.webp"));
	assert_string_equal(na + 32, "-640.webp");
	b.data = (void *)(uintptr_t)"bytez";
	media_file_name(&b, nb);
	assert_string_not_equal(na, nb);	/* other bytes, other name */
	b.data = a.data;
	media_file_name(&b, nb);
	assert_string_equal(na, nb);		/* same bytes, same name */
}

int
main(void)
{
	const struct CMUnitTest	 tests[] = {
		cmocka_unit_test(test_filename_clean),
		cmocka_unit_test(test_file_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

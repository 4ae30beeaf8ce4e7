/*
 * fuzz_slug.c -- libFuzzer target for slugs and UTF-8 validation.
 *
 * Whatever the title, slug_from_title() must give "" or a slug that
 * slug_valid() accepts; utf8_valid() must not read out of bounds.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/slug.h"
#include "util/utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *buf, size_t len)
{
	struct arena	 ar;
	char		*title, *s;

	(void)utf8_valid((const char *)buf, len);
	if ((title = malloc(len + 1)) == NULL)
		abort();
	memcpy(title, buf, len);
	title[len] = '\0';
	arena_init(&ar);
	s = slug_from_title(&ar, title);
	if (s[0] != '\0' && !slug_valid(s))
		abort();
	if (strlen(s) > SLUG_MAX)
		abort();
	arena_free(&ar);
	free(title);
	return 0;
}

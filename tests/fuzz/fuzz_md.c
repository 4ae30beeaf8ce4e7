/*
 * fuzz_md.c -- libFuzzer target for the Markdown wrapper.
 *
 * Renders the input as HTML and as plain text cut to a length taken from
 * the first byte; checks that the plain text respects the limit.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "render/md.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *buf, size_t len)
{
	struct safe_html	 h;
	struct arena		 ar;
	char			*src, *plain;
	size_t			 max;

	if (len == 0)
		return 0;
	max = buf[0];
	if ((src = malloc(len)) == NULL)
		abort();
	memcpy(src, buf + 1, len - 1);
	src[len - 1] = '\0';
	arena_init(&ar);
	if (md_render(&ar, src, &h) == ST_OK && strlen(h.html) != h.len)
		abort();
	plain = md_plain(&ar, src, max);
	if (strlen(plain) > max)
		abort();
	arena_free(&ar);
	free(src);
	return 0;
}

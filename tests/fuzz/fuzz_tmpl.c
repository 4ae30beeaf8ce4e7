/*
 * fuzz_tmpl.c -- libFuzzer target for the template parser and renderer.
 *
 * The input is parsed as template "t" (so {{> t}} recurses into itself)
 * and, when it parses, rendered with data of every kind under the names
 * a..f.  Errors are fine; crashes, leaks and hangs are not.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/buf.h"
#include "render/html.h"
#include "render/tmpl.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Data with one value of each kind. */
static struct tdict *
data(struct arena *ar)
{
	struct tdict	*d = td_new(ar), *it;

	td_text(d, "a", "<&\"'>");
	td_html(d, "b", (struct safe_html){ "<b>safe</b>", 11 });
	td_bool(d, "c", 1);
	td_bool(d, "n", 0);
	it = td_item(d, "d");
	td_text(it, "a", "item1");
	it = td_item(d, "d");
	td_bool(it, "c", 0);
	td_list(it, "d");
	it = td_sub(d, "e");
	td_text(it, "a", "sub");
	td_list(d, "f");
	return d;
}

int
LLVMFuzzerTestOneInput(const uint8_t *buf, size_t len)
{
	struct tmpl_set	*set;
	struct arena	 ar;
	struct buf	 out;
	char		*src;

	if (len > 64 * 1024)
		return 0;
	if ((src = malloc(len + 1)) == NULL)
		abort();
	memcpy(src, buf, len);
	src[len] = '\0';
	arena_init(&ar);
	buf_init(&out);
	if (tmpl_parse_string("t", src, &set) == ST_OK) {
		(void)tmpl_render(set, "t", data(&ar), &out);
		tmpl_free(set);
	}
	buf_free(&out);
	arena_free(&ar);
	free(src);
	return 0;
}

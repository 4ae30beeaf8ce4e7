/*
 * fuzz_query.c -- libFuzzer target for req_parse_urlencoded(), the
 * parser behind query strings and urlencoded POST bodies.
 *
 * Checks the parser's promises on every input: on success at most
 * REQ_MAX_FIELDS pairs, no empty key, every key and value valid UTF-8
 * without NUL and at most REQ_MAX_FIELD bytes; on failure an empty list.
 * Seeds: tests/fuzz/corpus/fuzz_query/.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/utf8.h"
#include "web/req.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check(const char *s)
{
	size_t	 n = strlen(s);

	if (n > REQ_MAX_FIELD || !utf8_valid(s, n))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 ar;
	struct kvlist	 l;
	const char	*all[4];
	size_t		 i;

	arena_init(&ar);
	if (req_parse_urlencoded(&ar, (const char *)data, size, &l) == ST_OK) {
		if (l.n > REQ_MAX_FIELDS)
			abort();
		for (i = 0; i < l.n; i++) {
			if (l.v[i].key[0] == '\0')
				abort();
			check(l.v[i].key);
			check(l.v[i].val);
		}
		if (l.n > 0 && (kv_get(&l, l.v[0].key) != l.v[0].val ||
		    kv_all(&l, l.v[0].key, all, 4) == 0))
			abort();
	} else if (l.n != 0 || l.v != NULL)
		abort();
	arena_free(&ar);
	return 0;
}

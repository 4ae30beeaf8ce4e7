/*
 * fuzz_cookie.c -- libFuzzer target for req_parse_cookies(), the
 * Cookie header parser.
 *
 * The input becomes a NUL-terminated header (as nginx would pass it,
 * cut at the first NUL).  Checks: at most REQ_MAX_COOKIES pairs, names
 * non-empty and free of spaces, '=' and ';', values valid UTF-8 without
 * ';' and without spaces at either end.
 * Seeds: tests/fuzz/corpus/fuzz_cookie/.
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
check(const struct kv *kv)
{
	size_t	 n = strlen(kv->val);

	if (kv->key[0] == '\0' || strpbrk(kv->key, " \t=;") != NULL)
		abort();
	if (!utf8_valid(kv->val, n) || strchr(kv->val, ';') != NULL)
		abort();
	if (n > 0 && (kv->val[0] == ' ' || kv->val[n - 1] == ' '))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 ar;
	struct kvlist	 l;
	char		*s;
	size_t		 i;

	if ((s = malloc(size + 1)) == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	arena_init(&ar);
	req_parse_cookies(&ar, s, &l);
	if (l.n > REQ_MAX_COOKIES)
		abort();
	for (i = 0; i < l.n; i++)
		check(&l.v[i]);
	arena_free(&ar);
	free(s);
	return 0;
}

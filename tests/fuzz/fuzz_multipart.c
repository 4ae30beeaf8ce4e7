/*
 * fuzz_multipart.c -- libFuzzer target for multipart_parse(), the
 * upload form's body parser (web/multipart.c).
 *
 * Input: the Content-Type header's value, a newline, then the body.
 * Checks the parser's promises: a status of ST_OK, ST_BADREQ or
 * ST_TOOLARGE; on success at most MP_MAX_PARTS parts, each with a
 * non-empty UTF-8 name within MP_MAX_NAME, a file name (when any) within
 * MP_MAX_FILENAME, and data lying inside the body.
 * Seeds: tests/fuzz/corpus/fuzz_multipart/.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/utf8.h"
#include "web/multipart.h"
#include "web/req.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_part(const struct mp_part *p, const char *body, size_t len)
{
	size_t	 n = strlen(p->name);

	if (n == 0 || n > MP_MAX_NAME || !utf8_valid(p->name, n))
		abort();
	if (p->filename != NULL && strlen(p->filename) > MP_MAX_FILENAME)
		abort();
	if (p->type == NULL || p->data < body || p->len > len ||
	    p->data + p->len > body + len)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*nl = memchr(data, '\n', size);
	struct arena	 ar;
	struct mp_form	 f;
	char		*ct, *body;
	size_t		 ctn, len;
	enum status	 st;

	if (nl == NULL)
		return 0;
	ctn = (size_t)(nl - (const char *)data);
	len = size - ctn - 1;
	/* Copies of their own, so ASan sees any read past either. */
	ct = malloc(ctn + 1);
	body = malloc(len ? len : 1);
	if (ct == NULL || body == NULL)
		abort();
	memcpy(ct, data, ctn);
	ct[ctn] = '\0';
	memcpy(body, nl + 1, len);
	arena_init(&ar);
	st = multipart_parse(&ar, ct, body, len, &f);
	if (st != ST_OK && st != ST_BADREQ && st != ST_TOOLARGE)
		abort();
	if (st == ST_OK) {
		if (f.n > MP_MAX_PARTS)
			abort();
		for (size_t i = 0; i < f.n; i++)
			check_part(&f.parts[i], body, len);
	}
	/* The same body as req.c takes it: plain fields are NUL-terminated
	 * UTF-8 without NUL, like a urlencoded form's. */
	{
		const struct mp_form	*g;
		struct kvlist		 kv;

		st = multipart_req(&ar, ct, body, len, &kv, &g);
		if (st != ST_OK && st != ST_BADREQ && st != ST_TOOLARGE)
			abort();
		for (size_t i = 0; st == ST_OK && i < kv.n; i++)
			if (!utf8_valid(kv.v[i].val, strlen(kv.v[i].val)) ||
			    strlen(kv.v[i].val) > REQ_MAX_FIELD)
				abort();
	}
	arena_free(&ar);
	free(ct);
	free(body);
	return 0;
}

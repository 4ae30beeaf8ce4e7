/*
 * fuzz_params.c -- libFuzzer target for req_parse_params(), the whole
 * request parser as nginx's FastCGI params and the body reach it.
 *
 * Input: "NAME=VALUE" lines (the params: REQUEST_METHOD, DOCUMENT_URI,
 * REQUEST_URI, QUERY_STRING, HTTP_COOKIE, CONTENT_TYPE, CONTENT_LENGTH,
 * HTTP_ORIGIN, ...), an empty line, then the body.  Values are cut at a
 * NUL, as they would be on the wire.  Checks the parser's promises: a
 * status of ST_OK, ST_BADREQ or ST_TOOLARGE; a path that starts with
 * '/'; on success every field valid UTF-8 without NUL, within the
 * REQ_MAX_* limits, and no control bytes in the logged method and URI.
 * Seeds: tests/fuzz/corpus/fuzz_params/.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/utf8.h"
#include "web/req.h"

#define MAX_PARAMS	64

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

struct params {
	const char	*name[MAX_PARAMS];
	const char	*val[MAX_PARAMS];
	size_t		 n;
};

static const char *
getparam(void *ctx, const char *name)
{
	struct params	*p = ctx;
	size_t		 i;

	for (i = 0; i < p->n; i++)
		if (strcmp(p->name[i], name) == 0)
			return p->val[i];
	return NULL;
}

/* Split the header part (a NUL-terminated copy, modified) into params. */
static void
split(char *s, struct params *p)
{
	char	*line, *eq;

	p->n = 0;
	while (s != NULL && p->n < MAX_PARAMS) {
		line = s;
		if ((s = strchr(s, '\n')) != NULL)
			*s++ = '\0';
		if ((eq = strchr(line, '=')) == NULL)
			continue;
		*eq = '\0';
		p->name[p->n] = line;
		p->val[p->n++] = eq + 1;
	}
}

static void
check_text(const char *s, size_t max)
{
	size_t	 n = strlen(s);

	if (n > max || !utf8_valid(s, n))
		abort();
}

static void
check_list(const struct kvlist *l)
{
	size_t	 i;

	if (l->n > REQ_MAX_FIELDS)
		abort();
	for (i = 0; i < l->n; i++) {
		if (l->v[i].key[0] == '\0')
			abort();
		check_text(l->v[i].key, REQ_MAX_FIELD);
		check_text(l->v[i].val, REQ_MAX_FIELD);
	}
}

static void
check_logsafe(const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			abort();
}

static void
check(const struct req *rq, enum status st)
{
	if (st != ST_OK && st != ST_BADREQ && st != ST_TOOLARGE)
		abort();
	if (rq->path == NULL || rq->path[0] != '/')
		abort();
	check_logsafe(rq->method_name);
	check_logsafe(rq->uri);
	if (rq->cookies.n > REQ_MAX_COOKIES)
		abort();
	if (st != ST_OK)
		return;
	check_text(rq->path, (size_t)-1);
	check_list(&rq->query);
	check_list(&rq->form);
	if (rq->origin != NULL)
		check_text(rq->origin, (size_t)-1);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct params	 p;
	struct arena	 ar;
	struct req	 rq;
	const uint8_t	*sep = NULL;
	char		*head;
	size_t		 hlen = size, i;
	enum status	 st;

	for (i = 0; i + 1 < size; i++)
		if (data[i] == '\n' && data[i + 1] == '\n') {
			sep = data + i;
			hlen = i;
			break;
		}
	if ((head = malloc(hlen + 1)) == NULL)
		abort();
	memcpy(head, data, hlen);
	head[hlen] = '\0';
	split(head, &p);
	arena_init(&ar);
	if (sep != NULL)
		st = req_parse_params(&rq, &ar, getparam, &p,
		    (const char *)sep + 2, size - hlen - 2);
	else
		st = req_parse_params(&rq, &ar, getparam, &p, NULL, 0);
	check(&rq, st);
	arena_free(&ar);
	free(head);
	return 0;
}

/*
 * pagecache.c -- a worker's memory of the public pages it rendered.
 *
 * A small open-addressing hash table from URI to a copy of the
 * response (status, type, the handler's headers, body, Last-Modified).
 * There is no eviction: when the cache is full a new page is simply not
 * kept until the next write empties it, so a crawler walking every page
 * cannot push out the hot ones (start page, news list, today's
 * articles), which are asked for first after every change.
 * Validity is all-or-nothing and decided by pagecache_sync(); see
 * pagecache.h.
 */
#include <stdlib.h>
#include <string.h>

#include "../web/resp.h"
#include "pagecache.h"

#define SLOTS	512		/* a power of two; at most SLOTS/2 pages */

struct page {
	char		*uri;		/* NULL: empty slot */
	uint64_t	 hash;
	int		 status;
	const char	*ctype;		/* a literal or NULL (see resp_type) */
	char		*ctype_copy;	/* when the type was not a literal */
	char		*headers;
	size_t		 headers_len;
	char		*body;
	size_t		 body_len;
	int64_t		 last_modified;
};

struct pagecache {
	struct page	 slot[SLOTS];
	size_t		 n;
	size_t		 bytes, max_bytes;
	int64_t		 seq, until;
	int		 synced;
};

/* FNV-1a. */
static uint64_t
hash(const char *s)
{
	uint64_t	 h = 1469598103934665603ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

struct pagecache *
pagecache_new(size_t max_bytes)
{
	struct pagecache	*pc;

	if (max_bytes == 0 || (pc = calloc(1, sizeof(*pc))) == NULL)
		return NULL;
	pc->max_bytes = max_bytes;
	return pc;
}

void
pagecache_clear(struct pagecache *pc)
{
	size_t	 i;

	if (pc == NULL)
		return;
	for (i = 0; i < SLOTS; i++) {
		free(pc->slot[i].uri);
		free(pc->slot[i].ctype_copy);
		free(pc->slot[i].headers);
		free(pc->slot[i].body);
	}
	memset(pc->slot, 0, sizeof(pc->slot));
	pc->n = pc->bytes = 0;
}

void
pagecache_free(struct pagecache *pc)
{
	pagecache_clear(pc);
	free(pc);
}

int
pagecache_sync(struct pagecache *pc, int64_t seq, int64_t until,
    int64_t now)
{
	if (pc == NULL)
		return 0;
	if (!pc->synced || seq != pc->seq || until != pc->until ||
	    now >= until) {
		pagecache_clear(pc);
		pc->seq = seq;
		pc->until = until;
		pc->synced = 1;
	}
	return now < until;
}

/* The slot holding uri, or the empty slot where it would go. */
static struct page *
find(struct pagecache *pc, const char *uri, uint64_t h)
{
	size_t	 i = (size_t)h & (SLOTS - 1);

	while (pc->slot[i].uri != NULL &&
	    (pc->slot[i].hash != h || strcmp(pc->slot[i].uri, uri) != 0))
		i = (i + 1) & (SLOTS - 1);
	return &pc->slot[i];
}

int
pagecache_get(struct pagecache *pc, const char *uri, struct resp *rs)
{
	struct page	*p;

	if (pc == NULL || pc->n == 0 || uri == NULL)
		return 0;
	if ((p = find(pc, uri, hash(uri)))->uri == NULL)
		return 0;
	resp_clear(rs);
	rs->status = p->status;
	rs->ctype = p->ctype;
	rs->last_modified = p->last_modified;
	buf_append(&rs->headers, p->headers, p->headers_len);
	buf_append(&rs->body, p->body, p->body_len);
	return 1;
}

static char *
copy(const void *src, size_t n)
{
	char	*p = malloc(n + 1);

	if (p != NULL) {
		memcpy(p, src, n);
		p[n] = '\0';
	}
	return p;
}

void
pagecache_put(struct pagecache *pc, const char *uri, const struct resp *rs)
{
	struct page	*p;
	uint64_t	 h;
	size_t		 size;

	if (pc == NULL || uri == NULL || rs->status != 200 || rs->nocache)
		return;
	size = strlen(uri) + rs->headers.len + rs->body.len + 64;
	if (size > pc->max_bytes / 4)
		return;			/* one huge page would crowd out all */
	if (pc->bytes + size > pc->max_bytes || pc->n + 1 > SLOTS / 2)
		return;
	h = hash(uri);
	if ((p = find(pc, uri, h))->uri != NULL)
		return;			/* kept already */
	p->uri = copy(uri, strlen(uri));
	p->headers = copy(rs->headers.data ? rs->headers.data : "",
	    rs->headers.len);
	p->body = copy(rs->body.data ? rs->body.data : "", rs->body.len);
	if (rs->ctype != NULL)
		p->ctype = p->ctype_copy = copy(rs->ctype, strlen(rs->ctype));
	if (p->uri == NULL || p->headers == NULL || p->body == NULL ||
	    (rs->ctype != NULL && p->ctype == NULL)) {
		free(p->uri);
		free(p->headers);
		free(p->body);
		free(p->ctype_copy);
		memset(p, 0, sizeof(*p));
		return;
	}
	p->hash = h;
	p->status = rs->status;
	p->headers_len = rs->headers.len;
	p->body_len = rs->body.len;
	p->last_modified = rs->last_modified;
	pc->bytes += size;
	pc->n++;
}

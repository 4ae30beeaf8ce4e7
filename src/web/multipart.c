/*
 * multipart.c -- multipart/form-data (RFC 7578) into parts; see
 * multipart.h.  Every part starts after CRLF "--" BOUNDARY CRLF (the
 * first right at the start), has a header block ended by an empty line
 * and runs to the next CRLF "--" BOUNDARY; "--" after a boundary ends
 * the body.  Only Content-Disposition (form-data; name; filename) and
 * Content-Type are read; other part headers are ignored.
 */
#define _GNU_SOURCE	/* memmem, strcasestr */
#include <string.h>
#include <strings.h>

#include "../util/arena.h"
#include "../util/utf8.h"
#include "multipart.h"
#include "req.h"

#define BOUNDARY_MAX	70	/* RFC 2046 */

/* The boundary parameter of ct into out ("--" BOUNDARY); 0 or -1. */
static int
boundary_of(const char *ct, char out[BOUNDARY_MAX + 3])
{
	const char	*p;
	size_t		 n;

	if (ct == NULL || strncasecmp(ct, "multipart/form-data", 19) != 0 ||
	    (p = strcasestr(ct, "boundary=")) == NULL)
		return -1;
	p += 9;
	if (*p == '"')
		n = strcspn(++p, "\"");
	else
		n = strcspn(p, "; \t");
	if (n == 0 || n > BOUNDARY_MAX)
		return -1;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)p[i] < 0x20 || (unsigned char)p[i] > 0x7e)
			return -1;
	out[0] = out[1] = '-';
	memcpy(out + 2, p, n);
	out[n + 2] = '\0';
	return 0;
}

/* The value of parameter key ("name", "filename") in the header line
 * [s, end), quoted or not, into the arena; NULL when absent or bad. */
static const char *
param(struct arena *ar, const char *s, const char *end, const char *key,
    size_t max)
{
	size_t		 k = strlen(key), n;
	const char	*p = s, *v;

	for (; (p = memchr(p, ';', (size_t)(end - p))) != NULL; p++) {
		v = p + 1;
		while (v < end && (*v == ' ' || *v == '\t'))
			v++;
		if ((size_t)(end - v) <= k || strncasecmp(v, key, k) != 0 ||
		    v[k] != '=')
			continue;
		v += k + 1;
		if (v < end && *v == '"') {
			const char *q;

			v++;
			q = memchr(v, '"', (size_t)(end - v));
			if (q == NULL)
				return NULL;
			n = (size_t)(q - v);
		} else
			for (n = 0; v + n < end && v[n] != ';'; n++)
				;
		if (n > max || !utf8_valid(v, n) || memchr(v, '\0', n))
			return NULL;
		return arena_strndup(ar, v, n);
	}
	return NULL;
}

/* Read the header block [h, end) of one part into *pt; 0 or -1. */
static int
headers(struct arena *ar, const char *h, const char *end, struct mp_part *pt)
{
	const char	*eol;
	size_t		 n;

	pt->type = "";
	for (; h < end; h = eol + 2) {
		if ((eol = memmem(h, (size_t)(end - h) + 2, "\r\n", 2)) == NULL)
			return -1;
		n = (size_t)(eol - h);
		if (n > 20 && strncasecmp(h, "Content-Disposition:", 20) == 0) {
			const char *v = h + 20;
			while (v < eol && *v == ' ')
				v++;
			if ((size_t)(eol - v) < 9 ||
			    strncasecmp(v, "form-data", 9) != 0)
				return -1;
			pt->name = param(ar, v, eol, "name", MP_MAX_NAME);
			pt->filename = param(ar, v, eol, "filename",
			    MP_MAX_FILENAME);
		} else if (n > 13 && strncasecmp(h, "Content-Type:", 13) == 0) {
			const char *v = h + 13;
			while (v < eol && *v == ' ')
				v++;
			if (!utf8_valid(v, (size_t)(eol - v)) ||
			    memchr(v, '\0', (size_t)(eol - v)))
				return -1;
			pt->type = arena_strndup(ar, v, (size_t)(eol - v));
		}
	}
	return pt->name != NULL && *pt->name != '\0' ? 0 : -1;
}

enum status
multipart_parse(struct arena *ar, const char *content_type,
    const char *body, size_t len, struct mp_form *out)
{
	char		 delim[BOUNDARY_MAX + 5] = "\r\n";
	const char	*p = body, *end = body + len, *hend, *next;
	size_t		 dn;
	struct mp_part	*pt;

	memset(out, 0, sizeof(*out));
	if (boundary_of(content_type, delim + 2) != 0)
		return ST_BADREQ;
	dn = strlen(delim);
	/* The first boundary is at the very start, without its CRLF. */
	if (len < dn - 2 || memcmp(p, delim + 2, dn - 2) != 0)
		return ST_BADREQ;
	p += dn - 2;
	for (;;) {
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			return ST_OK;		/* the closing boundary */
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return ST_BADREQ;
		p += 2;
		if (out->n == MP_MAX_PARTS)
			return ST_TOOLARGE;
		pt = &out->parts[out->n++];
		hend = memmem(p, (size_t)(end - p) < MP_MAX_HEAD + 4 ?
		    (size_t)(end - p) : MP_MAX_HEAD + 4, "\r\n\r\n", 4);
		if (hend == NULL || headers(ar, p, hend, pt) != 0)
			return ST_BADREQ;
		p = hend + 4;
		if ((next = memmem(p, (size_t)(end - p), delim, dn)) == NULL)
			return ST_BADREQ;
		pt->data = p;
		pt->len = (size_t)(next - p);
		p = next + dn;
	}
}

const struct mp_part *
multipart_get(const struct mp_form *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->parts[i].name, name) == 0)
			return &f->parts[i];
	return NULL;
}

enum status
multipart_req(struct arena *ar, const char *content_type, const char *body,
    size_t len, struct kvlist *fields, const struct mp_form **form)
{
	struct mp_form	*f = arena_alloc(ar, sizeof(*f));
	enum status	 st;
	size_t		 i;

	*form = NULL;
	if ((st = multipart_parse(ar, content_type, body, len, f)) != ST_OK)
		return st;
	fields->v = arena_alloc(ar, sizeof(*fields->v) * (f->n + 1));
	fields->n = 0;
	for (i = 0; i < f->n; i++) {
		const struct mp_part *pt = &f->parts[i];

		if (pt->filename != NULL)
			continue;
		if (pt->len > REQ_MAX_FIELD || !utf8_valid(pt->data, pt->len) ||
		    memchr(pt->data, '\0', pt->len) != NULL)
			return ST_BADREQ;
		fields->v[fields->n].key = pt->name;
		fields->v[fields->n++].val = arena_strndup(ar, pt->data,
		    pt->len);
	}
	*form = f;
	return ST_OK;
}

/*
 * multipart.h -- a multipart/form-data body (a form with <input
 * type=file>) into its parts, checked at the door like req.c's forms.
 *
 * req.c parses a multipart body sent to an upload path (the staff media
 * library, /admin/media) with multipart_req().  A part's data points into the body (not copied);
 * its name, file name and type are copied into the arena.
 */
#ifndef MULTIPART_H
#define MULTIPART_H

#include <stddef.h>

#include "../util/status.h"

struct arena;

#define MP_MAX_PARTS	16	/* fields and files in one body */
#define MP_MAX_HEAD	1024	/* bytes of one part's header block */
#define MP_MAX_NAME	100	/* bytes of a field's name */
#define MP_MAX_FILENAME	255	/* bytes of a file's name */

struct mp_part {
	const char	*name;		/* the field's name */
	const char	*filename;	/* NULL for a plain field */
	const char	*type;		/* its Content-Type, "" when none */
	const char	*data;		/* into the body; not NUL-terminated */
	size_t		 len;
};

struct mp_form {
	struct mp_part	 parts[MP_MAX_PARTS];
	size_t		 n;
};

/*
 * Split body (len bytes) sent with Content-Type content_type.  ST_OK,
 * ST_BADREQ (not multipart/form-data, no or a bad boundary, a part
 * without a name, a header block over MP_MAX_HEAD, names not UTF-8 or
 * too long, no closing boundary) or ST_TOOLARGE (over MP_MAX_PARTS).
 */
enum status	 multipart_parse(struct arena *, const char *content_type,
		    const char *body, size_t len, struct mp_form *out);
/* The first part named name, or NULL. */
const struct mp_part *multipart_get(const struct mp_form *, const char *);

struct kvlist;
/* multipart_parse() for req.c: the plain fields (no filename) are also
 * put into *fields, like a urlencoded form's (valid UTF-8, no NUL, at
 * most REQ_MAX_FIELD bytes, else ST_BADREQ), and *form is the parsed
 * body in ar. */
enum status	 multipart_req(struct arena *, const char *content_type,
		    const char *body, size_t len, struct kvlist *fields,
		    const struct mp_form **form);

#endif

/*
 * ingest.h -- the one way a picture enters the library: the command
 * line (cli/media.c) and the staff upload form (pages/admin_media.c)
 * both call media_ingest().
 */
#ifndef MEDIA_INGEST_H
#define MEDIA_INGEST_H

#include <stddef.h>
#include <stdint.h>

#include "image.h"

struct store;

/* What a person says about a picture; checked by media_meta_check(). */
struct media_meta {
	const char	*alt;		/* required unless decorative */
	int		 decorative;
	const char	*caption;
	const char	*credit;	/* required */
	const char	*licence;
};

/* The Swedish sentence for the first thing wrong with m (and in *field
 * the form field it belongs to: "alt", "credit", "caption", "licence"),
 * or NULL when m may be stored. */
const char	*media_meta_check(const struct media_meta *m,
		    const char **field);

/*
 * Check, make (media/image.h) and store len bytes at buf, uploaded as
 * path (its last part is kept as the download name), with m, in one
 * transaction.  MEDIA_OK with *id the new picture's; else the reason
 * (MEDIA_EXISTS: the same file is in the library, *id that picture's
 * when known; MEDIA_NOT_SAVED: the database refused) and nothing is
 * stored.  m must have passed media_meta_check().
 */
enum media_err	 media_ingest(struct store *, const void *buf, size_t len,
		    const char *path, const struct media_meta *m,
		    int64_t now, int64_t *id);

/* Give picture id the file of len bytes at buf (uploaded as path) in
 * place of its own, in one transaction: its text, consent and every use
 * stay.  MEDIA_OK or the reason, and nothing changed (MEDIA_EXISTS: the
 * file is another picture's). */
enum media_err	 media_replace(struct store *, int64_t id, const void *buf,
		    size_t len, const char *path);

#endif

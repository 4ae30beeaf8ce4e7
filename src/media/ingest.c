/*
 * ingest.c -- a picture into the library, for the command line and the
 * upload form alike (ingest.h).
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../store/media.h"
#include "../store/store.h"
#include "../util/crypto.h"
#include "../util/lockfile.h"
#include "../util/utf8.h"
#include "files.h"
#include "image.h"
#include "ingest.h"

/* Longest texts kept, in bytes. */
#define ALT_MAX		1000
#define TEXT_MAX	2000

const char *
media_meta_check(const struct media_meta *m, const char **field)
{
	*field = "alt";
	if (!m->decorative && (m->alt == NULL || *m->alt == '\0'))
		return "Beskriv vad bilden visar (alt-text), eller markera "
		    "att bilden bara är utsmyckning.";
	if (m->alt != NULL && strlen(m->alt) > ALT_MAX)
		return "Alt-texten är för lång: högst 1 000 tecken.";
	*field = "credit";
	if (m->credit == NULL || *m->credit == '\0')
		return "Ange fotograf eller källa.";
	if (strlen(m->credit) > TEXT_MAX)
		return "Fotograf eller källa är för lång.";
	*field = "caption";
	if (m->caption != NULL && strlen(m->caption) > TEXT_MAX)
		return "Bildtexten är för lång.";
	*field = "licence";
	if (m->licence != NULL && strlen(m->licence) > TEXT_MAX)
		return "Licensen är för lång.";
	*field = NULL;
	return NULL;
}

/*
 * One picture is made at a time per database, by whichever worker or
 * command: a 24 MP photo takes about 90 MB while it is made, and the
 * service's MemoryMax (deploy/pressrum.service) has room for one.  The
 * lock is DIR/.NAME.bild-lock beside the database DIR/NAME (a dot
 * first, so the master's watch on the database's files ignores it);
 * the kernel lets it go when its holder dies.  Returns the descriptor
 * to close when done, or -1 (no file to lock: go ahead without).
 */
static int
take_turn(struct store *db)
{
	const char	*file = store_file(db), *slash = strrchr(file, '/');
	char		 path[PATH_MAX];
	int		 n;

	if (*file == '\0')
		return -1;
	if (slash == NULL)
		n = snprintf(path, sizeof(path), ".%s.bild-lock", file);
	else
		n = snprintf(path, sizeof(path), "%.*s/.%s.bild-lock",
		    (int)(slash - file), file, slash + 1);
	if (n < 0 || (size_t)n >= sizeof(path))
		return -1;
	return lock_file(path, 0600);
}

/* Start libvips, hash buf into sha and make *img, in its turn;
 * MEDIA_OK or why not (nothing held then). */
static enum media_err
make(struct store *db, const void *buf, size_t len,
    char sha[SHA256_HEX_LEN + 1], struct media_image *img)
{
	enum media_err	 err;
	int		 turn;

	if (len > MEDIA_MAX_BYTES)
		return MEDIA_TOO_BIG;
	if (media_image_init("pressrum") != 0)
		return MEDIA_BROKEN;
	sha256_hex(buf, len, sha);
	turn = take_turn(db);
	err = media_image_make(buf, len, img);
	if (turn >= 0)
		close(turn);
	return err;
}

/* The file columns of a row for img made of len bytes hashed sha, sent
 * as path (fname gets its sanitised last part). */
static void
file_row(struct media *m, const char *sha, const struct media_image *img,
    size_t len, const char *path, char fname[MEDIA_FILENAME_MAX])
{
	media_filename_clean(path, fname);
	m->sha256 = sha;
	m->filename = fname;
	m->mime = img->mime;
	m->width = img->width;
	m->height = img->height;
	m->bytes = (int64_t)len;
}

enum media_err
media_ingest(struct store *db, const void *buf, size_t len,
    const char *path, const struct media_meta *meta, int64_t now,
    int64_t *id)
{
	struct media_image	 img;
	struct media		 m;
	char			 sha[SHA256_HEX_LEN + 1];
	char			 fname[MEDIA_FILENAME_MAX];
	enum media_err		 err;
	enum status		 st;

	*id = 0;
	if (len <= MEDIA_MAX_BYTES) {
		sha256_hex(buf, len, sha);
		if (store_media_by_sha(db, sha, id) == ST_OK)
			return MEDIA_EXISTS;
	}
	if ((err = make(db, buf, len, sha, &img)) != MEDIA_OK)
		return err;
	memset(&m, 0, sizeof(m));
	file_row(&m, sha, &img, len, path, fname);
	m.alt = meta->decorative ? "" : meta->alt;
	m.decorative = meta->decorative;
	m.caption = meta->caption != NULL ? meta->caption : "";
	m.credit = meta->credit;
	m.licence = meta->licence != NULL ? meta->licence : "";
	m.created_at = now;
	st = media_store(db, &m, &img, id);
	media_image_free(&img);
	if (st == ST_CONFLICT) {
		(void)store_media_by_sha(db, sha, id);
		return MEDIA_EXISTS;
	}
	return st == ST_OK ? MEDIA_OK : MEDIA_NOT_SAVED;
}

enum media_err
media_replace(struct store *db, int64_t id, const void *buf, size_t len,
    const char *path)
{
	struct media_image	 img;
	struct media		 m;
	char			 sha[SHA256_HEX_LEN + 1], name[MEDIA_NAME_MAX];
	char			 fname[MEDIA_FILENAME_MAX];
	int64_t			 other;
	enum media_err		 err;
	enum status		 st;

	if ((err = make(db, buf, len, sha, &img)) != MEDIA_OK)
		return err;
	if (store_media_by_sha(db, sha, &other) == ST_OK) {
		media_image_free(&img);
		return other == id ? MEDIA_OK : MEDIA_EXISTS;
	}
	memset(&m, 0, sizeof(m));
	m.id = id;
	file_row(&m, sha, &img, len, path, fname);
	if ((st = store_begin(db)) == ST_OK)
		st = store_media_replace(db, &m);
	for (size_t i = 0; st == ST_OK && i < img.nfiles; i++) {
		const struct media_file *f = &img.files[i];

		media_file_name(f, name);
		st = store_media_file_add(db, id, name, f->original, f->mime,
		    f->width, f->height, f->data, f->len);
	}
	if (st == ST_OK)
		st = store_commit(db);
	if (st != ST_OK)
		store_rollback(db);
	media_image_free(&img);
	if (st == ST_CONFLICT)
		return MEDIA_EXISTS;
	return st == ST_OK ? MEDIA_OK : MEDIA_NOT_SAVED;
}

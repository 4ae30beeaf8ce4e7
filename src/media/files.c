/*
 * files.c -- a picture's files in the database and on disk (files.h).
 *
 * The bytes are kept in SQLite (one backup file is the whole site) and
 * written out as files, once, for nginx: after an upload, and at start
 * for any the directory lacks (a new server, a restored backup).
 * Documents attached to articles go the same way, as dok/HASH/FILENAME.  A name
 * is a digest of the bytes, so a name never changes content and nginx
 * may tell browsers to keep the file for a year.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../store/document.h"
#include "../store/media.h"
#include "../store/store.h"
#include "../util/clock.h"
#include "../util/crypto.h"
#include "../util/log.h"
#include "../util/utf8.h"
#include "files.h"
#include "image.h"

void
media_file_name(const struct media_file *f, char out[MEDIA_NAME_MAX])
{
	char	 hex[DIGEST_HEX_LEN + 1];

	digest_hex(f->data, f->len, f->ext, strlen(f->ext), hex);
	snprintf(out, MEDIA_NAME_MAX, "%s-%d.%s", hex, f->width, f->ext);
}

enum status
media_store(struct store *db, const struct media *m,
    const struct media_image *img, int64_t *id)
{
	const struct media_file	*f;
	char			 name[MEDIA_NAME_MAX];
	enum status		 st;

	if ((st = store_begin(db)) != ST_OK)
		return st;
	st = store_media_add(db, m, id);
	for (size_t i = 0; st == ST_OK && i < img->nfiles; i++) {
		f = &img->files[i];
		media_file_name(f, name);
		st = store_media_file_add(db, *id, name, f->original, f->mime,
		    f->width, f->height, f->data, f->len);
	}
	if (st == ST_OK)
		st = store_commit(db);
	if (st != ST_OK)
		store_rollback(db);
	return st;
}

/* Write len bytes to dir/name through dir/.name.PID.tmp (the master and
 * a worker or the CLI may write the same file at once: each renames its
 * own, the bytes are the same); 0 or -1. */
static int
write_file(const char *dir, const char *name, const void *data, size_t len)
{
	char	 tmp[4096], path[4096];
	int	 fd, ok;

	snprintf(tmp, sizeof(tmp), "%s/.%s.%ld.tmp", dir, name,
	    (long)getpid());
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0)
		return -1;
	ok = write(fd, data, len) == (ssize_t)len && fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	if (ok && rename(tmp, path) == 0)
		return 0;
	log_error("media: cannot write %s: %s", path, strerror(errno));
	unlink(tmp);
	return -1;
}

struct writer {
	struct store	*db;
	const char	*dir;
	int		 failed;
};

/* store_media_file_names() callback: write name unless it is there;
 * remove it when its picture is hidden (consent ended). */
static int
write_missing(const char *name, int hidden, void *ctx)
{
	struct writer	*w = ctx;
	char		 path[4096];
	struct stat	 sb;
	void		*data;
	size_t		 len;

	if (hidden) {
		media_files_remove(w->dir, &name, 1);
		return 0;
	}
	snprintf(path, sizeof(path), "%s/%s", w->dir, name);
	if (stat(path, &sb) == 0)
		return 0;
	if (store_media_file_data(w->db, name, &data, &len) != ST_OK ||
	    write_file(w->dir, name, data, len) != 0)
		w->failed = 1;
	free(data);
	return 0;
}

int
media_files_write_path(const char *db_path, const char *dir)
{
	struct store	*db;
	int		 rc;

	if (store_open(db_path, &db) != ST_OK)
		return -1;
	rc = media_files_write(db, dir);
	store_close(db);
	return rc;
}

/* mkdir path unless it is there; 0 or -1 (logged). */
static int
make_dir(const char *path)
{
	if (mkdir(path, 0755) != 0 && errno != EEXIST) {
		log_error("media: cannot make %s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* store_document_names() callback: write dok/NAME/FILENAME unless it is
 * there. */
static int
write_missing_doc(const char *name, const char *filename, void *ctx)
{
	struct writer	*w = ctx;
	char		 sub[2048], path[4096];
	struct stat	 sb;
	void		*data;
	size_t		 len;

	if ((size_t)snprintf(sub, sizeof(sub), "%s/dok/%s", w->dir, name) >=
	    sizeof(sub)) {
		w->failed = 1;
		return 0;
	}
	snprintf(path, sizeof(path), "%s/%s", sub, filename);
	if (stat(path, &sb) == 0)
		return 0;
	if (make_dir(sub) != 0 ||
	    store_document_data(w->db, name, &data, &len) != ST_OK) {
		w->failed = 1;
		return 0;
	}
	if (write_file(sub, filename, data, len) != 0)
		w->failed = 1;
	free(data);
	return 0;
}

int
media_files_write(struct store *db, const char *dir)
{
	struct writer	 w = { db, dir, 0 };
	char		 dok[4096];

	snprintf(dok, sizeof(dok), "%s/dok", dir);
	if (make_dir(dir) != 0 || make_dir(dok) != 0)
		return -1;
	if (store_media_file_names(db, clock_now(), write_missing, &w) !=
	    ST_OK ||
	    store_document_names(db, write_missing_doc, &w) != ST_OK)
		return -1;
	return w.failed ? -1 : 0;
}

void
media_files_remove(const char *dir, const char *const *names, size_t n)
{
	char	 path[4096];

	if (dir == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (unlink(path) != 0 && errno != ENOENT)
			log_error("media: cannot remove %s: %s", path,
			    strerror(errno));
	}
}

void
media_filename_clean(const char *path, char out[MEDIA_FILENAME_MAX])
{
	const char	*base = strrchr(path, '/');
	size_t		 n = 0;

	base = base != NULL ? base + 1 : path;
	for (; *base != '\0' && n + 1 < MEDIA_FILENAME_MAX; base++) {
		unsigned char	 c = (unsigned char)*base;

		/* Letters, digits, ". _ -" and (valid) UTF-8 stay. */
		out[n++] = c >= 0x80 || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '.' || c == '_' || c == '-' ? (char)c : '_';
	}
	out[n] = '\0';
	if (!utf8_valid(out, n) || n == 0 || out[0] == '.')
		snprintf(out, MEDIA_FILENAME_MAX, "bild");
}

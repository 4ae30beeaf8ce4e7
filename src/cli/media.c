/*
 * media.c -- "pressrum media add FILE --alt TEXT --credit TEXT
 * [--licence TEXT] [--caption TEXT] [--decorative] [--db FILE]
 * [--media-dir DIR]": a picture into the library from the command line
 * (--db and --media-dir default to $PRESSRUM_DB and $PRESSRUM_MEDIA_DIR).
 *
 * The same path as the upload form (media/image.c, media/files.c): the
 * file is checked, turned upright, stripped of its metadata and resized,
 * and everything is stored in one transaction.  With --media-dir the
 * files are written out at once; else `serve --media-dir` writes them at
 * its next start.  A refusal prints a Swedish sentence and exits 1.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../app.h"
#include "../media/files.h"
#include "../media/image.h"
#include "../store/media.h"
#include "../store/store.h"
#include "../util/clock.h"
#include "../util/crypto.h"
#include "cli.h"

struct media_args {
	const char	*file, *alt, *credit, *licence, *caption, *dir;
	int		 decorative;
};

/* Read path whole when it is at most MEDIA_MAX_BYTES: 0, with *buf
 * malloc'd; -1 (unreadable) or -2 (too big). */
static int
slurp(const char *path, unsigned char **buf, size_t *len)
{
	struct stat	 sb;
	ssize_t		 r;
	int		 fd;

	*buf = NULL;
	if ((fd = open(path, O_RDONLY)) < 0)
		return -1;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return -1;
	}
	if (sb.st_size > MEDIA_MAX_BYTES) {
		close(fd);
		return -2;
	}
	if ((*buf = malloc((size_t)sb.st_size + 1)) == NULL)
		abort();
	r = read(fd, *buf, (size_t)sb.st_size + 1);
	close(fd);
	if (r < 0 || r > MEDIA_MAX_BYTES) {
		free(*buf);
		*buf = NULL;
		return r < 0 ? -1 : -2;
	}
	*len = (size_t)r;
	return 0;
}

/* Store img with the arguments' text; prints the outcome.  0 or 1. */
static int
save(const struct config *cfg, const struct media_args *a,
    const unsigned char *buf, size_t len, const struct media_image *img)
{
	struct store	*db = NULL;
	struct media	 m;
	char		 sha[SHA256_HEX_LEN + 1], fname[MEDIA_FILENAME_MAX];
	int64_t		 id = 0;
	enum status	 st = ST_DBERR;

	sha256_hex(buf, len, sha);
	media_filename_clean(a->file, fname);
	memset(&m, 0, sizeof(m));
	m.sha256 = sha;
	m.filename = fname;
	m.mime = img->mime;
	m.width = img->width;
	m.height = img->height;
	m.bytes = (int64_t)len;
	m.alt = a->alt != NULL ? a->alt : "";
	m.decorative = a->decorative;
	m.caption = a->caption != NULL ? a->caption : "";
	m.credit = a->credit;
	m.licence = a->licence != NULL ? a->licence : "";
	m.created_at = clock_now();
	if (store_migrate(cfg->db_path) == ST_OK &&
	    store_open(cfg->db_path, &db) == ST_OK)
		st = media_store(db, &m, img, &id);
	if (st == ST_OK && a->dir != NULL && media_files_write(db, a->dir) != 0)
		fprintf(stderr, "pressrum: filerna kunde inte skrivas i %s; "
		    "serve --media-dir skriver dem vid start\n", a->dir);
	store_close(db);
	if (st == ST_CONFLICT)
		fputs("pressrum: bilden finns redan i bildbanken\n", stderr);
	else if (st != ST_OK)
		fputs("pressrum: bilden kunde inte sparas\n", stderr);
	else
		printf("Bild %lld sparad: %s, %d × %d, %zu filer.\n",
		    (long long)id, fname, img->width, img->height,
		    img->nfiles);
	return st == ST_OK ? 0 : 1;
}

/* Check and store a->file; 0, or 1 with a Swedish message. */
static int
add(const struct config *cfg, const struct media_args *a)
{
	struct media_image	 img;
	unsigned char		*buf;
	size_t			 len = 0;
	enum media_err		 err;
	int			 rc;

	if ((rc = slurp(a->file, &buf, &len)) != 0) {
		fprintf(stderr, "pressrum: %s: %s\n", a->file, rc == -2 ?
		    media_err_text(MEDIA_TOO_BIG) : "filen gick inte att läsa");
		return 1;
	}
	if (media_image_init("pressrum") != 0) {
		free(buf);
		fputs("pressrum: libvips startade inte\n", stderr);
		return 1;
	}
	if ((err = media_image_make(buf, len, &img)) != MEDIA_OK) {
		fprintf(stderr, "pressrum: %s: %s\n", a->file,
		    media_err_text(err));
		free(buf);
		return 1;
	}
	rc = save(cfg, a, buf, len, &img);
	media_image_free(&img);
	free(buf);
	return rc;
}

/* Options of "media add"; 0, or -1 on a bad one. */
static int
parse(int argc, char *argv[], struct media_args *a)
{
	for (int i = 1; i < argc; i++) {
		const char	**v = NULL;

		if (strcmp(argv[i], "--alt") == 0) v = &a->alt;
		else if (strcmp(argv[i], "--credit") == 0) v = &a->credit;
		else if (strcmp(argv[i], "--licence") == 0) v = &a->licence;
		else if (strcmp(argv[i], "--caption") == 0) v = &a->caption;
		else if (strcmp(argv[i], "--media-dir") == 0) v = &a->dir;
		else if (strcmp(argv[i], "--db") == 0) { i++; continue; }
		else if (strcmp(argv[i], "--decorative") == 0) {
			a->decorative = 1;
			continue;
		} else if (strncmp(argv[i], "--", 2) != 0 && a->file == NULL) {
			a->file = argv[i];
			continue;
		} else
			return -1;
		if (i + 1 >= argc)
			return -1;
		*v = argv[++i];
	}
	return 0;
}

int
cli_media(const struct config *cfg, int argc, char *argv[])
{
	struct media_args	 a;

	memset(&a, 0, sizeof(a));
	a.dir = cfg->media_dir;
	if (argc < 1 || strcmp(argv[0], "add") != 0 ||
	    parse(argc, argv, &a) != 0 || a.file == NULL)
		goto usage;
	if (a.credit == NULL || *a.credit == '\0') {
		fputs("pressrum: ange fotograf eller källa med --credit\n",
		    stderr);
		return 2;
	}
	if (!a.decorative && (a.alt == NULL || *a.alt == '\0')) {
		fputs("pressrum: beskriv bilden med --alt (eller ange "
		    "--decorative för en bild som bara är utsmyckning)\n",
		    stderr);
		return 2;
	}
	return add(cfg, &a);
usage:
	fputs("usage: pressrum media add FILE --alt TEXT --credit TEXT "
	    "[--licence TEXT]\n    [--caption TEXT] [--decorative] "
	    "[--db FILE] [--media-dir DIR]\n", stderr);
	return 2;
}

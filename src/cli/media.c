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
#include "../media/ingest.h"
#include "../store/media.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/clock.h"
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

/* Check and store a->file; 0, or 1 with a Swedish message. */
static int
add(const struct config *cfg, const struct media_args *a)
{
	struct media_meta	 meta = { a->alt, a->decorative, a->caption,
				    a->credit, a->licence };
	struct store		*db = NULL;
	struct media		 m;
	struct arena		 ar;
	unsigned char		*buf;
	size_t			 len = 0;
	int64_t			 id = 0;
	enum media_err		 err = MEDIA_NOT_SAVED;
	int			 rc;

	if ((rc = slurp(a->file, &buf, &len)) != 0) {
		fprintf(stderr, "pressrum: %s: %s\n", a->file, rc == -2 ?
		    media_err_text(MEDIA_TOO_BIG) : "filen gick inte att läsa");
		return 1;
	}
	if (store_migrate(cfg->db_path) == ST_OK &&
	    store_open(cfg->db_path, &db) == ST_OK)
		err = media_ingest(db, buf, len, a->file, &meta, clock_now(),
		    &id);
	free(buf);
	if (err != MEDIA_OK) {
		fprintf(stderr, "pressrum: %s: %s\n", a->file,
		    media_err_text(err));
		store_close(db);
		return 1;
	}
	if (a->dir != NULL && media_files_write(db, a->dir) != 0)
		fprintf(stderr, "pressrum: filerna kunde inte skrivas i %s; "
		    "serve --media-dir skriver dem vid start\n", a->dir);
	arena_init(&ar);
	if (store_media_get(db, &ar, id, &m) == ST_OK)
		printf("Bild %lld sparad: %s, %d × %d.\n", (long long)id,
		    m.filename, m.width, m.height);
	arena_free(&ar);
	store_close(db);
	return 0;
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

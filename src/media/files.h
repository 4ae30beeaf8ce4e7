/*
 * files.h -- a picture's files: their content-addressed names, storing
 * a made picture in the database, and writing the files out into the
 * media directory nginx serves (/media/NAME, immutable).
 */
#ifndef MEDIA_FILES_H
#define MEDIA_FILES_H

#include <stddef.h>
#include <stdint.h>

#include "../util/status.h"

struct store;
struct media;
struct media_file;
struct media_image;

/* "HASH-WIDTH.EXT": HASH is a hex digest of the bytes. */
#define MEDIA_NAME_MAX	64
void		media_file_name(const struct media_file *,
		    char out[MEDIA_NAME_MAX]);
/* Store the row m and every file of img in one transaction; *id the new
 * row's.  ST_OK, ST_CONFLICT (the same upload is there), else an error
 * status; nothing is stored on failure. */
enum status	media_store(struct store *, const struct media *m,
		    const struct media_image *img, int64_t *id);
/* Write every file the database holds and dir lacks into dir (made if
 * missing), each through a temporary file and rename(), and remove the
 * files of pictures whose consent has ended (a renewed consent writes
 * them again).  The master runs it at start and whenever the database
 * changes or a scheduled moment (a consent's end) comes.  0 or -1. */
int		media_files_write(struct store *, const char *dir);
/* The same with a store of its own on the database at db_path (the
 * master at start, before its workers).  0 or -1. */
int		media_files_write_path(const char *db_path, const char *dir);

/* Remove the files called names[0..n) from dir (a picture deleted or
 * given a new file: its old files must not stay reachable).  Missing
 * ones are fine. */
void		media_files_remove(const char *dir, const char *const *names,
		    size_t n);

/* The last part of path, as a download's file name: letters, digits,
 * ". _ -" and UTF-8 kept, anything else '_', cut to fit (possibly in
 * the middle of a UTF-8 sequence: then "bild"). */
#define MEDIA_FILENAME_MAX	101
void		media_filename_clean(const char *path,
		    char out[MEDIA_FILENAME_MAX]);

#endif

/*
 * image.h -- turn an uploaded picture into what Pressrum stores and
 * serves (issue 14).  The only user of libvips is image.c.
 *
 * media_image_make() checks the bytes before decoding anything: the file
 * size, the type by content (JPEG, PNG, WebP, and HEIC and AVIF whose
 * original is made as a JPEG; SVG and the rest are
 * refused) and the pixel count from the header.  It then turns the
 * picture upright by its EXIF orientation and encodes, with every piece
 * of metadata but the ICC profile removed (GPS position, camera, dates):
 * the "original" at full size in the uploaded format, and variants at
 * the widths of MEDIA_WIDTHS (never wider than the picture) in WebP and
 * JPEG.  The same path serves the CLI and the upload form.
 */
#ifndef MEDIA_IMAGE_H
#define MEDIA_IMAGE_H

#include <stddef.h>

#define MEDIA_MAX_BYTES		(20L * 1024 * 1024)	/* 20 MiB upload */
#define MEDIA_MAX_PIXELS	(50L * 1000 * 1000)	/* 50 megapixels */
#define MEDIA_MAX_SIDE		20000			/* pixels either way */
#define MEDIA_NWIDTHS		4
#define MEDIA_WIDTHS		{ 320, 640, 1024, 1600 }
/* The original plus at most two formats per width. */
#define MEDIA_MAX_FILES		(1 + 2 * MEDIA_NWIDTHS)

enum media_err {
	MEDIA_OK = 0,
	MEDIA_EMPTY,		/* no bytes */
	MEDIA_TOO_BIG,		/* over MEDIA_MAX_BYTES */
	MEDIA_NOT_IMAGE,	/* no loader knows it */
	MEDIA_BAD_TYPE,		/* an image, but not JPEG, PNG or WebP */
	MEDIA_SVG,		/* SVG: it may carry script */
	MEDIA_TOO_MANY_PIXELS,	/* header says over MEDIA_MAX_PIXELS */
	MEDIA_BROKEN,		/* the decoder or an encoder failed */
	MEDIA_EXISTS,		/* the same file is in the library */
	MEDIA_NOT_SAVED,	/* the database refused (busy, full) */
};

struct media_file {
	int		 original;	/* 1: the full-size download */
	const char	*mime;		/* "image/webp", "image/jpeg", ... */
	const char	*ext;		/* "webp", "jpg", "png" */
	int		 width, height;
	void		*data;		/* g_malloc'd: media_image_free */
	size_t		 len;
};

struct media_image {
	const char	*mime;		/* of the upload (and the original) */
	int		 width, height;	/* upright */
	struct media_file files[MEDIA_MAX_FILES];
	size_t		 nfiles;
};

/* Start libvips once per process; 0 or -1. */
int		 media_image_init(const char *argv0);
/* Make *out from len bytes at buf (see the top).  On MEDIA_OK the caller
 * calls media_image_free(out); on failure nothing is held. */
enum media_err	 media_image_make(const void *buf, size_t len,
		    struct media_image *out);
void		 media_image_free(struct media_image *);
/* The Swedish sentence for a refusal, for the CLI and the form. */
const char	*media_err_text(enum media_err);

#endif

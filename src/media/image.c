/*
 * image.c -- pictures through libvips: check, turn upright, strip,
 * resize and encode (see image.h).  The only file that includes vips.
 *
 * Nothing is decoded before the checks: the loader is found from the
 * first bytes (vips_foreign_find_load_buffer) and the size read from
 * the header, which libvips reads lazily, so a 20,000 x 20,000 PNG of a
 * few kilobytes is refused without a pixel being made.  The variants go
 * through vips_thumbnail_buffer, which decodes a JPEG already shrunk
 * (shrink-on-load) and turns it upright.
 */
#include <stdint.h>
#include <string.h>

#include <vips/vips.h>
#include <vips/vector.h>	/* vips_vector_set_enabled */

#include "image.h"

/* The loaders we take, by libvips class name, and what they make. */
static const struct {
	const char	*loader, *mime, *ext;
} types[] = {
	{ "VipsForeignLoadJpegBuffer", "image/jpeg", "jpg" },
	{ "VipsForeignLoadPngBuffer", "image/png", "png" },
	{ "VipsForeignLoadWebpBuffer", "image/webp", "webp" },
	/* HEIC (phones) and AVIF, through libheif (Debian 12's libvips has
	 * it, decoding with libde265 and dav1d): browsers cannot all show
	 * them, so the full-size original is made as a JPEG. */
	{ "VipsForeignLoadHeifBuffer", "image/jpeg", "jpg" },
};

int
media_image_init(const char *argv0)
{
	if (VIPS_INIT(argv0) != 0)
		return -1;
	vips_cache_set_max(0);		/* one picture at a time: no reuse */
	vips_leak_set(FALSE);
	/* One thread: a worker stays within the service's TasksMax, and an
	 * upload is rare enough that a second core buys little.  No code
	 * made at run time (liborc): the service runs with
	 * MemoryDenyWriteExecute, and that costs about 0.4 s of a 24 MP
	 * photo's 1.4. */
	vips_concurrency_set(1);
	vips_vector_set_enabled(FALSE);
	return 0;
}

/* Index in types[] of the loader for buf, or -1 (*err says why). */
static int
find_type(const void *buf, size_t len, enum media_err *err)
{
	const char	*loader = vips_foreign_find_load_buffer(buf, len);

	vips_error_clear();
	*err = MEDIA_NOT_IMAGE;
	if (loader == NULL)
		return -1;
	*err = strcmp(loader, "VipsForeignLoadSvgBuffer") == 0 ? MEDIA_SVG :
	    MEDIA_BAD_TYPE;
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(loader, types[i].loader) == 0)
			return (int)i;
	return -1;
}

/*
 * A copy of in with every metadata field removed but the ICC profile:
 * EXIF (GPS, camera, dates, orientation), XMP, IPTC, comments.  The
 * savers rebuild EXIF from the "exif-ifd*" fields, so those go too.
 * *keep_icc says whether there is a profile to keep; without one the
 * savers are told to strip, so not even a minimal EXIF block is
 * written.  Returns 0 and *out (unref it), or -1.
 */
static int
strip(VipsImage *in, VipsImage **out, int *keep_icc)
{
	gchar	**names;

	if (vips_copy(in, out, NULL) != 0)
		return -1;
	*keep_icc = vips_image_get_typeof(*out, VIPS_META_ICC_NAME) != 0;
	names = vips_image_get_fields(*out);
	for (size_t i = 0; names[i] != NULL; i++)
		if (strcmp(names[i], VIPS_META_ICC_NAME) != 0)
			(void)vips_image_remove(*out, names[i]);
	g_strfreev(names);
	return 0;
}

/* Encode in (already stripped) as ext into f; the original a little
 * better than the variants, and as a plain JPEG: progressive and
 * optimised coding hold every coefficient of the picture in memory
 * (a 24 MP photo: 250 MB at the peak, 90 without).  0 or -1. */
static int
encode(VipsImage *in, const char *ext, int keep_icc, struct media_file *f)
{
	VipsImage	*flat = NULL;
	VipsArrayDouble	*white;
	int		 rc, q = f->original ? 92 : 82;

	if (strcmp(ext, "webp") == 0)
		return vips_webpsave_buffer(in, &f->data, &f->len, "Q", q,
		    "strip", !keep_icc, NULL);
	if (strcmp(ext, "png") == 0)
		return vips_pngsave_buffer(in, &f->data, &f->len,
		    "compression", 6, "strip", !keep_icc, NULL);
	if (vips_image_hasalpha(in)) {
		white = vips_array_double_newv(1, 255.0);
		rc = vips_flatten(in, &flat, "background", white, NULL);
		vips_area_unref(VIPS_AREA(white));
		if (rc != 0)
			return -1;
		in = flat;
	}
	rc = vips_jpegsave_buffer(in, &f->data, &f->len, "Q", q,
	    "optimize_coding", !f->original, "interlace", !f->original,
	    "strip", !keep_icc, NULL);
	if (flat != NULL)
		g_object_unref(flat);
	return rc;
}

/* Strip img and encode it as one more file of out; 0 or -1. */
static int
add_file(struct media_image *out, VipsImage *img, int original,
    const char *mime, const char *ext)
{
	struct media_file	*f = &out->files[out->nfiles];
	VipsImage		*clean;
	int			 rc, icc;

	if (strip(img, &clean, &icc) != 0)
		return -1;
	memset(f, 0, sizeof(*f));
	f->original = original;
	f->mime = mime;
	f->ext = ext;
	f->width = vips_image_get_width(clean);
	f->height = vips_image_get_height(clean);
	rc = encode(clean, ext, icc, f);
	g_object_unref(clean);
	if (rc == 0)
		out->nfiles++;
	return rc;
}

/*
 * The full-size original: decode all of it (failing on a broken file),
 * turn it upright, re-encode in its own format.  A picture that is
 * upright already streams from decoder to encoder a few lines at a
 * time; only one to turn is decoded into memory whole (a 24 MP photo:
 * 72 MB).  0 or -1.
 */
static int
make_original(const void *buf, size_t len, int t, struct media_image *out)
{
	VipsImage	*in, *up;
	int		 rc;

	in = vips_image_new_from_buffer(buf, len, "", "fail_on",
	    VIPS_FAIL_ON_ERROR, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
	if (in != NULL && vips_image_get_orientation(in) > 1) {
		g_object_unref(in);
		in = vips_image_new_from_buffer(buf, len, "", "fail_on",
		    VIPS_FAIL_ON_ERROR, NULL);
	}
	if (in == NULL)
		return -1;
	rc = vips_autorot(in, &up, NULL);
	g_object_unref(in);
	if (rc != 0)
		return -1;
	out->width = vips_image_get_width(up);
	out->height = vips_image_get_height(up);
	rc = add_file(out, up, 1, types[t].mime, types[t].ext);
	g_object_unref(up);
	return rc;
}

/* One width in WebP and JPEG; 0 or -1. */
static int
make_width(const void *buf, size_t len, int width, struct media_image *out)
{
	VipsImage	*seq, *thumb;
	int		 rc;

	if (vips_thumbnail_buffer((void *)(uintptr_t)buf, len, &seq, width,
	    "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, NULL) != 0)
		return -1;
	/* Read once into memory (at most 1600 wide): it is saved twice,
	 * and the decoder reads the upload only from top to bottom. */
	thumb = vips_image_copy_memory(seq);
	g_object_unref(seq);
	if (thumb == NULL)
		return -1;
	rc = add_file(out, thumb, 0, "image/webp", "webp");
	if (rc == 0)
		rc = add_file(out, thumb, 0, "image/jpeg", "jpg");
	g_object_unref(thumb);
	return rc;
}

/* The checks from the header alone; MEDIA_OK and the type's index. */
static enum media_err
check(const void *buf, size_t len, int *t)
{
	VipsImage	*head;
	enum media_err	 err;
	double		 px;

	if (len == 0)
		return MEDIA_EMPTY;
	if (len > (size_t)MEDIA_MAX_BYTES)
		return MEDIA_TOO_BIG;
	if ((*t = find_type(buf, len, &err)) < 0)
		return err;
	if ((head = vips_image_new_from_buffer(buf, len, "", "access",
	    VIPS_ACCESS_SEQUENTIAL, NULL)) == NULL) {
		vips_error_clear();
		return MEDIA_BROKEN;
	}
	px = (double)vips_image_get_width(head) *
	    vips_image_get_height(head);
	err = px > (double)MEDIA_MAX_PIXELS ||
	    vips_image_get_width(head) > MEDIA_MAX_SIDE ||
	    vips_image_get_height(head) > MEDIA_MAX_SIDE ?
	    MEDIA_TOO_MANY_PIXELS : MEDIA_OK;
	g_object_unref(head);
	return err;
}

enum media_err
media_image_make(const void *buf, size_t len, struct media_image *out)
{
	static const int	 widths[MEDIA_NWIDTHS] = MEDIA_WIDTHS;
	enum media_err		 err;
	int			 t, w;

	memset(out, 0, sizeof(*out));
	if ((err = check(buf, len, &t)) != MEDIA_OK)
		return err;
	out->mime = types[t].mime;
	if (make_original(buf, len, t, out) != 0)
		goto broken;
	/* Each width below the picture's, then the picture's own when it
	 * is narrower than the widest: nothing is made larger. */
	for (int i = 0; i < MEDIA_NWIDTHS; i++) {
		w = widths[i] < out->width ? widths[i] : out->width;
		if (make_width(buf, len, w, out) != 0)
			goto broken;
		if (w == out->width)
			break;
	}
	return MEDIA_OK;
broken:
	vips_error_clear();
	media_image_free(out);
	return MEDIA_BROKEN;
}

void
media_image_free(struct media_image *img)
{
	for (size_t i = 0; i < img->nfiles; i++)
		g_free(img->files[i].data);
	img->nfiles = 0;
}

const char *
media_err_text(enum media_err err)
{
	switch (err) {
	case MEDIA_OK:
		return "Bilden är sparad.";
	case MEDIA_EMPTY:
		return "Filen är tom.";
	case MEDIA_TOO_BIG:
		return "Filen är för stor: högst 20 MB.";
	case MEDIA_NOT_IMAGE:
		return "Filen är ingen bild.";
	case MEDIA_BAD_TYPE:
		return "Bara JPEG, PNG, WebP, HEIC och AVIF går att ladda "
		    "upp.";
	case MEDIA_SVG:
		return "SVG-bilder tas inte emot: de kan bära skript. Spara "
		    "bilden som PNG eller JPEG och ladda upp den igen.";
	case MEDIA_TOO_MANY_PIXELS:
		return "Bilden har för många bildpunkter: högst 50 megapixel "
		    "och 20 000 punkter på en led.";
	case MEDIA_EXISTS:
		return "Bilden finns redan i bildbanken.";
	case MEDIA_NOT_SAVED:
		return "Bilden kunde inte sparas just nu. Försök igen om en "
		    "stund.";
	case MEDIA_BROKEN:
		break;
	}
	return "Bilden gick inte att läsa; filen kan vara trasig.";
}

/*
 * a11ycheck.h -- the editor's accessibility checks on an article body
 * (EN 301 549 asks authoring tools to help authors make accessible
 * content).
 *
 * a11y_check() reads the CommonMark through md_outline() and warns, in
 * Swedish, about headings that skip a level (the title is the page's
 * h1, so the body starts at h2; "#" renders as h2), link texts that say
 * nothing out of context ("här", "klicka här", "läs mer", "länk",
 * "here", "click here", "read more", ...), images without alt text, and
 * link or image targets that will not work: dropped by the renderer
 * (javascript:, data:, ...; the link shows as plain text), relative to
 * the page ("bild.png" would be looked for under /nyheter/) or empty,
 * and images that are not the picture library's ("/pressbilder/ID":
 * those have credit, sizes and consent; others may be gone tomorrow)
 * or that the library no longer has (deleted, or consent run out).
 * Each message gives the source line and quotes the link or image as
 * Markdown.  The form and the preview show the warnings; publishing
 * with warnings needs an explicit override.
 */
#ifndef A11YCHECK_H
#define A11YCHECK_H

#include <stddef.h>

enum a11y_kind {
	A11Y_HEADING_SKIP,
	A11Y_LINK_TEXT,
	A11Y_IMAGE_ALT,
	A11Y_URL_DROPPED,	/* javascript:, data:, ...: shown as text */
	A11Y_URL_RELATIVE,	/* "bild.png" or empty: broken when public */
	A11Y_IMAGE_LIBRARY,	/* an image not from the picture library */
	A11Y_IMAGE_MISSING	/* "/pressbilder/ID" with no such picture now */
};

struct a11y_warning {
	enum a11y_kind	 kind;
	int		 line;		/* source line, 1-based */
	const char	*message;	/* Swedish, for the page */
};

struct arena;

/* Whether picture id of the library can be shown now: 1, or 0 when it
 * was deleted, never existed or its consent has run out. */
typedef int (*a11y_picture_fn)(void *ctx, long long id);

/* Check md; *out (arena, NULL when none) gets the warnings in document
 * order.  Returns how many.  A body md_render() refuses gives none
 * (the form reports that separately).  known (NULL: not checked) says
 * whether a "/pressbilder/ID" image is in the library. */
size_t	a11y_check(struct arena *, const char *md, a11y_picture_fn known,
	    void *ctx, struct a11y_warning **out);

/* 1 if text (trimmed of spaces and punctuation, any case) is one of the
 * link texts that make no sense out of context. */
int	a11y_vague_link(const char *text);

#endif

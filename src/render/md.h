/*
 * md.h -- CommonMark (with GitHub's tables, strikethrough and autolinks)
 * to HTML, the only door to cmark-gfm.
 *
 * Raw HTML in the source is dropped, and a javascript:/vbscript:/file:/
 * data: link or image is rendered as its plain text (cmark without
 * CMARK_OPT_UNSAFE drops such targets).  Typographic
 * quotes and dashes are left as typed.
 */
#ifndef MD_H
#define MD_H

#include "../util/status.h"
#include "html.h"

#define MD_MAX_SOURCE	(256 * 1024)	/* bytes of markdown accepted */
#define MD_MAX_NESTING	32		/* block quotes/lists deeper: refused */

struct arena;

/* Render md into the arena.  Returns ST_OK, or ST_TOOLARGE when the
 * source is over MD_MAX_SOURCE or nests deeper than MD_MAX_NESTING. */
enum status	md_render(struct arena *, const char *md, struct safe_html *out);

/*
 * md_render() with the picture library: an image whose target is
 * "/pressbilder/ID" is rendered as fn(ctx, id, alt, block) returns it:
 * the HTML (already escaped) of a <figure> when block (the image alone
 * in its paragraph, which it replaces), else of a <picture>; or, when fn
 * returns NULL (no such picture, or hidden), as its alt text.  alt is
 * the image's text in the source ("" when none).  Other images render
 * as md_render() does.
 */
typedef const char *md_picture_fn(void *ctx, long long id, const char *alt,
		    int block);
enum status	md_render_pictures(struct arena *, const char *md,
		    md_picture_fn *fn, void *ctx, struct safe_html *out);
/* The library picture id an image target names ("/pressbilder/12"), or
 * 0 when it names none. */
long long	md_picture_id(const char *url);

/* 1 if the renderer drops the link or image target url (javascript:,
 * vbscript:, file:, data: but for data:image/png, gif, jpeg, webp):
 * such a link shows as plain text. */
int		md_url_dropped(const char *url);

/* Plain text of md (markup stripped, whitespace folded) cut to at most
 * max bytes on a UTF-8 boundary with "…" when cut; for descriptions and
 * feeds.  Allocated in the arena. */
char		*md_plain(struct arena *, const char *md, size_t max);

/* What md_outline() reports, for the editor's accessibility checks. */
enum md_item_kind {
	MD_HEADING,	/* level as rendered: "#" and "##" are both 2 */
	MD_LINK,	/* text: the link text; url: its target */
	MD_IMAGE	/* text: the alt text ("" when none) */
};

struct md_item {
	enum md_item_kind kind;
	int		 line;		/* 1-based source line */
	int		 level;		/* headings only */
	const char	*text;		/* plain text, whitespace folded */
	const char	*url;		/* links and images */
};

/* Headings, links and images of md in document order; *out in the
 * arena (NULL when *n is 0).  Returns ST_OK, or ST_TOOLARGE like
 * md_render(). */
enum status	md_outline(struct arena *, const char *md,
		    struct md_item **out, size_t *n);

/* What md_blocks() takes besides headings and paragraphs. */
#define MD_TEXT_CODE	0x1	/* inline code (else a word break) */
#define MD_TEXT_CELLS	0x2	/* table cells, one entry each */

/* The text of each heading and paragraph (in lists and quotes too) of
 * md, in order, as a reader sees it (no image alt text, no code blocks;
 * flags: MD_TEXT_*): for the klarspråk and spelling checks.  *out in
 * the arena.  Returns ST_OK, or ST_TOOLARGE like md_render(). */
enum status	md_blocks(struct arena *, const char *md, int flags,
		    const char ***out, size_t *n);

#endif

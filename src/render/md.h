/*
 * md.h -- CommonMark to HTML, the only door to cmark.
 *
 * Raw HTML in the source is dropped and javascript:/vbscript:/file:/data:
 * links are neutralised (cmark without CMARK_OPT_UNSAFE).  Typographic
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

/* Plain text of md (markup stripped, whitespace folded) cut to at most
 * max bytes on a UTF-8 boundary with "…" when cut; for descriptions and
 * feeds.  Allocated in the arena. */
char		*md_plain(struct arena *, const char *md, size_t max);

#endif

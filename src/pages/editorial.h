/*
 * editorial.h -- the public side of the editor's newer tools: change
 * notes and the byline on the article page and in the Atom feed
 * (article_notes.c), and the 410 page of a withdrawn article
 * (withdrawn.c).  The staff side is admin_editorial.h.
 */
#ifndef PAGES_EDITORIAL_H
#define PAGES_EDITORIAL_H

#include <stdint.h>

#include "../util/status.h"
#include "pages.h"

struct article;
struct tdict;

/* The article dictionary d gets "updated" (the last noted update),
 * "byline" and the list "notes"; "editorial" when it shows either.
 * An unsaved article (id 0) gets none.  ST_OK or ST_DBERR. */
enum status	 fill_article_notes(struct app *, struct tdict *d,
		    const struct article *);
/* An article's notes for its feed entry, as HTML ("" when it has
 * none; the template escapes it for the feed's XML) into *html, and
 * into *noted its last noted update (0: none).  ST_OK or ST_DBERR. */
enum status	 feed_notes(struct app *, const struct article *,
		    int64_t *noted, const char **html);
/* GET /nyheter/SLUG of a withdrawn article: 410 with its explanation,
 * or 301 to its public replacement.  Returns 1 when it answered, 0
 * when slug is not a withdrawn article (nothing written to rs). */
int		 page_withdrawn(struct app *, struct req *, struct resp *,
		    const char *slug);

#endif

/*
 * article_media.c -- an article's lead image on its public page (and so
 * in the editor's preview and an embargo link, which show that page):
 * a <figure> with <picture> (WebP and JPEG srcsets), the caption and
 * the credit, and og:image / og:image:alt with absolute URLs.  A picture
 * whose consent has ended is not shown.
 */
#include <string.h>

#include "../app.h"
#include "../render/tmpl.h"
#include "../store/media.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "pages.h"

enum status
page_article_media_fill(struct app *app, struct tdict *root,
    struct tdict *article, int64_t article_id)
{
	struct media		 m;
	struct media_file_ref	*f, *big = NULL;
	struct tdict		*d;
	size_t			 n;
	enum status		 st;

	st = store_media_lead(app->store, &app->arena, article_id,
	    clock_now(), &m);
	if (st == ST_NOTFOUND)
		return ST_OK;
	if (st != ST_OK)
		return st;
	d = td_sub(article, "lead_image");
	if ((st = press_image_fill(app, d, &m,
	    "(min-width: 48em) 44em, 100vw")) != ST_OK)
		return st;
	/* og:image: the largest JPEG made (never the original). */
	if ((st = store_media_files(app->store, &app->arena, m.id, &f,
	    &n)) != ST_OK)
		return st;
	for (size_t i = 0; i < n; i++)
		if (!f[i].original && strcmp(f[i].mime, "image/jpeg") == 0 &&
		    (big == NULL || f[i].width > big->width))
			big = &f[i];
	if (big == NULL)
		return ST_OK;
	td_text(root, "og_image", arena_printf(&app->arena, "%s/media/%s",
	    app->cfg.base_url, big->name));
	td_text(root, "og_image_alt", m.decorative ? "" : m.alt);
	td_textf(root, "og_image_width", "%d", big->width);
	td_textf(root, "og_image_height", "%d", big->height);
	return ST_OK;
}

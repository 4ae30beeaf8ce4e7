/*
 * admin_article_library.c -- the picture library as the article editor
 * offers it: the newest pictures under the body field, each with its
 * thumbnail, alt text, credit and the Markdown that places it in the
 * text ("![alt](/pressbilder/ID)").  With JavaScript off the editor
 * copies the line; with it on, public/js/editor.js gives each picture
 * a button that puts it at the caret, and the toolbar's "Bild" opens
 * the list.  The full library (search, upload) is one link away.
 */
#include "../app.h"
#include "../render/tmpl.h"
#include "../store/media.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "admin_article.h"
#include "pages.h"

#define LIBRARY_SHOWN	12

enum status
admin_article_library(struct app *app, struct tdict *root)
{
	struct media	*m;
	struct tdict	*d;
	size_t		 n, i;
	int64_t		 total;
	enum status	 st;

	if ((st = store_media_list(app->store, &app->arena, clock_now(),
	    LIBRARY_SHOWN, 0, &m, &n, &total)) != ST_OK)
		return st;
	td_bool(root, "has_library", n > 0);
	td_bool(root, "library_more", total > (int64_t)n);
	td_textf(root, "library_total", "%lld", (long long)total);
	td_list(root, "library");
	for (i = 0; i < n; i++) {
		d = td_item(root, "library");
		if ((st = press_image_fill(app, d, &m[i], "10rem")) != ST_OK)
			return st;
		/* The line to place it: the alt text the picture has. */
		td_text(d, "markdown", arena_printf(&app->arena,
		    "![%s](/pressbilder/%lld)", m[i].decorative ? "" :
		    m[i].alt, (long long)m[i].id));
	}
	return ST_OK;
}

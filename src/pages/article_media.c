/*
 * article_media.c -- an article's lead image on its public page (and so
 * in the editor's preview and an embargo link, which show that page):
 * a <figure> with <picture> (WebP and JPEG srcsets), the caption and
 * the credit, and og:image / og:image:alt with absolute URLs.  A picture
 * whose consent has ended is not shown.  Also the documents attached
 * to the article, with type and size, and for one not accessible a line
 * on how to ask for an accessible version (DOS-lagen; statement.c lists
 * such documents with page_document_fill()).  And a contact's
 * portrait on its card, while its consent lasts; and the pictures of
 * the library placed in the text ("![alt](/pressbilder/ID)"); and a
 * topic page's press images (its articles' lead images).
 */
#include <string.h>

#include "../app.h"
#include "../render/tmpl.h"
#include "../media/document.h"
#include "../store/document.h"
#include "../store/media.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/clock.h"
#include "pages.h"

void
page_document_fill(struct app *app, struct tdict *it,
    const struct document *d)
{
	td_textf(it, "id", "%lld", (long long)d->id);
	td_text(it, "title", d->title);
	td_textf(it, "href", "/media/dok/%s/%s", d->name, d->filename);
	td_text(it, "filename", d->filename);
	td_text(it, "kind", document_label(d->mime));
	td_text(it, "size", page_size_text(&app->arena, d->bytes));
	td_bool(it, "accessible", d->accessible);
	td_bool(it, "publication", d->publication);
	if (d->article_slug != NULL)
		td_textf(it, "article_href", "/nyheter/%s", d->article_slug);
	if (d->article_title != NULL)
		td_text(it, "article_title", d->article_title);
}

/* The documents of article_id into article's list "documents". */
static enum status
fill_documents(struct app *app, struct tdict *article, int64_t article_id)
{
	struct document	*d;
	size_t		 n;
	enum status	 st;

	if ((st = store_document_list(app->store, &app->arena, article_id,
	    &d, &n)) != ST_OK)
		return st;
	td_bool(article, "has_documents", n > 0);
	for (size_t i = 0; i < n; i++)
		page_document_fill(app, td_item(article, "documents"), &d[i]);
	return ST_OK;
}

enum status
page_article_thumb(struct app *app, struct tdict *d, int64_t article_id)
{
	const struct media_file_ref *big;
	struct media	 m;
	struct tdict	*t;
	enum status	 st;

	st = store_media_use_get(app->store, &app->arena, MEDIA_LEAD,
	    article_id, clock_now(), &m);
	if (st == ST_NOTFOUND) {
		td_bool(d, "thumb", 0);	/* never an outer scope's */
		return ST_OK;
	}
	if (st != ST_OK)
		return st;
	t = td_sub(d, "thumb");
	if ((st = press_image_fill_big(app, t, &m, "(min-width: 40em) 12rem, "
	    "100vw", &big)) != ST_OK)
		return st;
	if (big != NULL) {
		td_textf(t, "abs_src", "%s/media/%s", app->cfg.base_url,
		    big->name);
		td_textf(t, "bytes", "%lld", (long long)big->bytes);
	}
	return ST_OK;
}

enum status
page_article_media_fill(struct app *app, struct tdict *root,
    struct tdict *article, int64_t article_id)
{
	struct media		 m;
	const struct media_file_ref *big;
	struct tdict		*d;
	enum status		 st;

	if ((st = fill_documents(app, article, article_id)) != ST_OK)
		return st;
	st = store_media_use_get(app->store, &app->arena, MEDIA_LEAD, article_id,
	    clock_now(), &m);
	if (st == ST_NOTFOUND)
		return ST_OK;
	if (st != ST_OK)
		return st;
	d = td_sub(article, "lead_image");
	if ((st = press_image_fill_big(app, d, &m,
	    "(min-width: 48em) 44em, 100vw", &big)) != ST_OK || big == NULL)
		return st;
	td_text(root, "og_image", arena_printf(&app->arena, "%s/media/%s",
	    app->cfg.base_url, big->name));
	td_text(root, "og_image_alt", m.decorative ? "" : m.alt);
	td_textf(root, "og_image_width", "%d", big->width);
	td_textf(root, "og_image_height", "%d", big->height);
	return ST_OK;
}

enum status
page_contact_photo(struct app *app, struct tdict *d, int64_t contact_id)
{
	struct media	 m;
	enum status	 st;

	st = store_media_use_get(app->store, &app->arena, MEDIA_PORTRAIT,
	    contact_id, clock_now(), &m);
	if (st == ST_NOTFOUND) {
		td_bool(d, "photo", 0);	/* never an outer scope's */
		return ST_OK;
	}
	if (st != ST_OK)
		return st;
	return press_image_fill(app, td_sub(d, "photo"), &m, "6rem");
}

int
page_picture_known(void *ctx, long long id)
{
	struct app	*app = ctx;
	struct media	 m;

	return store_media_get(app->store, &app->arena, id, &m) == ST_OK &&
	    (m.expires_at == 0 || m.expires_at > clock_now());
}

const char *
page_article_picture(void *ctx, long long id, const char *alt, int block)
{
	struct app	*app = ctx;
	struct media	 m;
	struct tdict	*d;
	struct buf	 b;
	const char	*html = NULL;

	if (store_media_get(app->store, &app->arena, id, &m) != ST_OK ||
	    (m.expires_at != 0 && m.expires_at <= clock_now()))
		return NULL;
	d = td_new(&app->arena);
	if (press_image_fill(app, d, &m, "(min-width: 48em) 44em, 100vw") !=
	    ST_OK)
		return NULL;
	if (*alt != '\0')	/* the text's own description wins */
		td_text(d, "alt", alt);
	buf_init(&b);
	if (tmpl_render(app->tmpl, block ? "article_figure" :
	    "article_picture", d, &b) == ST_OK)
		html = arena_strndup(&app->arena, b.data != NULL ? b.data : "",
		    b.len);
	buf_free(&b);
	return html;
}

enum status
page_topic_press_images(struct app *app, struct tdict *root,
    int64_t topic_id)
{
	struct media	*m;
	size_t		 n;
	enum status	 st;

	if ((st = store_media_of_topic(app->store, &app->arena, topic_id,
	    clock_now(), 6, &m, &n)) != ST_OK)
		return st;
	td_bool(root, "has_press_images", n > 0);
	for (size_t i = 0; i < n && st == ST_OK; i++)
		st = press_image_fill(app, td_item(root, "press_images"), &m[i],
		    "(min-width: 40em) 12rem, 50vw");
	return st;
}

/*
 * press_image.c -- /pressbilder: the press pictures, newest first, paged
 * with ?sida=N, and /pressbilder/ID, one picture.  Each is shown with a
 * <picture> (WebP and JPEG at every stored width, so the browser picks
 * the size), its caption, credit and licence, and a link to download the
 * original (full size, metadata removed).  The files themselves are
 * served by nginx from the media directory (src/media/files.h).
 */
#include <stdlib.h>
#include <string.h>

#include "../app.h"
#include "../render/tmpl.h"
#include "../store/media.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "pages.h"

#define PRESS_IMAGES_PER_PAGE	12
#define PRESS_IMAGES_MAX_PAGE	100000

const char *
page_size_text(struct arena *ar, int64_t n)
{
	if (n >= 1000 * 1000)
		return arena_printf(ar, "%lld,%lld MB", (long long)(n / 1000000),
		    (long long)(n % 1000000 / 100000));
	return arena_printf(ar, "%lld kB", (long long)((n + 999) / 1000));
}

/* "JPEG" for "image/jpeg". */
static const char *
type_name(const char *mime)
{
	if (strcmp(mime, "image/png") == 0)
		return "PNG";
	if (strcmp(mime, "image/webp") == 0)
		return "WebP";
	return "JPEG";
}

/* Add "/media/NAME Ww" to the srcset *s (arena). */
static void
srcset_add(struct arena *ar, const char **s, const struct media_file_ref *f)
{
	*s = arena_printf(ar, "%s%s/media/%s %dw", *s, **s ? ", " : "",
	    f->name, f->width);
}

/* The variants of files into d: srcsets, the fallback src and the size
 * of the largest; the original's link. */
static void
fill_files(struct arena *ar, struct tdict *d, const struct media_file_ref *f,
    size_t n)
{
	const char	*webp = "", *jpeg = "";

	for (size_t i = 0; i < n; i++) {
		if (f[i].original) {
			td_textf(d, "original", "/media/%s", f[i].name);
			td_text(d, "original_type", type_name(f[i].mime));
			td_textf(d, "original_size", "%d × %d", f[i].width,
			    f[i].height);
			td_text(d, "original_bytes", page_size_text(ar,
			    f[i].bytes));
		} else if (strcmp(f[i].mime, "image/webp") == 0)
			srcset_add(ar, &webp, &f[i]);
		else {
			if (*jpeg == '\0')	/* the smallest (by width) */
				td_textf(d, "thumb", "/media/%s", f[i].name);
			srcset_add(ar, &jpeg, &f[i]);
			td_textf(d, "src", "/media/%s", f[i].name);
			td_textf(d, "width", "%d", f[i].width);
			td_textf(d, "height", "%d", f[i].height);
		}
	}
	td_text(d, "webp_srcset", webp);
	td_text(d, "jpeg_srcset", jpeg);
}

enum status
press_image_fill(struct app *app, struct tdict *d, const struct media *m,
    const char *sizes)
{
	return press_image_fill_big(app, d, m, sizes, NULL);
}

enum status
press_image_fill_big(struct app *app, struct tdict *d, const struct media *m,
    const char *sizes, const struct media_file_ref **big)
{
	struct media_file_ref	*f;
	size_t			 n;
	enum status		 st;

	if ((st = store_media_files(app->store, &app->arena, m->id, &f,
	    &n)) != ST_OK)
		return st;
	td_textf(d, "id", "%lld", (long long)m->id);
	td_text(d, "alt", m->decorative ? "" : m->alt);
	td_text(d, "caption", m->caption);
	td_text(d, "credit", m->credit);
	td_text(d, "licence", m->licence);
	td_text(d, "filename", m->filename);
	td_text(d, "sizes", sizes);
	/* The height of a 96 px wide thumbnail (a contact's portrait). */
	td_textf(d, "thumb_height", "%d", m->width > 0 ?
	    (int)((int64_t)m->height * 96 / m->width) : 96);
	td_textf(d, "thumb_height320", "%d", m->width > 0 ?
	    (int)((int64_t)m->height * 320 / m->width) : 320);
	fill_files(&app->arena, d, f, n);
	if (big != NULL) {
		*big = NULL;
		for (size_t i = 0; i < n; i++)
			if (!f[i].original && strcmp(f[i].mime,
			    "image/jpeg") == 0 && (*big == NULL ||
			    f[i].width > (*big)->width))
				*big = &f[i];
	}
	return ST_OK;
}

/* The pager of the list (only when there is more than one page). */
static void
fill_pager(struct tdict *root, long page, long pages)
{
	struct tdict	*p;

	if (pages <= 1)
		return;
	p = td_sub(root, "pager");
	td_textf(p, "page", "%ld", page);
	td_textf(p, "pages", "%ld", pages);
	if (page > 1)
		td_text(p, "prev_href", page == 2 ? "/pressbilder" :
		    arena_printf(td_arena(root), "/pressbilder?sida=%ld",
		    page - 1));
	if (page < pages)
		td_textf(p, "next_href", "/pressbilder?sida=%ld", page + 1);
}

/*
 * GET /pressbilder -- the press pictures, newest first.
 * Query: sida (optional).  Statuses: 200, 400 (a bad page number), 404
 * (past the last page), 500.
 */
void
page_press_image_list(struct app *app, struct req *rq, struct resp *rs)
{
	struct media	*m;
	struct tdict	*root;
	size_t		 n;
	int64_t		 total;
	int64_t		 n_page;
	long		 page, pages;
	enum status	 st = ST_BADREQ;

	if (req_query_page(rq, "sida", PRESS_IMAGES_MAX_PAGE, &n_page) != ST_OK)
		goto out;
	page = (long)n_page;
	if ((st = store_media_list(app->store, &app->arena, clock_now(),
	    PRESS_IMAGES_PER_PAGE, (size_t)(page - 1) * PRESS_IMAGES_PER_PAGE,
	    &m, &n, &total)) != ST_OK)
		goto out;
	pages = (long)((total + PRESS_IMAGES_PER_PAGE - 1) /
	    PRESS_IMAGES_PER_PAGE);
	if (page > 1 && page > pages) {
		st = ST_NOTFOUND;
		goto out;
	}
	root = page_layout(app, rq, page > 1 ? arena_printf(&app->arena,
	    "Pressbilder, sida %ld", page) : "Pressbilder", page > 1 ?
	    arena_printf(&app->arena, "/pressbilder?sida=%ld", page) :
	    "/pressbilder", "/pressbilder");
	td_text(root, "meta_description", "Bilder för press och media att "
	    "ladda ner, med fotograf och licens.");
	td_bool(root, "has_items", n > 0);
	td_list(root, "items");
	for (size_t i = 0; i < n && st == ST_OK; i++)
		st = press_image_fill(app, td_item(root, "items"), &m[i],
		    "(min-width: 40em) 20em, 100vw");
	if (st != ST_OK)
		goto out;
	fill_pager(root, page, pages);
	page_render(app, rq, rs, "press_images", root);
out:
	if (st != ST_OK)
		page_error(app, rq, rs, st);
}

/*
 * GET /pressbilder/:id -- one press picture, large.
 * Statuses: 200, 404 (none, or its consent has ended), 500.
 */
void
page_press_image_show(struct app *app, struct req *rq, struct resp *rs)
{
	struct media	 m;
	struct tdict	*root;
	enum status	 st;

	if ((st = store_media_get(app->store, &app->arena,
	    rq->path_id, &m)) != ST_OK)
		goto out;
	if (m.expires_at != 0 && m.expires_at <= clock_now()) {
		st = ST_NOTFOUND;	/* consent has ended: hidden */
		goto out;
	}
	root = page_layout(app, rq, m.caption[0] ? m.caption :
	    arena_printf(&app->arena, "Pressbild %lld", (long long)m.id),
	    arena_printf(&app->arena, "/pressbilder/%lld", (long long)m.id),
	    "/pressbilder");
	td_text(root, "meta_description", m.alt);
	if ((st = press_image_fill(app, td_sub(root, "image"), &m,
	    "(min-width: 64em) 60em, 100vw")) != ST_OK)
		goto out;
	page_render(app, rq, rs, "press_image", root);
out:
	if (st != ST_OK)
		page_error(app, rq, rs, st);
}

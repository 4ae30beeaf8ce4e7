/*
 * admin_preview.c -- the editor's preview: POST action "forhandsgranska"
 * shows the public article page filled from the posted form, nothing
 * saved, with a staff bar (templates/preview_bar.html) holding the
 * accessibility and plain-language warnings, every posted field and the
 * buttons, so "Tillbaka" and the save buttons carry the text on.
 *
 * It renders templates/article.html through page_article_fill(), the
 * same code as /nyheter/SLUG, with the "preview" dictionary that
 * head.html turns into a banner.
 */
#include <string.h>

#include "../app.h"
#include "../render/a11ycheck.h"
#include "../render/date.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "../util/slug.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"
#include "admin_article.h"
#include "admin_preview_klarsprak.h"

/* Every posted field but the token, the button and the override, as
 * hidden inputs, so "Tillbaka" and the save buttons post the text. */
static void
fill_hidden(struct req *rq, struct tdict *d)
{
	const struct kv	*kv;
	struct tdict	*h;
	size_t		 i;

	td_list(d, "hidden");
	for (i = 0; i < rq->form.n; i++) {
		kv = &rq->form.v[i];
		if (strcmp(kv->key, "csrf") == 0 ||
		    strcmp(kv->key, "action") == 0 ||
		    strcmp(kv->key, "override_a11y") == 0)
			continue;
		h = td_item(d, "hidden");
		td_text(h, "name", kv->key);
		td_text(h, "value", kv->val);
	}
}

/* The accessibility warnings of the body into d. */
static void
fill_a11y(struct app *app, struct tdict *d, const char *body)
{
	struct a11y_warning *w;
	size_t		 n, i;

	n = a11y_check(&app->arena, body, page_picture_known, app,
	    &w);
	td_bool(d, "has_warnings", n > 0);
	td_list(d, "warnings");
	for (i = 0; i < n; i++)
		td_text(td_item(d, "warnings"), "message", w[i].message);
}

/* The time the preview shows as the publish date. */
static int64_t
shown_time(const struct edit_form *f, int64_t now)
{
	int64_t	t;

	if (f->a.publish_at != 0 &&
	    strcmp(f->a.status, ARTICLE_PUBLISHED) == 0)
		return f->a.publish_at;
	t = date_parse_local(f->pub_date, f->pub_time);
	return t > now ? t : now;
}

/*
 * POST action "forhandsgranska": the public page for the posted form,
 * with the staff bar (warnings, hidden fields, the buttons).  Nothing is
 * saved.  A body md_render refuses shows the form again (400).
 * Statuses: 200, 400, 500.
 */
void
preview_show(struct app *app, struct req *rq, struct resp *rs,
    struct edit_form *f, const char *post_url)
{
	struct choices	 c;
	struct article	 a;
	struct article_edit e = f->a;
	struct tdict	*root, *d;
	int64_t		 now = clock_now();
	enum status	 st;

	rs->nocache = 1;
	if ((st = load_choices(app, &c)) != ST_OK)
		goto out;
	if (*e.slug == '\0')
		e.slug = slug_from_title(&app->arena, e.title);
	e.publish_at = shown_time(f, now);
	e.updated_at = strcmp(f->a.status, ARTICLE_PUBLISHED) == 0 ? now :
	    e.publish_at;
	edit_to_article(app, &e, &c, &a);
	if ((st = page_article_fill(app, rq, &a, arena_printf(&app->arena,
	    "/nyheter/%s", e.slug), &root)) == ST_ERROR) {
		root = admin_layout(app, rq, rs, "Redigera artikel",
		    "/admin/artiklar");
		form_error(app, root, "body", "Brödtexten har listor eller "
		    "citat i för många nivåer och kan inte visas.");
		show_form(app, rq, rs, f, root, 400);
		return;
	}
	if (st != ST_OK)
		goto out;
	td_bool(root, "noindex", 1);
	d = td_sub(root, "preview");
	td_text(d, "banner", "Förhandsgranskning – inte publicerad");
	td_text(d, "note", "Så här kommer sidan att se ut. Ingenting är "
	    "sparat ännu.");
	d = td_sub(d, "form");
	td_text(d, "post_url", post_url);
	td_text(d, "csrf", rq->session != NULL ? rq->session->csrf : "");
	td_bool(d, "override_checked", f->override_a11y);
	fill_hidden(rq, d);
	fill_a11y(app, d, f->a.body_md);
	preview_klarsprak(app, d, f->a.title, f->a.lead, f->a.body_md);
	fill_buttons(d, &f->a, now);
	resp_header(rs, "X-Robots-Tag", "noindex");
	page_render(app, rq, rs, "article", root);
	return;
out:
	page_error(app, rq, rs, st);
}

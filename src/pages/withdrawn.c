/*
 * withdrawn.c -- what the URL of a withdrawn article answers: 410 Gone
 * with its title, when it was published and withdrawn and the public
 * explanation (as GOV.UK does), or 301 to the article that replaces it
 * while that one is public.  Reached from article.c when no public
 * article has the slug.  A 410 is kept in no page cache and written as
 * no page file (only a 200 is), and the withdrawal itself is a write,
 * so every page kept before it is dropped (cache/).
 */
#include "../app.h"
#include "../render/date.h"
#include "../render/tmpl.h"
#include "../store/editorial.h"
#include "../util/clock.h"
#include "../web/resp.h"
#include "editorial.h"

int
page_withdrawn(struct app *app, struct req *rq, struct resp *rs,
    const char *slug)
{
	struct withdrawal w;
	struct tdict	*root, *d;
	const char	*path = arena_printf(&app->arena, "/nyheter/%s", slug);

	if (store_withdrawal_by_slug(app->store, &app->arena, slug,
	    clock_now(), &w) != ST_OK)
		return 0;
	if (*w.replacement != '\0') {
		resp_redirect(rs, 301, arena_printf(&app->arena,
		    "/nyheter/%s", w.replacement));
		return 1;
	}
	resp_status(rs, 410);
	root = page_layout(app, rq, w.title, path, "/nyheter");
	td_bool(root, "noindex", 1);
	d = td_sub(root, "withdrawn");
	td_text(d, "title", w.title);
	td_text(d, "published", date_sv(&app->arena, w.published_at));
	td_text(d, "published_iso", date_iso(&app->arena, w.published_at));
	td_text(d, "withdrawn", date_sv(&app->arena, w.at));
	td_text(d, "withdrawn_iso", date_iso(&app->arena, w.at));
	td_text(d, "explanation", w.explanation);
	page_render(app, rq, rs, "withdrawn", root);
	return 1;
}

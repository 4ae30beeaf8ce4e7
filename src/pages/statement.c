/*
 * statement.c -- /tillganglighet: the accessibility statement, a page
 * (kind "sida", slug "tillganglighet") an editor keeps current, shown
 * as the public article page (article.c's page_article_fill()) with
 * its "Senast granskad" date and the list of documents on public
 * articles that are not accessible (DOS-lagen).  The date and the text
 * before the list are kept at /admin/tillganglighet.
 */
#include <string.h>

#include "../app.h"
#include "../render/date.h"
#include "../render/tmpl.h"
#include "../store/document.h"
#include "../store/store.h"
#include "../util/clock.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "pages.h"

#define STATEMENT_SLUG	"tillganglighet"

/*
 * The accessibility statement's "Senast granskad": the setting
 * statement_reviewed (YYYY-MM-DD, kept by /admin/tillganglighet), else
 * the page's last update.
 */
static void
fill_reviewed(struct app *app, struct tdict *root, const struct article *a)
{
	const char	*v;
	int64_t		 t = -1;

	if (store_setting(app->store, &app->arena, "statement_reviewed",
	    &v) == ST_OK)
		t = date_parse_local(v, "12:00");
	if (t < 0)
		t = a->updated_at;
	td_text(root, "reviewed", date_sv(&app->arena, t));
	td_text(root, "reviewed_iso", date_ymd(&app->arena, t));
}

/* The statement's list "inaccessible" (documents not accessible, of
 * public articles) into d. */
static enum status
fill_documents(struct app *app, struct tdict *d)
{
	struct document	*doc;
	size_t		 n;
	enum status	 st;

	if ((st = store_document_inaccessible(app->store, &app->arena,
	    clock_now(), &doc, &n)) != ST_OK)
		return st;
	td_bool(d, "has_inaccessible", n > 0);
	for (size_t i = 0; i < n; i++)
		page_document_fill(app, td_item(d, "inaccessible"), &doc[i]);
	return ST_OK;
}

/*
 * GET /tillganglighet -- the accessibility statement.
 * Statuses: 200, 404 (no such page), 500.
 */
void
page_statement_show(struct app *app, struct req *rq, struct resp *rs)
{
	struct article	 a;
	struct tdict	*root;
	enum status	 st;

	if ((st = store_article_by_slug(app->store, &app->arena,
	    STATEMENT_SLUG, clock_now(), &a)) != ST_OK)
		goto out;
	if (strcmp(a.kind, "sida") != 0) {
		st = ST_NOTFOUND;
		goto out;
	}
	if ((st = page_article_fill(app, rq, &a, "/" STATEMENT_SLUG,
	    &root)) != ST_OK)
		goto out;
	fill_reviewed(app, root, &a);
	if ((st = fill_documents(app, td_sub(root, "statement"))) != ST_OK)
		goto out;
	page_render(app, rq, rs, "article", root);
out:
	if (st != ST_OK)
		page_error(app, rq, rs, st);
}

/*
 * admin_revision.c -- an article's history: the list of revisions, one
 * revision in full (every published version stays readable), the
 * comparison of two (render/diff.c) and restoring one as a new version:
 * first a confirmation page showing what would change (a diff against
 * the article as it is now), then the POST from its button.  The
 * differences are filled by admin_diff.c, the rest it shares with the
 * form by admin_article_edit.c.
 */
#include <stdint.h>
#include <string.h>

#include "../app.h"
#include "../render/date.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"
#include "admin_article.h"

static void
fill_article_head(struct tdict *root, const struct article_edit *a)
{
	td_textf(root, "id", "%lld", (long long)a->id);
	td_text(root, "title", a->title);
	td_textf(root, "current_version", "%lld", (long long)a->version);
}

/*
 * /admin/artiklar/ID/versioner -- every revision, newest first, with a
 * form to compare two and a button to restore each.  Statuses: 200, 500.
 */
void
revision_list(struct app *app, struct req *rq, struct resp *rs,
    const struct article_edit *a)
{
	struct revision_row *r;
	struct tdict	*root, *t;
	int64_t		 now = clock_now();
	size_t		 n, i;
	enum status	 st;

	if ((st = store_revision_list(app->store, &app->arena, a->id, &r,
	    &n)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	root = admin_layout(app, rq, rs, "Versioner", "/admin/artiklar");
	fill_article_head(root, a);
	td_bool(root, "has_two", n > 1);
	td_list(root, "revs");
	for (i = 0; i < n; i++) {
		t = td_item(root, "revs");
		td_textf(t, "version", "%lld", (long long)r[i].version);
		td_text(t, "saved", date_sv_time(&app->arena, r[i].saved_at));
		td_text(t, "saved_iso", date_iso(&app->arena, r[i].saved_at));
		td_text(t, "who", r[i].who);
		td_text(t, "status", status_label(&app->arena, r[i].status,
		    r[i].publish_at, now));
		td_text(t, "rev_title", r[i].title);
		td_bool(t, "is_current", r[i].version == a->version);
		td_bool(t, "sel_a", i == 1);
		td_bool(t, "sel_b", i == 0);
	}
	page_render(app, rq, rs, "admin_revisions", root);
}

/*
 * /admin/artiklar/ID/versioner/N -- revision N in full.  Statuses: 200,
 * 404, 500.
 */
void
revision_show(struct app *app, struct req *rq, struct resp *rs,
    const struct article_edit *a, int64_t version)
{
	struct article_edit r;
	struct choices	 c;
	struct tdict	*root, *d;
	enum status	 st;

	if ((st = store_revision_get(app->store, &app->arena, a->id, version,
	    &r)) != ST_OK || (st = load_choices(app, &c)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	root = admin_layout(app, rq, rs, arena_printf(&app->arena,
	    "Version %lld", (long long)version), "/admin/artiklar");
	fill_article_head(root, a);
	d = td_sub(root, "rev");
	td_textf(d, "version", "%lld", (long long)r.version);
	td_text(d, "saved", date_sv_time(&app->arena, r.updated_at));
	td_text(d, "who", r.author);
	td_text(d, "status", status_label(&app->arena, r.status,
	    r.publish_at, clock_now()));
	td_text(d, "kind", kind_label(r.kind)[0] ? kind_label(r.kind) :
	    "Sida");
	td_text(d, "lang", strcmp(r.lang, "en") == 0 ? "Engelska" :
	    "Svenska");
	td_text(d, "rev_title", r.title);
	td_text(d, "slug", r.slug);
	td_text(d, "lead", r.lead);
	td_text(d, "body", r.body_md);
	td_text(d, "topics", article_pick_names(&app->arena, &r, &c, 0));
	td_text(d, "experts", article_pick_names(&app->arena, &r, &c, 1));
	td_text(d, "links", article_links_text(&app->arena, &r));
	td_bool(root, "is_current", r.version == a->version);
	page_render(app, rq, rs, "admin_revision", root);
}

/*
 * /admin/artiklar/ID/versioner/jamfor?a=N&b=M -- what changed from N to
 * M in title, lead, body, links, topics and experts.  Statuses: 200,
 * 400 (a or b missing or not a version number), 404 (no such
 * revision), 500.
 */
void
revision_compare(struct app *app, struct req *rq, struct resp *rs,
    const struct article_edit *a)
{
	struct article_edit ra, rb;
	struct choices	 c;
	struct tdict	*root;
	int64_t		 va = 0, vb = 0;
	enum status	 st = ST_BADREQ;

	if (req_query_id(rq, "a", &va) != ST_OK ||
	    req_query_id(rq, "b", &vb) != ST_OK ||
	    (st = store_revision_get(app->store, &app->arena, a->id, va,
	    &ra)) != ST_OK ||
	    (st = store_revision_get(app->store, &app->arena, a->id, vb,
	    &rb)) != ST_OK || (st = load_choices(app, &c)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	root = admin_layout(app, rq, rs, arena_printf(&app->arena,
	    "Jämför version %lld och %lld", (long long)va, (long long)vb),
	    "/admin/artiklar");
	fill_article_head(root, a);
	fill_field_diffs(root, &ra, &rb, &c);
	page_render(app, rq, rs, "admin_diff", root);
}

/*
 * The confirmation page for restoring revision r over article a: what
 * would change, and the button.  changed: a POST found the article saved
 * again since this page was shown.  Status 200, or 409 when changed.
 */
static void
restore_page(struct app *app, struct req *rq, struct resp *rs,
    const struct article_edit *a, const struct article_edit *r, int changed)
{
	struct choices	 c;
	struct tdict	*root;
	enum status	 st;

	if ((st = load_choices(app, &c)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	if (changed)
		resp_status(rs, 409);
	root = admin_layout(app, rq, rs, arena_printf(&app->arena,
	    "Återställ version %lld", (long long)r->version),
	    "/admin/artiklar");
	fill_article_head(root, a);
	td_bool(root, "changed", changed);
	td_bool(root, "is_current", r->version == a->version);
	td_bool(root, "public", article_edit_public(a, clock_now()));
	fill_field_diffs(root, a, r, &c);
	page_render(app, rq, rs, "admin_restore", root);
}

/*
 * GET /admin/artiklar/ID/versioner/N/aterstall -- confirm restoring
 * revision N.  Statuses: 200, 404, 500.
 */
void
revision_restore_confirm(struct app *app, struct req *rq, struct resp *rs,
    const struct article_edit *a, int64_t version)
{
	struct article_edit r;
	enum status	 st;

	if ((st = store_revision_get(app->store, &app->arena, a->id, version,
	    &r)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	restore_page(app, rq, rs, a, &r, 0);
}

/* Write revision r back over article a (status and time kept). */
static enum status
restore(struct app *app, struct req *rq, const struct article_edit *a,
    struct article_edit *r)
{
	const char	*before, *other;
	int64_t		 owner, from = r->version;
	enum status	 st;

	r->id = a->id;
	r->version = a->version;
	r->status = a->status;
	r->publish_at = a->publish_at;
	if ((st = store_admin_slug_owner(app->store, &app->arena, r->slug,
	    a->id, &owner, &other)) == ST_OK)
		r->slug = a->slug;	/* taken since: keep today's */
	else if (st != ST_NOTFOUND)
		return st;
	if ((st = store_admin_article_json(app->store, &app->arena, a->id,
	    &before)) != ST_OK ||
	    (st = store_admin_article_update(app->store, r, clock_now())) !=
	    ST_OK ||
	    (st = store_revision_add(app->store, a->id,
	    admin_account_id(rq), clock_now())) != ST_OK)
		return st;
	return audit_article(app, rq, a->id, arena_printf(&app->arena,
	    "återställde version %lld", (long long)from), r->title,
	    before);
}

/*
 * POST /admin/artiklar/ID/aterstall (version=N, nuvarande=M, from the
 * confirmation page): revision N becomes the article's text as a new
 * version; status and publish time stay.  When the article is no longer
 * at version M the confirmation page is shown again with the new
 * differences (409; 200 without M), nothing written.  Statuses: 200,
 * 303, 400 (N missing, N or M not a version number), 404, 409, 500.
 */
void
revision_restore(struct app *app, struct req *rq, struct resp *rs,
    const struct article_edit *a)
{
	struct article_edit r;
	enum status	 st = ST_BADREQ, has_cur = ST_NOTFOUND;
	int64_t		 n = 0, cur = 0;

	if (req_form_id(rq, "version", &n) != ST_OK ||
	    (has_cur = req_form_id(rq, "nuvarande", &cur)) == ST_BADREQ ||
	    (st = store_revision_get(app->store, &app->arena, a->id, n,
	    &r)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	if (has_cur != ST_OK || cur != a->version ||
	    n == a->version) {
		restore_page(app, rq, rs, a, &r, has_cur == ST_OK &&
		    n != a->version);
		return;
	}
	if ((st = store_begin(app->store)) == ST_OK) {
		if ((st = restore(app, rq, a, &r)) == ST_OK)
			st = store_commit(app->store);
		else
			store_rollback(app->store);
	}
	if (st != ST_OK)
		page_error(app, rq, rs, st);
	else
		resp_redirect(rs, 303, arena_printf(&app->arena,
		    "/admin/artiklar/%lld?klart=aterstalld", (long long)a->id));
}

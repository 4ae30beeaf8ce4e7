/*
 * admin_review.c -- /admin/granskning: the second pair of eyes.
 *
 * With the site setting review_required on (an admin turns it on here),
 * a redaktor's article waits in this list.  Another redaktor or an
 * admin opens it, reads what changed since its last published version
 * (render/diff.c) and publishes it, or sends it back with a comment the
 * author sees on the edit page.  Whoever sent or wrote the article
 * cannot approve it (may_approve()).  Every decision is a POST in one
 * transaction with a revision and an audit row.
 */
#include <stdlib.h>
#include <string.h>

#include "../app.h"
#include "../render/date.h"
#include "../render/tmpl.h"
#include "../store/editorial.h"
#include "../store/store.h"
#include "../util/clock.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"
#include "admin_article.h"
#include "admin_editorial.h"

#define COMMENT_MAX	2000

/* "Publiceras när den godkänns" or the time asked for. */
static const char *
when_label(struct app *app, int64_t publish_at)
{
	if (publish_at == 0)
		return "När den godkänns";
	return arena_printf(&app->arena, "Schemalagd %s",
	    date_sv_time(&app->arena, publish_at));
}

/*
 * GET /admin/granskning -- the articles waiting for review; for admins
 * also the setting.  Statuses: 200, 500.
 */
void
page_admin_review_list(struct app *app, struct req *rq, struct resp *rs)
{
	struct review	*r;
	struct tdict	*root, *t;
	const char	*v = "0";
	size_t		 n, i;
	enum status	 st;

	if ((st = store_review_list(app->store, &app->arena, &r, &n)) !=
	    ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	if (store_setting(app->store, &app->arena, "review_required",
	    &v) != ST_OK)
		v = "0";
	root = admin_layout(app, rq, rs, "Granskning", "/admin/granskning");
	td_bool(root, "required", strcmp(v, "1") == 0);
	td_bool(root, "is_admin", may_remove_silently(rq));
	td_bool(root, "saved", req_query(rq, "klart") != NULL);
	td_bool(root, "has_rows", n > 0);
	for (i = 0; i < n; i++) {
		t = td_item(root, "rows");
		td_textf(t, "id", "%lld", (long long)r[i].article_id);
		td_text(t, "title", r[i].title);
		td_text(t, "sender", r[i].sender);
		td_text(t, "sent", date_sv_time(&app->arena, r[i].sent_at));
		td_text(t, "sent_iso", date_iso(&app->arena, r[i].sent_at));
		td_text(t, "when", when_label(app, r[i].publish_at));
	}
	page_render(app, rq, rs, "admin_reviews", root);
}

/*
 * POST /admin/granskning -- an admin turns review on (kravs=1) or off.
 * Statuses: 303, 500 (503/507 as the error page).
 */
void
page_admin_review_setting(struct app *app, struct req *rq, struct resp *rs)
{
	int		 on = strcmp(posted_text(rq, "kravs"), "1") == 0;
	enum status	 st;

	if ((st = store_begin(app->store)) == ST_OK) {
		if ((st = store_review_required_set(app->store, on)) == ST_OK &&
		    (st = store_audit(app->store, admin_account_id(rq),
		    on ? "slog på granskning" : "slog av granskning", "site",
		    0, on ? "Granskning krävs innan en redaktör publicerar" :
		    "Granskning krävs inte längre", NULL, NULL)) == ST_OK)
			st = store_commit(app->store);
		else
			store_rollback(app->store);
	}
	if (st != ST_OK)
		page_error(app, rq, rs, st);
	else
		resp_redirect(rs, 303, "/admin/granskning?klart=1");
}

/* The review of the article in the path, with the article and the
 * account that created it (*author); 404 page when either is missing
 * or the review is not pending. */
static int
load(struct app *app, struct req *rq, struct resp *rs, struct review *r,
    struct article_edit *a, int64_t *author)
{
	int64_t		 id = rq->path_id;
	enum status	 st;

	if ((st = store_review_get(app->store, &app->arena, id, r)) ==
	    ST_OK && strcmp(r->state, REVIEW_WAITING) != 0)
		st = ST_NOTFOUND;
	if (st == ST_OK)
		st = store_admin_article_get(app->store, &app->arena, id, a);
	if (st == ST_OK && (st = store_article_author(app->store, id,
	    author)) != ST_OK)
		st = ST_DBERR;
	if (st != ST_OK)
		page_error(app, rq, rs, st);
	return st == ST_OK;
}

/* The last published version of a (all empty when never published). */
static enum status
published_version(struct app *app, const struct article_edit *a,
    struct article_edit *base)
{
	int64_t		 v;
	enum status	 st;

	memset(base, 0, sizeof(*base));
	base->title = base->slug = base->lead = base->body_md = "";
	base->kind = base->lang = base->status = base->author = "";
	if ((st = store_review_base(app->store, a->id, &v)) != ST_OK ||
	    v == 0)
		return st;
	return store_revision_get(app->store, &app->arena, a->id, v, base);
}

/* The review page into root: the article, the diff of every field
 * since its last published version, the decisions. */
static enum status
fill_review(struct app *app, struct req *rq, struct tdict *root,
    const struct review *r, const struct article_edit *a, int64_t author)
{
	struct article_edit base;
	struct choices	 c;
	enum status	 st;

	if ((st = published_version(app, a, &base)) != ST_OK ||
	    (st = load_choices(app, &c)) != ST_OK)
		return st;
	td_textf(root, "id", "%lld", (long long)a->id);
	td_textf(root, "version", "%lld", (long long)r->version);
	td_text(root, "title", a->title);
	td_text(root, "sender", r->sender);
	td_text(root, "sent", date_sv_time(&app->arena, r->sent_at));
	td_text(root, "when", when_label(app, r->publish_at));
	td_bool(root, "never_published", base.version == 0);
	td_bool(root, "changed", a->version != r->version);
	td_bool(root, "may_approve", may_approve(rq, r->sent_by, author));
	td_text(root, "comment", posted_text(rq, "kommentar"));
	fill_field_diffs(root, &base, a, &c);
	return ST_OK;
}

static void
show(struct app *app, struct req *rq, struct resp *rs, struct tdict *root,
    const struct review *r, const struct article_edit *a, int64_t author)
{
	enum status	 st;

	if (root == NULL)
		root = admin_layout(app, rq, rs, "Granska artikel",
		    "/admin/granskning");
	if ((st = fill_review(app, rq, root, r, a, author)) != ST_OK)
		page_error(app, rq, rs, st);
	else
		page_render(app, rq, rs, "admin_review", root);
}

/*
 * GET /admin/granskning/ID -- one article waiting for review.
 * Statuses: 200, 404, 500.
 */
void
page_admin_review_show(struct app *app, struct req *rq, struct resp *rs)
{
	struct review	 r;
	struct article_edit a;
	int64_t		 author;

	if (load(app, rq, rs, &r, &a, &author))
		show(app, rq, rs, NULL, &r, &a, author);
}

/* Publish (approve) or send back, with the revision and audit row. */
static enum status
decide(struct app *app, struct req *rq, const struct review *r,
    const struct article_edit *a, int approve, int64_t now)
{
	const char	*before;
	int64_t		 at = r->publish_at > now ? r->publish_at : now;
	enum status	 st;

	if ((st = store_begin(app->store)) != ST_OK)
		return st;
	if ((st = store_admin_article_json(app->store, &app->arena, a->id,
	    &before)) == ST_OK)
		st = approve ? store_review_publish(app->store, a->id,
		    r->version, at, now) : store_review_return(app->store,
		    a->id, r->version, admin_account_id(rq),
		    posted_text(rq, "kommentar"), now);
	if (st == ST_OK && approve)
		st = store_revision_add(app->store, a->id,
		    admin_account_id(rq), now);
	if (st == ST_OK && approve)
		st = article_mail_approved(app, a, at, now);
	if (st == ST_OK)
		st = audit_article_why(app, rq, a->id, approve ?
		    "godkände och publicerade" : "skickade tillbaka",
		    a->title, before, approve ? NULL : arena_printf(
		    &app->arena, "kommentar: %s", posted_text(rq, "kommentar")));
	if (st == ST_OK)
		return store_commit(app->store);
	store_rollback(app->store);
	return st;
}

/*
 * POST /admin/granskning/ID -- beslut=publicera or beslut=tillbaka
 * (kommentar), version: the version reviewed.  Statuses: 303, 400
 * (no comment: form again; no such beslut), 403 (own article), 404,
 * 409 (changed since), 500.
 */
void
page_admin_review_decide(struct app *app, struct req *rq, struct resp *rs)
{
	struct review	 r;
	struct article_edit a;
	struct tdict	*root;
	int64_t		 author, version = 0;
	enum decision	 d = decision_parse(req_form(rq, "beslut"));
	int		 approve = d == DECISION_PUBLISH;
	enum status	 st;

	if (!load(app, rq, rs, &r, &a, &author))
		return;
	if (d == DECISION_BAD) {
		page_error(app, rq, rs, ST_BADREQ);
		return;
	}
	if (!may_approve(rq, r.sent_by, author)) {
		page_forbidden(app, rq, rs, "en annan redaktör eller en "
		    "administratör än den som skrev artikeln");
		return;
	}
	root = admin_layout(app, rq, rs, "Granska artikel",
	    "/admin/granskning");
	if (!approve)
		check_posted_text(app, root, rq, "kommentar", "Skriv vad som "
		    "behöver ändras.", COMMENT_MAX);
	if (req_form_uint(rq, "version", INT64_MAX, &version) != ST_OK ||
	    version != r.version ||
	    a.version != r.version) {
		resp_status(rs, 409);
		form_error(app, root, "beslut", "Artikeln har ändrats sedan den "
		    "skickades för granskning. Läs ändringarna igen.");
	}
	if (form_has_errors(root)) {
		if (rs->status == 0)
			resp_status(rs, 400);
		show(app, rq, rs, root, &r, &a, author);
		return;
	}
	st = decide(app, rq, &r, &a, approve, clock_now());
	if (st == ST_CONFLICT) {
		resp_status(rs, 409);
		form_error(app, root, "beslut", "Artikeln har ändrats sedan den "
		    "skickades för granskning. Läs ändringarna igen.");
		show(app, rq, rs, root, &r, &a, author);
	} else if (st != ST_OK && form_save_failed(app, rs, root, st, NULL))
		show(app, rq, rs, root, &r, &a, author);
	else if (st != ST_OK)
		page_error(app, rq, rs, st);
	else
		resp_redirect(rs, 303, arena_printf(&app->arena,
		    "/admin/artiklar/%lld?klart=%s", (long long)a.id,
		    approve ? "publicerad" : "sparad"));
}

/*
 * admin_article_form.c -- saving the article form: check what was
 * posted for the button pressed (every error beside its field and in
 * the summary, the form shown again by admin_article_edit.c), then save
 * it with its revision and audit row in one transaction.
 *
 * A save whose `version` is not the stored one is a conflict: nothing is
 * written and the conflict page (409) says who saved the article meanwhile
 * and when (or that it was the same person, in another tab), shows both
 * versions and keeps the editor's text in the form.  The form still
 * carries the version it was loaded at; saving it again overwrites only
 * with the box "Spara ändå och skriv över" ticked, which names the
 * version it overwrites (a newer save meanwhile is a new conflict).  The
 * posted text is checked (sizes first) before anything is compared.
 */
#include <stdlib.h>
#include <string.h>

#include "../app.h"
#include "../render/a11ycheck.h"
#include "../render/date.h"
#include "../render/html.h"
#include "../render/md.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "../util/log.h"
#include "../util/slug.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"
#include "admin_article.h"
#include "admin_editorial.h"

#define TITLE_MAX	200	/* characters */
#define LEAD_MAX	1000
#define LINK_TITLE_MAX	200
#define URL_MAX		2000

/* Characters (not bytes) of UTF-8 s. */
static size_t
nchars(const char *s)
{
	size_t	n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Check one "Läs vidare" row (0-based i); errors on link_url_N. */
static void
check_link(struct app *app, struct tdict *root, struct edit_form *f,
    size_t i)
{
	const struct link *l = &f->a.links[i];
	const char	*msg = NULL;

	if (*l->title == '\0' && *l->url == '\0')
		return;
	if (*l->title == '\0' || nchars(l->title) > LINK_TITLE_MAX)
		msg = arena_printf(&app->arena, "Länk %zu: skriv en länktext "
		    "(högst %d tecken).", i + 1, LINK_TITLE_MAX);
	else if (strlen(l->url) > URL_MAX || !html_url_ok(l->url) ||
	    !(strncmp(l->url, "http://", 7) == 0 ||
	    strncmp(l->url, "https://", 8) == 0 || (l->url[0] == '/' &&
	    l->url[1] != '/')))
		msg = arena_printf(&app->arena, "Länk %zu: adressen ska börja "
		    "med https://, http:// eller / (en sida på webbplatsen).",
		    i + 1);
	if (msg == NULL)
		return;
	f->link_err[i] = msg;
	form_error(app, root, arena_printf(&app->arena, "link_url_%zu", i + 1),
	    msg);
}

/* Check the text fields; slug filled from the title when empty. */
static void
check_text(struct app *app, struct tdict *root, struct edit_form *f,
    int publishing)
{
	struct article_edit *a = &f->a;
	struct safe_html body;
	size_t		 i;

	if (strcmp(a->kind, "nyhet") && strcmp(a->kind, "pressmeddelande") &&
	    strcmp(a->kind, "sida"))
		form_error(app, root, "kind-nyhet", "Välj om det är en nyhet "
		    "eller ett pressmeddelande.");
	if (*a->title == '\0')
		form_error(app, root, "title", "Skriv en rubrik.");
	else if (nchars(a->title) > TITLE_MAX)
		form_error(app, root, "title", "Rubriken får vara högst 200 "
		    "tecken.");
	if (*a->slug == '\0' && *a->title != '\0')
		a->slug = slug_from_title(&app->arena, a->title);
	if (*a->title != '\0' && !slug_valid(a->slug))
		form_error(app, root, "slug", "Adressen får bara innehålla a–z, "
		    "siffror och bindestreck (högst 80 tecken), till exempel "
		    "\"ny-satsning-pa-jamstalldhet\".");
	if (publishing && *a->lead == '\0')
		form_error(app, root, "lead", "Skriv en ingress innan du "
		    "publicerar.");
	else if (nchars(a->lead) > LEAD_MAX)
		form_error(app, root, "lead", "Ingressen får vara högst 1000 "
		    "tecken.");
	if (strlen(a->body_md) > MD_MAX_SOURCE)
		form_error(app, root, "body", "Brödtexten är för lång (högst "
		    "256 kB).");
	else if (md_render(&app->arena, a->body_md, &body) != ST_OK)
		form_error(app, root, "body", "Brödtexten har listor eller "
		    "citat i för många nivåer. Förenkla strukturen.");
	if (strcmp(a->lang, "sv") && strcmp(a->lang, "en"))
		form_error(app, root, "lang-sv", "Välj språk.");
	for (i = 0; i < EDIT_MAX_LINKS; i++)
		check_link(app, root, f, i);
}

/* Publishing with accessibility warnings needs the override. */
static void
check_a11y(struct app *app, struct tdict *root, const struct edit_form *f)
{
	struct a11y_warning *w;
	size_t		 n, i;

	if (f->override_a11y ||
	    (n = a11y_check(&app->arena, f->a.body_md,
	    page_picture_known, app, &w)) == 0)
		return;
	for (i = 0; i < n; i++)
		form_error(app, root, "body", w[i].message);
	td_textf(root, "err_body", "Brödtexten har %zu "
	    "varning%s. Rätta %s, eller kryssa i rutan "
	    "\"Jag har granskat varningarna och publicerar ändå\".", n,
	    n == 1 ? "" : "ar", n == 1 ? "den" : "dem");
}

/*
 * The status and publish time act gives an article now in cur (NULL:
 * new).  sched is the form's time (-1: unreadable).  Returns 0, or -1
 * for an action that does not fit.
 */
static int
next_state(enum action act, const struct article_edit *cur, int64_t now,
    int64_t sched, struct article_edit *a)
{
	const char	*cs = cur != NULL ? cur->status : ARTICLE_DRAFT;
	int64_t		 cp = cur != NULL ? cur->publish_at : 0;

	a->status = cs;
	a->publish_at = cp;
	switch (act) {
	case ACT_PUBLISH:
		a->status = ARTICLE_PUBLISHED;
		a->publish_at = now;
		return 0;
	case ACT_SCHEDULE:
		a->status = ARTICLE_PUBLISHED;
		a->publish_at = sched;
		return 0;
	case ACT_DRAFT:
	case ACT_REVIEW:
		if (strcmp(cs, ARTICLE_PUBLISHED) == 0 && cp > now) {
			a->status = ARTICLE_DRAFT;
			a->publish_at = 0;
		}
		return 0;
	case ACT_UNPUBLISH:
		if (cur == NULL || strcmp(cs, ARTICLE_PUBLISHED) != 0)
			return -1;
		a->status = ARTICLE_UNPUBLISHED;
		return 0;
	case ACT_SAVE:
		return 0;
	default:
		return -1;
	}
}

/* The links with something in them, in order. */
static void
compact_links(struct article_edit *a)
{
	size_t	i, k = 0;

	for (i = 0; i < a->nlinks; i++)
		if (*a->links[i].title != '\0' && *a->links[i].url != '\0')
			a->links[k++] = a->links[i];
	a->nlinks = k;
}

/*
 * Who saved the stored version theirs and when, into root: "self" when
 * it was the signed-in account (another tab or window), else "their_who"
 * (may be ""), and the page's heading.
 */
static struct tdict *
conflict_layout(struct app *app, struct req *rq, struct resp *rs,
    const struct article_edit *theirs)
{
	struct article_edit r;
	struct tdict	*root;
	const char	*who = "", *h;
	int64_t		 when = theirs->updated_at;
	int		 self = 0;

	if (store_revision_get(app->store, &app->arena, theirs->id,
	    theirs->version, &r) == ST_OK) {
		who = r.author;
		when = r.updated_at;
		self = r.saved_by != 0 && r.saved_by == admin_account_id(rq);
	}
	h = self ? "Du har ändrat artikeln i en annan flik" : *who != '\0' ?
	    arena_printf(&app->arena, "%s har ändrat artikeln", who) :
	    "Någon annan har ändrat artikeln";
	root = admin_layout(app, rq, rs, h, "/admin/artiklar");
	td_text(root, "conflict_heading", h);
	td_bool(root, "self", self);
	td_text(root, "their_who", self ? "" : who);
	td_text(root, "their_when", date_sv_time(&app->arena, when));
	td_text(root, "their_when_iso", date_iso(&app->arena, when));
	td_textf(root, "their_version", "%lld", (long long)theirs->version);
	return root;
}

/* Conflict page: theirs is what is stored now; f is what was posted
 * (checked: no field over its size). */
static void
show_conflict(struct app *app, struct req *rq, struct resp *rs,
    struct edit_form *f, const struct article_edit *theirs)
{
	struct tdict	*root, *t, *y;

	root = conflict_layout(app, rq, rs, theirs);
	fill_diff(root, "diff_title", theirs->title, f->a.title);
	fill_diff(root, "diff_lead", theirs->lead, f->a.lead);
	fill_diff(root, "diff_body", theirs->body_md, f->a.body_md);
	t = td_sub(root, "theirs");
	td_text(t, "title", theirs->title);
	td_text(t, "lead", theirs->lead);
	td_text(t, "body", theirs->body_md);
	y = td_sub(root, "yours");
	td_text(y, "title", f->a.title);
	td_text(y, "lead", f->a.lead);
	td_text(y, "body", f->a.body_md);
	/* Keep the editor's text and the version it was loaded at. */
	f->a.status = theirs->status;
	f->a.publish_at = theirs->publish_at;
	f->a.first_published_at = theirs->first_published_at;
	f->a.updated_at = theirs->updated_at;
	f->a.author = theirs->author;
	td_bool(root, "conflict", 1);
	resp_status(rs, 409);
	show_form_into(app, rq, rs, f, root, "admin_conflict");
}

/*
 * Check f for its action against cur (NULL: new): errors go to root,
 * f->a gets the status and publish time the action gives.  Returns -1
 * for an action that does not fit the article.
 */
static int
check(struct app *app, struct tdict *root, struct edit_form *f,
    const struct article_edit *cur, int64_t now)
{
	int64_t	 sched = date_parse_local(f->pub_date, f->pub_time);
	int	 sched_asked = f->action == ACT_SCHEDULE;

	if (next_state(f->action, cur, now, sched, &f->a) != 0)
		return -1;
	check_text(app, root, f, strcmp(f->a.status, ARTICLE_PUBLISHED) == 0);
	if (sched_asked && sched < 0)
		form_error(app, root, "pub_date", "Ange datum (ÅÅÅÅ-MM-DD) och "
		    "tid (TT:MM) för publiceringen.");
	else if (sched_asked && sched <= now)
		form_error(app, root, "pub_date", "Tiden har redan passerat. "
		    "Välj en tid i framtiden för att schemalägga.");
	if (sched_asked || f->action == ACT_PUBLISH)
		check_a11y(app, root, f);
	return 0;
}

/*
 * Write f (cur NULL: a new article) with its revision and audit row in
 * one transaction.  *id gets the article's id.  Returns ST_OK;
 * ST_CONFLICT with an error on root (slug taken) or with *stale set
 * (someone saved since the form was loaded); ST_DBERR.  Nothing is
 * written unless ST_OK.
 */
static enum status
save(struct app *app, struct req *rq, struct tdict *root,
    const struct edit_form *f, const struct article_edit *cur, int64_t now,
    int64_t *id, int *stale)
{
	struct article_edit a = f->a;
	const char	*before = NULL, *other;
	int64_t		 owner;
	enum status	 st;

	compact_links(&a);
	if ((st = store_begin(app->store)) != ST_OK)
		return st;
	st = store_admin_slug_owner(app->store, &app->arena, a.slug,
	    cur != NULL ? cur->id : 0, &owner, &other);
	if (st == ST_OK) {
		form_error(app, root, "slug", arena_printf(&app->arena,
		    "Adressen \"%s\" används redan av artikeln \"%s\". Välj "
		    "en annan adress.", a.slug, other));
		st = ST_CONFLICT;
		goto fail;
	}
	if (st != ST_NOTFOUND)
		goto fail;
	if (cur == NULL)
		st = store_admin_article_insert(app->store, &a,
		    admin_account_id(rq), now, id);
	else if ((st = store_admin_article_json(app->store, &app->arena,
	    *id = cur->id, &before)) == ST_OK &&
	    (st = store_admin_article_update(app->store, &a, now)) ==
	    ST_CONFLICT)
		*stale = 1;
	if (st == ST_OK)
		st = store_revision_add(app->store, *id, admin_account_id(rq),
		    now);
	if (st == ST_OK)
		st = editorial_save(app, rq, f, cur, *id, now);
	if (st == ST_OK)
		st = audit_article_why(app, rq, *id, action_audit_word(
		    f->action, cur == NULL), a.title, before,
		    editorial_audit_why(app, rq, f));
	if (st == ST_OK)
		st = article_mail_saved(app, rq, f->action, cur, &a, *id, now);
	if (st == ST_OK)
		return store_commit(app->store);
fail:
	store_rollback(app->store);
	return st;
}

/* After a failed check: the form shows the stored state again. */
static void
restore_state(struct edit_form *f, const struct article_edit *cur)
{
	f->a.status = cur != NULL ? cur->status : ARTICLE_DRAFT;
	f->a.publish_at = cur != NULL ? cur->publish_at : 0;
}

/*
 * A save button of the form (publicera, schemalagg, utkast, spara,
 * avpublicera; granska), f as read by form_read() with cur's stored
 * fields carried (cur NULL: a new article): check, save, then 303 to
 * the edit page.  Statuses: 303, 400 (errors, form kept; an action that
 * does not fit), 403 (editorial_gate()), 409 (slug taken or conflict),
 * 503/507 (form kept), 500.
 */
void
form_save(struct app *app, struct req *rq, struct resp *rs,
    struct edit_form *f, const struct article_edit *cur)
{
	struct article_edit theirs;
	struct tdict	*root;
	int64_t		 now = clock_now(), id = 0;
	int		 stale = 0;
	enum status	 st;

	root = admin_layout(app, rq, rs, f->a.id ? "Redigera artikel" :
	    "Ny artikel", "/admin/artiklar");
	if (editorial_gate(app, rq, rs, root, f, cur) != 0)
		return;
	if (check(app, root, f, cur, now) != 0) {
		page_error(app, rq, rs, ST_BADREQ);
		return;
	}
	if (form_has_errors(root)) {
		restore_state(f, cur);
		show_form(app, rq, rs, f, root, 400);
		return;
	}
	if (cur != NULL && f->a.version != cur->version) {
		if (f->overwrite != cur->version) {
			restore_state(f, cur);
			show_conflict(app, rq, rs, f, cur);
			return;
		}
		f->a.version = cur->version;	/* overwrite, as ticked */
	}
	st = save(app, rq, root, f, cur, now, &id, &stale);
	if (stale && store_admin_article_get(app->store, &app->arena,
	    cur->id, &theirs) == ST_OK) {
		restore_state(f, cur);
		show_conflict(app, rq, rs, f, &theirs);
	} else if (st == ST_CONFLICT) {
		if (!form_has_errors(root))
			form_error(app, root, "slug", "Adressen används redan "
			    "av en annan artikel. Välj en annan adress.");
		restore_state(f, cur);
		show_form(app, rq, rs, f, root, 409);
	} else if (st != ST_OK && form_save_failed(app, rs, root, st, NULL)) {
		restore_state(f, cur);
		show_form(app, rq, rs, f, root, 0);
	} else if (st != ST_OK)
		page_error(app, rq, rs, st);
	else
		resp_redirect(rs, 303, arena_printf(&app->arena,
		    "/admin/artiklar/%lld?klart=%s", (long long)id,
		    action_done_code(f->action, cur == NULL)));
}

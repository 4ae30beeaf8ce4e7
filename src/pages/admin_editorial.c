/*
 * admin_editorial.c -- change notes, the byline, review and silent
 * removal in the article form.
 *
 * Saving a public article asks whether it is a minor change (the
 * default: readers see nothing) or an update with a note for readers,
 * which is kept, listed on the article and in its Atom entry, and moves
 * "Uppdaterad".  With the site setting review_required = "1" a
 * redaktor's Publicera and Schemalägg become "Skicka för granskning":
 * the article is saved as it stands (a scheduled one goes back to
 * draft) and waits in /admin/granskning.  Removing a public article
 * without a public explanation ("avpublicera") is for admins, with a
 * reason for the audit log; everyone else withdraws it with an
 * explanation (admin_withdraw.c).
 */
#include <string.h>

#include "../app.h"
#include "../render/date.h"
#include "../render/tmpl.h"
#include "../store/editorial.h"
#include "../store/mail_queue.h"
#include "../store/store.h"
#include "../util/clock.h"
#include "../util/role.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "../web/session.h"
#include "admin.h"
#include "admin_editorial.h"

#define NOTE_MAX	1000	/* bytes of a note or a reason */

/* The signed-in person's role ("" when none). */
static const char *
role(const struct req *rq)
{
	return rq->session != NULL ? rq->session->account.role : "";
}

/* 1 when the signed-in person must send articles for review: one who
 * edits but is no admin, with review on. */
static int
must_send_for_review(struct app *app, const struct req *rq)
{
	const char	*v;

	if (!role_may(role(rq), RIGHT_EDIT) ||
	    role_may(role(rq), RIGHT_ADMIN) ||
	    store_setting(app->store, &app->arena, "review_required",
	    &v) != ST_OK)
		return 0;
	return strcmp(v, "1") == 0;
}

int
may_approve(const struct req *rq, int64_t sender, int64_t author)
{
	int64_t	 me = admin_account_id(rq);

	if (!role_may(role(rq), RIGHT_EDIT))
		return 0;
	return me != 0 && me != sender && me != author;
}

int
may_remove_silently(const struct req *rq)
{
	return role_may(role(rq), RIGHT_ADMIN);
}

const char *
posted_text(struct req *rq, const char *key)
{
	const char	*v = rq->method == METHOD_POST ? req_form(rq, key) : NULL;

	return v != NULL ? v : "";
}

/* 1 when the post asks for an update with a note for readers. */
static int
wants_note(struct req *rq)
{
	return strcmp(posted_text(rq, "andring"), "notis") == 0;
}

/* The byline box: as posted when the form was posted, else stored. */
static enum status
fill_byline(struct app *app, struct req *rq, struct tdict *root,
    const struct article_edit *a)
{
	struct article_extra x = { 0, 0, "" };
	enum status	 st;

	if (a->id != 0 && (st = store_article_extra(app->store, &app->arena,
	    a->id, &x)) != ST_OK && st != ST_NOTFOUND)
		return st;
	if (*posted_text(rq, "byline_shown") != '\0')
		x.byline = *posted_text(rq, "byline") != '\0';
	else if (a->id == 0 && rq->session != NULL)
		x.author = rq->session->account.display_name;
	td_bool(root, "byline_checked", x.byline);
	td_text(root, "byline_name", x.author != NULL ? x.author : "");
	return ST_OK;
}

/* Where the article stands in review, for the edit page. */
static enum status
fill_review_state(struct app *app, struct tdict *root,
    const struct article_edit *a)
{
	struct review	 r;
	enum status	 st;

	if (a->id == 0)
		return ST_OK;
	st = store_review_get(app->store, &app->arena, a->id, &r);
	if (st == ST_NOTFOUND)
		return ST_OK;
	if (st != ST_OK)
		return st;
	td_bool(root, "review_pending", strcmp(r.state, REVIEW_WAITING) == 0);
	td_bool(root, "review_returned", strcmp(r.state, REVIEW_RETURNED) == 0);
	td_text(root, "review_sender", r.sender);
	td_text(root, "review_sent", date_sv_time(&app->arena, r.sent_at));
	td_text(root, "review_decider", r.decider);
	td_text(root, "review_decided", date_sv_time(&app->arena,
	    r.decided_at));
	td_text(root, "review_comment", r.comment);
	return ST_OK;
}

/* A withdrawn article: when, by whom and what its URL says. */
static enum status
fill_withdrawal(struct app *app, struct tdict *root,
    const struct article_edit *a)
{
	struct withdrawal w;
	enum status	 st;

	if (a->id == 0 || strcmp(a->status, ARTICLE_UNPUBLISHED) != 0)
		return ST_OK;
	st = store_withdrawal_get(app->store, &app->arena, a->id, &w);
	if (st == ST_NOTFOUND)
		return ST_OK;
	if (st != ST_OK)
		return st;
	td_bool(root, "withdrawn", 1);
	td_text(root, "withdrawn_at", date_sv_time(&app->arena, w.at));
	td_text(root, "withdrawn_who", w.who);
	td_text(root, "withdrawn_explanation", w.explanation);
	td_text(root, "withdrawn_replacement", *w.replacement != '\0' ?
	    arena_printf(&app->arena, "/nyheter/%s", w.replacement) : "");
	return ST_OK;
}

enum status
fill_editorial(struct app *app, struct req *rq, struct tdict *root,
    const struct article_edit *a)
{
	int	 live = a->id != 0 && article_edit_public(a, clock_now());

	td_bool(root, "review_mode", must_send_for_review(app, rq));
	td_bool(root, "note_choice", live);
	td_bool(root, "note_checked", wants_note(rq));
	td_text(root, "notis", posted_text(rq, "notis"));
	if (live)
		td_textf(root, "withdraw_url", "/admin/artiklar/%lld/"
		    "dra-tillbaka", (long long)a->id);
	if (fill_byline(app, rq, root, a) != ST_OK ||
	    fill_withdrawal(app, root, a) != ST_OK)
		return ST_DBERR;
	return fill_review_state(app, root, a);
}

void
check_posted_text(struct app *app, struct tdict *root, struct req *rq,
    const char *field, const char *missing, size_t max)
{
	const char	*v = posted_text(rq, field);

	while (*v == ' ' || *v == '\n' || *v == '\r' || *v == '\t')
		v++;
	if (*v == '\0')
		form_error(app, root, field, missing);
	else if (strlen(v) > max)
		form_error(app, root, field, arena_printf(&app->arena,
		    "Texten får vara högst %zu tecken.", max));
}

int
editorial_gate(struct app *app, struct req *rq, struct resp *rs,
    struct tdict *root, struct edit_form *f, const struct article_edit *cur)
{
	enum action	 act = f->action;

	if (act == ACT_UNPUBLISH) {
		if (!may_remove_silently(rq)) {
			page_forbidden(app, rq, rs, "administratörer (en "
			    "publicerad artikel dras tillbaka med en "
			    "förklaring)");
			return -1;
		}
		check_posted_text(app, root, rq, "skal", "Skriv varför "
		    "artikeln tas bort utan förklaring (sparas i loggen).",
		    NOTE_MAX);
	}
	if ((act == ACT_PUBLISH || act == ACT_SCHEDULE) &&
	    must_send_for_review(app, rq))
		f->action = ACT_REVIEW;
	/* A public article is saved as it is; review is for publishing. */
	if (f->action == ACT_REVIEW && cur != NULL &&
	    article_edit_public(cur, clock_now()))
		f->action = ACT_SAVE;
	if (f->action == ACT_REVIEW && *f->a.lead == '\0')
		form_error(app, root, "lead", "Skriv en ingress innan du "
		    "skickar artikeln för granskning.");
	if (act == ACT_SAVE && cur != NULL &&
	    article_edit_public(cur, clock_now()) && wants_note(rq))
		check_posted_text(app, root, rq, "notis", "Skriv notisen "
		    "till läsarna, eller välj Liten ändring.", NOTE_MAX);
	return 0;
}

/* The publish time a review asks for: the form's, when in the future
 * (0: when approved). */
static int64_t
review_time(const struct edit_form *f, int64_t now)
{
	int64_t	 t = date_parse_local(f->pub_date, f->pub_time);

	return t > now + 60 ? t : 0;
}

enum status
article_taken_down(struct app *app, int64_t id)
{
	/* Mail not yet sent for it is never sent. */
	return store_mail_cancel(app->store, id);
}

enum status
editorial_save(struct app *app, struct req *rq, const struct edit_form *f,
    const struct article_edit *cur, int64_t id, int64_t now)
{
	enum status	 st = ST_OK;

	if (*posted_text(rq, "byline_shown") != '\0' &&
	    (st = store_byline_set(app->store, id, *posted_text(rq, "byline") !=
	    '\0')) != ST_OK)
		return st;
	if (f->action == ACT_SAVE && cur != NULL &&
	    article_edit_public(cur, now) && wants_note(rq))
		st = store_note_add(app->store, id, admin_account_id(rq), now,
		    posted_text(rq, "notis"));
	if (st == ST_OK && f->action == ACT_UNPUBLISH)
		st = article_taken_down(app, id);
	if (st == ST_OK && f->action == ACT_REVIEW)
		st = store_review_send(app->store, id, admin_account_id(rq),
		    review_time(f, now), now);
	return st;
}

const char *
editorial_audit_why(struct app *app, struct req *rq,
    const struct edit_form *f)
{
	if (f->action != ACT_UNPUBLISH)
		return NULL;
	return arena_printf(&app->arena, "skäl: %s", posted_text(rq, "skal"));
}

/*
 * subscribe.c -- /prenumerera: news by e-mail, double opt-in.
 *
 * The sign-up form posts without a CSRF token: the public has no
 * session to tie one to, and a forged sign-up can do no more than a
 * direct one (it only sends a confirmation mail, within the abuse
 * limits).  The Origin (or Referer) check of same_origin() still turns
 * away cross-site form posts from browsers, so another site cannot make
 * its visitors sign an address up.  Confirming and ending are reached
 * from a mail link: the GET shows a button and only its POST acts, so a
 * mail scanner that follows links changes nothing.  Ending also takes
 * RFC 8058 one-click POSTs (List-Unsubscribe=One-Click), which mail
 * clients send without an Origin of this site, so it has no Origin
 * check: the unguessable token is the authority.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app.h"
#include "../mail/queue.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../store/subscribe.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "../util/crypto.h"
#include "../util/valid.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "../web/session.h"
#include "../web/throttle.h"
#include "form.h"
#include "pages.h"

#define TOPICS_MAX	64

struct sub_form {
	const char	*email;
	const char	*scope;
	const char	*frequency;
	int64_t		 topics[TOPICS_MAX];
	size_t		 ntopics;
};

/* The form's fields; missing ones read as "". */
static void
read_form(struct req *rq, struct sub_form *f)
{
	const char	*v[TOPICS_MAX];
	size_t		 i, n;
	int64_t		 id;

	memset(f, 0, sizeof(*f));
	f->email = req_form(rq, "epost");
	f->scope = req_form(rq, "omfang");
	f->frequency = req_form(rq, "takt");
	if (f->email == NULL)
		f->email = "";
	if (f->scope == NULL)
		f->scope = "";
	if (f->frequency == NULL)
		f->frequency = "";
	n = kv_all(&rq->form, "amne", v, TOPICS_MAX);
	for (i = 0; i < n && i < TOPICS_MAX; i++) {
		if ((id = req_id(v[i])) != 0)	/* a box we never offered */
			f->topics[f->ntopics++] = id;
	}
}

/* Fill the layout, the topics (checked ones marked) and f's values. */
static enum status
fill_form(struct app *app, struct tdict *root, const struct sub_form *f)
{
	struct topic	*t;
	struct tdict	*d;
	size_t		 i, j, n;
	enum status	 st;

	if ((st = store_topic_list(app->store, &app->arena, &t, &n)) !=
	    ST_OK)
		return st;
	td_list(root, "topics");
	for (i = 0; i < n; i++) {
		d = td_item(root, "topics");
		td_textf(d, "id", "%lld", (long long)t[i].id);
		td_text(d, "name", t[i].name);
		for (j = 0; j < f->ntopics; j++)
			if (f->topics[j] == t[i].id)
				td_bool(d, "checked", 1);
	}
	td_text(root, "email", f->email);
	td_bool(root, "scope_press", strcmp(f->scope, "press") == 0);
	td_bool(root, "scope_topics", strcmp(f->scope, "amnen") == 0);
	td_bool(root, "scope_all", !td_truthy(root, "scope_press") &&
	    !td_truthy(root, "scope_topics"));
	td_bool(root, "freq_day", strcmp(f->frequency, "dag") == 0);
	td_bool(root, "freq_now", strcmp(f->frequency, "dag") != 0);
	return ST_OK;
}

static struct tdict *
sub_root(struct app *app, struct req *rq)
{
	struct tdict	*root;

	root = page_layout(app, rq, "Nyheter via e-post", "/prenumerera",
	    "/prenumerera");
	td_text(root, "meta_description", "Få våra nyheter och "
	    "pressmeddelanden via e-post.");
	td_bool(root, "has_errors", 0);
	return root;
}

/*
 * GET /prenumerera -- the sign-up form.
 * Statuses: 200, 500.
 */
void
page_subscribe_form(struct app *app, struct req *rq, struct resp *rs)
{
	struct sub_form	 f;
	struct tdict	*root = sub_root(app, rq);
	enum status	 st;

	memset(&f, 0, sizeof(f));
	f.email = f.scope = f.frequency = "";
	if ((st = fill_form(app, root, &f)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	page_render(app, rq, rs, "subscribe", root);
}

/* The confirmation mail's text, in the arena. */
static void
confirm_mail(struct app *app, const struct sub_form *f, const char *tok,
    const char *unsub, struct mail *m, char *idbuf, size_t idlen)
{
	char	 rnd[TOKEN_LEN + 1], host[256];

	mail_host(app->cfg.base_url, host, sizeof(host));
	token_new(rnd);
	snprintf(idbuf, idlen, "%s@%.80s", rnd, host);
	m->recipient = f->email;
	m->subject = "Bekräfta din prenumeration";
	m->body_text = arena_printf(&app->arena,
	    "Hej!\n\nNågon, förhoppningsvis du, har bett om att få våra "
	    "nyheter via e-post till den här adressen.\n\n"
	    "Bekräfta prenumerationen här:\n%s/prenumerera/bekrafta/%s\n\n"
	    "Om det inte var du kan du strunta i det här brevet: utan "
	    "bekräftelse skickar vi inget mer, och adressen tas bort efter "
	    "sju dagar.\n", app->cfg.base_url, tok);
	m->body_html = "";
	m->unsub_token = unsub;
	m->message_id = idbuf;
}

/* 1 and an error on root when f is not acceptable. */
static void
check_form(struct app *app, struct tdict *root, const struct sub_form *f)
{
	if (f->email[0] == '\0')
		form_error(app, root, "epost", "Skriv din e-postadress.");
	else if (!valid_email(f->email))
		form_error(app, root, "epost", "Skriv en giltig "
		    "e-postadress, till exempel namn@exempel.se.");
	if (strcmp(f->scope, "alla") != 0 && strcmp(f->scope, "press") != 0 &&
	    strcmp(f->scope, "amnen") != 0)
		form_error(app, root, "omfang", "Välj vad du vill få.");
	else if (strcmp(f->scope, "amnen") == 0 && f->ntopics == 0)
		form_error(app, root, "amnen", "Välj minst ett ämne, eller "
		    "välj alla nyheter.");
	if (strcmp(f->frequency, "direkt") != 0 &&
	    strcmp(f->frequency, "dag") != 0)
		form_error(app, root, "takt", "Välj hur ofta du vill "
		    "få e-post.");
}

/*
 * POST /prenumerera -- sign up: store the subscriber and queue one
 * confirmation mail.
 * Statuses: 200 (check your mail), 400 (bad fields), 403 (another
 * site's form), 429 (abuse limit), 503/507, 500.
 */
void
page_subscribe(struct app *app, struct req *rq, struct resp *rs)
{
	struct sub_form		 f;
	struct subscription	 s;
	struct mail		 m;
	struct tdict		*root = sub_root(app, rq);
	char			 tok[TOKEN_LEN + 1], unsub[TOKEN_LEN + 1];
	char			 h[TOKEN_HASH_LEN + 1], mid[128];
	enum status		 st;

	if (!same_origin(app, rq)) {
		page_error(app, rq, rs, ST_FORBIDDEN);
		return;
	}
	read_form(rq, &f);
	check_form(app, root, &f);
	if (form_has_errors(root)) {
		resp_status(rs, 400);
		goto form;
	}
	token_new(tok);
	token_new(unsub);
	token_hash(tok, h);
	memset(&s, 0, sizeof(s));
	s.email = f.email;
	s.scope = f.scope;
	s.frequency = f.frequency;
	s.remote = rq->remote_addr != NULL ?
	    throttle_addr_net(&app->arena, rq->remote_addr) : "";
	if (strcmp(f.scope, "amnen") == 0) {
		s.topics = f.topics;
		s.ntopics = f.ntopics;
	}
	s.confirm_hash = h;
	s.unsub_token = unsub;
	confirm_mail(app, &f, tok, unsub, &m, mid, sizeof(mid));
	st = store_subscribe(app->store, &s, &m, clock_now());
	secure_zero(tok, sizeof(tok));
	if (st == ST_CONFLICT || st == ST_FORBIDDEN) {
		resp_status(rs, 429);
		form_error(app, root, "epost", st == ST_CONFLICT ?
		    "Vi har redan skickat en bekräftelse till den här "
		    "adressen det senaste dygnet. Titta i din inkorg (och "
		    "skräpposten) efter brevet, eller försök igen i morgon." :
		    "För många anmälningar har kommit härifrån den senaste "
		    "timmen. Försök igen om en stund.");
		goto form;
	}
	if (st != ST_OK && form_save_failed(app, rs, root, st, NULL))
		goto form;
	if (st != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	td_bool(root, "sent", 1);
	td_text(root, "email", f.email);
	page_render(app, rq, rs, "subscribe_done", root);
	return;
form:
	if ((st = fill_form(app, root, &f)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	page_render(app, rq, rs, "subscribe", root);
}

/* The page for a mail link: what the button does, or that the link no
 * longer works (404). */
static void
token_page(struct app *app, struct req *rq, struct resp *rs,
    const char *which, enum status st)
{
	struct tdict	*root = sub_root(app, rq);

	td_text(root, "token", rq->path_arg);
	td_bool(root, which, 1);
	if (st == ST_NOTFOUND) {
		resp_status(rs, 404);
		td_bool(root, "gone", 1);
	} else if (st == ST_CONFLICT)
		td_bool(root, "already", 1);
	else if (st != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	page_render(app, rq, rs, "subscribe_token", root);
}

/* Confirm (do=1) or look (do=0) by the path's token. */
static void
confirm(struct app *app, struct req *rq, struct resp *rs, int act)
{
	char		 h[TOKEN_HASH_LEN + 1];
	enum status	 st;

	if (act && !same_origin(app, rq)) {
		page_error(app, rq, rs, ST_FORBIDDEN);
		return;
	}
	token_hash(rq->path_arg, h);
	st = store_subscriber_confirm(app->store, h, act, clock_now());
	token_page(app, rq, rs, act && st == ST_OK ? "confirmed" : "confirm",
	    st);
}

/*
 * GET /prenumerera/bekrafta/:token -- a button that confirms.
 * Statuses: 200, 404 (unknown or expired), 500.
 */
void
page_subscribe_confirm_form(struct app *app, struct req *rq,
    struct resp *rs)
{
	confirm(app, rq, rs, 0);
}

/*
 * POST /prenumerera/bekrafta/:token -- confirm.
 * Statuses: 200, 403 (another site), 404, 503, 500.
 */
void
page_subscribe_confirm(struct app *app, struct req *rq, struct resp *rs)
{
	confirm(app, rq, rs, 1);
}

/*
 * GET /prenumerera/avsluta/:token -- a button that ends the
 * subscription.  Statuses: 200, 404 (unknown or already ended), 500.
 */
void
page_unsubscribe_form(struct app *app, struct req *rq, struct resp *rs)
{
	token_page(app, rq, rs, "unsub", store_subscriber_end(app->store,
	    rq->path_arg, 0));
}

/*
 * POST /prenumerera/avsluta/:token -- end it at once; also the RFC 8058
 * one-click POST (body List-Unsubscribe=One-Click).
 * Statuses: 200, 404 (unknown or already ended), 503, 500.
 */
void
page_unsubscribe(struct app *app, struct req *rq, struct resp *rs)
{
	enum status	 st;

	st = store_subscriber_end(app->store, rq->path_arg, 1);
	token_page(app, rq, rs, st == ST_OK ? "ended" : "unsub", st);
}

/*
 * admin_mail.c -- /admin/epost: news by e-mail for staff.  Whether mail
 * goes out at all (a relay configured), subscribers by choice and per
 * topic, and per article: sent to how many, when, waiting, failed with
 * the relay's last answer, and a button to try the failed ones again.
 * Counts only: nobody sees who opened anything.
 */
#include <stdlib.h>

#include "../app.h"
#include "../render/date.h"
#include "../render/tmpl.h"
#include "../store/mail_admin.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "../util/role.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"
#include "pages.h"

/* The subscriber counts into root. */
static enum status
fill_subscribers(struct app *app, struct tdict *root)
{
	struct mail_tally tot[5], *top;
	struct tdict	*d;
	size_t		 n, i;
	enum status	 st;

	if ((st = store_mail_totals(app->store, tot)) != ST_OK ||
	    (st = store_mail_topics(app->store, &app->arena, &top, &n)) !=
	    ST_OK)
		return st;
	td_list(root, "totals");
	for (i = 0; i < 5; i++) {
		d = td_item(root, "totals");
		td_text(d, "label", tot[i].label);
		td_textf(d, "n", "%lld", (long long)tot[i].n);
	}
	td_list(root, "topics");
	for (i = 0; i < n; i++) {
		d = td_item(root, "topics");
		td_text(d, "label", top[i].label);
		td_textf(d, "n", "%lld", (long long)top[i].n);
	}
	return ST_OK;
}

/* The per-article counts into root. */
static enum status
fill_articles(struct app *app, struct tdict *root)
{
	struct mail_count *c;
	struct tdict	*d;
	size_t		 n, i;
	enum status	 st;

	if ((st = store_mail_counts(app->store, &app->arena, &c, &n)) !=
	    ST_OK)
		return st;
	td_bool(root, "has_articles", n > 0);
	td_list(root, "articles");
	for (i = 0; i < n; i++) {
		d = td_item(root, "articles");
		td_textf(d, "id", "%lld", (long long)c[i].article_id);
		td_text(d, "title", c[i].title);
		td_textf(d, "sent", "%lld", (long long)c[i].sent);
		td_textf(d, "waiting", "%lld", (long long)c[i].waiting);
		td_textf(d, "failed", "%lld", (long long)c[i].failed);
		td_bool(d, "can_retry", c[i].failed > 0);
		if (c[i].last_sent_at > 0)
			td_text(d, "last_sent", date_sv_time(&app->arena,
			    c[i].last_sent_at));
		td_text(d, "last_error", c[i].last_error);
	}
	return ST_OK;
}

/* GET /admin/epost */
void
page_admin_mail(struct app *app, struct req *rq, struct resp *rs)
{
	struct tdict	*root;
	int64_t		 retried;
	enum status	 st;

	root = admin_layout(app, rq, rs, "E-post", "/admin/epost");
	td_bool(root, "smtp_on", app->cfg.smtp_url != NULL);
	td_text(root, "mail_from", app->cfg.mail_from);
	td_bool(root, "may_person", rq->session != NULL &&
	    role_may(rq->session->account.role, RIGHT_ADMIN));
	if (req_query_uint(rq, "klart", INT64_MAX, &retried) == ST_OK)
		td_textf(root, "retried", "%lld", (long long)retried);
	if ((st = fill_subscribers(app, root)) != ST_OK ||
	    (st = fill_articles(app, root)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	page_render(app, rq, rs, "admin_mail", root);
}

/* POST /admin/epost: "forsok_igen" = article id; 303 back with the
 * count, 400 for a bad id. */
void
page_admin_mail_retry(struct app *app, struct req *rq, struct resp *rs)
{
	int64_t		 id, n;
	enum status	 st;

	if (req_form_id(rq, "forsok_igen", &id) != ST_OK) {
		page_error(app, rq, rs, ST_BADREQ);
		return;
	}
	if ((st = store_mail_retry(app->store, id, clock_now(), &n)) !=
	    ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	resp_redirect(rs, 303, arena_printf(&app->arena,
	    "/admin/epost?klart=%lld", (long long)n));
}

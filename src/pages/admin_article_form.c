/*
 * admin_article_form.c -- the article form: read what was posted, check
 * it, show it (with every error beside its field and in the summary),
 * and save it with its revision and audit row in one transaction.
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

enum status
load_choices(struct app *app, struct choices *c)
{
	enum status	st;

	if ((st = store_editor_topics(app->store, &app->arena, &c->topics,
	    &c->ntopics)) != ST_OK)
		return st;
	return store_editor_contacts(app->store, &app->arena, &c->contacts,
	    &c->ncontacts);
}

/* Characters (not bytes) of UTF-8 s. */
static size_t
nchars(const char *s)
{
	size_t	n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* s without leading and trailing spaces, in ar. */
static const char *
trim(struct arena *ar, const char *s)
{
	size_t	b = 0, e;

	if (s == NULL)
		return "";
	e = strlen(s);
	while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' ||
	    s[b] == '\n'))
		b++;
	while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' ||
	    s[e - 1] == '\r' || s[e - 1] == '\n'))
		e--;
	return arena_strndup(ar, s + b, e - b);
}

static const char *
field(struct req *rq, const char *key)
{
	const char	*v = req_form(rq, key);

	return v != NULL ? v : "";
}

/* Parse the ids posted under key into ids (at most EDIT_MAX_PICKS),
 * dropping duplicates and anything that is not a positive number. */
static size_t
read_ids(struct req *rq, const char *key, int64_t *ids)
{
	const char	*v[EDIT_MAX_PICKS];
	size_t		 n, i, j, k = 0;
	int64_t		 id;

	n = kv_all(&rq->form, key, v, EDIT_MAX_PICKS);
	for (i = 0; i < n; i++) {
		if ((id = req_id(v[i])) == 0)
			continue;
		for (j = 0; j < k && ids[j] != id; j++)
			continue;
		if (j == k)
			ids[k++] = id;
	}
	return k;
}

/* The stored article a as form values (links padded to all rows). */
void
form_from_article(struct app *app, const struct article_edit *a,
    struct edit_form *f)
{
	int64_t	 t = a->publish_at ? a->publish_at : clock_now();
	size_t	 i;

	memset(f, 0, sizeof(*f));
	f->a = *a;
	for (i = a->nlinks; i < EDIT_MAX_LINKS; i++)
		f->a.links[i].title = f->a.links[i].url = "";
	f->a.nlinks = EDIT_MAX_LINKS;
	f->pub_date = date_ymd(&app->arena, t);
	f->pub_time = date_hm(&app->arena, t);
}

/* The posted form into f (strings in the arena; nothing checked). */
void
form_read(struct app *app, struct req *rq, struct edit_form *f)
{
	struct article_edit *a = &f->a;
	size_t		 i;

	memset(f, 0, sizeof(*f));
	/* Radio groups always post; a missing one takes the default. */
	a->kind = req_form(rq, "kind") != NULL ? field(rq, "kind") : "nyhet";
	a->title = trim(&app->arena, field(rq, "title"));
	a->slug = trim(&app->arena, field(rq, "slug"));
	a->lead = trim(&app->arena, field(rq, "lead"));
	a->body_md = field(rq, "body");
	a->lang = req_form(rq, "lang") != NULL ? field(rq, "lang") : "sv";
	a->version = 0;		/* not a number: 0, a 409 when stale */
	(void)req_form_uint(rq, "version", INT64_MAX, &a->version);
	a->ntopics = read_ids(rq, "topic", a->topic_ids);
	a->nexperts = read_ids(rq, "expert", a->expert_ids);
	for (i = 0; i < EDIT_MAX_LINKS; i++) {
		a->links[i].title = trim(&app->arena, field(rq,
		    arena_printf(&app->arena, "link_title_%zu", i + 1)));
		a->links[i].url = trim(&app->arena, field(rq,
		    arena_printf(&app->arena, "link_url_%zu", i + 1)));
	}
	a->nlinks = EDIT_MAX_LINKS;
	f->pub_date = trim(&app->arena, field(rq, "pub_date"));
	f->pub_time = trim(&app->arena, field(rq, "pub_time"));
	f->action = req_form(rq, "action");
	f->override_a11y = req_form(rq, "override_a11y") != NULL;
	f->overwrite = 0;
	(void)req_form_uint(rq, "skriv_over", INT64_MAX, &f->overwrite);
}

int
is_public(const struct article_edit *a, int64_t now)
{
	return a->status != NULL && strcmp(a->status, "published") == 0 &&
	    a->publish_at <= now;
}

const char *
status_label(struct arena *ar, const char *status, int64_t publish_at,
    int64_t now)
{
	if (status == NULL || strcmp(status, "draft") == 0)
		return "Utkast";
	if (strcmp(status, "unpublished") == 0)
		return "Avpublicerad";
	if (publish_at > now)
		return arena_printf(ar, "Schemalagd %s",
		    date_sv_time(ar, publish_at));
	return "Publicerad";
}

static void
button(struct tdict *d, const char *value, const char *label, int secondary)
{
	struct tdict	*b;

	/* Review on (admin_editorial.c): one button sends for review. */
	if (td_truthy(d, "review_mode") && (strcmp(value, "publicera") == 0 ||
	    strcmp(value, "schemalagg") == 0)) {
		if (strcmp(value, "schemalagg") == 0)
			return;
		value = "granska";
		label = "Skicka för granskning";
	}
	b = td_item(d, "buttons");

	td_text(b, "value", value);
	td_text(b, "label", label);
	td_bool(b, "secondary", secondary);
}

void
fill_buttons(struct tdict *d, const struct article_edit *a, int64_t now)
{
	int	pub = a->status != NULL && strcmp(a->status, "published") == 0;

	button(d, "forhandsgranska", "Förhandsgranska", 1);
	if (pub && a->publish_at <= now) {
		button(d, "spara", "Spara ändringar", 0);
		return;
	}
	if (pub) {
		button(d, "spara", "Spara ändringar", 0);
		button(d, "publicera", "Publicera nu", 0);
		button(d, "schemalagg", "Schemalägg", 0);
		button(d, "utkast", "Gör till utkast", 1);
		return;
	}
	button(d, "utkast", a->status != NULL &&
	    strcmp(a->status, "unpublished") == 0 ? "Spara" : "Spara utkast", 0);
	button(d, "publicera", "Publicera nu", 0);
	button(d, "schemalagg", "Schemalägg", 0);
}

/* 1 if the id is among ids. */
static int
has_id(const int64_t *ids, size_t n, int64_t id)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

static void
fill_topics(struct tdict *root, const struct edit_form *f,
    const struct choices *c)
{
	struct tdict	*t;
	size_t		 i;

	td_list(root, "topics");
	for (i = 0; i < c->ntopics; i++) {
		t = td_item(root, "topics");
		td_textf(t, "id", "%lld", (long long)c->topics[i].id);
		td_text(t, "name", c->topics[i].name);
		td_bool(t, "hidden", !c->topics[i].published);
		td_bool(t, "checked", has_id(f->a.topic_ids, f->a.ntopics,
		    c->topics[i].id));
	}
}

static void
expert_item(struct tdict *root, const struct contact *ct, int checked)
{
	struct tdict	*t = td_item(root, "experts");

	td_textf(t, "id", "%lld", (long long)ct->id);
	td_text(t, "name", ct->name);
	td_text(t, "title", ct->title);
	td_bool(t, "inactive", !ct->active);
	td_bool(t, "checked", checked);
}

/* Chosen experts first, in the article's order; then the other active
 * contacts by name.  The form posts them in this order, which keeps it. */
static void
fill_experts(struct tdict *root, const struct edit_form *f,
    const struct choices *c)
{
	size_t	i, j;

	td_list(root, "experts");
	for (i = 0; i < f->a.nexperts; i++)
		for (j = 0; j < c->ncontacts; j++)
			if (c->contacts[j].id == f->a.expert_ids[i])
				expert_item(root, &c->contacts[j], 1);
	for (j = 0; j < c->ncontacts; j++)
		if (c->contacts[j].active && !has_id(f->a.expert_ids,
		    f->a.nexperts, c->contacts[j].id))
			expert_item(root, &c->contacts[j], 0);
}

static void
fill_links(struct tdict *root, const struct edit_form *f)
{
	struct tdict	*t;
	const char	*err;
	size_t		 i;

	for (i = 0; i < EDIT_MAX_LINKS; i++) {
		t = td_item(root, "links");
		td_textf(t, "n", "%zu", i + 1);
		td_text(t, "title", i < f->a.nlinks ? f->a.links[i].title : "");
		td_text(t, "url", i < f->a.nlinks ? f->a.links[i].url : "");
		err = f->link_err[i];
		td_text(t, "err", err != NULL ? err : "");
	}
}

static void
fill_warnings(struct app *app, struct tdict *root, const struct edit_form *f)
{
	struct a11y_warning *w;
	size_t		 n, i;

	n = a11y_check(&app->arena, f->a.body_md,
	    page_picture_known, app, &w);
	td_bool(root, "has_warnings", n > 0);
	td_list(root, "warnings");
	for (i = 0; i < n; i++)
		td_text(td_item(root, "warnings"), "message", w[i].message);
	td_bool(root, "override_checked", f->override_a11y);
}

/* Where the article is or will be publicly, and how it stands. */
static void
fill_state(struct app *app, struct tdict *root, const struct article_edit *a)
{
	int64_t	 now = clock_now();

	td_bool(root, "has_id", a->id != 0);
	if (a->id == 0)
		return;
	td_textf(root, "id", "%lld", (long long)a->id);
	td_text(root, "status_label", status_label(&app->arena, a->status,
	    a->publish_at, now));
	td_text(root, "updated", date_sv_time(&app->arena, a->updated_at));
	td_text(root, "author", a->author);
	if (is_public(a, now))
		td_textf(root, "public_url", "/nyheter/%s", a->slug);
	td_bool(root, "deletable", strcmp(a->status, "draft") == 0 &&
	    a->first_published_at == 0);
}

/* The form's own values. */
static void
fill_values(struct app *app, struct tdict *root, const struct edit_form *f)
{
	const struct article_edit *a = &f->a;

	td_text(root, "post_url", a->id ? arena_printf(&app->arena,
	    "/admin/artiklar/%lld", (long long)a->id) : "/admin/artiklar");
	td_textf(root, "version", "%lld", (long long)a->version);
	td_bool(root, "kind_nyhet", strcmp(a->kind, "pressmeddelande") != 0 &&
	    strcmp(a->kind, "sida") != 0);
	td_bool(root, "kind_pm", strcmp(a->kind, "pressmeddelande") == 0);
	td_bool(root, "kind_sida", strcmp(a->kind, "sida") == 0);
	td_text(root, "title", a->title);
	td_text(root, "slug", a->slug);
	td_text(root, "lead", a->lead);
	td_text(root, "body", a->body_md);
	td_bool(root, "lang_en", strcmp(a->lang, "en") == 0);
	td_text(root, "pub_date", f->pub_date);
	td_text(root, "pub_time", f->pub_time);
}

/*
 * Render template tmpl (the edit form or the conflict page) with f into
 * rs.  root may carry errors already (NULL: a fresh page).
 */
void
show_form_into(struct app *app, struct req *rq, struct resp *rs,
    struct edit_form *f, struct tdict *root, const char *tmpl)
{
	struct choices	 c;
	enum status	 st;

	if (root == NULL)
		root = admin_layout(app, rq, rs, f->a.id ? "Redigera artikel" :
		    "Ny artikel", "/admin/artiklar");
	td_text(root, "heading", f->a.id ? "Redigera artikel" : "Ny artikel");
	if ((st = load_choices(app, &c)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	fill_values(app, root, f);
	fill_state(app, root, &f->a);
	fill_topics(root, f, &c);
	fill_experts(root, f, &c);
	fill_links(root, f);
	fill_warnings(app, root, f);
	if ((st = admin_article_library(app, root)) != ST_OK ||
	    (st = fill_article_mail(app, rq, root, &f->a)) != ST_OK ||
	    (st = fill_editorial(app, rq, root, &f->a)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	fill_buttons(root, &f->a, clock_now());
	if (f->a.id != 0 && !is_public(&f->a, clock_now()) &&
	    !td_truthy(root, "conflict") &&
	    (st = fill_preview_links(app, root, &f->a, f->new_token)) !=
	    ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	page_render(app, rq, rs, tmpl, root);
}

/* The edit form; status 0 keeps the response's status. */
void
show_form(struct app *app, struct req *rq, struct resp *rs,
    struct edit_form *f, struct tdict *root, int status)
{
	if (status)
		resp_status(rs, status);
	show_form_into(app, rq, rs, f, root, "admin_article_form");
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
 * The status and publish time action gives an article now in cur (NULL:
 * new).  sched is the form's time (-1: unreadable).  Returns 0, or -1
 * for an action that does not fit.
 */
static int
next_state(const char *action, const struct article_edit *cur, int64_t now,
    int64_t sched, struct article_edit *a)
{
	const char	*cs = cur != NULL ? cur->status : "draft";
	int64_t		 cp = cur != NULL ? cur->publish_at : 0;

	a->status = cs;
	a->publish_at = cp;
	if (strcmp(action, "publicera") == 0) {
		a->status = "published";
		a->publish_at = now;
	} else if (strcmp(action, "schemalagg") == 0) {
		a->status = "published";
		a->publish_at = sched;
	} else if (strcmp(action, "utkast") == 0 ||
	    strcmp(action, "granska") == 0) {
		if (strcmp(cs, "published") == 0 && cp > now) {
			a->status = "draft";
			a->publish_at = 0;
		}
	} else if (strcmp(action, "avpublicera") == 0) {
		if (cur == NULL || strcmp(cs, "published") != 0)
			return -1;
		a->status = "unpublished";
	} else if (strcmp(action, "spara") != 0)
		return -1;
	return 0;
}

/* The audit word for an action. */
static const char *
audit_word(const char *action, int is_new)
{
	if (strcmp(action, "publicera") == 0)
		return "publicerade";
	if (strcmp(action, "schemalagg") == 0)
		return "schemalade";
	if (strcmp(action, "avpublicera") == 0)
		return "avpublicerade";
	if (strcmp(action, "granska") == 0)
		return "skickade för granskning";
	return is_new ? "skapade" : "sparade";
}

enum status
audit_article(struct app *app, struct req *rq, int64_t id,
    const char *action, const char *title, const char *before)
{
	return audit_article_why(app, rq, id, action, title, before, NULL);
}

enum status
audit_article_why(struct app *app, struct req *rq, int64_t id,
    const char *action, const char *title, const char *before,
    const char *why)
{
	const char	*after;
	enum status	 st;

	st = store_admin_article_json(app->store, &app->arena, id, &after);
	if (st == ST_NOTFOUND)
		after = NULL;
	else if (st != ST_OK)
		return st;
	return store_audit(app->store, admin_account_id(rq), action,
	    "article", id, arena_printf(&app->arena, "%s \"%s\"%s%s", action,
	    title, why != NULL ? " – " : "", why != NULL ? why : ""), before,
	    after);
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
	int	 sched_asked = strcmp(f->action, "schemalagg") == 0;

	if (next_state(f->action, cur, now, sched, &f->a) != 0)
		return -1;
	check_text(app, root, f, strcmp(f->a.status, "published") == 0);
	if (sched_asked && sched < 0)
		form_error(app, root, "pub_date", "Ange datum (ÅÅÅÅ-MM-DD) och "
		    "tid (TT:MM) för publiceringen.");
	else if (sched_asked && sched <= now)
		form_error(app, root, "pub_date", "Tiden har redan passerat. "
		    "Välj en tid i framtiden för att schemalägga.");
	if (sched_asked || strcmp(f->action, "publicera") == 0)
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
		st = audit_article_why(app, rq, *id, audit_word(f->action,
		    cur == NULL), a.title, before,
		    editorial_audit_why(app, rq, f));
	if (st == ST_OK)
		st = article_mail_saved(app, rq, f->action, cur, &a, *id, now);
	if (st == ST_OK)
		return store_commit(app->store);
fail:
	store_rollback(app->store);
	return st;
}

/* The confirmation code the edit page turns into a message. */
static const char *
done_code(const char *action, int is_new)
{
	if (strcmp(action, "publicera") == 0)
		return "publicerad";
	if (strcmp(action, "schemalagg") == 0)
		return "schemalagd";
	if (strcmp(action, "avpublicera") == 0)
		return "avpublicerad";
	if (strcmp(action, "granska") == 0)
		return "granskning";
	return is_new ? "skapad" : "sparad";
}

/* After a failed check: the form shows the stored state again. */
static void
restore_state(struct edit_form *f, const struct article_edit *cur)
{
	f->a.status = cur != NULL ? cur->status : "draft";
	f->a.publish_at = cur != NULL ? cur->publish_at : 0;
}

/* The stored fields a posted form does not carry. */
static void
carry(struct edit_form *f, const struct article_edit *cur)
{
	if (cur == NULL) {
		f->a.status = "draft";
		return;
	}
	f->a.id = cur->id;
	f->a.status = cur->status;
	f->a.publish_at = cur->publish_at;
	f->a.first_published_at = cur->first_published_at;
	f->a.created_at = cur->created_at;
	f->a.updated_at = cur->updated_at;
	f->a.author = cur->author;
}

/*
 * POST /admin/artiklar and /admin/artiklar/ID: the form's buttons.
 * "tillbaka" shows the form again, "forhandsgranska" the preview; the
 * others check and save, then 303 to the edit page.  Statuses: 200
 * (form, preview), 303, 400 (errors, form kept), 409 (slug taken or
 * conflict), 500.
 */
void
form_post(struct app *app, struct req *rq, struct resp *rs,
    const struct article_edit *cur)
{
	struct edit_form f;
	struct article_edit theirs;
	struct tdict	*root;
	int64_t		 now = clock_now(), id = 0;
	int		 stale = 0;
	enum status	 st;

	form_read(app, rq, &f);
	carry(&f, cur);
	if (f.action == NULL || strcmp(f.action, "tillbaka") == 0) {
		show_form(app, rq, rs, &f, NULL, 0);
		return;
	}
	if (strcmp(f.action, "forhandsgranska") == 0) {
		preview_show(app, rq, rs, &f, cur != NULL ?
		    arena_printf(&app->arena, "/admin/artiklar/%lld",
		    (long long)cur->id) : "/admin/artiklar");
		return;
	}
	root = admin_layout(app, rq, rs, f.a.id ? "Redigera artikel" :
	    "Ny artikel", "/admin/artiklar");
	if (editorial_gate(app, rq, rs, root, &f, cur) != 0)
		return;
	if (check(app, root, &f, cur, now) != 0) {
		page_error(app, rq, rs, ST_BADREQ);
		return;
	}
	if (form_has_errors(root)) {
		restore_state(&f, cur);
		show_form(app, rq, rs, &f, root, 400);
		return;
	}
	if (cur != NULL && f.a.version != cur->version) {
		if (f.overwrite != cur->version) {
			restore_state(&f, cur);
			show_conflict(app, rq, rs, &f, cur);
			return;
		}
		f.a.version = cur->version;	/* overwrite, as ticked */
	}
	st = save(app, rq, root, &f, cur, now, &id, &stale);
	if (stale && store_admin_article_get(app->store, &app->arena,
	    cur->id, &theirs) == ST_OK) {
		restore_state(&f, cur);
		show_conflict(app, rq, rs, &f, &theirs);
	} else if (st == ST_CONFLICT) {
		if (!form_has_errors(root))
			form_error(app, root, "slug", "Adressen används redan "
			    "av en annan artikel. Välj en annan adress.");
		restore_state(&f, cur);
		show_form(app, rq, rs, &f, root, 409);
	} else if (st != ST_OK && form_save_failed(app, rs, root, st, NULL)) {
		restore_state(&f, cur);
		show_form(app, rq, rs, &f, root, 0);
	} else if (st != ST_OK)
		page_error(app, rq, rs, st);
	else
		resp_redirect(rs, 303, arena_printf(&app->arena,
		    "/admin/artiklar/%lld?klart=%s", (long long)id,
		    done_code(f.action, cur == NULL)));
}

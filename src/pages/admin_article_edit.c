/*
 * admin_article_edit.c -- what the article editor's pages share: the
 * choices the form offers, the form read from a post or an article,
 * the form shown (with its buttons, state, warnings, editorial parts
 * and embargo links), the status as words, the public article a form
 * would make (the preview and the embargo page) and the audit row.
 *
 * The form (admin_article_form.c), the preview (admin_preview.c) and
 * the revisions (admin_revision.c) call this file and never each
 * other; admin_article.c routes between them.
 */
#include <string.h>

#include "../app.h"
#include "../render/a11ycheck.h"
#include "../render/date.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"
#include "admin_article.h"
#include "admin_editorial.h"

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
static void
read_posted(struct app *app, struct req *rq, struct edit_form *f)
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
	f->action = action_parse(req_form(rq, "action"));
	f->override_a11y = req_form(rq, "override_a11y") != NULL;
	f->overwrite = 0;
	(void)req_form_uint(rq, "skriv_over", INT64_MAX, &f->overwrite);
}

void
form_read(struct app *app, struct req *rq, const struct article_edit *cur,
    struct edit_form *f)
{
	read_posted(app, rq, f);
	/* The stored fields a posted form does not carry. */
	if (cur == NULL) {
		f->a.status = ARTICLE_DRAFT;
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

const char *
status_label(struct arena *ar, const char *status, int64_t publish_at,
    int64_t now)
{
	if (status == NULL || strcmp(status, ARTICLE_DRAFT) == 0)
		return "Utkast";
	if (strcmp(status, ARTICLE_UNPUBLISHED) == 0)
		return "Avpublicerad";
	if (publish_at > now)
		return arena_printf(ar, "Schemalagd %s",
		    date_sv_time(ar, publish_at));
	return "Publicerad";
}

static void
button(struct tdict *d, enum action act, const char *label, int secondary)
{
	struct tdict	*b;

	/* Review on (admin_editorial.c): one button sends for review. */
	if (td_truthy(d, "review_mode") && (act == ACT_PUBLISH ||
	    act == ACT_SCHEDULE)) {
		if (act == ACT_SCHEDULE)
			return;
		act = ACT_REVIEW;
		label = "Skicka för granskning";
	}
	b = td_item(d, "buttons");
	td_text(b, "value", action_value(act));
	td_text(b, "label", label);
	td_bool(b, "secondary", secondary);
}

void
fill_buttons(struct tdict *d, const struct article_edit *a, int64_t now)
{
	int	pub = a->status != NULL &&
	    strcmp(a->status, ARTICLE_PUBLISHED) == 0;

	button(d, ACT_PREVIEW, "Förhandsgranska", 1);
	if (pub && a->publish_at <= now) {
		button(d, ACT_SAVE, "Spara ändringar", 0);
		return;
	}
	if (pub) {
		button(d, ACT_SAVE, "Spara ändringar", 0);
		button(d, ACT_PUBLISH, "Publicera nu", 0);
		button(d, ACT_SCHEDULE, "Schemalägg", 0);
		button(d, ACT_DRAFT, "Gör till utkast", 1);
		return;
	}
	button(d, ACT_DRAFT, a->status != NULL &&
	    strcmp(a->status, ARTICLE_UNPUBLISHED) == 0 ? "Spara" :
	    "Spara utkast", 0);
	button(d, ACT_PUBLISH, "Publicera nu", 0);
	button(d, ACT_SCHEDULE, "Schemalägg", 0);
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
	if (article_edit_public(a, now))
		td_textf(root, "public_url", "/nyheter/%s", a->slug);
	td_bool(root, "deletable", strcmp(a->status, ARTICLE_DRAFT) == 0 &&
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
	if (f->a.id != 0 && !article_edit_public(&f->a, clock_now()) &&
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

/*
 * The public struct article for a: topics and experts looked up in c by
 * id (experts in a's order, inactive ones left out as on the public
 * page).  Arrays in the arena.
 */
void
edit_to_article(struct app *app, const struct article_edit *a,
    const struct choices *c, struct article *out)
{
	size_t	i, j;

	memset(out, 0, sizeof(*out));
	out->id = a->id;
	out->kind = a->kind;
	out->slug = a->slug;
	out->title = a->title;
	out->lead = a->lead;
	out->body_md = a->body_md;
	out->lang = strcmp(a->lang, "en") == 0 ? "en" : "sv";
	out->status = a->status;
	out->publish_at = a->publish_at;
	out->created_at = a->created_at;
	out->updated_at = a->updated_at;
	out->topics = arena_alloc(&app->arena, (c->ntopics + 1) *
	    sizeof(*out->topics));
	for (i = 0; i < c->ntopics; i++)
		for (j = 0; j < a->ntopics; j++)
			if (a->topic_ids[j] == c->topics[i].id) {
				out->topics[out->ntopics].id = c->topics[i].id;
				out->topics[out->ntopics].slug = c->topics[i].slug;
				out->topics[out->ntopics++].name = c->topics[i].name;
			}
	out->experts = arena_alloc(&app->arena, (a->nexperts + 1) *
	    sizeof(*out->experts));
	for (i = 0; i < a->nexperts; i++)
		for (j = 0; j < c->ncontacts; j++)
			if (c->contacts[j].id == a->expert_ids[i] &&
			    c->contacts[j].active)
				out->experts[out->nexperts++] = c->contacts[j];
	out->links = arena_alloc(&app->arena, (a->nlinks + 1) *
	    sizeof(*out->links));
	for (i = 0; i < a->nlinks; i++)
		if (*a->links[i].title != '\0' && *a->links[i].url != '\0')
			out->links[out->nlinks++] = a->links[i];
}

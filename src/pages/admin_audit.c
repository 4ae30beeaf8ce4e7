/*
 * admin_audit.c -- /admin/logg: the audit log for admins, newest first,
 * paged, filterable by the kind of thing changed.  Each entry says when
 * (Stockholm time), who, what and which (linked to the thing's edit
 * page), and what changed field by field in the words of the forms
 * (admin_audit_fields.c; the JSON is taken apart by SQLite's json_each
 * in store_audit_diff, not here).
 */
#include <stdlib.h>
#include <string.h>

#include "../app.h"
#include "../render/date.h"
#include "../render/tmpl.h"
#include "../store/staff.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"
#include "admin_article.h"
#include "admin_staff.h"

#define PER_PAGE	25
#define MAX_PAGE	100000

/* The kinds of things in the log: the filter's word (?typ=), the
 * object_type stored, labels, and the edit page (a prefix the id is
 * appended to when it ends in '/'). */
static const struct {
	const char	*param;
	const char	*type;
	const char	*label;
	const char	*filter;	/* in the filter's list */
	const char	*href;
	const char	*noun;		/* in the entry's sentence */
} types[] = {
	{ "artikel",	AUDIT_ARTICLE,	"Artikel",	"Artiklar",	"/admin/artiklar/",	"artikel" },
	{ "kontakt",	AUDIT_CONTACT,	"Kontakt",	"Kontakter",	"/admin/kontakter/",	"kontakt" },
	{ "pressjour",	AUDIT_DUTY,	"Pressjour",	"Pressjour",	"/admin/pressjour",	"pressjouren" },
	{ "notis",	AUDIT_NOTICE,	"Notis",	"Notis",	"/admin/notis",		"notisen" },
	{ "konto",	AUDIT_ACCOUNT,	"Konto",	"Konton",	"/admin/konton/",	"konto" },
	{ "ämne",	AUDIT_TOPIC,	"Ämne",		"Ämnen",	"/admin/amnen/",	"ämne" },
	{ "klarsprak",	AUDIT_KLARSPRAK, "Klarspråk",	"Klarspråk",	"/admin/klarsprak",	"klarspråksinställningarna" },
	{ "bild",	AUDIT_MEDIA,	"Bild",		"Bilder",	"/admin/media/",	"bild" },
	{ "person",	AUDIT_PERSON,	"Personuppgifter", "Personuppgifter", "/admin/epost/person", "en persons uppgifter" },
	{ "journalist",	AUDIT_JOURNALIST, "Journalist",	"Presslistan",	"/admin/presslista/",	"journalist" },
};

/* The index in types[] of the stored object_type (by_param 0) or of the
 * filter word (by_param 1); -1 when unknown. */
static int
type_index(const char *s, int by_param)
{
	size_t	 i;

	for (i = 0; s != NULL && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(by_param ? types[i].param : types[i].type, s) == 0)
			return (int)i;
	return -1;
}

/* "which": the label and the link to the thing's edit page. */
static void
fill_which(struct tdict *d, const struct audit_entry *e,
    int64_t statement_id)
{
	int	 t = type_index(e->object_type, 0);

	if (t < 0) {
		td_text(d, "which", e->object_type);
		return;
	}
	if (e->object_id > 0)
		td_textf(d, "which", "%s %lld", types[t].noun,
		    (long long)e->object_id);
	else
		td_text(d, "which", types[t].noun);
	if (t == 0 && e->object_id == statement_id)
		td_text(d, "which_href", "/admin/tillganglighet");
	else if (types[t].href[strlen(types[t].href) - 1] != '/')
		td_text(d, "which_href", types[t].href);
	else if (e->object_id > 0)
		td_textf(d, "which_href", "%s%lld", types[t].href,
		    (long long)e->object_id);
}

/* The summary without the action it repeats ("sparade \"X\"" after
 * "sparade" reads "\"X\""). */
static const char *
summary_text(const struct audit_entry *e)
{
	size_t	n = strlen(e->action);

	if (n > 0 && strncmp(e->summary, e->action, n) == 0 &&
	    e->summary[n] == ' ')
		return e->summary + n + 1;
	return e->summary;
}

static enum status
fill_entry(struct app *app, struct tdict *d, const struct audit_entry *e,
    int64_t statement_id, const struct choices *ch)
{
	struct audit_change	*c;
	size_t			 n;

	td_text(d, "when", date_sv_time(&app->arena, e->at));
	td_text(d, "when_iso", date_iso(&app->arena, e->at));
	td_text(d, "who", *e->who ? e->who : "Systemet");
	td_text(d, "what", e->action);
	td_text(d, "summary", summary_text(e));
	fill_which(d, e, statement_id);
	if (store_audit_diff(app->store, &app->arena, e->before_json,
	    e->after_json, &c, &n) != ST_OK)
		return ST_DBERR;
	td_textf(d, "entry_id", "%lld", (long long)e->id);
	audit_fill_fields(d, e->object_type, c, n, ch);
	td_bool(d, "has_changes", td_truthy(d, "changes"));
	return ST_OK;
}

static void
fill_filter(struct tdict *root, int current)
{
	struct tdict	*d;
	size_t		 i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		d = td_item(root, "types");
		td_text(d, "type", types[i].param);
		td_text(d, "label", types[i].filter);
		td_bool(d, "selected", (int)i == current);
	}
	td_bool(root, "all_selected", current < 0);
}

static void
fill_pager(struct app *app, struct tdict *root, int t, long page,
    int64_t total)
{
	struct tdict	*p = td_sub(root, "pager");
	long		 pages = total > 0 ? (long)((total + PER_PAGE - 1) /
	    PER_PAGE) : 1;
	const char	*q = t >= 0 ? arena_printf(&app->arena, "typ=%s&",
	    types[t].param) : "";

	td_textf(p, "page", "%ld", page);
	td_textf(p, "pages", "%ld", pages);
	if (page > 1)
		td_text(p, "prev_href", arena_printf(&app->arena,
		    "/admin/logg?%ssida=%ld", q, page - 1));
	if (page < pages)
		td_text(p, "next_href", arena_printf(&app->arena,
		    "/admin/logg?%ssida=%ld", q, page + 1));
}

/*
 * GET /admin/logg -- the audit log.  Query: typ (artikel, kontakt,
 * pressjour, notis, konto, ämne), sida.
 * Statuses: 200, 404 (a page past the end), 500.
 */
void
page_admin_audit_list(struct app *app, struct req *rq, struct resp *rs)
{
	struct audit_entry	*e;
	struct statement	 s;
	struct choices		 ch;
	struct tdict		*root;
	int			 t = type_index(req_query(rq, "typ"), 1);
	int64_t			 page = 1;
	size_t			 i, n;
	int64_t			 total;
	enum status		 st;

	if (req_query_page(rq, "sida", MAX_PAGE, &page) != ST_OK) {
		page_error(app, rq, rs, ST_BADREQ);
		return;
	}
	root = admin_layout(app, rq, rs, "Logg", "/admin/logg");
	if ((st = store_audit_list(app->store, &app->arena, t >= 0 ?
	    types[t].type : NULL, PER_PAGE, (size_t)(page - 1) * PER_PAGE, &e,
	    &n, &total)) != ST_OK)
		goto out;
	if (n == 0 && page > 1) {
		st = ST_NOTFOUND;
		goto out;
	}
	if (store_statement_get(app->store, &app->arena, &s) != ST_OK)
		s.id = 0;
	if ((st = load_choices(app, &ch)) != ST_OK)
		goto out;
	td_list(root, "entries");
	td_bool(root, "has_entries", n > 0);
	for (i = 0; i < n; i++)
		if ((st = fill_entry(app, td_item(root, "entries"), &e[i],
		    s.id, &ch)) != ST_OK)
			goto out;
	td_textf(root, "total", "%lld", (long long)total);
	fill_filter(root, t);
	fill_pager(app, root, t, page, total);
	page_render(app, rq, rs, "admin_audit", root);
out:
	if (st != ST_OK)
		page_error(app, rq, rs, st);
}

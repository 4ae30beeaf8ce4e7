/*
 * admin.c -- what every staff page shares: the layout, form errors and
 * saves the database could not take, roles in words, the 403 page and
 * the low-disk warning.
 */
#include <stdint.h>
#include <string.h>

#include "../app.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"

/* The start page warns when less than this is left for the database:
 * under 500 MB, or under 5 % of its file system. */
#define SPACE_LOW_BYTES		(500ULL * 1000 * 1000)
#define SPACE_LOW_PERCENT	5

/* The staff navigation; `roles` lists who sees the entry. */
static const struct {
	const char	*href;
	const char	*label;
	const char	*roles;
} staff_nav[] = {
	{ "/admin",		"Översikt",	"admin redaktor press" },
	{ "/admin/artiklar",	"Artiklar",	"admin redaktor" },
	{ "/admin/amnen",	"Ämnen",	"admin redaktor" },
	{ "/admin/media",	"Bildbank",	"admin redaktor press" },
	{ "/admin/kontakter",	"Kontakter",	"admin press" },
	{ "/admin/pressjour",	"Pressjour",	"admin press" },
	{ "/admin/notis",	"Notis",	"admin" },
	{ "/admin/tillganglighet", "Tillgänglighet", "admin" },
	{ "/admin/konton",	"Konton",	"admin" },
	{ "/admin/logg",	"Logg",		"admin" },
};

const char *
role_label(const char *role)
{
	if (role == NULL)
		return "";
	if (strcmp(role, "admin") == 0)
		return "Administratör";
	if (strcmp(role, "redaktor") == 0)
		return "Redaktör";
	if (strcmp(role, "press") == 0)
		return "Pressansvarig";
	return role;
}

int64_t
admin_account_id(const struct req *rq)
{
	return rq->session != NULL ? rq->session->account.id : 0;
}

/* 1 if the space-separated list has the word w. */
static int
has_word(const char *list, const char *w)
{
	size_t	 n = strlen(w);
	const char *p;

	for (p = list; (p = strstr(p, w)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return 1;
	return 0;
}

struct tdict *
admin_layout(struct app *app, struct req *rq, struct resp *rs,
    const char *title, const char *section)
{
	struct tdict		*root, *it;
	const struct session	*s = rq->session;
	size_t			 i;

	rs->nocache = 1;
	root = page_layout(app, rq, title, NULL, NULL);
	td_bool(root, "noindex", 1);
	td_bool(root, "staff", 1);
	if (s == NULL)
		return root;
	td_text(root, "csrf", s->csrf);
	td_text(root, "me_name", s->account.display_name[0] ?
	    s->account.display_name : s->account.name);
	td_text(root, "me_role", role_label(s->account.role));
	for (i = 0; i < sizeof(staff_nav) / sizeof(staff_nav[0]); i++) {
		if (!has_word(staff_nav[i].roles, s->account.role))
			continue;
		it = td_item(root, "staff_nav");
		td_text(it, "href", staff_nav[i].href);
		td_text(it, "label", staff_nav[i].label);
		td_bool(it, "current", section != NULL &&
		    strcmp(section, staff_nav[i].href) == 0);
	}
	td_list(root, "errors");
	td_bool(root, "has_errors", 0);
	return root;
}

void
form_error(struct app *app, struct tdict *root, const char *field,
    const char *message)
{
	struct tdict	*e = td_item(root, "errors");

	td_text(e, "field", field);
	td_text(e, "message", message);
	td_bool(root, "has_errors", 1);
	/* The key lives in the arena like the dictionary itself. */
	td_text(root, arena_printf(&app->arena, "err_%s", field), message);
}

int
form_has_errors(const struct tdict *root)
{
	return td_truthy(root, "has_errors");
}

int
form_save_failed(struct app *app, struct resp *rs, struct tdict *root,
    enum status st, const char *kept)
{
	if (kept == NULL)
		kept = "Det du skrev finns kvar i formuläret nedan.";
	switch (store_failure(app->store, st)) {
	case ST_BUSY:
		resp_status(rs, 503);
		resp_header(rs, "Retry-After", RETRY_AFTER_BUSY);
		td_text(root, "save_failed_heading", "Databasen är upptagen "
		    "just nu");
		td_textf(root, "save_failed", "En annan ändring höll "
		    "databasen upptagen, så det du skickade kunde inte tas "
		    "emot. Ingenting har ändrats. %s Vänta några sekunder "
		    "och skicka igen.", kept);
		return 1;
	case ST_FULL:
		resp_status(rs, 507);
		td_text(root, "save_failed_heading", "Servern kunde inte "
		    "spara");
		td_textf(root, "save_failed", "Servern har inte tillräckligt "
		    "med diskutrymme, eller kunde inte skriva till disken, så "
		    "det du skickade kunde inte sparas. Ingenting har ändrats. "
		    "%s Kopiera gärna texten till ett dokument på din dator, "
		    "be den som sköter servern att frigöra utrymme och "
		    "försök sedan igen.", kept);
		return 1;
	default:
		return 0;
	}
}

/* Bytes as Swedish text: "420 MB", "1,5 GB". */
static const char *
size_text(struct arena *ar, uint64_t n)
{
	const uint64_t	 mb = 1000 * 1000, gb = mb * 1000;

	if (n < gb)
		return arena_printf(ar, "%llu MB", (unsigned long long)(n / mb));
	return arena_printf(ar, "%llu,%llu GB", (unsigned long long)(n / gb),
	    (unsigned long long)(n % gb * 10 / gb));
}

void
admin_fill_space(struct app *app, struct tdict *root)
{
	uint64_t	 avail, total;

	if (store_disk_space(app->store, &avail, &total) != ST_OK ||
	    (avail >= SPACE_LOW_BYTES &&
	    avail * 100 >= total * SPACE_LOW_PERCENT))
		return;
	td_textf(root, "space_low", "Det finns bara %s ledigt (%llu %%) på "
	    "disken där databasen ligger. När disken är full går det inte "
	    "att spara något. Be den som sköter servern att frigöra "
	    "utrymme.", size_text(&app->arena, avail), total ?
	    (unsigned long long)(avail * 100 / total) : 0ULL);
}

void
page_forbidden(struct app *app, struct req *rq, struct resp *rs,
    const char *who_may)
{
	struct tdict	*root;

	resp_clear(rs);
	resp_status(rs, 403);
	root = admin_layout(app, rq, rs, "Du saknar behörighet", NULL);
	if (who_may != NULL)
		td_textf(root, "message", "Den här delen är till för %s. Du är "
		    "inloggad som %s.", who_may, rq->session != NULL ?
		    role_label(rq->session->account.role) : "okänd");
	else
		td_text(root, "message", "Formuläret kunde inte kontrolleras "
		    "(det kan vara för gammalt eller komma från en annan "
		    "webbplats). Ingenting har ändrats. Gå tillbaka, ladda om "
		    "sidan och försök igen.");
	if (tmpl_render(app->tmpl, "admin_error", root, &rs->body) != ST_OK)
		page_error(app, rq, rs, ST_FORBIDDEN);
}

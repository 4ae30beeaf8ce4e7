/*
 * admin.c -- what every staff page shares: the layout, form errors,
 * roles in words, and the 403 page.
 */
#include <string.h>

#include "../app.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"

/* The staff navigation; `roles` lists who sees the entry. */
static const struct {
	const char	*href;
	const char	*label;
	const char	*roles;
} staff_nav[] = {
	{ "/admin",		"Översikt",	"admin redaktor press" },
	{ "/admin/artiklar",	"Artiklar",	"admin redaktor" },
	{ "/admin/amnen",	"Ämnen",	"admin redaktor" },
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

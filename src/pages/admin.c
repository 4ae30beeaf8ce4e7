/*
 * admin.c -- what every staff page shares: the layout, roles in words,
 * the 403 page, the low-disk warning and edge caches that do not
 * answer.  Form errors and failed saves are form.c's.
 */
#include <stdint.h>
#include <string.h>

#include "../app.h"
#include "../cache/edge.h"
#include "../render/date.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/role.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"

/* The start page warns when less than this is left for the database:
 * under 500 MB, or under 5 % of its file system. */
#define SPACE_LOW_BYTES		(500ULL * 1000 * 1000)
#define SPACE_LOW_PERCENT	5

/* The staff navigation; `need` is the right (util/role.h) an entry
 * needs, the same its route needs in web/route.c (0: every role). */
static const struct {
	const char	*href;
	const char	*label;
	int		 need;
} staff_nav[] = {
	{ "/admin",		"Översikt",	0 },
	{ "/admin/artiklar",	"Artiklar",	RIGHT_EDIT },
	{ "/admin/amnen",	"Ämnen",	RIGHT_EDIT },
	{ "/admin/media",	"Bildbank",	RIGHT_EDIT | RIGHT_PRESS },
	{ "/admin/epost",	"E-post",	RIGHT_EDIT },
	{ "/admin/granskning",	"Granskning",	RIGHT_EDIT },
	{ "/admin/kontakter",	"Kontakter",	RIGHT_PRESS },
	{ "/admin/pressjour",	"Pressjour",	RIGHT_PRESS },
	{ "/admin/presslista",	"Presslista",	RIGHT_PRESS },
	{ "/admin/notis",	"Notis",	RIGHT_ADMIN },
	{ "/admin/tillganglighet", "Tillgänglighet", RIGHT_ADMIN },
	{ "/admin/klarsprak",	"Klarspråk",	RIGHT_ADMIN },
	{ "/admin/konton",	"Konton",	RIGHT_ADMIN },
	{ "/admin/logg",	"Logg",		RIGHT_ADMIN },
};

const char *
role_label(const char *role)
{
	const struct role_info	*r = role_find(role);

	return r != NULL ? r->label : role != NULL ? role : "";
}

int64_t
admin_account_id(const struct req *rq)
{
	return rq->session != NULL ? rq->session->account.id : 0;
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
		if (!role_may(s->account.role, staff_nav[i].need))
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

/* The edge caches that did not answer their last purge (cli/edges.c),
 * as the list "edges_down" with url, since and why. */
void
admin_fill_edges(struct app *app, struct tdict *root)
{
	const struct edge_board	*b = app->cfg.edges;
	struct tdict		*d;
	int			 i, down = 0;

	for (i = 0; b != NULL && i < b->n; i++) {
		if (b->e[i].failing_since == 0)
			continue;
		down++;
		d = td_item(root, "edges_down");
		td_text(d, "url", b->e[i].url);
		td_text(d, "since", date_sv_time(&app->arena,
		    b->e[i].failing_since));
		td_textf(d, "tries", "%d", b->e[i].fails);
		td_text(d, "error", b->e[i].error);
	}
	td_bool(root, "edge_down", down > 0);
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

/*
 * layout.c -- what every page shows.
 *
 * page_layout() builds the root dictionary that templates/head.html and
 * foot.html read: titles, canonical link, navigation with the current
 * section marked, the active site notice.  The render step is
 * page_render.c's; this file calls neither it nor error.c.
 */
#include <string.h>

#include "../app.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../util/civil.h"
#include "../util/clock.h"
#include "../web/req.h"
#include "pages.h"

static const struct {
	const char	*href;
	const char	*label;
} nav[] = {
	{ "/",		"Start" },
	{ "/nyheter",	"Nyheter" },
	{ "/amnen",	"Ämnen" },
	{ "/kontakt",	"Kontakt" },
};

/* A setting, or fallback when unset or on error. */
static const char *
setting(struct app *app, const char *key, const char *fallback)
{
	const char	*v;

	if (store_setting(app->store, &app->arena, key, &v) != ST_OK)
		return fallback;
	return v;
}

static void
fill_nav(struct tdict *root, const char *section)
{
	struct tdict	*it;
	size_t		 i;

	for (i = 0; i < sizeof(nav) / sizeof(nav[0]); i++) {
		it = td_item(root, "nav");
		td_text(it, "href", nav[i].href);
		td_text(it, "label", nav[i].label);
		td_bool(it, "current", section != NULL &&
		    strcmp(section, nav[i].href) == 0);
	}
}

static void
fill_notice(struct app *app, struct tdict *root)
{
	struct notice	 n;
	struct tdict	*d;

	if (store_notice_active(app->store, &app->arena, clock_now(),
	    &n) != ST_OK)
		return;
	d = td_sub(root, "notice");
	td_text(d, "text", n.text);
	if (n.link_url != NULL && *n.link_url != '\0') {
		td_text(d, "link_url", n.link_url);
		td_text(d, "link_text", n.link_text);
	}
}

struct tdict *
page_layout(struct app *app, struct req *rq, const char *title,
    const char *path, const char *section)
{
	struct tdict	*root = td_new(&app->arena);
	const char	*q;

	td_text(root, "page_title", title);
	td_text(root, "site_name", setting(app, "site_name", "Pressrum"));
	td_text(root, "org_name", setting(app, "org_name", ""));
	td_text(root, "base_url", app->cfg.base_url);
	if (path != NULL)
		td_textf(root, "canonical", "%s%s", app->cfg.base_url, path);
	td_textf(root, "year", "%d", civil_year(clock_now()));
	if (rq != NULL && (q = req_query(rq, "q")) != NULL)
		td_text(root, "search_q", q);
	td_textf(root, "feed_url", "%s/nyheter.atom", app->cfg.base_url);
	fill_nav(root, section);
	fill_notice(app, root);
	return root;
}

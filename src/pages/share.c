/*
 * share.c -- what link previews and search engines read about an
 * article: the Open Graph article fields and the schema.org NewsArticle
 * microdata that templates/head.html writes.
 *
 * The structured data is microdata (meta and link elements in a hidden
 * item at the top of <main>), not a JSON-LD <script> block: pages then
 * hold no script element at all, which keeps the "no inline script"
 * rule simple (tests/integration/t0021-headers.sh) and needs no JSON
 * escaping; every value goes through the template's HTML escaping.
 */
#include <string.h>

#include "../app.h"
#include "../render/date.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "pages.h"

/* The last change: an edit after publishing, else the publish time. */
static int64_t
modified(const struct article *a)
{
	return a->updated_at > a->publish_at ? a->updated_at : a->publish_at;
}

/*
 * Set share_article and its keys on root (the page's layout dict) for
 * the public article a shown at the absolute url.  Strings in app's
 * arena.
 */
void
fill_share_article(struct app *app, struct tdict *root,
    const struct article *a, const char *url)
{
	struct arena	*ar = &app->arena;
	const char	*org = "";

	(void)store_setting(app->store, ar, "org_name", &org);
	td_bool(root, "share_article", 1);
	td_text(root, "og_locale", strcmp(a->lang, "en") == 0 ?
	    "en_GB" : "sv_SE");
	td_text(root, "published_iso", date_iso(ar, a->publish_at));
	td_text(root, "modified_iso", date_iso(ar, modified(a)));
	td_text(root, "sd_headline", a->title);
	td_text(root, "sd_description", a->lead);
	td_text(root, "sd_lang", a->lang);
	td_text(root, "sd_url", url);
	td_text(root, "sd_publisher", org);
}

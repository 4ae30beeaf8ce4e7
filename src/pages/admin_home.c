/*
 * admin_home.c -- the staff start page: a card for each part of the
 * staff area the signed-in role may use (util/role.h), the low-disk and
 * edge warnings, and pictures whose consent has ended or soon ends.
 */
#include "../app.h"
#include "../render/date.h"
#include "../render/tmpl.h"
#include "../store/media.h"
#include "../store/store.h"
#include "../util/clock.h"
#include "../util/role.h"
#include "../web/req.h"
#include "admin.h"

#define CONSENT_AHEAD	(14 * 86400)	/* seconds: "ends soon" */
#define CONSENT_ROWS	10

/*
 * For those who keep the picture library: the pictures whose consent
 * has ended (hidden from the public site since) or ends within two
 * weeks, so someone renews it or removes the picture.
 */
static void
fill_consent(struct app *app, struct tdict *root)
{
	struct media	*m;
	struct tdict	*d;
	size_t		 n, i;
	int64_t		 now = clock_now();

	if (store_media_consent_due(app->store, &app->arena,
	    now + CONSENT_AHEAD, CONSENT_ROWS, &m, &n) != ST_OK)
		return;		/* logged; the page does without */
	for (i = 0; i < n; i++) {
		d = td_item(root, "consent_due");
		td_textf(d, "href", "/admin/media/%lld", (long long)m[i].id);
		td_text(d, "name", *m[i].alt != '\0' ? m[i].alt :
		    m[i].filename);
		if (m[i].expires_at <= now)
			td_textf(d, "when", "gick ut %s: bilden visas inte "
			    "längre på webbplatsen",
			    date_sv(&app->arena, m[i].expires_at));
		else
			td_textf(d, "when", "går ut %s",
			    date_sv(&app->arena, m[i].expires_at));
	}
	td_bool(root, "consent_any", n > 0);
}

/*
 * GET /admin -- the staff start page: what this role can do.
 * Statuses: 200.
 */
void
page_admin_home(struct app *app, struct req *rq, struct resp *rs)
{
	struct tdict	*root = admin_layout(app, rq, rs, "Översikt", "/admin");
	const char	*role = rq->session->account.role;

	td_bool(root, "may_edit", role_may(role, RIGHT_EDIT));
	td_bool(root, "may_press", role_may(role, RIGHT_PRESS));
	td_bool(root, "may_admin", role_may(role, RIGHT_ADMIN));
	admin_fill_space(app, root);
	admin_fill_edges(app, root);
	if (role_may(role, RIGHT_EDIT) || role_may(role, RIGHT_PRESS))
		fill_consent(app, root);
	page_render(app, rq, rs, "admin_home", root);
}

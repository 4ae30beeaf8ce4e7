/*
 * admin_home.c -- the staff start page: a card for each part of the
 * staff area the signed-in role may use (util/role.h), and the low-disk
 * warning.
 */
#include "../app.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../util/role.h"
#include "../web/req.h"
#include "admin.h"

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
	page_render(app, rq, rs, "admin_home", root);
}

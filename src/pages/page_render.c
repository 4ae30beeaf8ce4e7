/*
 * page_render.c -- the render step every page ends with: its template
 * into the response, with status 200 and the Last-Modified its content
 * gives, or the error page (error.c) when the template fails.  Apart
 * from layout.c so that layout.c and error.c do not call each other:
 * page_render.c -> error.c -> layout.c.
 */
#include "../app.h"
#include "../render/tmpl.h"
#include "../store/search.h"
#include "../store/store.h"
#include "../util/civil.h"
#include "../util/clock.h"
#include "../util/log.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "pages.h"

/*
 * Tell the response when its content may have changed last (HTTP
 * Last-Modified): the site's last change, when the templates in use
 * came in (the master's start or reload, app->templates_at, the same in
 * every worker), since a new binary or new templates change pages too,
 * and New Year, since the footer shows the year.  Nothing a page shows
 * changes without moving this time: the ETag rests on it (web/resp.c).
 * In CGI mode the templates are as new as the process.  When the store
 * cannot say, nothing is set.
 */
static void
last_modified(struct app *app, struct resp *rs)
{
	int64_t	 t;

	if (store_last_change(app->store, clock_now(), &t) != ST_OK)
		return;		/* unknown: no Last-Modified, the ETag stays */
	resp_last_modified(rs, app->templates_at > 0 ? app->templates_at :
	    clock_now());
	resp_last_modified(rs, t);
	resp_last_modified(rs, civil_year_start(civil_year(clock_now())));
}

void
page_render(struct app *app, struct req *rq, struct resp *rs,
    const char *name, struct tdict *root)
{
	if (tmpl_render(app->tmpl, name, root, &rs->body) != ST_OK) {
		log_error("%s: rendering template %s failed",
		    rq->uri ? rq->uri : "-", name);
		page_error(app, rq, rs, ST_ERROR);
		return;
	}
	if (rs->status == 0)
		resp_status(rs, 200);
	last_modified(app, rs);
}

/*
 * article_notes.c -- change notes and the byline on the public article
 * page and in its Atom entry.  "Uppdaterad" shows the last noted update
 * only (article.noted_at), so a minor change never moves it; every note
 * stays listed, newest first, with its date and time.
 */
#include "../app.h"
#include "../render/date.h"
#include "../render/html.h"
#include "../render/tmpl.h"
#include "../store/editorial.h"
#include "../util/buf.h"
#include "editorial.h"

/* The list `notes` of the article into d; *n gets their number. */
static enum status
fill_notes(struct app *app, struct tdict *d, int64_t id, size_t *n)
{
	struct article_note *notes;
	struct tdict	*t;
	enum status	 st;
	size_t		 i;

	*n = 0;
	if ((st = store_note_list(app->store, &app->arena, id, &notes,
	    n)) != ST_OK)
		return st;
	td_bool(d, "has_notes", *n > 0);
	td_list(d, "notes");
	for (i = 0; i < *n; i++) {
		t = td_item(d, "notes");
		td_text(t, "at", date_sv_time(&app->arena, notes[i].at));
		td_text(t, "at_iso", date_iso(&app->arena, notes[i].at));
		td_text(t, "text", notes[i].text);
	}
	return ST_OK;
}

enum status
fill_article_notes(struct app *app, struct tdict *d, const struct article *a)
{
	struct article_extra x;
	enum status	 st;
	size_t		 n;

	if (a->id == 0)
		return ST_OK;
	st = store_article_extra(app->store, &app->arena, a->id, &x);
	if (st == ST_NOTFOUND)
		return ST_OK;
	if (st != ST_OK || (st = fill_notes(app, d, a->id, &n)) != ST_OK)
		return st;
	if (x.noted_at > 0) {
		td_text(d, "updated", date_sv(&app->arena, x.noted_at));
		td_text(d, "updated_iso", date_iso(&app->arena, x.noted_at));
	}
	td_text(d, "byline", x.byline ? x.author : "");
	td_bool(d, "editorial", n > 0 || (x.byline && *x.author != '\0'));
	return ST_OK;
}

enum status
feed_notes(struct app *app, const struct article *a, int64_t *noted,
    const char **html)
{
	struct article_extra x;
	struct article_note *notes;
	struct buf	 b;
	enum status	 st;
	size_t		 i, n;

	*noted = 0;
	*html = "";
	st = store_article_extra(app->store, &app->arena, a->id, &x);
	if (st == ST_NOTFOUND)
		return ST_OK;
	if (st != ST_OK || (st = store_note_list(app->store, &app->arena,
	    a->id, &notes, &n)) != ST_OK)
		return st;
	*noted = x.noted_at;
	if (n == 0)
		return ST_OK;
	buf_init(&b);
	buf_puts(&b, "<p>Ändringar:</p><ul>");
	for (i = 0; i < n; i++) {
		buf_printf(&b, "<li><time datetime=\"%s\">",
		    date_iso(&app->arena, notes[i].at));
		html_text(&b, date_sv_time(&app->arena, notes[i].at));
		buf_puts(&b, "</time>: ");
		html_text(&b, notes[i].text);
		buf_puts(&b, "</li>");
	}
	buf_puts(&b, "</ul>");
	*html = arena_strndup(&app->arena, b.data, b.len);
	buf_free(&b);
	return ST_OK;
}

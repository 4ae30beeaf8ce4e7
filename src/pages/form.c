/*
 * form.c -- what the form pages share (form.h): errors beside their
 * fields and in the summary, a posted field trimmed of white space, and
 * the answer to a save the database could not take.  Used by the staff
 * forms and the public sign-up form (subscribe.c).  Phone numbers and
 * e-mail addresses are checked by util/valid.c.
 */
#include <string.h>

#include "../app.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../web/resp.h"
#include "form.h"
#include "pages.h"

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

const char *
form_field(struct arena *ar, const char *v)
{
	size_t	 n;

	if (v == NULL)
		return "";
	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	n = strlen(v);
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t' ||
	    v[n - 1] == '\r' || v[n - 1] == '\n'))
		n--;
	return arena_strndup(ar, v, n);
}

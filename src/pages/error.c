/*
 * error.c -- the error pages, in Swedish, and the status they carry.
 *
 * Every enum status a handler or the request parser can end in maps to
 * one HTTP status, a heading and a message here.  Nothing about the
 * cause reaches the client; the cause is logged where it happened.
 */
#include <string.h>

#include "../app.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "pages.h"

static const struct {
	enum status	 st;
	int		 http;
	const char	*heading;
	const char	*message;
} errors[] = {
	{ ST_BADREQ, 400, "Felaktig förfrågan",
	  "Adressen innehöll tecken eller värden som vi inte kan läsa. "
	  "Kontrollera adressen och försök igen." },
	{ ST_FORBIDDEN, 403, "Du saknar behörighet",
	  "Ditt konto har inte behörighet att göra det här." },
	{ ST_NOTFOUND, 404, "Sidan finns inte",
	  "Sidan du söker finns inte, eller så har den flyttats. "
	  "Sök efter innehållet eller gå vidare från startsidan." },
	{ ST_METHOD, 405, "Metoden är inte tillåten",
	  "Den här adressen tar inte emot den sortens förfrågan." },
	{ ST_CONFLICT, 409, "Konflikt",
	  "Någon annan har ändrat samma sak samtidigt. Ladda om sidan "
	  "och försök igen." },
	{ ST_TOOLARGE, 413, "För stor förfrågan",
	  "Det du skickade var större än vi tar emot." },
	{ ST_BUSY, 503, "Databasen är upptagen",
	  "En annan ändring höll databasen upptagen. Ingenting har ändrats. "
	  "Gå tillbaka och försök igen om några sekunder." },
	{ ST_FULL, 507, "Servern kunde inte spara",
	  "Servern har inte tillräckligt med diskutrymme, eller kunde inte "
	  "skriva till disken. Ingenting har ändrats. Be den som sköter "
	  "servern att frigöra utrymme och försök sedan igen." },
};

static const char	*const fallback_500 =
    "<!doctype html><html lang=\"sv\"><meta charset=\"utf-8\">"
    "<title>Tekniskt fel</title><h1>Tekniskt fel</h1>"
    "<p>Något gick fel hos oss. Försök igen om en stund.</p></html>\n";

void
page_error(struct app *app, struct req *rq, struct resp *rs, enum status st)
{
	struct tdict	*root;
	const char	*heading = "Tekniskt fel";
	const char	*message = "Något gick fel hos oss. Felet är loggat. "
	    "Försök igen om en stund.";
	int		 http = 500;
	size_t		 i;

	st = store_failure(app->store, st);	/* ST_DBERR: busy? full? */
	for (i = 0; i < sizeof(errors) / sizeof(errors[0]); i++)
		if (errors[i].st == st) {
			http = errors[i].http;
			heading = errors[i].heading;
			message = errors[i].message;
		}
	resp_clear(rs);
	resp_status(rs, http);
	if (st == ST_BUSY)
		resp_header(rs, "Retry-After", RETRY_AFTER_BUSY);
	rs->nocache = 1;
	root = page_layout(app, rq, heading, NULL, NULL);
	td_textf(root, "status", "%d", http);
	td_text(root, "heading", heading);
	td_text(root, "message", message);
	td_bool(root, "noindex", 1);
	if (tmpl_render(app->tmpl, "error", root, &rs->body) != ST_OK) {
		buf_reset(&rs->body);
		buf_puts(&rs->body, fallback_500);
	}
}

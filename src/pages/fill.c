/*
 * fill.c -- turning store rows into template dictionaries.
 *
 * Several pages show the same things (an article in a list, a contact
 * card, the press duty box); their template keys are set here only.
 */
#include <string.h>

#include "../app.h"
#include "../render/date.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/valid.h"
#include "pages.h"

const char *
kind_label(const char *kind)
{
	if (kind == NULL)
		return "";
	if (strcmp(kind, "nyhet") == 0)
		return "Nyhet";
	if (strcmp(kind, "pressmeddelande") == 0)
		return "Pressmeddelande";
	if (strcmp(kind, "sida") == 0)
		return "";	/* a page carries no label */
	return kind;
}

/* "08-452 70 00" -> "+46845270000" for a tel: link; "" if no digits. */
static char *
phone_href(struct arena *ar, const char *phone)
{
	char	*out = arena_alloc(ar, strlen(phone) + 4), *p = out;
	size_t	 i;

	for (i = 0; phone[i] != '\0'; i++) {
		if (phone[i] == '+' && p == out)
			*p++ = '+';
		else if (phone[i] >= '0' && phone[i] <= '9') {
			if (p == out && phone[i] == '0') {
				memcpy(p, "+46", 3);
				p += 3;
				continue;
			}
			*p++ = phone[i];
		}
	}
	*p = '\0';
	return out;
}

void
fill_contact(struct tdict *d, struct arena *ar, const struct contact *c)
{
	td_text(d, "name", c->name);
	td_text(d, "title", c->title);
	td_text(d, "unit", c->unit);
	/* Checked again here: an address saved before the check grew
	 * (one with "?bcc=") never becomes a mailto: link. */
	td_text(d, "email", valid_email(c->email) ? c->email : "");
	/* Every key is set, even when empty, so that a missing one never
	 * falls through to a value of the enclosing scope. */
	td_text(d, "phone", c->phone);
	td_text(d, "phone_href", c->phone != NULL && *c->phone != '\0' ?
	    phone_href(ar, c->phone) : "");
}

void
fill_article_item(struct tdict *d, struct arena *ar, const struct article *a)
{
	struct tdict	*t;
	size_t		 i;

	td_text(d, "slug", a->slug);
	td_text(d, "title", a->title);
	td_text(d, "lead", a->lead);
	td_text(d, "lang", a->lang);
	td_text(d, "kind", a->kind);
	td_text(d, "kind_label", kind_label(a->kind));
	td_text(d, "date", date_sv(ar, a->publish_at));
	td_text(d, "date_iso", date_iso(ar, a->publish_at));
	td_bool(d, "is_en", strcmp(a->lang, "en") == 0);
	td_bool(d, "has_topics", a->ntopics > 0);
	td_list(d, "topics");
	for (i = 0; i < a->ntopics; i++) {
		t = td_item(d, "topics");
		td_text(t, "slug", a->topics[i].slug);
		td_text(t, "name", a->topics[i].name);
	}
}

enum status
fill_press_duty(struct app *app, struct tdict *root)
{
	struct press_duty	 pd;
	struct tdict		*d;
	enum status		 st;
	size_t			 i;

	if ((st = store_press_duty(app->store, &app->arena, &pd)) != ST_OK)
		return st;
	d = td_sub(root, "press_duty");
	td_text(d, "phone", pd.phone);
	td_text(d, "phone_href", pd.phone != NULL && *pd.phone != '\0' ?
	    phone_href(&app->arena, pd.phone) : "");
	td_text(d, "email", valid_email(pd.email) ? pd.email : "");
	td_bool(d, "has_officers", pd.n > 0);
	td_list(d, "officers");
	for (i = 0; i < pd.n && st == ST_OK; i++) {
		struct tdict *o = td_item(d, "officers");

		fill_contact(o, &app->arena, &pd.officers[i]);
		st = page_contact_photo(app, o, pd.officers[i].id);
	}
	return st;
}

/*
 * compose.c -- the text of article mails and digests (see compose.h).
 */
#include <string.h>

#include "../render/html.h"
#include "../store/mail_queue.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "compose.h"

/* One article as text and HTML: heading level h (1 or 2). */
static void
item(struct buf *t, struct buf *h, struct arena *ar, const char *base_url,
    const struct mail_article *a, int level)
{
	const char	*url = arena_printf(ar, "%s/nyheter/%s", base_url,
			    a->slug);

	buf_printf(t, "%s\n\n", a->title);
	if (*a->lead != '\0')
		buf_printf(t, "%s\n\n", a->lead);
	buf_printf(t, "Läs hela texten:\n%s\n", url);
	buf_printf(h, "<h%d>", level);
	html_text(h, a->title);
	buf_printf(h, "</h%d>\n", level);
	if (*a->lead != '\0') {
		buf_puts(h, "<p>");
		html_text(h, a->lead);
		buf_puts(h, "</p>\n");
	}
	buf_puts(h, "<p><a href=\"");
	html_text(h, url);
	buf_puts(h, "\">Läs hela texten</a></p>\n");
}

/* The buffers' text into b (ar), then free them. */
static void
finish(struct arena *ar, struct buf *t, struct buf *h, struct mail_body *b)
{
	b->text = arena_printf(ar, "%.*s", (int)t->len, t->data);
	b->html = arena_printf(ar, "%.*s", (int)h->len, h->data);
	buf_free(t);
	buf_free(h);
}

void
mail_compose_article(struct arena *ar, const char *base_url,
    const struct mail_article *a, int update, struct mail_body *b)
{
	struct buf	 t, h;
	const char	*label = strcmp(a->kind, "pressmeddelande") == 0 ?
			    "Pressmeddelande" : "Nyhet";

	buf_init(&t);
	buf_init(&h);
	b->subject = arena_printf(ar, "%s%s", update ? "Uppdaterad: " : "",
	    a->title);
	buf_printf(&t, "%s%s\n\n", label, update ? " (uppdaterad)" : "");
	buf_printf(&h, "<p>%s%s</p>\n", label, update ? " (uppdaterad)" : "");
	item(&t, &h, ar, base_url, a, 1);
	finish(ar, &t, &h, b);
}

void
mail_compose_embargo(struct arena *ar, const char *base_url,
    const struct mail_article *a, const char *embargo_sv, const char *token,
    struct mail_body *b)
{
	struct buf	 t, h;
	const char	*preview = arena_printf(ar, "%s/forhandsvisning/%s",
			    base_url, token);
	const char	*url = arena_printf(ar, "%s/nyheter/%s", base_url,
			    a->slug);

	buf_init(&t);
	buf_init(&h);
	b->subject = arena_printf(ar, "Under embargo till %s: %s", embargo_sv,
	    a->title);
	buf_printf(&t, "Pressmeddelande under embargo till %s\n\n%s\n\n",
	    embargo_sv, a->title);
	if (*a->lead != '\0')
		buf_printf(&t, "%s\n\n", a->lead);
	buf_printf(&t, "Texten får inte publiceras före %s.\n\n"
	    "Läs hela texten i förväg (en länk till dig på presslistan, "
	    "dela den inte):\n%s\n\nNär embargot släpper finns texten "
	    "här:\n%s\n", embargo_sv, preview, url);
	buf_puts(&h, "<p>Pressmeddelande under embargo till ");
	html_text(&h, embargo_sv);
	buf_puts(&h, "</p>\n<h1>");
	html_text(&h, a->title);
	buf_puts(&h, "</h1>\n");
	if (*a->lead != '\0') {
		buf_puts(&h, "<p>");
		html_text(&h, a->lead);
		buf_puts(&h, "</p>\n");
	}
	buf_puts(&h, "<p><strong>Texten får inte publiceras före ");
	html_text(&h, embargo_sv);
	buf_puts(&h, ".</strong></p>\n<p><a href=\"");
	html_text(&h, preview);
	buf_puts(&h, "\">Läs hela texten i förväg</a> (en länk till dig på "
	    "presslistan, dela den inte).</p>\n<p>När embargot släpper "
	    "finns texten på <a href=\"");
	html_text(&h, url);
	buf_puts(&h, "\">");
	html_text(&h, url);
	buf_puts(&h, "</a>.</p>\n");
	finish(ar, &t, &h, b);
}

void
mail_compose_digest(struct arena *ar, const char *base_url,
    const char *day_sv, const struct mail_article *a, size_t n,
    struct mail_body *b)
{
	struct buf	 t, h;
	size_t		 i;

	buf_init(&t);
	buf_init(&h);
	b->subject = arena_printf(ar, "Nyheter %s", day_sv);
	buf_printf(&t, "Nyheter %s (%zu %s)\n\n", day_sv, n,
	    n == 1 ? "artikel" : "artiklar");
	buf_puts(&h, "<h1>");
	html_text(&h, b->subject);
	buf_puts(&h, "</h1>\n");
	for (i = 0; i < n; i++) {
		buf_puts(&t, "----------------------------------------\n");
		item(&t, &h, ar, base_url, &a[i], 2);
		buf_puts(&t, "\n");
	}
	finish(ar, &t, &h, b);
}

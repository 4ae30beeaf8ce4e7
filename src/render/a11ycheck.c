/*
 * a11ycheck.c -- warnings for an article body: skipped heading levels,
 * vague link texts, images without alt text, and link or image targets
 * that do not work (dropped by the renderer, relative, empty).  Each
 * warning gives the line and quotes the link as written.  The
 * Markdown is parsed by md.c (md_outline); this file holds the policy
 * and the Swedish wording.
 */
#include <stddef.h>
#include <string.h>

#include "../util/arena.h"
#include "a11ycheck.h"
#include "md.h"

/* Link texts that say nothing on their own (compared folded). */
static const char *const vague[] = {
	"här", "klicka här", "klicka", "tryck här", "läs mer", "läs mer här",
	"mer", "mer info", "mer information", "länk", "länken", "denna länk",
	"den här länken", "se här", "here", "click here", "click", "read more",
	"more", "link", "this link", "more info", "learn more",
};

/* 1 for the bytes trimmed around a link text. */
static int
trim_char(char c)
{
	return c == ' ' || c == '\t' || c == '.' || c == ',' || c == ':' ||
	    c == ';' || c == '!' || c == '?' || c == '"' || c == '\'' ||
	    c == '(' || c == ')' || c == '[' || c == ']' || c == '-' ||
	    c == '>' || c == '<';
}

/* Lower-case ASCII and the Swedish capitals Å Ä Ö (UTF-8) into out. */
static void
fold(const char *s, size_t n, char *out)
{
	size_t	i, k = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0xc3 && i + 1 < n && ((unsigned char)s[i + 1] == 0x85 ||
		    (unsigned char)s[i + 1] == 0x84 ||
		    (unsigned char)s[i + 1] == 0x96)) {
			out[k++] = (char)c;
			out[k++] = (char)(s[++i] + 0x20);
			continue;
		}
		out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	out[k] = '\0';
}

int
a11y_vague_link(const char *text)
{
	char	 buf[64];
	size_t	 b = 0, e = strlen(text), i;

	while (b < e && trim_char(text[b]))
		b++;
	while (e > b && trim_char(text[e - 1]))
		e--;
	if (e - b >= sizeof(buf))
		return 0;
	fold(text + b, e - b, buf);
	for (i = 0; i < sizeof(vague) / sizeof(vague[0]); i++)
		if (strcmp(buf, vague[i]) == 0)
			return 1;
	return 0;
}

/* The warnings found so far: n of them in v, room for cap. */
struct warnings {
	struct a11y_warning	*v;
	size_t			 n;
	size_t			 cap;
};

/* Append a warning to ws (grown in ar). */
static void
warn(struct arena *ar, struct warnings *ws, enum a11y_kind kind, int line,
    char *message)
{
	ws->v = arena_grow(ar, ws->v, ws->n, &ws->cap, sizeof(*ws->v));
	ws->v[ws->n].kind = kind;
	ws->v[ws->n].line = line;
	ws->v[ws->n].message = message;
	ws->n++;
}

/* At most QUOTE_MAX bytes of s (cut on a UTF-8 boundary, with "…"). */
#define QUOTE_MAX	80
static const char *
clip(struct arena *ar, const char *s)
{
	size_t	n = strlen(s);

	if (n <= QUOTE_MAX)
		return s;
	for (n = QUOTE_MAX; n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80; n--)
		continue;
	return arena_printf(ar, "%.*s…", (int)n, s);
}

/* The item as it reads in Markdown, "[text](url)" or "![alt](url)",
 * so the author can find it in the text box; in ar. */
static const char *
quote(struct arena *ar, const struct md_item *it)
{
	return arena_printf(ar, "%s[%s](%s)", it->kind == MD_IMAGE ? "!" : "",
	    clip(ar, it->text), clip(ar, it->url));
}

/*
 * 1 if url is relative to the page ("bild.png", "rapport.pdf"): no
 * scheme and not starting with "/", "#" or "?".  On /nyheter/SLUG such
 * a target is looked for under /nyheter/ and is not found.
 */
static int
relative_url(const char *url)
{
	size_t	i;

	if (url[0] == '/' || url[0] == '#' || url[0] == '?')
		return 0;
	for (i = 0; url[i] != '\0' && url[i] != '/' && url[i] != '?' &&
	    url[i] != '#'; i++)
		if (url[i] == ':')
			return i == 0;	/* "https:", "mailto:", ... */
	return 1;
}

/* The warning, if any, about a link's or image's target. */
static void
check_url(struct arena *ar, const struct md_item *it,
    struct warnings *ws)
{
	const char	*what = it->kind == MD_IMAGE ? "bilden" : "länken";

	if (md_url_dropped(it->url))
		warn(ar, ws, A11Y_URL_DROPPED, it->line,
		    arena_printf(ar, "Rad %d, %s %s: adressen \"%s\" är "
		    "inte tillåten, så %s visas som vanlig text. Använd en "
		    "adress som börjar med https:// eller / (en sida på "
		    "webbplatsen).", it->line, what, quote(ar, it),
		    clip(ar, it->url), it->kind == MD_IMAGE ? "bildens "
		    "beskrivning" : "länktexten"));
	else if (it->url[0] == '\0')
		warn(ar, ws, A11Y_URL_RELATIVE, it->line,
		    arena_printf(ar, "Rad %d, %s %s: adressen saknas. Skriv "
		    "den inom parentesen, till exempel https://... eller "
		    "/amnen/....", it->line, what, quote(ar, it)));
	else if (relative_url(it->url))
		warn(ar, ws, A11Y_URL_RELATIVE, it->line,
		    arena_printf(ar, "Rad %d, %s %s: adressen \"%s\" saknar "
		    "början och leder fel på den publicerade sidan (den "
		    "letas efter under /nyheter/). Skriv hela adressen, "
		    "till exempel /%s för en fil på webbplatsen eller "
		    "https://...", it->line, what, quote(ar, it),
		    clip(ar, it->url), clip(ar, it->url)));
}

/* The picture library's callback, passed down to check_item(). */
struct pictures {
	a11y_picture_fn	 known;
	void		*ctx;
};

static void
check_image(struct arena *ar, const struct md_item *it,
    const struct pictures *p, struct warnings *ws)
{
	long long	id = md_picture_id(it->url);

	check_url(ar, it, ws);
	if (id == 0 && !md_url_dropped(it->url) &&
	    it->url[0] != '\0' && !relative_url(it->url))
		warn(ar, ws, A11Y_IMAGE_LIBRARY, it->line,
		    arena_printf(ar, "Rad %d, bilden %s: bilden finns "
		    "inte i bildbanken. Ladda upp den under Bildbank "
		    "och skriv ![beskrivning](/pressbilder/NUMMER), så "
		    "får den fotograf, storlekar och samtycke.",
		    it->line, quote(ar, it)));
	if (id != 0 && p->known != NULL && !p->known(p->ctx, id))
		warn(ar, ws, A11Y_IMAGE_MISSING, it->line,
		    arena_printf(ar, "Rad %d, bilden %s: bildbanken har "
		    "ingen bild nummer %lld att visa (den är borttagen, "
		    "numret är fel eller samtycket har gått ut). Välj en "
		    "bild ur bildbanken.", it->line, quote(ar, it), id));
	if (it->text[0] == '\0')
		warn(ar, ws, A11Y_IMAGE_ALT, it->line,
		    arena_printf(ar, "Rad %d, bilden %s: bilden saknar "
		    "alternativtext. Beskriv bilden inom hakparentesen: "
		    "![beskrivning](adress).", it->line,
		    quote(ar, it)));
}

static void
check_item(struct arena *ar, const struct md_item *it, int *prev,
    const struct pictures *p, struct warnings *ws)
{
	switch (it->kind) {
	case MD_HEADING:
		if (it->level > *prev + 1)
			warn(ar, ws, A11Y_HEADING_SKIP, it->line,
			    arena_printf(ar, "Rad %d: rubriken \"%s\" hoppar "
			    "över en nivå (nivå %d efter nivå %d). Använd "
			    "rubriknivåerna i ordning; \"##\" är den första "
			    "nivån i brödtexten.", it->line, clip(ar, it->text),
			    it->level, *prev));
		*prev = it->level;
		break;
	case MD_LINK:
		check_url(ar, it, ws);
		if (it->text[0] == '\0' || a11y_vague_link(it->text))
			warn(ar, ws, A11Y_LINK_TEXT, it->line,
			    arena_printf(ar, "Rad %d, länken %s: länktexten "
			    "\"%s\" säger inte vart länken leder. Skriv vad "
			    "läsaren hittar där, till exempel \"Läs rapporten "
			    "om ...\".", it->line, quote(ar, it),
			    clip(ar, it->text)));
		break;
	case MD_IMAGE:
		check_image(ar, it, p, ws);
		break;
	}
}

size_t
a11y_check(struct arena *ar, const char *md, a11y_picture_fn known,
    void *ctx, struct a11y_warning **out)
{
	struct pictures	 p = { known, ctx };
	struct warnings	 ws = { NULL, 0, 0 };
	struct md_item	*items;
	size_t		 nitems, i;
	int		 prev = 1;	/* the title is the h1 */

	*out = NULL;
	if (md_outline(ar, md, &items, &nitems) != ST_OK)
		return 0;
	for (i = 0; i < nitems; i++)
		check_item(ar, &items[i], &prev, &p, &ws);
	*out = ws.v;
	return ws.n;
}

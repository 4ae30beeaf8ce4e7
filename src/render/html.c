/*
 * html.c -- escaping for each output context, and struct safe_html.
 *
 * Every byte that reaches a page goes through one of these writers,
 * through tmpl.c (which calls them) or through md.c.  html_text() is the
 * default: it encodes & < > " ' so the result is safe both in element
 * text and inside quoted attributes.  html_url() percent-encodes a path
 * segment or query value.  html_url_ok() is the gate for user-supplied
 * link targets.  A struct safe_html is only ever made here and in md.c.
 */
#include <stddef.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "html.h"

/* Replacement for each byte that must be escaped; NULL if none. */
static const char *const esc[256] = {
	['&'] = "&amp;",
	['<'] = "&lt;",
	['>'] = "&gt;",
	['"'] = "&quot;",
	['\''] = "&#39;",
};
static const unsigned char esclen[256] = {
	['&'] = 5, ['<'] = 4, ['>'] = 4, ['"'] = 6, ['\''] = 5,
};

/* 1 for the unreserved characters of RFC 3986. */
static const unsigned char unreserved[256] = {
	['-'] = 1, ['.'] = 1, ['_'] = 1, ['~'] = 1,
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
	['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
	['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
	['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
};

/*
 * Append n bytes of s to b with & < > " ' escaped.  Runs of plain bytes
 * are copied in one call.
 */
void
html_text_n(struct buf *b, const char *s, size_t n)
{
	size_t		 i, start = 0;
	unsigned char	 c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (esc[c] == NULL)
			continue;
		if (i > start)
			buf_append(b, s + start, i - start);
		buf_append(b, esc[c], esclen[c]);
		start = i + 1;
	}
	if (n > start)
		buf_append(b, s + start, n - start);
}

/* Append the NUL-terminated s escaped; NULL appends nothing. */
void
html_text(struct buf *b, const char *s)
{
	if (s != NULL)
		html_text_n(b, s, strlen(s));
}

/*
 * Append s percent-encoded: everything but A-Z a-z 0-9 - . _ ~ becomes
 * %XX (upper-case hex), so the result needs no further HTML escaping.
 */
void
html_url(struct buf *b, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;
	size_t			 start = 0, i;
	char			 enc[3];

	if (s == NULL)
		return;
	p = (const unsigned char *)s;
	for (i = 0; p[i] != '\0'; i++) {
		if (unreserved[p[i]])
			continue;
		if (i > start)
			buf_append(b, s + start, i - start);
		enc[0] = '%';
		enc[1] = hex[p[i] >> 4];
		enc[2] = hex[p[i] & 0xf];
		buf_append(b, enc, 3);
		start = i + 1;
	}
	if (i > start)
		buf_append(b, s + start, i - start);
}

/* 1 if s starts with the lower-case prefix pre, ignoring ASCII case. */
static int
has_prefix_ci(const char *s, const char *pre)
{
	for (; *pre != '\0'; s++, pre++) {
		char c = *s;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != *pre)
			return 0;
	}
	return 1;
}

/*
 * 1 if url may go into an href: an http:, https:, mailto: or tel: URL,
 * or a relative reference starting with '/', '#' or '?' but not "//".
 * Empty strings, spaces or control characters in front, and control
 * characters anywhere make it unfit (0).
 */
int
html_url_ok(const char *url)
{
	const unsigned char	*p;

	if (url == NULL || url[0] == '\0')
		return 0;
	for (p = (const unsigned char *)url; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	if (url[0] == '/')
		return url[1] != '/' && url[1] != '\\';
	if (url[0] == '#' || url[0] == '?')
		return 1;
	return has_prefix_ci(url, "http:") || has_prefix_ci(url, "https:") ||
	    has_prefix_ci(url, "mailto:") || has_prefix_ci(url, "tel:");
}

/*
 * The short page a redirect carries for a client that does not follow
 * Location by itself: a Swedish link to uri (escaped), appended to b.
 */
void
html_redirect_page(struct buf *b, const char *uri)
{
	buf_puts(b, "<!DOCTYPE html>\n<html lang=\"sv\"><head>"
	    "<meta charset=\"utf-8\"><title>Omdirigering</title></head>"
	    "<body><p><a href=\"");
	html_text(b, uri);
	buf_puts(b, "\">Gå vidare</a></p></body></html>\n");
}

/*
 * text escaped as html_text() does, with each U+E000 .. U+E001 pair (the
 * match markers of store/search.h, UTF-8 EE 80 80 and EE 80 81) turned
 * into <mark> .. </mark>.  A start inside a mark or an end outside one
 * is dropped, and a mark still open at the end is closed, so the result
 * is always balanced.  NULL is taken as "".  Allocated in ar.
 */
struct safe_html
html_highlight(struct arena *ar, const char *text)
{
	struct safe_html	 h;
	struct buf		 b;
	const char		*p = text ? text : "", *m;
	int			 open = 0, start;

	buf_init(&b);
	while ((m = strstr(p, "\xee\x80")) != NULL) {
		html_text_n(&b, p, (size_t)(m - p));
		p = m + 2;
		if (*p != '\x80' && *p != '\x81') {
			buf_append(&b, m, 2);	/* another code point */
			continue;
		}
		start = *p++ == '\x80';
		if (start != open) {
			buf_puts(&b, open ? "</mark>" : "<mark>");
			open = !open;
		}
	}
	html_text(&b, p);
	if (open)
		buf_puts(&b, "</mark>");
	h.html = arena_strndup(ar, b.len ? b.data : "", b.len);
	h.len = b.len;
	buf_free(&b);
	return h;
}

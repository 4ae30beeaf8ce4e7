/*
 * html.h -- escaping for each output context, and the safe_html type.
 *
 * A struct safe_html is markup that is known to be safe to insert raw.
 * Only html.c and md.c construct one; templates accept raw insertion
 * ({{{x}}}) of nothing else.
 */
#ifndef HTML_H
#define HTML_H

#include <stddef.h>

struct arena;
struct buf;

struct safe_html {
	const char	*html;
	size_t		 len;
};

/* Append s with & < > " ' escaped: safe in text and quoted attributes. */
void	html_text(struct buf *, const char *s);
void	html_text_n(struct buf *, const char *s, size_t n);

/* Append s percent-encoded for a path segment or query value
 * (everything but A-Z a-z 0-9 - . _ ~ is encoded). */
void	html_url(struct buf *, const char *s);

/* 1 if url is fit for an href: http:, https:, mailto:, tel:, or a
 * relative reference starting with '/', '#' or '?' (not "//").  Leading
 * spaces and control characters make it unfit. */
int	html_url_ok(const char *url);

/* Append the page a redirect carries: a link to uri, escaped. */
void	html_redirect_page(struct buf *, const char *uri);

/* text escaped, with the search match markers U+E000 .. U+E001 turned
 * into <mark> .. </mark>, always balanced.  Arena. */
struct safe_html html_highlight(struct arena *, const char *text);

#endif

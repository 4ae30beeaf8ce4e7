/*
 * md.c -- CommonMark to HTML, the one file that includes cmark-gfm.
 *
 * Article and topic bodies are stored as Markdown and rendered here
 * whenever a page is built (public pages are then kept by the page
 * cache, cache/, until the database changes) with cmark-gfm, GitHub's
 * cmark, and three of its extensions: tables, strikethrough (two tildes only: "~20 st" stays as
 * typed) and autolinks (www.example.se, https://...).  Text that uses
 * none of them renders byte for byte as plain cmark rendered it
 * (tests/integration/t0101).  A table is wrapped in a labelled,
 * focusable scroll container (so it scrolls by itself at 320 px rather
 * than the page), its header cells get scope="col" and a column's
 * alignment becomes a class (CSP forbids style attributes; HTML forbids
 * align).  cmark-gfm runs without CMARK_OPT_UNSAFE and with its
 * tagfilter, so raw HTML in the source becomes
 * "<!-- raw HTML omitted -->".  A link or image whose
 * target cmark would drop (javascript:, vbscript:, file:, most data:;
 * md_url_dropped()) is rendered as its plain text, not as a link to
 * nowhere (cmark alone writes <a href="">, a link to the page itself);
 * the editor's checks name each one.  Typographic
 * quotes stay as typed (no CMARK_OPT_SMART).  Invalid UTF-8 is replaced
 * with U+FFFD (CMARK_OPT_VALIDATE_UTF8).  Sources over MD_MAX_SOURCE
 * bytes or with block containers nested deeper than MD_MAX_NESTING are
 * refused.  cmark's memory is copied into the request arena and freed
 * at once.  md_render_pictures() also puts the library's pictures
 * ("![alt](/pressbilder/12)") in the tree as the caller renders them.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "md.h"

#define PARSE_OPTS	(CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | \
			    CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE)
#define RENDER_OPTS	CMARK_OPT_DEFAULT

#define TEXT_IMAGES	0x100	/* node_text(): alt texts too */

static const char ellipsis[] = "\xe2\x80\xa6";	/* U+2026 … */

/* 1 if s starts with prefix, ASCII case folded. */
static int
has_prefix(const char *s, const char *prefix)
{
	for (; *prefix != '\0'; s++, prefix++)
		if ((*s >= 'A' && *s <= 'Z' ? *s + 32 : *s) != *prefix)
			return 0;
	return 1;
}

/*
 * The extensions every parse and render uses, registered and listed
 * once per process (the list lives as long as the process).
 */
static cmark_llist *
extensions(void)
{
	static cmark_llist	*list;
	static const char *const names[] = { "table", "strikethrough",
	    "autolink", "tagfilter" };
	cmark_syntax_extension *e;
	size_t			 i;

	if (list != NULL)
		return list;
	cmark_gfm_core_extensions_ensure_registered();
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if ((e = cmark_find_syntax_extension(names[i])) == NULL)
			abort();
		list = cmark_llist_append(cmark_get_default_mem_allocator(),
		    list, e);
	}
	return list;
}

/* Parse len bytes of md with the extensions; the caller frees the
 * document with cmark_node_free(). */
static cmark_node *
parse(const char *md, size_t len)
{
	cmark_parser	*p;
	cmark_llist	*l;
	cmark_node	*doc;

	p = cmark_parser_new(PARSE_OPTS);
	for (l = extensions(); l != NULL; l = l->next)
		cmark_parser_attach_syntax_extension(p, l->data);
	cmark_parser_feed(p, md, len);
	doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	return doc;
}

/* Append to b what replaces the tag at s (of a table), and return its
 * length in s; 0 when s starts no tag that is rewritten. */
static size_t
table_tag(struct buf *b, const char *s, int *ntables)
{
	static const char *const align[] = { "left", "center", "right" };
	const char	*cell = NULL;
	size_t		 i, n;

	if (strncmp(s, "<table>", 7) == 0) {
		buf_printf(b, "<div class=\"table-scroll\" role=\"region\" "
		    "tabindex=\"0\" aria-label=\"Tabell %d\">\n<table>",
		    ++*ntables);
		return 7;
	}
	if (strncmp(s, "</table>", 8) == 0) {
		buf_puts(b, "</table>\n</div>");
		return 8;
	}
	if (strncmp(s, "<th", 3) == 0 && (s[3] == '>' || s[3] == ' '))
		cell = "<th scope=\"col\"";
	else if (strncmp(s, "<td", 3) == 0 && (s[3] == '>' || s[3] == ' '))
		cell = "<td";
	if (cell == NULL)
		return 0;
	buf_puts(b, cell);
	for (i = 0; i < sizeof(align) / sizeof(align[0]); i++) {
		n = strlen(align[i]);
		if (strncmp(s + 3, " align=\"", 8) == 0 &&
		    strncmp(s + 11, align[i], n) == 0 &&
		    strncmp(s + 11 + n, "\">", 2) == 0) {
			buf_printf(b, " class=\"align-%s\">", align[i]);
			return 11 + n + 2;
		}
	}
	if (s[3] != '>')
		return 3;	/* an attribute we do not know: kept */
	buf_putc(b, '>');
	return 4;
}

/*
 * Copy the html cmark-gfm wrote into ar as *out, the tables rewritten
 * by table_tag().  Raw HTML never reaches html (no CMARK_OPT_UNSAFE) and
 * text has its "<" escaped, so every "<table", "<th" and "<td" in it is
 * the table extension's own.
 */
static void
finish_html(struct arena *ar, const char *html, struct safe_html *out)
{
	struct buf	 b;
	const char	*p, *lt;
	size_t		 n;
	int		 ntables = 0;

	if (strstr(html, "<table>") == NULL) {
		out->len = strlen(html);
		out->html = arena_strndup(ar, html, out->len);
		return;
	}
	buf_init(&b);
	for (p = html; (lt = strchr(p, '<')) != NULL; ) {
		buf_append(&b, p, (size_t)(lt - p));
		if ((n = table_tag(&b, lt, &ntables)) == 0) {
			buf_putc(&b, '<');
			n = 1;
		}
		p = lt + n;
	}
	buf_puts(&b, p);
	out->len = b.len;
	out->html = arena_strndup(ar, b.data, b.len);
	buf_free(&b);
}

/*
 * 1 if cmark (without CMARK_OPT_UNSAFE) drops the target url: the
 * schemes javascript:, vbscript:, file: and data: other than
 * data:image/png, gif, jpeg or webp (cmark's scan_dangerous_url).
 */
int
md_url_dropped(const char *url)
{
	static const char *const bad[] = { "javascript:", "vbscript:",
	    "file:", "data:" };
	static const char *const images[] = { "data:image/png",
	    "data:image/gif", "data:image/jpeg", "data:image/webp" };
	size_t	i;

	if (url == NULL)
		return 0;
	for (i = 0; i < sizeof(images) / sizeof(images[0]); i++)
		if (has_prefix(url, images[i]))
			return 0;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (has_prefix(url, bad[i]))
			return 1;
	return 0;
}

/* The nodes of doc for which want() is 1, in document order, collected
 * before the caller changes the tree (cmark's iterator must not see
 * that); a malloc'd array (free it), *n of them. */
static cmark_node **
find_nodes(cmark_node *doc, int (*want)(cmark_node *), size_t *n)
{
	cmark_iter	*it;
	cmark_node	*node, **found = NULL;
	size_t		 cap = 0;

	*n = 0;
	it = cmark_iter_new(doc);
	while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(it);
		if (cmark_iter_get_event_type(it) != CMARK_EVENT_ENTER ||
		    !want(node))
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			if ((found = realloc(found, cap * sizeof(*found))) ==
			    NULL)
				abort();
		}
		found[(*n)++] = node;
	}
	cmark_iter_free(it);
	return found;
}

/* Put n's children in its place and free n. */
static void
unwrap(cmark_node *n)
{
	cmark_node	*c, *next;

	for (c = cmark_node_first_child(n); c != NULL; c = next) {
		next = cmark_node_next(c);
		cmark_node_insert_before(n, c);
	}
	cmark_node_free(n);
}

/* A link or image whose target md_url_dropped(). */
static int
dropped(cmark_node *n)
{
	cmark_node_type	 t = cmark_node_get_type(n);

	return (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) &&
	    md_url_dropped(cmark_node_get_url(n));
}

/*
 * Replace every link and image of doc whose target md_url_dropped() by
 * its content (the link text, the image's alt text), so it renders as
 * plain text.  The nodes are collected first: cmark's iterator must not
 * see the tree change under it.
 */
static void
unwrap_dropped(cmark_node *doc)
{
	cmark_node	**found;
	size_t		  n, i;

	found = find_nodes(doc, dropped, &n);
	for (i = 0; i < n; i++)
		unwrap(found[i]);
	free(found);
}

/* 1 for a block node type, the extensions' (table, row, cell) too. */
static int
is_block(cmark_node_type t)
{
	return (t & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
}


/* 1 for the node types that count towards the nesting limit. */
static int
nests(cmark_node_type t)
{
	return t == CMARK_NODE_BLOCK_QUOTE || t == CMARK_NODE_LIST;
}

/*
 * Walk doc once: turn level-1 headings into level 2 (the page's only h1
 * is the title), and return 1 if block quotes and lists nest deeper than
 * MD_MAX_NESTING.
 */
static int
too_deep(cmark_node *doc)
{
	cmark_iter	*it;
	cmark_event_type ev;
	cmark_node	*n;
	int		 depth = 0, deep = 0;

	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    cmark_node_get_heading_level(n) == 1)
			cmark_node_set_heading_level(n, 2);
		if (!nests(cmark_node_get_type(n)))
			continue;
		if (ev == CMARK_EVENT_ENTER && ++depth > MD_MAX_NESTING) {
			deep = 1;
			break;
		}
		if (ev == CMARK_EVENT_EXIT)
			depth--;
	}
	cmark_iter_free(it);
	return deep;
}

/*
 * Parse a body: md (NULL is taken as "") into *doc, which the caller
 * frees with cmark_node_free().  ST_OK, or ST_TOOLARGE (*doc NULL) when
 * md is over MD_MAX_SOURCE bytes or nests deeper than MD_MAX_NESTING.
 */
static enum status
parse_body(const char *md, cmark_node **doc)
{
	size_t	 len;

	*doc = NULL;
	if (md == NULL)
		md = "";
	if ((len = strlen(md)) > MD_MAX_SOURCE)
		return ST_TOOLARGE;
	*doc = parse(md, len);
	if (too_deep(*doc)) {
		cmark_node_free(*doc);
		*doc = NULL;
		return ST_TOOLARGE;
	}
	return ST_OK;
}

long long
md_picture_id(const char *url)
{
	static const char	 pre[] = "/pressbilder/";
	long long		 id = 0;
	size_t			 i = sizeof(pre) - 1;

	if (url == NULL || strncmp(url, pre, i) != 0 || url[i] == '0')
		return 0;
	for (; url[i] >= '0' && url[i] <= '9'; i++)
		if (i >= sizeof(pre) - 1 + 15)
			return 0;
		else
			id = id * 10 + (url[i] - '0');
	return url[i] == '\0' ? id : 0;
}

/* The text inside n (an image's alt text) into ar. */
static const char *
text_of(struct arena *ar, cmark_node *n)
{
	cmark_iter	*it = cmark_iter_new(n);
	struct buf	 b;
	const char	*lit, *s;
	cmark_node_type	 t;

	buf_init(&b);
	while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
		t = cmark_node_get_type(cmark_iter_get_node(it));
		if ((t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) &&
		    (lit = cmark_node_get_literal(cmark_iter_get_node(it))) !=
		    NULL)
			buf_puts(&b, lit);
		else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
			buf_putc(&b, ' ');
	}
	cmark_iter_free(it);
	s = arena_strndup(ar, b.data != NULL ? b.data : "", b.len);
	buf_free(&b);
	return s;
}

/* Replace image n (a library picture id) by html. */
static void
replace(cmark_node *n, const char *html, int block)
{
	cmark_node	*r, *target = block ? cmark_node_parent(n) : n;

	r = cmark_node_new(block ? CMARK_NODE_CUSTOM_BLOCK :
	    CMARK_NODE_CUSTOM_INLINE);
	cmark_node_set_on_enter(r, html);
	cmark_node_set_on_exit(r, "");
	cmark_node_insert_before(target, r);
	cmark_node_free(target);
}

/* An image naming a library picture. */
static int
library_image(cmark_node *n)
{
	return cmark_node_get_type(n) == CMARK_NODE_IMAGE &&
	    md_picture_id(cmark_node_get_url(n)) != 0;
}

/*
 * The pictures of the library in doc ("![alt](/pressbilder/12)"): alone
 * in its paragraph a picture becomes its <figure>, within text its
 * <picture>, both as fn renders them (pages/article_media.c); one fn
 * does not know shows as its alt text.
 */
static void
render_pictures(cmark_node *doc, struct arena *ar, md_picture_fn *fn,
    void *ctx)
{
	cmark_node	*n, *p, **found;
	const char	*html;
	size_t		 nfound;
	long long	 id;
	int		 block;

	found = find_nodes(doc, library_image, &nfound);
	for (size_t i = 0; i < nfound; i++) {
		n = found[i];
		id = md_picture_id(cmark_node_get_url(n));
		p = cmark_node_parent(n);
		block = p != NULL && cmark_node_get_type(p) ==
		    CMARK_NODE_PARAGRAPH && cmark_node_first_child(p) == n &&
		    cmark_node_last_child(p) == n;
		if ((html = fn(ctx, id, text_of(ar, n), block)) != NULL)
			replace(n, html, block);
		else
			unwrap(n);
	}
	free(found);
}

/*
 * Render md (NULL is taken as "") to HTML in ar.  On failure *out is
 * set to the empty string.  Returns ST_OK, or ST_TOOLARGE when md is
 * over MD_MAX_SOURCE bytes or nests deeper than MD_MAX_NESTING.
 */
enum status
md_render(struct arena *ar, const char *md, struct safe_html *out)
{
	return md_render_pictures(ar, md, NULL, NULL, out);
}

enum status
md_render_pictures(struct arena *ar, const char *md, md_picture_fn *fn,
    void *ctx, struct safe_html *out)
{
	cmark_mem	*mem = cmark_get_default_mem_allocator();
	cmark_node	*doc;
	char		*html;

	out->html = "";
	out->len = 0;
	if (parse_body(md, &doc) != ST_OK)
		return ST_TOOLARGE;
	unwrap_dropped(doc);
	if (fn != NULL)
		render_pictures(doc, ar, fn, ctx);
	html = cmark_render_html(doc, RENDER_OPTS, extensions());
	finish_html(ar, html, out);
	mem->free(html);
	cmark_node_free(doc);
	return ST_OK;
}

/*
 * Append text to b with runs of ASCII white space folded into one space;
 * *gap says a space is owed before the next visible character.
 */
static void
put_folded(struct buf *b, const char *text, int *gap)
{
	const char	*p, *run;

	for (p = text; *p != '\0'; ) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		    *p == '\f' || *p == '\v') {
			*gap = 1;
			p++;
			continue;
		}
		if (*gap && b->len > 0)
			buf_putc(b, ' ');
		*gap = 0;
		for (run = p; *p != '\0' && *p != ' ' && *p != '\t' &&
		    *p != '\n' && *p != '\r' && *p != '\f' && *p != '\v'; p++)
			continue;
		buf_append(b, run, (size_t)(p - run));
	}
}

/*
 * Collect the text of doc into b, stopping once b holds more than
 * limit bytes.  Raw HTML is skipped; block boundaries and line breaks
 * become spaces.
 */
static void
collect(cmark_node *doc, struct buf *b, size_t limit)
{
	cmark_iter	*it;
	cmark_event_type ev;
	cmark_node	*n;
	const char	*lit;
	int		 gap = 0;

	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE &&
	    b->len <= limit) {
		n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_CODE_BLOCK:
			if ((lit = cmark_node_get_literal(n)) != NULL)
				put_folded(b, lit, &gap);
			if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK)
				gap = 1;
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			gap = 1;
			break;
		default:
			/* Entering or leaving a block separates words. */
			if (is_block(cmark_node_get_type(n)))
				gap = 1;
			break;
		}
	}
	cmark_iter_free(it);
}

/*
 * Byte length at most max to keep of the n-byte string s, on a UTF-8
 * boundary, at a space when one is in the second half.
 */
static size_t
cut_point(const char *s, size_t n, size_t max)
{
	size_t	 i;

	if (max >= n)
		return n;
	for (i = max; i > max / 2; i--)
		if (s[i] == ' ')
			return i;
	for (i = max; i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80; i--)
		continue;
	return i;
}

/*
 * Plain text of md, whitespace folded, at most max bytes, in ar.  When
 * the text is longer it is cut on a UTF-8 (preferably word) boundary
 * and ends in "…", which counts towards max.  Sources over
 * MD_MAX_SOURCE are read only up to that size.
 */
char *
md_plain(struct arena *ar, const char *md, size_t max)
{
	struct buf	 b;
	cmark_node	*doc;
	size_t		 len, keep, room;
	char		*res;

	if (md == NULL)
		md = "";
	if ((len = strlen(md)) > MD_MAX_SOURCE)
		len = MD_MAX_SOURCE;
	buf_init(&b);
	doc = parse(md, len);
	collect(doc, &b, max);
	cmark_node_free(doc);
	if (b.len <= max) {
		res = arena_strndup(ar, b.len > 0 ? b.data : "", b.len);
		goto out;
	}
	room = max >= sizeof(ellipsis) - 1 ? max - (sizeof(ellipsis) - 1) : 0;
	keep = cut_point(b.data, b.len, room);
	while (keep > 0 && b.data[keep - 1] == ' ')
		keep--;
	res = arena_alloc(ar, keep + sizeof(ellipsis));
	memcpy(res, b.data, keep);
	if (max >= sizeof(ellipsis) - 1)
		memcpy(res + keep, ellipsis, sizeof(ellipsis));
out:
	buf_free(&b);
	return res;
}

/* The source line of n's nearest block (inlines carry no position). */
static int
block_line(cmark_node *n)
{
	while (n != NULL && !is_block(cmark_node_get_type(n)))
		n = cmark_node_parent(n);
	return n != NULL ? cmark_node_get_start_line(n) : 0;
}

/*
 * The folded text under node n, in ar: inline code only with
 * MD_TEXT_CODE (else a word break), image alt text only with
 * TEXT_IMAGES.
 */
static const char *
node_text(struct arena *ar, cmark_node *n, int flags)
{
	struct buf	 b;
	cmark_iter	*it;
	cmark_event_type ev;
	cmark_node	*c, *skip = NULL;
	cmark_node_type	 t;
	const char	*lit, *res;
	int		 gap = 0;

	buf_init(&b);
	it = cmark_iter_new(n);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		c = cmark_iter_get_node(it);
		t = cmark_node_get_type(c);
		if (skip != NULL) {
			if (c == skip && ev == CMARK_EVENT_EXIT)
				skip = NULL;
			continue;
		}
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (t == CMARK_NODE_IMAGE && !(flags & TEXT_IMAGES))
			skip = c;
		else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK ||
		    (t == CMARK_NODE_CODE && !(flags & MD_TEXT_CODE)))
			gap = 1;
		else if ((t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) &&
		    (lit = cmark_node_get_literal(c)) != NULL)
			put_folded(&b, lit, &gap);
	}
	cmark_iter_free(it);
	res = arena_strndup(ar, b.len > 0 ? b.data : "", b.len);
	buf_free(&b);
	return res;
}

/* Append one item for node n (a heading, link or image) to *out. */
static void
add_item(struct arena *ar, cmark_node *n, struct md_item **out, size_t *k,
    size_t *cap)
{
	struct md_item	*it;
	const char	*url;

	*out = arena_grow(ar, *out, *k, cap, sizeof(**out));
	it = &(*out)[(*k)++];
	/* Inlines carry their own line (cmark >= 0.29); blocks too. */
	it->line = cmark_node_get_start_line(n) > 0 ?
	    cmark_node_get_start_line(n) : block_line(n);
	it->text = node_text(ar, n, MD_TEXT_CODE | TEXT_IMAGES);
	url = cmark_node_get_url(n);
	it->url = arena_strdup(ar, url != NULL ? url : "");
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_HEADING:
		it->kind = MD_HEADING;
		it->level = cmark_node_get_heading_level(n);
		if (it->level < 2)
			it->level = 2;
		break;
	case CMARK_NODE_LINK:
		it->kind = MD_LINK;
		break;
	default:
		it->kind = MD_IMAGE;
		break;
	}
}

/*
 * The headings, links and images of md, in order, for the editor's
 * accessibility checks.  *out in ar.  ST_OK or ST_TOOLARGE.
 */
enum status
md_outline(struct arena *ar, const char *md, struct md_item **out, size_t *n)
{
	cmark_node	*doc, *c;
	cmark_iter	*it;
	cmark_event_type ev;
	cmark_node_type	 t;
	size_t		 cap = 0;

	*out = NULL;
	*n = 0;
	if (parse_body(md, &doc) != ST_OK)
		return ST_TOOLARGE;
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		c = cmark_iter_get_node(it);
		t = cmark_node_get_type(c);
		if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_HEADING ||
		    t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE))
			add_item(ar, c, out, n, &cap);
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	return ST_OK;
}

/* 1 for the blocks whose text md_blocks() returns, one entry each. */
static int
text_block(cmark_node *n, int flags)
{
	cmark_node_type	 t = cmark_node_get_type(n);

	return t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING ||
	    ((flags & MD_TEXT_CELLS) &&
	    strcmp(cmark_node_get_type_string(n), "table_cell") == 0);
}

/*
 * The text of every heading and paragraph (in lists and quotes too) of
 * md, and of every table cell with MD_TEXT_CELLS, one entry each, in
 * order: what the klarspråk and spelling checks read.  Code blocks and
 * image alt texts are left out, inline code too without MD_TEXT_CODE.
 * *out in ar.  ST_OK or ST_TOOLARGE like md_render().
 */
enum status
md_blocks(struct arena *ar, const char *md, int flags, const char ***out,
    size_t *n)
{
	cmark_node	*doc, *c;
	cmark_iter	*it;
	const char	**v = NULL;
	size_t		 cap = 0;

	*out = NULL;
	*n = 0;
	if (parse_body(md, &doc) != ST_OK)
		return ST_TOOLARGE;
	it = cmark_iter_new(doc);
	while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
		c = cmark_iter_get_node(it);
		if (cmark_iter_get_event_type(it) != CMARK_EVENT_ENTER ||
		    !text_block(c, flags))
			continue;
		v = arena_grow(ar, v, *n, &cap, sizeof(*v));
		v[(*n)++] = node_text(ar, c, flags);
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	*out = v;
	return ST_OK;
}

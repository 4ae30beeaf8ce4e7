/*
 * md_picture.c -- pictures of the library in an article's text
 * (md.h, md_render_pictures): "![alt](/pressbilder/12)" alone in its
 * paragraph becomes the picture's <figure>, within text its <picture>,
 * both as the caller renders them (pages/article_media.c); a picture the
 * caller does not know shows as its alt text.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "md.h"
#include "md_int.h"

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

void
md_pictures(cmark_node *doc, struct arena *ar, md_picture_fn *fn, void *ctx)
{
	cmark_node	*n, *p, **found;
	const char	*html;
	size_t		 nfound;
	long long	 id;
	int		 block;

	found = md_collect(doc, library_image, &nfound);
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
			md_unwrap(n);
	}
	free(found);
}

/*
 * md_int.h -- between md.c and md_picture.c: cmark trees.
 */
#ifndef MD_INT_H
#define MD_INT_H

#include <cmark-gfm.h>

#include "md.h"

struct arena;

#include <stddef.h>

/* The nodes of doc for which want() is 1, in document order, collected
 * before the caller changes the tree (cmark's iterator must not see
 * that); malloc'd array (free it), *n of them. */
cmark_node	**md_collect(cmark_node *doc, int (*want)(cmark_node *),
		    size_t *n);
/* Put n's children in its place and free n. */
void	md_unwrap(cmark_node *n);
/* Render the library pictures of doc through fn (md_render_pictures). */
void	md_pictures(cmark_node *doc, struct arena *, md_picture_fn *fn,
	    void *ctx);

#endif

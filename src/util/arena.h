/*
 * arena.h -- the request arena.
 *
 * Everything a request owns is allocated here and released in one
 * arena_reset() per loop iteration.  Allocation never returns NULL: out of
 * memory aborts the worker and the master starts a new one.
 */
#ifndef ARENA_H
#define ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block	*head;	/* newest block first */
	size_t			 used;	/* bytes handed out, for the log */
};

void	 arena_init(struct arena *);
void	 arena_reset(struct arena *);	/* keep the first block, drop the rest */
void	 arena_free(struct arena *);	/* drop everything */
void	*arena_alloc(struct arena *, size_t);	/* zeroed, 16-byte aligned */
char	*arena_strdup(struct arena *, const char *);	/* NULL -> NULL */
char	*arena_strndup(struct arena *, const char *, size_t);
/* Grow an arena array of n elements of size sz to hold n + 1; *cap is
 * its capacity.  Returns the (possibly moved) array, never NULL. */
void	*arena_grow(struct arena *, void *, size_t n, size_t *cap, size_t sz);
char	*arena_printf(struct arena *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

#endif

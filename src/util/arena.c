/*
 * arena.c -- bump allocation for everything a request owns.
 *
 * Blocks are chained newest first.  arena_reset() keeps the first block
 * allocated (the common case fits in it) and frees the rest, so a worker
 * in steady state does no malloc per request.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define BLOCK_SIZE	(64 * 1024)
#define ALIGN		16

struct arena_block {
	struct arena_block	*next;
	size_t			 size;	/* usable bytes in data */
	size_t			 off;	/* next free byte */
	_Alignas(ALIGN) unsigned char data[];
};

static struct arena_block *
block_new(size_t size)
{
	struct arena_block	*b;

	if ((b = malloc(sizeof(*b) + size)) == NULL)
		abort();
	b->next = NULL;
	b->size = size;
	b->off = 0;
	return b;
}

void
arena_init(struct arena *ar)
{
	ar->head = NULL;
	ar->used = 0;
}

void
arena_reset(struct arena *ar)
{
	struct arena_block	*b, *next;

	if (ar->head == NULL)
		return;
	/* The oldest block is last in the chain: keep it, free the rest. */
	for (b = ar->head; b->next != NULL; b = next) {
		next = b->next;
		free(b);
	}
	b->off = 0;
	ar->head = b;
	ar->used = 0;
}

void
arena_free(struct arena *ar)
{
	struct arena_block	*b, *next;

	for (b = ar->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	ar->head = NULL;
	ar->used = 0;
}

void *
arena_alloc(struct arena *ar, size_t n)
{
	struct arena_block	*b = ar->head;
	void			*p;

	if (n > SIZE_MAX - ALIGN)
		abort();
	n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if (b == NULL || b->size - b->off < n) {
		b = block_new(n > BLOCK_SIZE ? n : BLOCK_SIZE);
		b->next = ar->head;
		ar->head = b;
	}
	p = b->data + b->off;
	b->off += n;
	ar->used += n;
	memset(p, 0, n);
	return p;
}

char *
arena_strndup(struct arena *ar, const char *s, size_t n)
{
	char	*p;

	if (s == NULL)
		return NULL;
	p = arena_alloc(ar, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *ar, const char *s)
{
	return s == NULL ? NULL : arena_strndup(ar, s, strlen(s));
}

char *
arena_printf(struct arena *ar, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;
	char	*p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	p = arena_alloc(ar, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

/* Double the capacity when n reached it (8 at first), copying the n
 * elements over; the old array stays in the arena until its reset. */
void *
arena_grow(struct arena *ar, void *p, size_t n, size_t *cap, size_t sz)
{
	void	*np;

	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 8;
	np = arena_alloc(ar, *cap * sz);
	if (n > 0)
		memcpy(np, p, n * sz);
	return np;
}

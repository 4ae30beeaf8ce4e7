/*
 * buf.h -- a growable byte buffer on the heap.
 *
 * Used for response bodies and anything built piecewise.  The buffer is
 * always NUL-terminated after data[len] so it can be used as a string.
 * Out of memory aborts.  buf_init/buf_free are the pair.
 */
#ifndef BUF_H
#define BUF_H

#include <stddef.h>

struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	buf_init(struct buf *);
void	buf_free(struct buf *);
void	buf_reset(struct buf *);	/* len = 0, keeps the memory */
void	buf_append(struct buf *, const void *, size_t);
void	buf_puts(struct buf *, const char *);
void	buf_putc(struct buf *, char);
void	buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

#endif

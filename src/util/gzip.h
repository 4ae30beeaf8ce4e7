/*
 * gzip.h -- a buffer written as a gzip file (for nginx's gzip_static),
 * the only user of zlib.
 */
#ifndef GZIP_H
#define GZIP_H

#include <stddef.h>

/* Write data, gzip-compressed (level 6), to the open file fd.  0, or -1
 * (out of memory, a write error).  Allocates only inside zlib, freed
 * before it returns. */
int	gzip_write_fd(int fd, const char *data, size_t len);

#endif

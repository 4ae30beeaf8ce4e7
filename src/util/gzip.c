/*
 * gzip.c -- see gzip.h.  One deflate stream with a gzip header
 * (windowBits 15 + 16), written out in 16 KiB pieces.
 */
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "gzip.h"

/* Write all of buf to fd; 0 or -1. */
static int
write_all(int fd, const unsigned char *buf, size_t len)
{
	ssize_t	 n;

	while (len > 0) {
		if ((n = write(fd, buf, len)) <= 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

int
gzip_write_fd(int fd, const char *data, size_t len)
{
	z_stream	 z;
	unsigned char	 out[16384];
	int		 rc, bad = 0;

	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	z.next_in = (unsigned char *)(uintptr_t)data;
	z.avail_in = (uInt)len;
	do {
		z.next_out = out;
		z.avail_out = sizeof(out);
		rc = deflate(&z, Z_FINISH);
		if (rc == Z_STREAM_ERROR ||
		    write_all(fd, out, sizeof(out) - z.avail_out) != 0)
			bad = 1;
	} while (!bad && rc != Z_STREAM_END);
	deflateEnd(&z);
	return bad ? -1 : 0;
}

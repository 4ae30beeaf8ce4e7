/*
 * lockfile.c -- an exclusive flock(2) on a file (lockfile.h).
 */
#include <sys/file.h>

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "lockfile.h"

int
lock_file(const char *path, mode_t mode)
{
	int	 fd, saved;

	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, mode)) < 0)
		return -1;
	while (flock(fd, LOCK_EX) != 0)
		if (errno != EINTR) {
			saved = errno;
			close(fd);
			errno = saved;
			return -1;
		}
	return fd;
}

/*
 * edge.c -- one purge request to an edge cache, over plain HTTP/1.1
 * (see edge.h).  Blocking, but never longer than its deadline: the
 * connect and every read and write wait in poll() for what is left of
 * it.  Only purger processes call it, never a worker.
 */
#define _GNU_SOURCE
#include <sys/socket.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "edge.h"

struct edge_url {
	char	 host[128];
	char	 port[8];
	char	 path[EDGE_URL_MAX];
	char	 method[16];
};

/* Split "http://HOST[:PORT][/PATH][#METHOD]"; 0 or -1. */
static int
parse_url(const char *url, struct edge_url *u)
{
	const char	*p, *end, *colon, *hash;
	size_t		 n;

	memset(u, 0, sizeof(*u));
	if (strncmp(url, "http://", 7) != 0)
		return -1;
	p = url + 7;
	hash = strchr(p, '#');
	snprintf(u->method, sizeof(u->method), "%s",
	    hash != NULL && hash[1] != '\0' ? hash + 1 : "BAN");
	end = p + strcspn(p, "/#");
	colon = memchr(p, ':', (size_t)(end - p));
	n = (size_t)((colon ? colon : end) - p);
	if (n == 0 || n >= sizeof(u->host))
		return -1;
	memcpy(u->host, p, n);
	if (colon != NULL) {
		n = (size_t)(end - colon - 1);
		if (n == 0 || n >= sizeof(u->port))
			return -1;
		memcpy(u->port, colon + 1, n);
	} else
		snprintf(u->port, sizeof(u->port), "80");
	n = hash != NULL ? (size_t)(hash - end) : strlen(end);
	if (n >= sizeof(u->path))
		return -1;
	if (n == 0)
		snprintf(u->path, sizeof(u->path), "/");
	else
		memcpy(u->path, end, n);
	for (p = u->method; *p; p++)
		if (*p < 'A' || *p > 'Z')
			return -1;
	return 0;
}

int
edge_url_ok(const char *url)
{
	struct edge_url	 u;

	return strlen(url) < EDGE_URL_MAX && parse_url(url, &u) == 0;
}

static long
ms_left(const struct timespec *deadline)
{
	struct timespec	 now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(deadline->tv_sec - now.tv_sec) * 1000 +
	    (deadline->tv_nsec - now.tv_nsec) / 1000000;
}

/* Wait for events on fd until the deadline; 0, or -1 (timed out). */
static int
wait_fd(int fd, short events, const struct timespec *deadline)
{
	struct pollfd	 pfd = { .fd = fd, .events = events };
	long		 left;
	int		 rc;

	do {
		if ((left = ms_left(deadline)) <= 0)
			return -1;
		rc = poll(&pfd, 1, (int)left);
	} while (rc < 0 && errno == EINTR);
	return rc > 0 ? 0 : -1;
}

/* A connected non-blocking socket, or -1 with err set. */
static int
dial(const struct edge_url *u, const struct timespec *deadline, char *err,
    size_t errsz)
{
	struct addrinfo	 hints, *res, *ai;
	socklen_t	 len;
	int		 fd = -1, soerr, rc;

	memset(&hints, 0, sizeof(hints));
	hints.ai_socktype = SOCK_STREAM;
	if ((rc = getaddrinfo(u->host, u->port, &hints, &res)) != 0) {
		snprintf(err, errsz, "unknown host %s", u->host);
		return -1;
	}
	snprintf(err, errsz, "no connection");
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK |
		    SOCK_CLOEXEC, ai->ai_protocol);
		if (fd < 0)
			continue;
		if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
			break;
		soerr = errno;
		if (soerr == EINPROGRESS) {
			len = sizeof(soerr);
			if (wait_fd(fd, POLLOUT, deadline) != 0)
				soerr = ETIMEDOUT;
			else if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr,
			    &len) != 0)
				soerr = errno;
			if (soerr == 0)
				break;
		}
		snprintf(err, errsz, "connect: %s", strerror(soerr));
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	return fd;
}

/* Write all of buf; 0 or -1. */
static int
send_all(int fd, const char *buf, size_t len, const struct timespec *deadline)
{
	ssize_t	 n;

	while (len > 0) {
		if (wait_fd(fd, POLLOUT, deadline) != 0)
			return -1;
		if ((n = send(fd, buf, len, MSG_NOSIGNAL)) < 0) {
			if (errno == EAGAIN || errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Read until the status line is in; its code, or -1. */
static int
read_status(int fd, const struct timespec *deadline)
{
	char	 buf[256];
	size_t	 have = 0;
	ssize_t	 n;
	int	 code;

	while (have < sizeof(buf) - 1) {
		if (wait_fd(fd, POLLIN, deadline) != 0)
			return -1;
		if ((n = recv(fd, buf + have, sizeof(buf) - 1 - have, 0)) < 0) {
			if (errno == EAGAIN || errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0)
			break;
		have += (size_t)n;
		buf[have] = '\0';
		if (strchr(buf, '\n') != NULL)
			break;
	}
	buf[have] = '\0';
	if (sscanf(buf, "HTTP/%*d.%*d %d", &code) != 1)
		return -1;
	return code;
}

int
edge_purge(const char *url, int64_t seq, int timeout_ms, char *err,
    size_t errsz)
{
	struct edge_url	 u;
	struct timespec	 deadline;
	char		 req[EDGE_URL_MAX + 256];
	int		 fd, code, len;

	if (parse_url(url, &u) != 0) {
		snprintf(err, errsz, "not an http:// URL");
		return -1;
	}
	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += timeout_ms / 1000;
	deadline.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
	if (deadline.tv_nsec >= 1000000000L) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000L;
	}
	if ((fd = dial(&u, &deadline, err, errsz)) < 0)
		return -1;
	len = snprintf(req, sizeof(req), "%s %s HTTP/1.1\r\nHost: %s\r\n"
	    "X-Pressrum-Seq: %" PRId64 "\r\nContent-Length: 0\r\n"
	    "Connection: close\r\n\r\n", u.method, u.path, u.host, seq);
	if (send_all(fd, req, (size_t)len, &deadline) != 0 ||
	    (code = read_status(fd, &deadline)) < 0) {
		snprintf(err, errsz, "no answer within %d ms", timeout_ms);
		close(fd);
		return -1;
	}
	close(fd);
	if (code < 200 || code > 299) {
		snprintf(err, errsz, "answered %d", code);
		return -1;
	}
	*err = '\0';
	return 0;
}

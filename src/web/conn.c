/*
 * conn.c -- the connection to nginx: FastCGI, or plain CGI for tests.
 *
 * The request's way in starts here.  This is the only file that includes
 * fcgiapp.h: the rest of Pressrum sees params, a body to read and an
 * output to write through struct conn.  Under FastCGI each worker blocks
 * in conn_accept() on the listening socket shared with its siblings;
 * the accept fails with EINTR when a signal (SIGTERM from the master,
 * installed without SA_RESTART) arrives, which is how a worker learns
 * to stop.  Started as a CGI program, the one request comes from the
 * environment and stdin, and the answer goes to stdout.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <string.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "../util/log.h"
#include "conn.h"

/* CGI mode: body bytes still to be read from stdin. */
static unsigned long long cgi_left;

/*
 * 1 if where names a TCP address we accept: "127.0.0.1:PORT" or ":PORT"
 * with a port of 1..65535.  Such a name holds no '/'.
 */
static int
is_tcp(const char *where)
{
	const char	*p;
	long		 port;
	char		*end;

	if (strncmp(where, "127.0.0.1:", 10) == 0)
		p = where + 10;
	else if (where[0] == ':')
		p = where + 1;
	else
		return 0;
	if (*p < '0' || *p > '9')
		return 0;
	errno = 0;
	port = strtol(p, &end, 10);
	return errno == 0 && *end == '\0' && port > 0 && port <= 65535;
}

/*
 * Open the listening socket.  ":PORT" is bound to 127.0.0.1, never to
 * every interface: the FastCGI port must not be reachable from outside.
 * A unix socket is made world-writable (nginx runs as another user; the
 * directory's permissions guard it in production).  Returns the fd, or
 * -1 (logged).
 */
int
conn_listen(const char *where, int backlog)
{
	char	 addr[64];
	int	 fd;

	if (strchr(where, '/') == NULL) {
		if (!is_tcp(where)) {
			log_error("listen: not a socket path or "
			    "127.0.0.1:PORT: %s", where);
			return -1;
		}
		snprintf(addr, sizeof(addr), "127.0.0.1:%s",
		    strchr(where, ':') + 1);
		if ((fd = FCGX_OpenSocket(addr, backlog)) < 0)
			log_error("listen: %s: cannot open", addr);
		return fd;
	}
	/* libfcgi would take "/x/y:80" for a TCP port: refuse it. */
	if (strchr(where, ':') != NULL) {
		log_error("listen: ':' in socket path: %s", where);
		return -1;
	}
	if (unlink(where) == -1 && errno != ENOENT)
		log_error("listen: unlink %s: %s", where, strerror(errno));
	if ((fd = FCGX_OpenSocket(where, backlog)) < 0) {
		log_error("listen: %s: cannot open", where);
		return -1;
	}
	if (chmod(where, 0666) == -1) {
		log_error("listen: chmod %s: %s", where, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

int
conn_is_cgi(void)
{
	return FCGX_IsCGI();
}

/*
 * Prepare c for requests on the listening fd, or for the one CGI
 * request when fd < 0.  The FCGX_Request is on the heap and released by
 * conn_free().  Returns ST_OK or ST_ERROR (logged).
 */
/* 1 if fd is a unix-domain socket. */
static int
is_unix(int fd)
{
	struct sockaddr_storage	 ss;
	socklen_t		 len = sizeof(ss);

	if (getsockname(fd, (struct sockaddr *)&ss, &len) != 0)
		return 0;
	return ss.ss_family == AF_UNIX;
}

enum status
conn_init(struct conn *c, int fd)
{
	static int	 inited;
	FCGX_Request	*fr;

	c->cgi = fd < 0;
	c->done = 0;
	c->fcgx = NULL;
	if (c->cgi)
		return ST_OK;
	if (!inited) {
		if (FCGX_Init() != 0) {
			log_error("FCGX_Init failed");
			return ST_ERROR;
		}
		inited = 1;
	}
	if ((fr = calloc(1, sizeof(*fr))) == NULL)
		abort();
	if (FCGX_InitRequest(fr, fd, FCGI_FAIL_ACCEPT_ON_INTR) != 0) {
		log_error("FCGX_InitRequest failed");
		free(fr);
		return ST_ERROR;
	}
	c->fcgx = fr;
	c->unix_sock = is_unix(fd);
	return ST_OK;
}

void
conn_free(struct conn *c)
{
	if (c->fcgx != NULL) {
		FCGX_Free(c->fcgx, 1);
		free(c->fcgx);
		c->fcgx = NULL;
	}
}

/* CGI: remember how many body bytes stdin may give. */
static void
cgi_begin(void)
{
	const char	*cl = getenv("CONTENT_LENGTH");
	char		*end;

	cgi_left = 0;
	if (cl != NULL && *cl >= '0' && *cl <= '9') {
		errno = 0;
		cgi_left = strtoull(cl, &end, 10);
		if (errno != 0 || *end != '\0')
			cgi_left = 0;
	}
}

/*
 * Block until the next request.  Returns ST_OK, or ST_ERROR when the
 * accept failed or was interrupted by a signal (the caller then checks
 * its stop flag), or when the CGI request has been taken already.
 */
enum status
conn_accept(struct conn *c)
{
	int	 rc;

	if (c->cgi) {
		if (c->done)
			return ST_ERROR;
		c->done = 1;
		cgi_begin();
		return ST_OK;
	}
	if ((rc = FCGX_Accept_r(c->fcgx)) < 0) {
		if (rc != -EINTR)
			log_error("FCGX_Accept_r: %d", rc);
		return ST_ERROR;
	}
	return ST_OK;
}

const char *
conn_param(struct conn *c, const char *name)
{
	if (c->cgi)
		return getenv(name);
	return FCGX_GetParam(name, ((FCGX_Request *)c->fcgx)->envp);
}

/*
 * Read up to n body bytes into p.  Returns the bytes read, 0 at the end
 * of the body, -1 on error.  A short count means the end was reached.
 */
long
conn_read(struct conn *c, char *p, size_t n)
{
	FCGX_Request	*fr = c->fcgx;
	size_t		 got;
	int		 rc;

	if (n > INT_MAX)
		n = INT_MAX;
	if (c->cgi) {
		if (n > cgi_left)
			n = (size_t)cgi_left;
		got = fread(p, 1, n, stdin);
		cgi_left -= got;
		return (got == 0 && ferror(stdin)) ? -1 : (long)got;
	}
	rc = FCGX_GetStr(p, (int)n, fr->in);
	if (rc < (int)n && FCGX_GetError(fr->in) != 0)
		return -1;
	return rc;
}

/*
 * Write all n bytes.  FCGX_PutStr takes an int, so large buffers go in
 * slices.  Returns ST_OK or ST_ERROR (nginx closed the connection).
 */
enum status
conn_write(struct conn *c, const void *p, size_t n)
{
	FCGX_Request	*fr = c->fcgx;
	const char	*s = p;
	int		 chunk;

	if (c->cgi)
		return fwrite(p, 1, n, stdout) == n ? ST_OK : ST_ERROR;
	while (n > 0) {
		chunk = n > INT_MAX ? INT_MAX : (int)n;
		if (FCGX_PutStr(s, chunk, fr->out) != chunk)
			return ST_ERROR;
		s += chunk;
		n -= (size_t)chunk;
	}
	return ST_OK;
}

/*
 * Finish the request.  On a unix socket we read what is left of the
 * request's input and close at once: libfcgi's default is a lingering
 * close that shuts down our side and then waits in poll() for nginx to
 * hang up, which kept a worker idle for a sixth of its time in the
 * benchmark.  With no unread input there is nothing a plain close could
 * lose.  Over TCP the lingering close stays (an early close can reset
 * the connection).
 */
void
conn_finish(struct conn *c)
{
	FCGX_Request	*fr = c->fcgx;
	char		 sink[1024];

	if (c->cgi) {
		fflush(stdout);
		return;
	}
	if (c->unix_sock) {
		while (FCGX_GetStr(sink, sizeof(sink), fr->in) > 0)
			continue;
		fr->detached = 1;	/* libfcgi: close without lingering */
	}
	FCGX_Finish_r(fr);
}

/*
 * fcgi_static.c -- the FastCGI transport ceiling for bench/run.sh.
 *
 * A minimal libfcgi responder: it reads one file into memory at start,
 * pre-forks N workers on a listening socket (as `pressrum serve` does)
 * and answers every request with that file's exact bytes, under the
 * header block Pressrum sends: Status, Content-Type, Content-Length and,
 * from an optional file, the other header lines Pressrum adds (security
 * headers), so nginx relays the same number of bytes.  Each request is
 * written as Pressrum writes it: the header block, then the body.
 *
 * Whatever Pressrum does beyond this program is its own work; what this
 * program costs is the price of nginx <-> FastCGI <-> worker.
 *
 * Usage: fcgi_static [-c] [-w WORKERS] [-t CONTENT_TYPE] [-H HEADER_FILE]
 *            SOCKET BODY_FILE
 * SOCKET is a unix socket path or 127.0.0.1:PORT.  -c closes each
 * connection at once instead of libfcgi's default (shutdown the write
 * side, then wait in poll() until nginx closes its end): the experiment
 * bench/transport.sh runs to price that wait.  SIGTERM or SIGINT
 * stops the master, which stops its workers.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fcgiapp.h>

#define MAX_WORKERS	64

struct reply {
	char	*head;		/* header block, ends in a blank line */
	size_t	 headlen;
	char	*body;
	size_t	 bodylen;
};

static volatile sig_atomic_t	 got_stop;
static int			 close_at_once;

static void
on_stop(int sig)
{
	(void)sig;
	got_stop = 1;
}

static void
usage(void)
{
	fprintf(stderr, "usage: fcgi_static [-c] [-w workers] "
	    "[-t content-type] [-H header-file] socket body-file\n");
	exit(2);
}

/*
 * Read the whole file at path into a heap buffer (*out, caller frees).
 * Returns 0, or -1 with a message on stderr.
 */
static int
slurp(const char *path, char **out, size_t *len)
{
	FILE	*f;
	char	*p = NULL;
	size_t	 cap = 0, n = 0, got;
	int	 rc = -1;

	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "fcgi_static: %s: %s\n", path, strerror(errno));
		return -1;
	}
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			if ((p = realloc(p, cap)) == NULL)
				abort();
		}
		got = fread(p + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	if (ferror(f)) {
		fprintf(stderr, "fcgi_static: %s: read error\n", path);
		free(p);
		goto out;
	}
	*out = p;
	*len = n;
	rc = 0;
out:
	fclose(f);
	return rc;
}

/* Append s (len bytes) to the growing header block in r. */
static void
head_add(struct reply *r, const char *s, size_t len)
{
	if ((r->head = realloc(r->head, r->headlen + len + 1)) == NULL)
		abort();
	memcpy(r->head + r->headlen, s, len);
	r->headlen += len;
	r->head[r->headlen] = '\0';
}

/*
 * Build the header block: Status, Content-Type, Content-Length, then
 * each non-empty line of extra (may be NULL), ended with CRLF.  Lines
 * naming one of the first three headers are skipped.  Heap, in r.
 */
static void
head_build(struct reply *r, const char *ctype, const char *extra,
    size_t extralen)
{
	char		 line[256];
	const char	*p, *nl, *end = extra + extralen;
	size_t		 n;

	n = (size_t)snprintf(line, sizeof(line), "Status: 200 OK\r\n"
	    "Content-Type: %s\r\nContent-Length: %zu\r\n", ctype, r->bodylen);
	head_add(r, line, n);
	for (p = extra; extra != NULL && p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		n = (size_t)(nl - p);
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (n > 0 && strncasecmp(p, "Status:", 7) != 0 &&
		    strncasecmp(p, "Content-Type:", 13) != 0 &&
		    strncasecmp(p, "Content-Length:", 15) != 0) {
			head_add(r, p, n);
			head_add(r, "\r\n", 2);
		}
	}
	head_add(r, "\r\n", 2);
}

/* A worker: accept, write the reply, repeat until SIGTERM. */
static void
worker(int fd, const struct reply *r)
{
	FCGX_Request	 req;

	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_IGN);
	if (FCGX_InitRequest(&req, fd, 0) != 0)
		_exit(3);
	while (FCGX_Accept_r(&req) >= 0) {
		FCGX_PutStr(r->head, (int)r->headlen, req.out);
		FCGX_PutStr(r->body, (int)r->bodylen, req.out);
		/* libfcgi skips its shutdown-and-drain for a detached request. */
		if (close_at_once)
			req.detached = 1;
		FCGX_Finish_r(&req);
	}
	_exit(1);
}

/* Open the listening socket; a unix socket is made world-writable. */
static int
listen_on(const char *where)
{
	int	 fd;

	if (strchr(where, '/') != NULL)
		unlink(where);
	if ((fd = FCGX_OpenSocket(where, 1024)) < 0) {
		fprintf(stderr, "fcgi_static: cannot listen on %s\n", where);
		return -1;
	}
	if (strchr(where, '/') != NULL)
		chmod(where, 0666);
	return fd;
}

/* The master: fork n workers, replace any that dies, stop on a signal. */
static int
serve(int fd, const struct reply *r, int n)
{
	pid_t	 pids[MAX_WORKERS], pid;
	int	 i;

	for (i = 0; i < n; i++)
		if ((pids[i] = fork()) == 0)
			worker(fd, r);
	while (!got_stop) {
		if ((pid = wait(NULL)) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (i = 0; i < n; i++)
			if (pids[i] == pid && !got_stop &&
			    (pids[i] = fork()) == 0)
				worker(fd, r);
	}
	for (i = 0; i < n; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	while (wait(NULL) > 0 || errno == EINTR)
		continue;
	return 0;
}

int
main(int argc, char *argv[])
{
	struct reply		 r;
	struct sigaction	 sa;
	const char		*ctype = "text/html; charset=utf-8";
	const char		*hfile = NULL;
	char			*extra = NULL, *end;
	size_t			 extralen = 0;
	long			 n = 2;
	int			 ch, fd, rc = 1;

	memset(&r, 0, sizeof(r));
	while ((ch = getopt(argc, argv, "cw:t:H:")) != -1) {
		switch (ch) {
		case 'c':
			close_at_once = 1;
			break;
		case 'w':
			n = strtol(optarg, &end, 10);
			if (*end != '\0' || n < 1 || n > MAX_WORKERS)
				usage();
			break;
		case 't':
			ctype = optarg;
			break;
		case 'H':
			hfile = optarg;
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 2)
		usage();
	if (slurp(argv[optind + 1], &r.body, &r.bodylen) != 0)
		goto out;
	if (hfile != NULL && slurp(hfile, &extra, &extralen) != 0)
		goto out;
	head_build(&r, ctype, extra, extralen);
	if (FCGX_Init() != 0 || (fd = listen_on(argv[optind])) < 0)
		goto out;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	rc = serve(fd, &r, (int)n);
	close(fd);
	if (strchr(argv[optind], '/') != NULL)
		unlink(argv[optind]);
out:
	free(extra);
	free(r.head);
	free(r.body);
	return rc;
}

/*
 * conn.h -- the connection to the web server: FastCGI or plain CGI.
 *
 * conn.c is the only file that includes fcgiapp.h.  Under FastCGI a
 * worker loops on conn_accept(); started as a CGI program (no FastCGI
 * socket on stdin and none given) the single request comes from the
 * environment and stdin, and the answer goes to stdout.
 */
#ifndef CONN_H
#define CONN_H

#include <stddef.h>

#include "../util/status.h"

struct conn {
	int	 cgi;		/* 1: plain CGI, one request */
	int	 done;		/* CGI request already taken */
	int	 unix_sock;	/* listening on a unix socket: close at once */
	void	*fcgx;		/* FCGX_Request *, owned by conn.c */
};

/* Listen on a unix socket path (created mode 0660 then chmod'ed 0666 so
 * nginx can connect) or on "127.0.0.1:PORT".  Returns the fd or -1. */
int		 conn_listen(const char *where, int backlog);
/* 1 if this process was started as a CGI program. */
int		 conn_is_cgi(void);

/* Per worker: bind to the listening fd (or fd < 0 for CGI). Heap. */
enum status	 conn_init(struct conn *, int fd);
void		 conn_free(struct conn *);

/* Wait for the next request.  ST_OK, or ST_ERROR when there is none
 * (socket closed, CGI request already served, or interrupted). */
enum status	 conn_accept(struct conn *);
/* A request parameter (CGI variable), NULL when absent. */
const char	*conn_param(struct conn *, const char *name);
/* Read up to n body bytes; returns bytes read, 0 at end, -1 on error. */
long		 conn_read(struct conn *, char *, size_t);
/* Write all n bytes; ST_OK or ST_ERROR (client went away). */
enum status	 conn_write(struct conn *, const void *, size_t);
/* Finish the current request (flush, close the FastCGI request). */
void		 conn_finish(struct conn *);

#endif

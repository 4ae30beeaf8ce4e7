/*
 * smtp.h -- hand messages to an SMTP relay (libcurl), keeping the
 * connection open between them.
 */
#ifndef MAIL_SMTP_H
#define MAIL_SMTP_H

#include <stddef.h>

struct smtp;

/* Once in the process, before any smtp_new: 0 or -1. */
int		 smtp_init(void);
/* A client for url ("smtp://host:port", "smtps://user:pass@host:465";
 * STARTTLS when the relay offers it, and required as smtp_tls_required()
 * says); NULL when out of memory.
 * smtp_free() frees it (NULL is fine). */
struct smtp	*smtp_new(const char *url);
void		 smtp_free(struct smtp *);
/* 1 when url is smtp:// with a user name or password in it, so STARTTLS
 * must succeed before anything else is said (an smtps:// relay speaks
 * TLS from the start); 1 too for a URL that cannot be read. */
int		 smtp_tls_required(const char *url);
/* Send msg (len bytes, CRLF lines) from `from` to `to`: 0 when the
 * relay accepted it, else -1 with the reason (the relay's answer when
 * there was one) in err. */
int		 smtp_send(struct smtp *, const char *from, const char *to,
		    const char *msg, size_t len, char *err, size_t errlen);

#endif

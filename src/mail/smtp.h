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
 * STARTTLS when the relay offers it); NULL when out of memory.
 * smtp_free() frees it (NULL is fine). */
struct smtp	*smtp_new(const char *url);
void		 smtp_free(struct smtp *);
/* Send msg (len bytes, CRLF lines) from `from` to `to`: 0 when the
 * relay accepted it, else -1 with the reason (the relay's answer when
 * there was one) in err. */
int		 smtp_send(struct smtp *, const char *from, const char *to,
		    const char *msg, size_t len, char *err, size_t errlen);

#endif

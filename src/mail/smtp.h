/*
 * smtp.h -- hand one message to an SMTP relay (libcurl).
 */
#ifndef MAIL_SMTP_H
#define MAIL_SMTP_H

#include <stddef.h>

/* Once in the process, before any smtp_send: 0 or -1. */
int	smtp_init(void);
/* Send msg (len bytes, CRLF lines) from `from` to `to` through url
 * ("smtp://host:port", "smtps://..."); 0 when the relay accepted it,
 * else -1 with the reason in err. */
int	smtp_send(const char *url, const char *from, const char *to,
	    const char *msg, size_t len, char *err, size_t errlen);

#endif

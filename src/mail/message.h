/*
 * message.h -- one outbox mail as an RFC 5322 message: UTF-8, RFC 2047
 * Subject, base64 bodies, multipart/alternative when there is HTML,
 * Date, Message-ID, List-Id and the RFC 8058 one-click unsubscribe.
 */
#ifndef MAIL_MESSAGE_H
#define MAIL_MESSAGE_H

#include <stdint.h>

struct buf;
struct mail;

/* Append the message to out.  from: the sender's address; base_url:
 * the site ("https://example.se"), for List-Unsubscribe and List-Id;
 * date: the Date header's time. */
void	mail_message(struct buf *out, const struct mail *, const char *from,
	    const char *base_url, int64_t date);

#endif

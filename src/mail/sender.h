/*
 * sender.h -- the master's mail sender: a child process of `pressrum
 * serve` (one, never per worker) that delivers the outbox.
 */
#ifndef MAIL_SENDER_H
#define MAIL_SENDER_H

struct config;

/* The child's life: deliver due outbox mails through cfg->smtp_url one
 * at a time, each marked sent (or for a later try) in its own short
 * transaction; look again every second when none is due.  SIGTERM ends
 * it after the mail in hand.  Exits 0, or 3 when the database cannot be
 * opened. */
void	sender_main(const struct config *) __attribute__((noreturn));

#endif

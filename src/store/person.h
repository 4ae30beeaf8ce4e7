/*
 * person.h -- one person's data in the mail tables (subscriptions, the
 * press list, mail addressed to them): what an admin exports and erases
 * on request (GDPR), and the sweep that forgets what is no longer
 * needed: sign-ups never confirmed after 7 days (their confirmation
 * mail with them), the sender's network address after a day (it serves
 * the abuse limits only), the address and text of mail that has left
 * after 30 days (the row stays, so the staff's counts stay right).
 */
#ifndef STORE_PERSON_H
#define STORE_PERSON_H

#include <stdint.h>

#include "../util/status.h"

struct arena;
struct store;

struct person_summary {
	int64_t		 subscriptions;
	int64_t		 press_list;	/* 0 or 1 */
	int64_t		 mails;		/* outbox rows to the address */
};

enum status	store_person_summary(struct store *, const char *email,
		    struct person_summary *);
/* Everything held about email as one JSON document, in ar. */
enum status	store_person_export(struct store *, struct arena *,
		    const char *email, int64_t now, const char **json);
/* Erase email's rows, in the caller's transaction: subscriptions and
 * the press-list row go, unsent mail is cancelled, sent mail keeps only
 * that it was sent (for the staff's counts). */
enum status	store_person_erase(struct store *, const char *email);
/* The sweep (the mail process, every minute); its own transaction. */
enum status	store_mail_sweep(struct store *, int64_t now);

#endif

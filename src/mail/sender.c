/*
 * sender.c -- deliver the outbox.  Retries back off from 2 seconds,
 * doubling to at most an hour; after SEND_MAX_ATTEMPTS a mail is given
 * up (state 'misslyckad', last_error kept).  A mail is marked sent right
 * after the relay took it, in its own transaction, so a stop or a crash
 * can resend at most the one mail in hand (it keeps its Message-ID, so
 * the receiver can tell).
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../app.h"
#include "../store/store.h"
#include "../store/subscribe.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/clock.h"
#include "../util/log.h"
#include "message.h"
#include "sender.h"
#include "smtp.h"

#define SEND_MAX_ATTEMPTS	20
#define SEND_BACKOFF_MAX	3600

static volatile sig_atomic_t	 stop;

static void
on_term(int sig)
{
	(void)sig;
	stop = 1;
}

/* Seconds to wait after the attempts-th failed try. */
static int64_t
backoff(int attempts)
{
	int64_t	 s = 2;

	while (attempts-- > 1 && s < SEND_BACKOFF_MAX)
		s *= 2;
	return s < SEND_BACKOFF_MAX ? s : SEND_BACKOFF_MAX;
}

/* Send one due mail: 1 when one was handled, 0 when none was due. */
static int
send_one(const struct config *cfg, struct store *db, struct arena *ar,
    struct buf *msg)
{
	struct outbox_mail	 om;
	char			 err[256];
	int64_t			 now = clock_now();

	if (store_outbox_next(db, ar, now, &om) != ST_OK)
		return 0;
	buf_reset(msg);
	mail_message(msg, &om.m, cfg->mail_from, cfg->base_url,
	    om.created_at);
	if (smtp_send(cfg->smtp_url, cfg->mail_from, om.m.recipient,
	    msg->data, msg->len, err, sizeof(err)) == 0) {
		if (store_outbox_sent(db, om.id, clock_now()) != ST_OK)
			log_error("sender: mail %lld sent but not marked",
			    (long long)om.id);
		return 1;
	}
	log_error("sender: mail %lld: %s", (long long)om.id, err);
	(void)store_outbox_retry(db, om.id, now + backoff(om.attempts + 1),
	    err, SEND_MAX_ATTEMPTS);
	return 1;
}

void
sender_main(const struct config *cfg)
{
	struct store	*db;
	struct arena	 ar;
	struct buf	 msg;
	struct timespec	 pause = { 1, 0 };
	struct sigaction sa;
	sigset_t	 none;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigaction(SIGTERM, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGCHLD, &sa, NULL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	if (store_open(cfg->db_path, &db) != ST_OK || smtp_init() != 0)
		_exit(3);
	arena_init(&ar);
	buf_init(&msg);
	log_info("sender: mail goes through %s", cfg->smtp_url);
	while (!stop) {
		arena_reset(&ar);
		if (!send_one(cfg, db, &ar, &msg))
			nanosleep(&pause, NULL);	/* a signal cuts it */
	}
	buf_free(&msg);
	arena_free(&ar);
	store_close(db);
	exit(0);
}

/*
 * sender.c -- the master's mail process.  Every second it makes the
 * outbox rows of article mails whose time has come (mail/queue.c) and
 * of the daily digest (mail/digest.c), and, when a relay is configured,
 * delivers the outbox one mail at a time.
 *
 * Exactly once: a mail is marked sent in its own transaction the moment
 * the relay has taken it, and only one mail process runs per database:
 * it holds an exclusive lock on DB-mail.lock for its whole life.  When
 * the master is killed, the old mail process finishes the mail in hand,
 * sees its parent gone and exits; a new master's mail process waits for
 * the lock, so two never send side by side.  Killing the mail process
 * itself with SIGKILL between the relay's "250" and the commit (well
 * under a millisecond) is the one case that can repeat a mail: it keeps
 * its Message-ID, so receivers can tell.
 *
 * Retries back off from 2 seconds, doubling to at most an hour; after
 * SEND_MAX_ATTEMPTS a mail is given up (state 'misslyckad', the relay's
 * answer kept) and staff can try it again.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "../app.h"
#include "../store/person.h"
#include "../store/store.h"
#include "../store/subscribe.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/clock.h"
#include "../util/log.h"
#include "digest.h"
#include "message.h"
#include "queue.h"
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

/* "now", moved by the test clock setting when --test-clock is on. */
static int64_t
now_for(const struct config *cfg, struct store *db, struct arena *ar)
{
	if (cfg->test_clock)
		clock_set_offset(store_test_clock_offset(db, ar));
	return clock_now();
}

/* Send one due mail: 1 when one was handled, 0 when none was due. */
static int
send_one(const struct config *cfg, struct smtp *conn, struct store *db,
    struct arena *ar, struct buf *msg, int64_t now)
{
	struct outbox_mail	 om;
	char			 err[256];

	if (store_outbox_next(db, ar, now, &om) != ST_OK)
		return 0;
	buf_reset(msg);
	mail_message(msg, &om.m, cfg->mail_from, cfg->base_url,
	    om.created_at);
	if (smtp_send(conn, cfg->mail_from, om.m.recipient, msg->data,
	    msg->len, err, sizeof(err)) == 0) {
		while (store_outbox_sent(db, om.id, clock_now()) != ST_OK) {
			/* It left: it must be marked, or it goes again. */
			log_error("sender: mail %lld sent, not yet marked",
			    (long long)om.id);
			sleep(1);
		}
		return 1;
	}
	log_error("sender: mail %lld: %s", (long long)om.id, err);
	(void)store_outbox_retry(db, om.id, now + backoff(om.attempts + 1),
	    err, SEND_MAX_ATTEMPTS);
	return 1;
}

/* Wait for the one-per-database lock; -1 when stopped meanwhile. */
static int
lock_db(const char *db_path, pid_t parent)
{
	char	 path[4096];
	int	 fd;

	snprintf(path, sizeof(path), "%s-mail.lock", db_path);
	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) == -1)
		return -1;
	while (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		if (stop || getppid() != parent)
			return -1;
		usleep(100 * 1000);
	}
	return fd;	/* held until exit */
}

/* Signals: SIGTERM stops after the mail in hand; the master's others
 * are not ours. */
static void
signals(void)
{
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
}

void
sender_main(const struct config *cfg)
{
	struct store	*db = NULL;
	struct smtp	*conn = NULL;
	struct arena	 ar;
	struct buf	 msg;
	struct timespec	 pause = { 1, 0 };
	pid_t		 parent = getppid();
	int64_t		 now;
	time_t		 made = 0;
	int64_t		 swept = 0;

	signals();
	if (lock_db(cfg->db_path, parent) == -1)
		_exit(0);
	if (store_open(cfg->db_path, &db) != ST_OK)
		_exit(3);
	if (cfg->smtp_url != NULL &&
	    (smtp_init() != 0 || (conn = smtp_new(cfg->smtp_url)) == NULL))
		_exit(3);
	arena_init(&ar);
	buf_init(&msg);
	log_info("sender: mail process %ld: mail %s", (long)getpid(),
	    cfg->smtp_url != NULL ? "goes through the configured relay" :
	    "is not sent (no --smtp)");
	while (!stop && getppid() == parent) {
		arena_reset(&ar);
		now = now_for(cfg, db, &ar);
		if (made != time(NULL) && (made = time(NULL)) != 0 &&
		    (mail_make_due(db, &ar, cfg->base_url, now) < 0 ||
		    mail_make_digest(db, &ar, cfg->base_url, now) < 0))
			log_error("sender: could not make the due mail");
		/* Once a minute (of the clock the tests may move). */
		if (now / 60 != swept / 60 && store_mail_sweep(db, now) ==
		    ST_OK)
			swept = now;
		if (conn == NULL || !send_one(cfg, conn, db, &ar, &msg, now))
			nanosleep(&pause, NULL);	/* a signal cuts it */
	}
	smtp_free(conn);
	buf_free(&msg);
	arena_free(&ar);
	store_close(db);
	exit(0);
}

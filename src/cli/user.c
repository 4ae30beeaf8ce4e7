/*
 * user.c -- "pressrum user add --role ROLE NAME": the first account.
 *
 * The password is never taken from the command line (it would show in
 * ps and the shell history): it is read from the terminal without echo,
 * twice, or as one line from standard input when that is not a terminal.
 */
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "../app.h"
#include "../store/store.h"
#include "../util/clock.h"
#include "../util/crypto.h"
#include "../util/role.h"
#include "cli.h"

#define PW_MAX	256

/* Read one line into buf without its newline; echo off on a terminal. */
static int
read_line(const char *prompt, char *buf, size_t size)
{
	struct termios	 old, quiet;
	int		 tty = isatty(STDIN_FILENO), ok;
	size_t		 n;

	if (tty) {
		fputs(prompt, stderr);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	ok = fgets(buf, (int)size, stdin) != NULL;
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (!ok)
		return -1;
	n = strcspn(buf, "\r\n");
	buf[n] = '\0';
	return 0;
}

/* 1 if name is 2-40 of [a-z0-9._-]. */
static int
name_ok(const char *name)
{
	size_t	 n = strlen(name);

	return n >= 2 && n <= 40 &&
	    strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789._-") == n;
}

static int
role_ok(const char *role)
{
	return role_find(role) != NULL;
}

/* Read and confirm the password into pw; 0 on success. */
static int
read_password(char pw[PW_MAX])
{
	char	 again[PW_MAX];
	int	 rc = -1;

	if (read_line("Lösenord: ", pw, PW_MAX) != 0)
		fputs("pressrum: no password given\n", stderr);
	else if (strlen(pw) < PW_MIN_LEN)
		fprintf(stderr, "pressrum: the password needs at least %d "
		    "characters\n", PW_MIN_LEN);
	else if (isatty(STDIN_FILENO) &&
	    (read_line("Lösenord igen: ", again, sizeof(again)) != 0 ||
	    strcmp(pw, again) != 0))
		fputs("pressrum: the passwords differ\n", stderr);
	else
		rc = 0;
	secure_zero(again, sizeof(again));
	return rc;
}

static int
add(const struct config *cfg, const char *role, const char *name)
{
	struct store	*db = NULL;
	char		 pw[PW_MAX], hash[PW_HASH_MAX];
	int64_t		 id;
	enum status	 st;
	int		 rc = 1;

	if (read_password(pw) != 0)
		goto out;
	if (password_hash(pw, hash) != ST_OK ||
	    store_migrate(cfg->db_path) != ST_OK ||
	    store_open(cfg->db_path, &db) != ST_OK ||
	    store_begin(db) != ST_OK)
		goto out;
	st = store_account_add(db, name, name, role, hash, clock_now(), &id);
	if (st == ST_OK)
		st = store_audit(db, 0, "skapade", "konto", id,
		    "Konto skapat från kommandoraden", NULL, NULL);
	if (st == ST_OK && (st = store_commit(db)) == ST_OK) {
		printf("Kontot %s (%s) är skapat.\n", name, role);
		rc = 0;
	} else {
		store_rollback(db);
		fprintf(stderr, "pressrum: %s\n", st == ST_CONFLICT ?
		    "an account with that name exists already" :
		    "the account could not be saved");
	}
out:
	secure_zero(pw, sizeof(pw));
	store_close(db);
	return rc;
}

int
cli_user(const struct config *cfg, int argc, char *argv[])
{
	const char	*role = NULL, *name = NULL;
	int		 i;

	if (argc < 1 || strcmp(argv[0], "add") != 0)
		goto usage;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--role") == 0 && i + 1 < argc)
			role = argv[++i];
		else if (strncmp(argv[i], "--role=", 7) == 0)
			role = argv[i] + 7;
		else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			i++;	/* parsed by main */
		else if (strncmp(argv[i], "--", 2) != 0 && name == NULL)
			name = argv[i];
		else
			goto usage;
	}
	if (!role_ok(role) || name == NULL || !name_ok(name))
		goto usage;
	return add(cfg, role, name);
usage:
	fputs("usage: pressrum user add --role ", stderr);
	for (i = 0; i < ROLE__COUNT; i++)
		fprintf(stderr, "%s%s", i ? "|" : "", role_table[i].name);
	fputs(" NAME [--db FILE]\n  NAME: 2-40 of a-z 0-9 . _ -; the "
	    "password is read from the terminal or standard input\n", stderr);
	return 2;
}

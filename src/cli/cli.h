/*
 * cli.h -- the subcommands of the pressrum binary.
 *
 * main.c parses the common options into a struct config and hands over
 * to one of these.  Each returns the process exit status.
 */
#ifndef CLI_H
#define CLI_H

struct config;

int	cli_serve(struct config *);		/* serve.c: master + workers */
int	cli_cgi(struct config *);		/* serve.c: one CGI request */
int	cli_migrate(const struct config *);	/* db.c */
int	cli_demo(const struct config *);	/* db.c */
int	cli_backup(const struct config *, int, char *[]);	/* backup.c */
int	cli_user(const struct config *, int, char *[]);	/* user.c */
int	cli_media(const struct config *, int, char *[]);	/* media.c */

#endif

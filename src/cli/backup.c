/*
 * backup.c -- `pressrum backup FILE [--db DB] [--force]`.
 *
 * Copies the live database into FILE while the site keeps serving
 * (store_backup(): SQLite's online backup into a temporary file that is
 * checked, fsync()ed and renamed into place).  An existing FILE is kept
 * unless --force is given.  The restore path is in README.md: stop the
 * service, put the file in place of the database, start it again.
 */
#include <getopt.h>
#include <stdio.h>

#include "../app.h"
#include "../store/store.h"
#include "cli.h"

static const char	*const usage_backup =
"usage: pressrum backup FILE [--db DB] [--force]\n";

/*
 * argv[0] is "backup"; the options may come before or after FILE.
 * Returns 0 when FILE holds a complete copy, 1 on failure, 2 on bad
 * usage.
 */
int
cli_backup(const struct config *cfg, int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "db",		required_argument, NULL, 'd' },
		{ "force",	no_argument,	   NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*db = cfg->db_path;
	int		 ch, force = 0;
	enum status	 st;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1)
		switch (ch) {
		case 'd': db = optarg; break;
		case 'f': force = 1; break;
		default: fputs(usage_backup, stderr); return 2;
		}
	if (optind != argc - 1) {
		fputs(usage_backup, stderr);
		return 2;
	}
	st = store_backup(db, argv[optind], force);
	if (st == ST_CONFLICT) {
		fprintf(stderr, "pressrum: %s finns redan; använd --force för "
		    "att skriva över den\n", argv[optind]);
		return 1;
	}
	if (st != ST_OK) {
		fprintf(stderr, "pressrum: säkerhetskopian av %s misslyckades\n",
		    db);
		return 1;
	}
	printf("Säkerhetskopian av %s finns nu i %s.\n", db, argv[optind]);
	return 0;
}

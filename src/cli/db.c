/*
 * db.c -- the database subcommands: migrate and demo.
 *
 * "migrate" is what a deploy script runs before starting the service
 * (serve also migrates at start); it also fills in the search text
 * owed (store_text_fill_path()), the long part of an upgrade that
 * rebuilds the search index; "demo" fills a fresh database with the
 * content a new install shows.
 */
#include <stdio.h>

#include "../app.h"
#include "../store/store.h"
#include "cli.h"

int
cli_migrate(const struct config *cfg)
{
	if (store_migrate(cfg->db_path) != ST_OK ||
	    store_text_fill_path(cfg->db_path) != ST_OK) {
		fprintf(stderr, "pressrum: migration of %s failed\n",
		    cfg->db_path);
		return 1;
	}
	printf("Databasen %s har schemaversion %d.\n", cfg->db_path,
	    store_schema_version());
	return 0;
}

int
cli_demo(const struct config *cfg)
{
	enum status	 st;

	if (cli_migrate(cfg) != 0)
		return 1;
	st = store_load_demo(cfg->db_path);
	if (st == ST_CONFLICT) {
		printf("Databasen har redan innehåll; demoinnehållet lades "
		    "inte in.\n");
		return 0;
	}
	if (st != ST_OK) {
		fprintf(stderr, "pressrum: loading the demo content failed\n");
		return 1;
	}
	printf("Demoinnehållet är inlagt i %s.\n", cfg->db_path);
	return 0;
}

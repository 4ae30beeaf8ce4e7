/*
 * main.c -- start-up: read the configuration, pick the subcommand.
 *
 *   pressrum serve   --db FILE --socket PATH|127.0.0.1:PORT [--workers N]
 *                    [--templates DIR] [--base-url URL] [--test-clock]
 *                    [--page-cache-kb N]
 *   pressrum migrate --db FILE
 *   pressrum demo    --db FILE
 *   pressrum backup  FILE [--db FILE] [--force]
 *   pressrum media add FILE --alt TEXT --credit TEXT ... (cli/media.c)
 *
 * Every option has an environment fallback (PRESSRUM_DB, PRESSRUM_SOCKET,
 * PRESSRUM_WORKERS, PRESSRUM_TEMPLATES, PRESSRUM_BASE_URL).  Started with
 * no subcommand by a web server, it serves what libfcgi finds: as a CGI
 * program one request, under a FastCGI spawner the socket on stdin.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "cli/cli.h"
#include "util/crypto.h"
#include "web/conn.h"

#ifndef PRESSRUM_SOURCE_DIR
#define PRESSRUM_SOURCE_DIR "."
#endif

static const char	*const usage_text =
"usage: pressrum serve   --db FILE --socket PATH|127.0.0.1:PORT\n"
"                        [--workers N] [--templates DIR] [--base-url URL]\n"
"                        [--page-cache-kb N]   (0: off; default 2048)\n"
"                        [--page-dir DIR]      (pages as files for nginx)\n"
"                        [--media-dir DIR]     (pictures as files for nginx)\n"
"       pressrum migrate --db FILE\n"
"       pressrum demo    --db FILE\n"
"       pressrum backup  FILE [--db FILE] [--force]\n"
"       pressrum user add --role admin|redaktor|press NAME [--db FILE]\n"
"       pressrum media add FILE --alt TEXT --credit TEXT [--licence TEXT]\n"
"                        [--caption TEXT] [--decorative] [--db FILE]\n"
"                        [--media-dir DIR]\n";

static const char *
env_or(const char *name, const char *fallback)
{
	const char	*v = getenv(name);

	return v != NULL && *v != '\0' ? v : fallback;
}

static void
config_defaults(struct config *cfg)
{
	long	 cores = sysconf(_SC_NPROCESSORS_ONLN);

	memset(cfg, 0, sizeof(*cfg));
	cfg->db_path = env_or("PRESSRUM_DB", "pressrum.db");
	cfg->socket = env_or("PRESSRUM_SOCKET", NULL);
	cfg->template_dir = env_or("PRESSRUM_TEMPLATES",
	    PRESSRUM_SOURCE_DIR "/templates");
	cfg->base_url = env_or("PRESSRUM_BASE_URL", "http://127.0.0.1:8080");
	cfg->workers = atoi(env_or("PRESSRUM_WORKERS", "0"));
	/* Workers block on their FastCGI connection as well as compute:
	 * twice the cores, at least 4, kept the CPUs busy in the bench. */
	if (cfg->workers <= 0)
		cfg->workers = cores > 2 ? 2 * (int)cores : 4;
	/* Each worker's memory of rendered public pages (src/cache/). */
	cfg->page_cache_kb = atol(env_or("PRESSRUM_PAGE_CACHE_KB", "2048"));
	/* Public pages as files nginx serves (src/cache/pagefiles.h). */
	cfg->page_dir = env_or("PRESSRUM_PAGE_DIR", NULL);
	/* Picture files nginx serves as /media/NAME (src/media/files.h). */
	cfg->media_dir = env_or("PRESSRUM_MEDIA_DIR", NULL);
}

/* Parse options after the subcommand; returns 0 or -1 on a bad one. */
static int
config_parse(struct config *cfg, int argc, char *argv[])
{
	static const struct option opts[] = {
		{ "db",		required_argument, NULL, 'd' },
		{ "socket",	required_argument, NULL, 's' },
		{ "workers",	required_argument, NULL, 'w' },
		{ "templates",	required_argument, NULL, 't' },
		{ "base-url",	required_argument, NULL, 'b' },
		{ "test-clock",	no_argument,	   NULL, 'T' },
		{ "page-cache-kb", required_argument, NULL, 'c' },
		{ "page-dir",	required_argument, NULL, 'p' },
		{ "media-dir",	required_argument, NULL, 'm' },
		{ NULL, 0, NULL, 0 }
	};
	int	 ch;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1)
		switch (ch) {
		case 'd': cfg->db_path = optarg; break;
		case 's': cfg->socket = optarg; break;
		case 'w': cfg->workers = atoi(optarg); break;
		case 't': cfg->template_dir = optarg; break;
		case 'b': cfg->base_url = optarg; break;
		case 'T': cfg->test_clock = 1; break;
		case 'c': cfg->page_cache_kb = atol(optarg); break;
		case 'p': cfg->page_dir = optarg; break;
		case 'm': cfg->media_dir = optarg; break;
		default: return -1;
		}
	return optind == argc ? 0 : -1;
}

/* Drop a trailing '/' from the base URL; note whether it is https. */
static void
config_finish(struct config *cfg)
{
	size_t	 n = strlen(cfg->base_url);
	char	*b;

	if (n > 0 && cfg->base_url[n - 1] == '/') {
		if ((b = strndup(cfg->base_url, n - 1)) == NULL)
			abort();
		cfg->base_url = b;	/* lives as long as the process */
	}
	cfg->secure_cookies = strncmp(cfg->base_url, "https:", 6) == 0;
	/* The test clock moves "now" by a setting nginx cannot see. */
	if (cfg->test_clock || (cfg->page_dir != NULL && *cfg->page_dir == '\0'))
		cfg->page_dir = NULL;
}

int
main(int argc, char *argv[])
{
	struct config	 cfg;
	const char	*cmd = argc > 1 ? argv[1] : NULL;

	if (crypto_init() != ST_OK) {
		fputs("pressrum: libsodium failed to start\n", stderr);
		return 1;
	}
	config_defaults(&cfg);
	if (cmd == NULL && (conn_is_cgi() == 0 ||
	    getenv("GATEWAY_INTERFACE") != NULL)) {
		/* Started by a web server: a FastCGI spawner hands us a
		 * listening socket on stdin, a CGI server a request. */
		config_finish(&cfg);
		return conn_is_cgi() ? cli_cgi(&cfg) : cli_serve(&cfg);
	}
	if (cmd != NULL && strcmp(cmd, "user") == 0) {
		/* user add --role R NAME [--db FILE]: its own arguments */
		for (int i = 2; i + 1 < argc; i++)
			if (strcmp(argv[i], "--db") == 0)
				cfg.db_path = argv[i + 1];
		return cli_user(&cfg, argc - 2, argv + 2);
	}
	if (cmd != NULL && strcmp(cmd, "media") == 0) {
		/* media add FILE ... [--db FILE]: its own arguments */
		for (int i = 2; i + 1 < argc; i++)
			if (strcmp(argv[i], "--db") == 0)
				cfg.db_path = argv[i + 1];
		return cli_media(&cfg, argc - 2, argv + 2);
	}
	if (cmd != NULL && strcmp(cmd, "backup") == 0)
		return cli_backup(&cfg, argc - 1, argv + 1);	/* own options */
	if (cmd == NULL || config_parse(&cfg, argc - 1, argv + 1) != 0) {
		fputs(usage_text, stderr);
		return 2;
	}
	config_finish(&cfg);
	if (strcmp(cmd, "serve") == 0) {
		if (cfg.socket == NULL && conn_is_cgi()) {
			fputs("pressrum: serve needs --socket\n", stderr);
			return 2;
		}
		return cli_serve(&cfg);
	}
	if (strcmp(cmd, "migrate") == 0)
		return cli_migrate(&cfg);
	if (strcmp(cmd, "demo") == 0)
		return cli_demo(&cfg);
	fputs(usage_text, stderr);
	return 2;
}

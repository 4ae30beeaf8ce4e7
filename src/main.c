/*
 * main.c -- start-up: read the configuration, pick the subcommand.
 *
 *   pressrum serve   --db FILE --socket PATH|127.0.0.1:PORT [--workers N]
 *                    [--templates DIR] [--base-url URL] [--test-clock]
 *                    [--page-cache-kb N] [--page-dir DIR] [--purge URL]...
 *   pressrum migrate --db FILE
 *   pressrum demo    --db FILE
 *   pressrum backup  FILE [--db FILE] [--force]
 *   pressrum media add FILE --alt TEXT --credit TEXT ... (cli/media.c)
 *
 * Every option has an environment fallback (PRESSRUM_DB, PRESSRUM_SOCKET,
 * PRESSRUM_WORKERS, PRESSRUM_TEMPLATES, PRESSRUM_BASE_URL,
 * PRESSRUM_PURGE_URLS: space-separated).  Started with
 * no subcommand by a web server, it serves what libfcgi finds: as a CGI
 * program one request, under a FastCGI spawner the socket on stdin.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "cache/edge.h"
#include "cli/cli.h"
#include "util/crypto.h"
#include "web/conn.h"

#ifndef PRESSRUM_DATADIR_REL
#define PRESSRUM_DATADIR_REL	"share/pressrum"
#endif
#ifndef PRESSRUM_DATADIR
#define PRESSRUM_DATADIR	"/usr/local/share/pressrum"
#endif

static const char	*const usage_text =
"usage: pressrum serve   --db FILE --socket PATH|127.0.0.1:PORT\n"
"                        [--workers N] [--templates DIR] [--base-url URL]\n"
"                        [--page-cache-kb N]   (0: off; default 2048)\n"
"                        [--page-dir DIR]      (pages as files for nginx)\n"
"                        [--purge URL]...      (edge caches to purge)\n"
"                        [--smtp URL] [--mail-from ADDR]  (or PRESSRUM_SMTP_URL,\n"
"                        PRESSRUM_MAIL_FROM: news by e-mail; no URL: none sent)\n"
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

/* The edge caches to purge: --purge URL (repeatable) replaces the
 * space-separated list in PRESSRUM_PURGE_URLS. */
static const char	*purge_urls[EDGE_MAX];

static int
purge_add(struct config *cfg, const char *url)
{
	if (cfg->npurge >= EDGE_MAX || !edge_url_ok(url)) {
		fprintf(stderr, "pressrum: --purge %s: want at most %d URLs "
		    "http://HOST[:PORT][/PATH][#METHOD]\n", url, EDGE_MAX);
		return -1;
	}
	purge_urls[cfg->npurge++] = url;
	cfg->purge = purge_urls;
	return 0;
}

static void
purge_from_env(struct config *cfg)
{
	const char	*v = getenv("PRESSRUM_PURGE_URLS");
	char		*list, *tok, *save = NULL;

	if (v == NULL || (list = strdup(v)) == NULL)
		return;		/* lives as long as the process */
	for (tok = strtok_r(list, " \t\n", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t\n", &save))
		if (purge_add(cfg, tok) != 0)
			exit(2);
}

/*
 * The templates of an installed tree: PRESSRUM_DATADIR_REL beside the
 * binary's bin/ (so the tree may be installed under any prefix, or
 * moved), else the install prefix's data directory.  Nothing of the
 * source tree: a build runs from it with --templates (./dev does).
 */
static const char *
default_templates(void)
{
	static char	 path[PATH_MAX];
	char		 exe[PATH_MAX], *slash;
	ssize_t		 n;
	int		 i;

	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		exe[n] = '\0';
		for (i = 0; i < 2 && (slash = strrchr(exe, '/')) != NULL; i++)
			*slash = '\0';
		if (i == 2 && (size_t)snprintf(path, sizeof(path),
		    "%s/" PRESSRUM_DATADIR_REL "/templates", exe) <
		    sizeof(path) && access(path, R_OK | X_OK) == 0)
			return path;
	}
	return PRESSRUM_DATADIR "/templates";
}

static void
config_defaults(struct config *cfg)
{
	long	 cores = sysconf(_SC_NPROCESSORS_ONLN);

	memset(cfg, 0, sizeof(*cfg));
	cfg->db_path = env_or("PRESSRUM_DB", "pressrum.db");
	cfg->socket = env_or("PRESSRUM_SOCKET", NULL);
	cfg->template_dir = env_or("PRESSRUM_TEMPLATES", NULL);
	if (cfg->template_dir == NULL)
		cfg->template_dir = default_templates();
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
	purge_from_env(cfg);
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
		{ "smtp",	required_argument, NULL, 'm' },
		{ "mail-from",	required_argument, NULL, 'f' },
		{ "purge",	required_argument, NULL, 'P' },
		{ "media-dir",	required_argument, NULL, 'M' },
		{ NULL, 0, NULL, 0 }
	};
	int	 ch, purged = 0;

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
		case 'm': cfg->smtp_url = optarg; break;
		case 'f': cfg->mail_from = optarg; break;
		case 'P':
			if (!purged++)
				cfg->npurge = 0;	/* not the env's */
			if (purge_add(cfg, optarg) != 0)
				return -1;
			break;
		case 'M': cfg->media_dir = optarg; break;
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
	if (cfg->smtp_url == NULL)
		cfg->smtp_url = getenv("PRESSRUM_SMTP_URL");
	if (cfg->smtp_url != NULL && *cfg->smtp_url == '\0')
		cfg->smtp_url = NULL;
	if (cfg->mail_from == NULL)
		cfg->mail_from = getenv("PRESSRUM_MAIL_FROM");
	if (cfg->mail_from == NULL || *cfg->mail_from == '\0')
		cfg->mail_from = "pressrum@localhost";
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

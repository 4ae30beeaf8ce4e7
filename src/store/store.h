/*
 * store.h -- everything the pages may ask of the database.
 *
 * One struct store per process (each worker opens its own); it holds the
 * SQLite handle and every prepared statement, prepared once at open with
 * SQLITE_PREPARE_PERSISTENT from the named queries in sql/queries/.
 * Strings in results are copied into the caller's arena and live until
 * the request ends.  Functions return ST_OK, ST_NOTFOUND or ST_DBERR (the
 * SQLite error is logged with the statement's name).
 *
 * "Public" means status = 'published' AND publish_at <= now: a scheduled
 * article is a published one whose time has not come, so publication is
 * decided when a page is read.
 */
#ifndef STORE_H
#define STORE_H

#include <stddef.h>
#include <stdint.h>

#include "../util/status.h"

struct arena;
struct store;

struct contact {
	int64_t		 id;
	const char	*name;
	const char	*title;		/* job title: "Presschef" */
	const char	*unit;		/* may be "" */
	const char	*phone;		/* work phone, may be "" */
	const char	*email;		/* work email, may be "" */
	int		 press_officer;
	int		 on_duty;
	int		 active;	/* 0: hidden from the public site */
};

struct topic {
	int64_t		 id;
	const char	*slug;
	const char	*name;
	const char	*lead;
	const char	*body_md;
	int64_t		 published_at;
	int64_t		 updated_at;
};

struct link {
	const char	*title;
	const char	*url;
};

struct article {
	int64_t		 id;
	const char	*kind;		/* "nyhet", "pressmeddelande", "sida" */
	const char	*slug;
	const char	*title;
	const char	*lead;
	const char	*body_md;	/* "" in list results */
	const char	*lang;		/* "sv" or "en" */
	const char	*status;	/* "draft", "published", "unpublished" */
	int64_t		 publish_at;	/* 0 when never set */
	int64_t		 created_at;
	int64_t		 updated_at;
	struct topic	*topics;	/* id, slug, name only */
	size_t		 ntopics;
	struct contact	*experts;	/* active ones, in the article's order */
	size_t		 nexperts;
	struct link	*links;		/* "Läs vidare" */
	size_t		 nlinks;
};

/* Filters for the public list; NULL / 0 means "any". */
struct article_filter {
	const char	*kind;
	const char	*topic_slug;
	int		 year;		/* Stockholm calendar year */
};

struct article_list {
	struct article	*items;		/* with topics; no body, experts, links */
	size_t		 n;
	int64_t		 total;		/* matches over all pages */
};

struct notice {
	const char	*text;
	const char	*link_text;	/* may be "" */
	const char	*link_url;	/* may be "" */
};

struct press_duty {
	const char	*phone;		/* the shared press line */
	const char	*email;		/* may be "" */
	struct contact	*officers;	/* active contacts with on_duty = 1 */
	size_t		 n;
};

/* Master: create the file if needed and apply pending migrations, each in
 * BEGIN IMMEDIATE .. COMMIT with PRAGMA user_version bumped inside. */
enum status	store_migrate(const char *path);
/* Fill an empty, migrated database with the demo content (sql/demo.sql).
 * ST_CONFLICT if it already holds articles. */
enum status	store_load_demo(const char *path);
/* Worker: open, set PRAGMAs (WAL, foreign_keys, busy_timeout), check the
 * schema version equals the built-in one, prepare every statement.
 * Heap; store_close frees. */
enum status	store_open(const char *path, struct store **out);
void		store_close(struct store *);
/* The schema version this binary expects (number of migrations). */
int		store_schema_version(void);

/* Articles, public side. */
enum status	store_article_by_slug(struct store *, struct arena *,
		    const char *slug, int64_t now, struct article *out);
enum status	store_article_list(struct store *, struct arena *,
		    const struct article_filter *, int64_t now,
		    size_t limit, size_t offset, struct article_list *out);
/* Years that have public articles, newest first. */
enum status	store_article_years(struct store *, struct arena *,
		    int64_t now, int **years, size_t *n);

/* Topics. */
enum status	store_topic_list(struct store *, struct arena *,
		    struct topic **out, size_t *n);	/* by name */
enum status	store_topic_by_slug(struct store *, struct arena *,
		    const char *slug, struct topic *out);
/* Active contacts who are experts on the topic, by name. */
enum status	store_topic_contacts(struct store *, struct arena *,
		    int64_t topic_id, struct contact **out, size_t *n);

/* Contacts and press duty. */
enum status	store_press_duty(struct store *, struct arena *,
		    struct press_duty *out);
/* Active press officers (press_officer = 1), by name. */
enum status	store_press_officers(struct store *, struct arena *,
		    struct contact **out, size_t *n);

/* The site notice active at `now`; ST_NOTFOUND when there is none. */
enum status	store_notice_active(struct store *, struct arena *,
		    int64_t now, struct notice *out);

/* A site setting ("site_name", "org_name", "press_phone", ...);
 * ST_NOTFOUND when unset. */
enum status	store_setting(struct store *, struct arena *,
		    const char *key, const char **val);

#endif

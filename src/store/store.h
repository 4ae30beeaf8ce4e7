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
 * "Public" means status = 'publicerad' AND publish_at <= now: a scheduled
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

/* article.status as stored, in Swedish like every stored enum
 * (sql/migrations/0013_enums.sql): a draft, a published article (a
 * scheduled one while its publish_at is to come) or one taken down. */
#define ARTICLE_DRAFT		"utkast"
#define ARTICLE_PUBLISHED	"publicerad"
#define ARTICLE_UNPUBLISHED	"avpublicerad"
/* Not stored: the staff list's status of an article taken down with an
 * explanation (article_find.c), and its filter. */
#define ARTICLE_WITHDRAWN	"tillbakadragen"
/* The staff list's filter for published articles still to come. */
#define ARTICLE_SCHEDULED	"schemalagd"

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
	const char	*status;	/* ARTICLE_DRAFT, _PUBLISHED, ... */
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
	int		 no_total;	/* the caller shows no count: skip it */
	/* Keyset paging (0: none): the page after the article at
	 * (before_at, before_id) in list order, or the page before the one
	 * at (after_at, after_id).  The offset is then ignored. */
	int64_t		 before_at, before_id;
	int64_t		 after_at, after_id;
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
/* The database file's full path ("" for a database in memory). */
const char	*store_file(struct store *);
/*
 * Upkeep off the request path.  A serve worker turns SQLite's automatic
 * WAL checkpoint off (it runs inside whichever commit crosses 1,000 WAL
 * pages) and, after answering a request that committed a write, calls
 * store_after_write(): a step of search-index merging (automerge is off,
 * migrations/0005) and a PASSIVE checkpoint, which waits for no reader.
 * Nobody waits for either: the response has gone.
 */
void		store_no_autocheckpoint(struct store *);
void		store_after_write(struct store *);
/*
 * The search index reads each body as rendered (body_text), which the
 * program owes after a write from outside it (search_text.c).  Fill in
 * every owed one, then merge the index after a large fill: _all on an
 * open store while the service runs (a hundred rows a transaction, a
 * pause between transactions for waiting writers), _path opening and
 * closing path itself before anything serves (at start, migrate).
 * ST_OK, ST_ERROR (wrong schema version) or ST_DBERR (logged).
 */
enum status	store_text_fill_all(struct store *);
/* 1 if some article or topic owes its search text (a read only). */
int		store_text_owed(struct store *);
enum status	store_text_fill_path(const char *path);
/* 1 if a write was committed since the last store_after_write(). */
int		store_wrote(const struct store *);
/* The schema version this binary expects (number of migrations). */
int		store_schema_version(void);
/* backup.c: copy the database at db into the file dest while it serves
 * (SQLite's online backup), via a temporary file renamed into place.
 * ST_CONFLICT when dest exists and replace is 0; ST_DBERR / ST_ERROR
 * (logged) otherwise, leaving dest untouched. */
enum status	store_backup(const char *db, const char *dest, int replace);

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
/* --test-clock: the seconds tests move "now" by, written with the
 * sqlite3 tool into the setting test_clock_offset; 0 when unset or not
 * a number.  Never used in production. */
int64_t		store_test_clock_offset(struct store *, struct arena *);

/* ---- The staff side ------------------------------------------------ */

/* One read transaction around a public page's queries: one snapshot,
 * and SQLite takes its locks once instead of once per statement. */
enum status	store_read_begin(struct store *);
void		store_read_end(struct store *);

/* Writes: every state change runs between store_begin() (BEGIN
 * IMMEDIATE) and store_commit(); on any failure store_rollback().  The
 * audit row is written inside the same transaction. */
enum status	store_begin(struct store *);
enum status	store_commit(struct store *);
void		store_rollback(struct store *);

/*
 * Why a change could not be made.  The write helpers answer ST_BUSY when
 * another writer held the database past the busy timeout (SQLITE_BUSY,
 * SQLITE_LOCKED) and ST_FULL when the disk refused the write
 * (SQLITE_FULL or an I/O error); functions that pass on only ST_DBERR
 * may have met either.  store_failure() turns such an ST_DBERR into
 * ST_BUSY or ST_FULL from the last failure since the current write (or
 * transaction) began; any other status comes back as it is.
 */
enum status	store_failure(const struct store *, enum status);

/* Free space for the database (space.c): bytes an unprivileged writer
 * may still use on its file system and that file system's size.  ST_OK
 * or ST_ERROR (logged). */
enum status	store_disk_space(struct store *, uint64_t *avail,
		    uint64_t *total);

struct account {
	int64_t		 id;
	const char	*name;		/* the sign-in name */
	const char	*display_name;
	const char	*role;		/* "admin", "redaktor", "press" */
	const char	*pw_hash;	/* only from store_account_by_name */
	int		 disabled;
};

/* A signed-in session with its account. */
struct session {
	struct account	 account;
	const char	*csrf;		/* the session's form token */
	int64_t		 expires_at;
	int64_t		 last_seen_at;
};

/* Create an account.  ST_CONFLICT when the name is taken. *id may be
 * NULL. */
enum status	store_account_add(struct store *, const char *name,
		    const char *display_name, const char *role,
		    const char *pw_hash, int64_t now, int64_t *id);
/* The account by sign-in name (case-insensitive), with its hash.
 * ST_NOTFOUND when there is none. */
enum status	store_account_by_name(struct store *, struct arena *,
		    const char *name, struct account *out);
enum status	store_account_set_login(struct store *, int64_t id,
		    int64_t now);

/* Sessions: only the hash of the cookie token is stored. */
enum status	store_session_add(struct store *, const char *token_hash,
		    int64_t account_id, const char *csrf, int64_t now,
		    int64_t expires_at);
/* A live session (not expired, account not disabled); ST_NOTFOUND. */
enum status	store_session_get(struct store *, struct arena *,
		    const char *token_hash, int64_t now, int64_t idle_since,
		    struct session *out);
/* Note that the session was used now (for the idle timeout).  Does
 * not wait for a busy database: ST_BUSY at once. */
enum status	store_session_touch(struct store *, const char *token_hash,
		    int64_t now);
/* End the session now; its row stays until pruned. */
enum status	store_session_end(struct store *, const char *token_hash,
		    int64_t now);
/* The account whose session issued form token csrf, that session live
 * or ended (absolute end, or last use + idle) after `since`.
 * ST_OK, ST_NOTFOUND or ST_DBERR. */
enum status	store_session_csrf_owner(struct store *, const char *csrf,
		    int64_t since, int64_t idle, int64_t *account_id);
/* Drop sessions that ended before `before` (idle: the idle timeout)
 * and login attempts older than `before`. */
enum status	store_prune(struct store *, int64_t before, int64_t idle);

/* Failed sign-ins by key ("konto:<name>" or "adress:<ip>"). */
enum status	store_login_failed(struct store *, const char *key,
		    int64_t now);
/* How many failures for key since `since`, and when the last was. */
enum status	store_login_recent(struct store *, const char *key,
		    int64_t since, int *count, int64_t *last);
enum status	store_login_clear(struct store *, const char *key);

/* Append to the audit log.  before/after are JSON texts or NULL. */
enum status	store_audit(struct store *, int64_t account_id,
		    const char *action, const char *object_type,
		    int64_t object_id, const char *summary,
		    const char *before_json, const char *after_json);

struct audit_entry {
	int64_t		 id;
	int64_t		 at;
	const char	*who;
	const char	*action;
	const char	*object_type;
	int64_t		 object_id;
	const char	*summary;
	const char	*before_json;	/* "" when none */
	const char	*after_json;
};

/* Newest first; object_type NULL for all.  *total counts all matches. */
enum status	store_audit_list(struct store *, struct arena *,
		    const char *object_type, size_t limit, size_t offset,
		    struct audit_entry **out, size_t *n, int64_t *total);

#endif

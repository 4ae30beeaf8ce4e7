/*
 * editorial.h -- what the editor's newer tools ask of the database:
 * change notes and the byline (note.c), withdrawal (withdrawal.c),
 * review before publishing (review.c) and the staff article search
 * (article_find.c).  Schema: migrations/0009_editorial.sql.
 *
 * Reads copy their strings into the caller's arena.  Writes never open
 * a transaction: the page wraps them with the article's revision and
 * audit row.  Functions return ST_OK, ST_NOTFOUND, ST_CONFLICT (a
 * stale version: nothing written) or ST_DBERR (logged); writes may
 * also return ST_BUSY or ST_FULL.
 */
#ifndef EDITORIAL_H
#define EDITORIAL_H

#include <stddef.h>
#include <stdint.h>

#include "../util/status.h"
#include "article_admin.h"
#include "store.h"

struct arena;

/* A note for readers. */
struct article_note {
	int64_t		 at;
	const char	*text;
};

/* What the public page adds to an article. */
struct article_extra {
	int64_t		 noted_at;	/* last noted update; 0: none */
	int		 byline;	/* 1: show the author's name */
	const char	*author;	/* display name, may be "" */
};

/* A withdrawn article as its old URL shows it. */
struct withdrawal {
	int64_t		 article_id;
	const char	*title;
	int64_t		 published_at;
	int64_t		 at;
	const char	*explanation;
	const char	*replacement;	/* slug of a public article, or "" */
	const char	*who;		/* withdrawal_get only */
};

/* article_review.state as stored (migrations/0013_enums.sql): sent and
 * waiting, or sent back with a comment. */
#define REVIEW_WAITING	"vantar"
#define REVIEW_RETURNED	"tillbaka"

/* A review request. */
struct review {
	int64_t		 article_id;
	int64_t		 version;	/* the version sent */
	const char	*state;		/* REVIEW_WAITING, REVIEW_RETURNED */
	int64_t		 publish_at;	/* 0: publish when approved */
	int64_t		 sent_by;	/* account, 0: unknown */
	int64_t		 sent_at;
	const char	*comment;	/* the reviewer's, when returned */
	const char	*sender;
	const char	*decider;
	int64_t		 decided_at;
	const char	*title;		/* review_list only */
	const char	*kind;
};

/* The staff list's filters (NULL / 0: any). */
struct find_filter {
	const char	*match;		/* FTS5 query, see search.h */
	const char	*status;	/* draft, scheduled, published,
					   unpublished, withdrawn */
	const char	*kind;
	int64_t		 topic;
	int64_t		 author;
	int		 by_publish;	/* 1: newest publish time first */
};

/* A person for the author filter. */
struct find_author {
	int64_t		 id;
	const char	*name;
};

#define FIND_CAP	1000	/* search matches read, newest first */

/* ---- note.c ---- */
/* Add a note at `at` and move the article's "Uppdaterad" to it. */
enum status	store_note_add(struct store *, int64_t article_id,
		    int64_t account_id, int64_t at, const char *text);
/* Every note of the article, newest first; *out in ar. */
enum status	store_note_list(struct store *, struct arena *,
		    int64_t article_id, struct article_note **, size_t *);
enum status	store_article_extra(struct store *, struct arena *,
		    int64_t article_id, struct article_extra *);
enum status	store_byline_set(struct store *, int64_t article_id, int on);

/* ---- withdrawal.c ---- */
/* The withdrawn article at slug; ST_NOTFOUND when there is none. */
enum status	store_withdrawal_by_slug(struct store *, struct arena *,
		    const char *slug, int64_t now, struct withdrawal *);
enum status	store_withdrawal_get(struct store *, struct arena *,
		    int64_t article_id, struct withdrawal *);
/* Take the public article id at version down with explanation
 * (replacement_id 0: none; explanation NULL: silently).  ST_CONFLICT when stale or not public. */
enum status	store_withdraw(struct store *, int64_t id, int64_t version,
		    const char *explanation, int64_t replacement_id,
		    int64_t account_id, int64_t now);
/* The public news item or press release at slug. */
enum status	store_public_article_id(struct store *, const char *slug,
		    int64_t now, int64_t *id);

/* ---- review.c ---- */
enum status	store_review_get(struct store *, struct arena *,
		    int64_t article_id, struct review *);
/* Ask for review of the article as it now is. */
enum status	store_review_send(struct store *, int64_t article_id,
		    int64_t account_id, int64_t publish_at, int64_t now);
/* Send it back with comment; ST_CONFLICT when no longer pending at
 * version. */
enum status	store_review_return(struct store *, int64_t article_id,
		    int64_t version, int64_t account_id, const char *comment,
		    int64_t now);
/* Publish version at publish_at; ST_CONFLICT when stale. */
enum status	store_review_publish(struct store *, int64_t article_id,
		    int64_t version, int64_t publish_at, int64_t now);
enum status	store_review_list(struct store *, struct arena *,
		    struct review **, size_t *);
/* The last published version (0: none). */
enum status	store_review_base(struct store *, int64_t article_id,
		    int64_t *version);
/* The site setting review_required ("1": on). */
enum status	store_review_required_set(struct store *, int on);
enum status	store_article_author(struct store *, int64_t article_id,
		    int64_t *author_id);

/* ---- article_find.c ---- */
/* One page of articles under f, and how many f finds (at most
 * FIND_CAP with a match).  Row author is the display name. */
enum status	store_article_find(struct store *, struct arena *,
		    const struct find_filter *, int64_t now, size_t limit,
		    size_t offset, struct article_row **, size_t *,
		    int64_t *total);
enum status	store_find_authors(struct store *, struct arena *,
		    struct find_author **, size_t *);

#endif

/*
 * article_admin.h -- what the staff pages may ask of the database about
 * articles, their revisions, embargo preview links and topics.
 *
 * Reads copy their strings into the caller's arena.  Writes never open
 * a transaction themselves: the page wraps them in store_begin() ..
 * store_commit() together with the revision and the audit row, and
 * rolls back on any failure.  Functions return ST_OK, ST_NOTFOUND,
 * ST_CONFLICT (stale version) or ST_DBERR (logged).
 */
#ifndef ARTICLE_ADMIN_H
#define ARTICLE_ADMIN_H

#include <stddef.h>
#include <stdint.h>

#include "../util/status.h"
#include "store.h"

#define EDIT_MAX_LINKS	5	/* "Läs vidare" rows in the form */
#define EDIT_MAX_PICKS	100	/* topics or experts on one article */

/* One article as the editor sees it: every field, ids of its topics
 * and experts (experts in order), its links. */
struct article_edit {
	int64_t		 id;		/* 0: not saved yet */
	int64_t		 version;
	const char	*kind;
	const char	*slug;
	const char	*title;
	const char	*lead;
	const char	*body_md;
	const char	*lang;
	const char	*status;	/* ARTICLE_DRAFT, _PUBLISHED, ... */
	int64_t		 publish_at;	/* 0: never set */
	int64_t		 first_published_at;
	int64_t		 created_at;
	int64_t		 updated_at;
	const char	*author;	/* display name, may be "" */
	int64_t		 saved_by;	/* revisions: the account (0: unknown) */
	int64_t		 topic_ids[EDIT_MAX_PICKS];
	size_t		 ntopics;
	int64_t		 expert_ids[EDIT_MAX_PICKS];
	size_t		 nexperts;
	struct link	 links[EDIT_MAX_LINKS];
	size_t		 nlinks;
};

/* A row of the editor's article list. */
struct article_row {
	int64_t		 id;
	const char	*kind;
	const char	*slug;
	const char	*title;
	const char	*status;
	int64_t		 publish_at;
	int64_t		 updated_at;
	const char	*author;
};

/* A topic with whether it is shown publicly, for the form. */
struct topic_pick {
	int64_t		 id;
	const char	*slug;
	const char	*name;
	int		 published;
};

struct revision_row {
	int64_t		 version;
	int64_t		 saved_at;
	const char	*status;
	int64_t		 publish_at;
	const char	*who;
	const char	*title;
};

struct preview_row {
	int64_t		 id;
	int64_t		 expires_at;
	int		 revoked;
	int64_t		 created_at;
	int64_t		 opens;
	int64_t		 last_open;	/* 0: never opened */
	const char	*who;
};

struct topic_row {
	int64_t		 id;
	const char	*slug;
	const char	*name;
	int64_t		 published_at;	/* 0: hidden */
	int64_t		 updated_at;
	int64_t		 narticles;
};

struct topic_edit {
	int64_t		 id;
	int64_t		 version;
	const char	*slug;
	const char	*name;
	const char	*lead;
	const char	*body_md;
	int		 published;
	int64_t		 updated_at;
};

/* ---- article_admin.c ---- */

/* 1 when a is public at now: published, and its time has come (as the
 * public queries select). */
int		article_edit_public(const struct article_edit *, int64_t now);

/* The article with id, any status.  ST_NOTFOUND when there is none. */
enum status	store_admin_article_get(struct store *, struct arena *,
		    int64_t id, struct article_edit *);
/* Another article using slug (ST_OK with its id and title), or
 * ST_NOTFOUND when the slug is free for article `id` (0: new). */
enum status	store_admin_slug_owner(struct store *, struct arena *,
		    const char *slug, int64_t id, int64_t *owner,
		    const char **title);
/* Insert a (version 1) with its topics, experts and links; *id is the
 * new row's. */
enum status	store_admin_article_insert(struct store *,
		    const struct article_edit *, int64_t author_id,
		    int64_t now, int64_t *id);
/* Write a over article a->id if its version is still a->version (then
 * bumped), with topics, experts and links.  ST_CONFLICT when stale. */
enum status	store_admin_article_update(struct store *,
		    const struct article_edit *, int64_t now);
/* Delete a draft never published; ST_CONFLICT when it is not one. */
enum status	store_admin_article_delete(struct store *, int64_t id);
/* The article's state as a JSON object (arena), for the audit log. */
enum status	store_admin_article_json(struct store *, struct arena *,
		    int64_t id, const char **json);
/* Every topic and every contact, for the form. */
enum status	store_editor_topics(struct store *, struct arena *,
		    struct topic_pick **, size_t *);
enum status	store_editor_contacts(struct store *, struct arena *,
		    struct contact **, size_t *);

/* ---- revision.c ---- */

/* Copy the article as it now is into article_revision. */
enum status	store_revision_add(struct store *, int64_t article_id,
		    int64_t account_id, int64_t now);
enum status	store_revision_list(struct store *, struct arena *,
		    int64_t article_id, struct revision_row **, size_t *);
/* Revision `version` as an article_edit (id = article_id, updated_at =
 * when saved, author = who saved it).  ST_NOTFOUND. */
enum status	store_revision_get(struct store *, struct arena *,
		    int64_t article_id, int64_t version, struct article_edit *);

/* ---- preview.c ---- */

enum status	store_preview_add(struct store *, int64_t article_id,
		    const char *token_hash, int64_t expires_at,
		    int64_t account_id, int64_t now);
enum status	store_preview_list(struct store *, struct arena *,
		    int64_t article_id, struct preview_row **, size_t *);
/* ST_NOTFOUND when no live link of the article has that id. */
enum status	store_preview_revoke(struct store *, int64_t article_id,
		    int64_t link_id);
/* The link with token_hash if it is live at now (not revoked, not
 * expired): its article, and the opening is logged.  ST_NOTFOUND
 * otherwise. */
enum status	store_preview_open(struct store *, const char *token_hash,
		    int64_t now, int64_t *article_id);

/* ---- topic_admin.c ---- */

enum status	store_admin_topic_list(struct store *, struct arena *,
		    struct topic_row **, size_t *);
enum status	store_admin_topic_get(struct store *, struct arena *,
		    int64_t id, struct topic_edit *);
enum status	store_admin_topic_slug_owner(struct store *, struct arena *,
		    const char *slug, int64_t id, const char **name);
enum status	store_admin_topic_insert(struct store *,
		    const struct topic_edit *, int64_t now, int64_t *id);
/* ST_CONFLICT when t->version is stale. */
enum status	store_admin_topic_update(struct store *,
		    const struct topic_edit *, int64_t now);
enum status	store_admin_topic_json(struct store *, struct arena *,
		    int64_t id, const char **json);

#endif

/*
 * document.h -- documents attached to articles in the database
 * (store/document.c; table in sql/migrations/0011_media.sql).  The bytes
 * live in SQLite like the pictures', so one backup holds everything.
 */
#ifndef STORE_DOCUMENT_H
#define STORE_DOCUMENT_H

#include <stddef.h>
#include <stdint.h>

#include "../util/status.h"

struct arena;
struct store;

struct document {
	int64_t		 id;
	int64_t		 article_id;
	const char	*name;		/* the HASH directory under dok/ */
	const char	*filename;	/* sanitised original name */
	const char	*title;
	const char	*mime;
	int64_t		 bytes;
	int		 accessible;
	int		 publication;	/* for the e-plikt feed */
	const char	*article_title;	/* not by store_document_add */
	const char	*article_slug;
	int64_t		 published_at;	/* the article's publish time */
};

/* Insert d with len bytes at data; *id the new row's.  ST_OK, ST_CONFLICT
 * (the same file is attached already), or a write status. */
enum status	store_document_add(struct store *, const struct document *d,
		    const void *data, size_t len, int64_t now, int64_t *id);
/* Article article_id's documents.  Arena.  ST_OK or ST_DBERR. */
enum status	store_document_list(struct store *, struct arena *,
		    int64_t article_id, struct document **out, size_t *n);
/* Documents of articles public at now that are not accessible. */
enum status	store_document_inaccessible(struct store *, struct arena *,
		    int64_t now, struct document **out, size_t *n);
/* Publications (flagged) of articles public at now, newest first. */
enum status	store_document_publications(struct store *, struct arena *,
		    int64_t now, struct document **out, size_t *n);
/* Flag document id of article_id; ST_NOTFOUND when no such pair. */
enum status	store_document_set_accessible(struct store *, int64_t id,
		    int64_t article_id, int accessible);
enum status	store_document_set_publication(struct store *, int64_t id,
		    int64_t article_id, int publication);
enum status	store_document_delete(struct store *, int64_t id,
		    int64_t article_id);
/* fn(name, filename, ctx) for every document; ST_OK or ST_DBERR. */
enum status	store_document_names(struct store *,
		    int (*fn)(const char *, const char *, void *), void *ctx);
/* The bytes of document name, malloc'd.  ST_OK, ST_NOTFOUND, ST_DBERR. */
enum status	store_document_data(struct store *, const char *name,
		    void **data, size_t *len);

#endif

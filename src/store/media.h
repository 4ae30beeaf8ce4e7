/*
 * media.h -- the picture library in the database (store/media.c): a
 * media row per picture and its files (the bytes) in media_file.  See
 * sql/migrations/0011_media.sql for why the bytes live in the database.
 */
#ifndef STORE_MEDIA_H
#define STORE_MEDIA_H

#include <stddef.h>
#include <stdint.h>

#include "../util/status.h"

struct store;

struct media {
	int64_t		 id;
	const char	*sha256;	/* of the upload */
	const char	*filename;	/* sanitised */
	const char	*mime;
	int		 width, height;	/* upright */
	int64_t		 bytes;		/* of the upload */
	const char	*alt;
	int		 decorative;
	const char	*caption;
	const char	*credit;
	const char	*licence;
	int64_t		 created_at;
	const char	*legal_basis;	/* consent for a photo of people: */
	int64_t		 consent_at;	/* 0 when none */
	int64_t		 expires_at;	/* 0 when none; hidden after */
};

/* Insert m (id ignored); *id the new row's.  Within store_begin().
 * ST_OK, ST_CONFLICT (that file is in the library already), ST_BUSY,
 * ST_FULL or ST_DBERR. */
enum status	store_media_add(struct store *, const struct media *m,
		    int64_t *id);
/* One file of media_id, named name. */
enum status	store_media_file_add(struct store *, int64_t media_id,
		    const char *name, int original, const char *mime,
		    int width, int height, const void *data, size_t len);
/* Call fn(name, hidden, ctx) for every file name, hidden 1 when its
 * picture's consent has ended at now; stops early when fn returns
 * non-zero.  ST_OK or ST_DBERR. */
enum status	store_media_file_names(struct store *, int64_t now,
		    int (*fn)(const char *, int, void *), void *ctx);
/* The bytes of the file called name: malloc'd into *data (caller frees).
 * ST_OK, ST_NOTFOUND or ST_DBERR. */
enum status	store_media_file_data(struct store *, const char *name,
		    void **data, size_t *len);

struct arena;

/* A stored file of a picture, without its bytes. */
struct media_file_ref {
	const char	*name;		/* served as /media/NAME */
	int		 original;
	const char	*mime;
	int		 width, height;
	int64_t		 bytes;
};

/* The newest pictures first, not expired at now: at most limit from
 * offset, and how many there are in all.  Arena.  ST_OK or ST_DBERR. */
enum status	store_media_list(struct store *, struct arena *, int64_t now,
		    size_t limit, size_t offset, struct media **out,
		    size_t *n, int64_t *total);
/* The same for the staff: every picture whose caption, credit, alt text
 * or file name holds q ("" for all), expired ones too. */
enum status	store_media_search(struct store *, struct arena *,
		    const char *q, size_t limit, size_t offset,
		    struct media **out, size_t *n, int64_t *total);
/* The lead images of topic topic_id's articles public at now (not
 * expired), newest first, at most limit.  Arena.  ST_OK or ST_DBERR. */
enum status	store_media_of_topic(struct store *, struct arena *,
		    int64_t topic_id, int64_t now, size_t limit,
		    struct media **out, size_t *n);
/* Pictures whose consent has ended or ends before soon, the soonest
 * first, at most limit.  Arena.  ST_OK or ST_DBERR. */
enum status	store_media_consent_due(struct store *, struct arena *,
		    int64_t soon, size_t limit, struct media **out,
		    size_t *n);
/* The id of the picture uploaded with this sha256.  ST_OK, ST_NOTFOUND
 * or ST_DBERR. */
enum status	store_media_by_sha(struct store *, const char *sha256,
		    int64_t *id);
/* Save m's alt, decorative, caption, credit, licence and consent fields
 * for m->id.  ST_OK, ST_NOTFOUND, ST_BUSY, ST_FULL or ST_DBERR. */
enum status	store_media_update(struct store *, const struct media *m);
/* Give picture m->id the file of m (sha256, filename, mime, size) and
 * drop its old files; the caller adds the new ones.  Within
 * store_begin(). */
enum status	store_media_replace(struct store *, const struct media *m);
/* Delete picture id with its files.  ST_CONFLICT when it is used. */
enum status	store_media_delete(struct store *, int64_t id);

/* A place a picture is used. */
struct media_use {
	const char	*kind;		/* "artikel" or "kontakt" */
	int64_t		 id;
	const char	*title;
};
enum status	store_media_uses(struct store *, struct arena *, int64_t id,
		    struct media_use **out, size_t *n);
/* One picture.  Arena.  ST_OK, ST_NOTFOUND or ST_DBERR. */
enum status	store_media_get(struct store *, struct arena *, int64_t id,
		    struct media *out);
/* Its files: the original first, then by width.  Arena.  ST_OK or
 * ST_DBERR. */
enum status	store_media_files(struct store *, struct arena *, int64_t id,
		    struct media_file_ref **out, size_t *n);

/* A slot a picture fills: an article's lead image, a contact's
 * portrait. */
enum media_slot {
	MEDIA_LEAD,
	MEDIA_PORTRAIT
};
/* The picture in slot k of article/contact id, not expired at now.
 * Arena.  ST_OK, ST_NOTFOUND (none) or ST_DBERR. */
enum status	store_media_use_get(struct store *, struct arena *,
		    enum media_slot k, int64_t id, int64_t now,
		    struct media *out);
/* The picture id in slot k of id (0: none) and the article's title or
 * contact's name.  ST_OK, ST_NOTFOUND, ST_DBERR. */
enum status	store_media_use_id(struct store *, struct arena *,
		    enum media_slot k, int64_t id, int64_t *media_id,
		    const char **title);
/* Set slot k of id to media_id (0: none).  Within store_begin().  ST_OK,
 * ST_NOTFOUND, or a write status. */
enum status	store_media_use_set(struct store *, enum media_slot k,
		    int64_t id, int64_t media_id);

#endif

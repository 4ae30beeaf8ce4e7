/*
 * staff.h -- the staff area's writes for contacts, press duty, the site
 * notice, accounts and the accessibility statement, and the audit log's
 * before/after table.
 *
 * Every write function here is one whole change: BEGIN IMMEDIATE, the
 * before-state as JSON (built in SQL with json_object), the write, the
 * after-state, the audit row (store_audit) and COMMIT.  On any failure
 * it rolls back and nothing has changed.  Strings in results are copied
 * into the caller's arena.  Functions return ST_OK, ST_NOTFOUND,
 * ST_CONFLICT (a stale version, or a name taken), ST_FORBIDDEN (a rule
 * refused it) or ST_DBERR (logged).
 */
#ifndef STAFF_H
#define STAFF_H

#include <stddef.h>
#include <stdint.h>

#include "../util/status.h"

struct arena;
struct contact;
struct store;

/* Object types in the audit log (audit_log.object_type); articles are
 * "article" as the article editor writes them.  Actions are Swedish
 * verbs in the past tense ("ändrade"), as the rest of the staff area
 * writes them. */
#define AUDIT_CONTACT	"kontakt"
#define AUDIT_DUTY	"pressjour"
#define AUDIT_NOTICE	"notis"
#define AUDIT_ACCOUNT	"konto"
#define AUDIT_ARTICLE	"article"
#define AUDIT_TOPIC	"topic"
#define AUDIT_KLARSPRAK	"klarsprak"
#define AUDIT_MEDIA	"media"		/* the picture library */
#define AUDIT_JOURNALIST "journalist"	/* the press list */
#define AUDIT_PERSON	"person"	/* a GDPR erasure (no address kept) */

/* ---- Contacts (contact_admin.c) -------------------------------------- */

/* A topic offered as a checkbox on the contact form. */
struct topic_choice {
	int64_t		 id;
	const char	*name;
	int		 checked;	/* the contact has it */
};

/* Every contact, hidden ones too, by name.  *out in ar. */
enum status	store_contact_admin_list(struct store *, struct arena *,
		    struct contact **out, size_t *n);
/* One contact and its version (for conflict detection).  ST_NOTFOUND. */
enum status	store_contact_admin_get(struct store *, struct arena *,
		    int64_t id, struct contact *out, int64_t *version);
/* Every topic, marked when contact_id (0: none) has it.  *out in ar. */
enum status	store_contact_topic_choices(struct store *, struct arena *,
		    int64_t contact_id, struct topic_choice **out, size_t *n);
/*
 * Save c (c->id 0: create; *id gets the new id) with its topics of
 * expertise (ids; unknown ones are ignored) by account `who`.  An update
 * only applies when the contact still has `version`, else ST_CONFLICT.
 * c->on_duty is not written (press duty has its own page); a contact
 * who stops being a press officer goes off duty.  c->active is only
 * written on creation (store_contact_set_active shows and hides).
 */
enum status	store_contact_save(struct store *, int64_t who,
		    const struct contact *c, int64_t version,
		    const int64_t *topics, size_t ntopics, const char *summary,
		    int64_t now, int64_t *id);
/* Show (active 1) or hide the contact; ST_CONFLICT on a stale version. */
enum status	store_contact_set_active(struct store *, int64_t who,
		    int64_t id, int64_t version, int active,
		    const char *summary, int64_t now);

/* ---- Press duty (contact_admin.c) ------------------------------------ */

/* Set the shared press line and e-mail (settings press_phone and
 * press_email) and who is on duty: exactly the active press officers in
 * ids. */
enum status	store_press_duty_save(struct store *, int64_t who,
		    const char *phone, const char *email, const int64_t *ids,
		    size_t n, int64_t now);

/* ---- Site notice and statement (site_admin.c) ------------------------ */

struct notice_row {
	int64_t		 id;		/* 0: a new notice */
	const char	*text;
	const char	*link_text;	/* may be "" */
	const char	*link_url;	/* may be "" */
	int64_t		 active_from;
	int64_t		 active_to;	/* 0: open-ended */
};

/* The most recently created notice.  ST_NOTFOUND when there is none. */
enum status	store_notice_latest(struct store *, struct arena *,
		    struct notice_row *out);
/* Create (n->id 0; *id gets the id) or update a notice. */
enum status	store_notice_save(struct store *, int64_t who,
		    const struct notice_row *n, int64_t now, int64_t *id);
/* End notice id now.  ST_NOTFOUND when it has already ended. */
enum status	store_notice_end(struct store *, int64_t who, int64_t id,
		    int64_t now);

/* The accessibility statement (the page "tillganglighet"). */
struct statement {
	int64_t		 id;
	const char	*title;
	const char	*lead;
	const char	*body_md;
	int64_t		 version;
	int64_t		 updated_at;
	const char	*reviewed;	/* "YYYY-MM-DD" or "" */
};

enum status	store_statement_get(struct store *, struct arena *,
		    struct statement *out);
/* Save lead, body and the review date (setting statement_reviewed) and
 * keep a revision; ST_CONFLICT when the page no longer has s->version. */
enum status	store_statement_save(struct store *, int64_t who,
		    const struct statement *s, int64_t now);

/* ---- Klarspråk (klarsprak.c) ------------------------------------------ */

/* The LIX target ("" for none) and the site's word list (one word a
 * line) for the editor's preview, audited.  Read back with
 * store_setting() "lix_target" and "spell_words". */
enum status	store_klarsprak_save(struct store *, int64_t who,
		    const char *target, const char *words);

/* ---- The audit log's before/after table (site_admin.c) --------------- */

struct audit_change {
	const char	*key;
	const char	*before;	/* "" when absent */
	const char	*after;
	int		 changed;
};

/* before/after JSON objects (NULL or "" for none) as rows, keys in
 * after's order, then keys only before had.  *out in ar.  Always ST_OK:
 * a text that is not JSON is logged and reads as no rows. */
enum status	store_audit_diff(struct store *, struct arena *,
		    const char *before, const char *after,
		    struct audit_change **out, size_t *n);

/* ---- Accounts (account_admin.c) -------------------------------------- */

struct account_row {
	int64_t		 id;
	const char	*name;
	const char	*display_name;
	const char	*role;
	int		 disabled;
	int64_t		 last_login_at;	/* 0: never */
};

enum status	store_account_admin_list(struct store *, struct arena *,
		    struct account_row **out, size_t *n);
enum status	store_account_admin_get(struct store *, struct arena *,
		    int64_t id, struct account_row *out);
/* Create an account; ST_CONFLICT when the name is taken. */
enum status	store_account_create(struct store *, int64_t who,
		    const char *name, const char *display_name,
		    const char *role, const char *pw_hash, int64_t now,
		    int64_t *id);
/* Change display name, role and disabled.  ST_FORBIDDEN when that
 * would leave no active admin.  Disabling ends the account's sessions. */
enum status	store_account_update(struct store *, int64_t who, int64_t id,
		    const char *display_name, const char *role, int disabled,
		    int64_t now);
/* Set a new password hash and end the account's sessions. */
enum status	store_account_set_password(struct store *, int64_t who,
		    int64_t id, const char *pw_hash, int64_t now);

#endif

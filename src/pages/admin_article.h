/*
 * admin_article.h -- the article editor and topic pages of the staff
 * area (role redaktor or admin), and what their files share.
 *
 * admin_article.c routes /admin/artiklar/ID/... (and a posted form to
 * its button's page) and holds the edit page and the delete step; the
 * list is admin_article_find.c's.  admin_article_edit.c holds what the
 * pages share: the choices, reading and showing the form, the buttons,
 * status words, the audit row.  admin_article_form.c checks and saves
 * (and the conflict page), admin_preview.c is the preview,
 * admin_revision.c the revisions; none of these three calls another.
 * admin_preview_link.c keeps the embargo links (embargo.c is their
 * public page), admin_diff.c fills differences, admin_topic.c topics.
 */
#ifndef ADMIN_ARTICLE_H
#define ADMIN_ARTICLE_H

#include <stddef.h>
#include <stdint.h>

#include "../store/article_admin.h"
#include "admin_action.h"
#include "pages.h"

struct tdict;

/* Routes (route.c).  The :id routes take the rest of the path. */
page_fn		 page_admin_article_list;	/* GET /admin/artiklar */
page_fn		 page_admin_article_new;	/* GET /admin/artiklar/ny */
page_fn		 page_admin_article_create;	/* POST /admin/artiklar */
page_fn		 page_admin_article_get;	/* GET /admin/artiklar/ID.. */
page_fn		 page_admin_article_post;	/* POST /admin/artiklar/ID.. */
page_fn		 page_admin_topic_list;		/* GET /admin/amnen */
page_fn		 page_admin_topic_new;		/* GET /admin/amnen/ny */
page_fn		 page_admin_topic_create;	/* POST /admin/amnen */
page_fn		 page_admin_topic_edit;		/* GET /admin/amnen/ID */
page_fn		 page_admin_topic_save;		/* POST /admin/amnen/ID */

/* The form as posted (or as loaded from the database). */
struct edit_form {
	struct article_edit a;
	const char	*pub_date;	/* "YYYY-MM-DD" as typed */
	const char	*pub_time;	/* "HH:MM" */
	enum action	 action;	/* the button pressed */
	int		 override_a11y;
	int64_t		 overwrite;	/* "skriv_over": the version the
					   editor chose to overwrite, or 0 */
	const char	*link_err[EDIT_MAX_LINKS];	/* beside each row */
	const char	*new_token;	/* a preview link just made, or NULL */
};

/* Everything the form offers to choose from. */
struct choices {
	struct topic_pick *topics;
	size_t		 ntopics;
	struct contact	*contacts;
	size_t		 ncontacts;
};

/* admin_article_edit.c */
enum status	 load_choices(struct app *, struct choices *);
void		 form_from_article(struct app *, const struct article_edit *,
		    struct edit_form *);
/* The posted form into f (strings in the arena, nothing checked), with
 * the stored fields a form does not carry from cur (NULL: new). */
void		 form_read(struct app *, struct req *,
		    const struct article_edit *cur, struct edit_form *);
/* The edit page (new when f->a.id is 0) with f's values; status 0
 * leaves the response status alone. */
void		 show_form(struct app *, struct req *, struct resp *,
		    struct edit_form *, struct tdict *root, int status);
/* The same into template tmpl (admin_article_form, admin_conflict). */
void		 show_form_into(struct app *, struct req *, struct resp *,
		    struct edit_form *, struct tdict *root, const char *tmpl);
/* The buttons that fit an article in status/publish_at (list
 * "buttons": value, label, secondary). */
void		 fill_buttons(struct tdict *, const struct article_edit *,
		    int64_t now);
/* "Utkast", "Schemalagd 3 mars 2025 kl. 09.00", "Publicerad", ... */
const char	*status_label(struct arena *, const char *status,
		    int64_t publish_at, int64_t now);
/* Write a's audit row with before/after in the open transaction. */
enum status	 audit_article(struct app *, struct req *, int64_t id,
		    const char *action, const char *title, const char *before);
/* The same with why (NULL: none) after the summary. */
enum status	 audit_article_why(struct app *, struct req *, int64_t id,
		    const char *action, const char *title, const char *before,
		    const char *why);
/* Build the public struct article for a from the choices; arena. */
void		 edit_to_article(struct app *, const struct article_edit *,
		    const struct choices *, struct article *);

/* admin_article_form.c */
/* A save button (f read by form_read()): check, save, 303. */
void		 form_save(struct app *, struct req *, struct resp *,
		    struct edit_form *, const struct article_edit *cur);

/* admin_article_mail.c */
/* The article's mail after a save of a (id) by act, cur the stored
 * article before (NULL: new); in the save's open transaction. */
enum status	 article_mail_saved(struct app *, struct req *,
		    enum action act, const struct article_edit *cur,
		    const struct article_edit *a, int64_t id, int64_t now);
/* The form's mail boxes: press_list (journalists and the list not yet
 * chosen), press_planned, press_count, press_checked, mail_sent,
 * update_checked (as posted). */
enum status	 fill_article_mail(struct app *, struct req *,
		    struct tdict *root, const struct article_edit *);
/* The same for a reviewer's publish of a at at (admin_review.c). */
enum status	 article_mail_approved(struct app *,
		    const struct article_edit *a, int64_t at, int64_t now);

/* admin_article_library.c */
/* The newest pictures of the library for the editor (list "library":
 * a press_image_fill dict plus "markdown"; has_library, library_more,
 * library_total). */
enum status	 admin_article_library(struct app *, struct tdict *root);

/* admin_preview.c */
/* ACT_PREVIEW: the public page of f, not saved; its buttons post to
 * post_url. */
void		 preview_show(struct app *, struct req *, struct resp *,
		    struct edit_form *, const char *post_url);

/* admin_preview_link.c */
/* The embargo-link section of the edit page; token: a link just made
 * (shown once) or NULL. */
enum status	 fill_preview_links(struct app *, struct tdict *,
		    const struct article_edit *, const char *token);
/* The token of a link just made (carried by a cookie from the POST's
 * redirect), cleared on rs; NULL when none. */
const char	*preview_link_flash(struct app *, struct req *, struct resp *,
		    const struct article_edit *);
void		 preview_link_create(struct app *, struct req *,
		    struct resp *, const struct article_edit *);
void		 preview_link_revoke(struct app *, struct req *,
		    struct resp *, const struct article_edit *, int64_t lid);

/* admin_revision.c */
void		 revision_list(struct app *, struct req *, struct resp *,
		    const struct article_edit *);
void		 revision_show(struct app *, struct req *, struct resp *,
		    const struct article_edit *, int64_t version);
void		 revision_compare(struct app *, struct req *, struct resp *,
		    const struct article_edit *);
void		 revision_restore_confirm(struct app *, struct req *,
		    struct resp *, const struct article_edit *, int64_t version);
void		 revision_restore(struct app *, struct req *, struct resp *,
		    const struct article_edit *);

/* admin_diff.c */
/* The diffs of every field from one version to another ("va", "vb"
 * and the lists diff_fields.html shows), names looked up in c. */
void		 fill_field_diffs(struct tdict *, const struct article_edit *from,
		    const struct article_edit *to, const struct choices *c);
/* The names of a's topics (experts: its experts), one a line, looked
 * up in c; arena. */
const char	*article_pick_names(struct arena *, const struct article_edit *,
		    const struct choices *c, int experts);
/* a's links as "title – url" lines; arena. */
const char	*article_links_text(struct arena *,
		    const struct article_edit *);
/* The diff of old and new as the list `key` of lines for
 * diff_lines.html. */
void		 fill_diff(struct tdict *, const char *key, const char *old,
		    const char *new_text);
/* The same with unchanged lines more than ctx lines from a change
 * folded into one "… N oförändrade rader" line. */
void		 fill_diff_ctx(struct tdict *, const char *key, const char *old,
		    const char *new_text, size_t ctx);

#endif

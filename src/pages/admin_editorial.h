/*
 * admin_editorial.h -- the staff side of change notes, the byline,
 * withdrawal and review (admin_editorial.c), the pages for withdrawing
 * (admin_withdraw.c) and reviewing (admin_review.c), and the staff
 * article search (admin_article_find.c).
 *
 * The editor calls the hooks: admin_article_edit.c fill_editorial()
 * while it renders the form, admin_article_form.c editorial_gate()
 * before it checks a post and editorial_save() inside the save's
 * transaction.
 */
#ifndef ADMIN_EDITORIAL_H
#define ADMIN_EDITORIAL_H

#include <stddef.h>
#include <stdint.h>

#include "admin_article.h"

/* Routes (route.c). */
page_fn		 page_admin_review_list;	/* GET /admin/granskning */
page_fn		 page_admin_review_setting;	/* POST /admin/granskning */
page_fn		 page_admin_review_show;	/* GET /admin/granskning/ID */
page_fn		 page_admin_review_decide;	/* POST /admin/granskning/ID */

/* Permissions, one question each, from the role table (util/role.h). */
/* 1 when the signed-in person may approve an article sent by sender
 * and written by author: another redaktor, or an admin. */
int		 may_approve(const struct req *, int64_t sender, int64_t author);
/* 1 when the signed-in person may remove a published article without
 * a public explanation: admins only. */
int		 may_remove_silently(const struct req *);

/* A posted form field, "" when absent (or not a POST). */
const char	*posted_text(struct req *, const char *key);
/* Check the posted text in field: an error on root (and beside the
 * field) when it is empty or blank (missing) or over max bytes. */
void		 check_posted_text(struct app *, struct tdict *root,
		    struct req *, const char *field, const char *missing,
		    size_t max);

/* The form's notes, byline, review and withdrawal parts into root
 * (before fill_buttons: "review_mode" turns Publicera into "Skicka
 * för granskning").  ST_OK or ST_DBERR. */
enum status	 fill_editorial(struct app *, struct req *, struct tdict *root,
		    const struct article_edit *);
/* Before a post is checked: refuses (403, answered; returns -1) what
 * this person may not do, turns a redaktor's publish into "granska"
 * when review is on, and checks the note and the reason (errors on
 * root).  Returns 0 to go on. */
int		 editorial_gate(struct app *, struct req *, struct resp *,
		    struct tdict *root, struct edit_form *,
		    const struct article_edit *cur);
/* In the save's transaction, after the article is written: its note,
 * byline and review request.  ST_OK or a store status. */
enum status	 editorial_save(struct app *, struct req *,
		    const struct edit_form *, const struct article_edit *cur,
		    int64_t id, int64_t now);
/* In the transaction that takes a public article down (withdrawn or
 * removed silently): the one place for what must stop with it, such as
 * its unsent e-mail.  ST_OK or a store status. */
enum status	 article_taken_down(struct app *, int64_t article_id);
/* The reason to add to the save's audit row (silent removal), or NULL. */
const char	*editorial_audit_why(struct app *, struct req *,
		    const struct edit_form *);

/* admin_withdraw.c: GET and POST /admin/artiklar/ID/dra-tillbaka. */
void		 withdraw_form(struct app *, struct req *, struct resp *,
		    const struct article_edit *);
void		 withdraw_post(struct app *, struct req *, struct resp *,
		    const struct article_edit *);

#endif

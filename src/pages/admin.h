/*
 * admin.h -- the staff area's handlers and the helpers they share.
 *
 * Every staff page is rendered through admin_layout() (staff navigation,
 * the signed-in person, the CSRF token for forms; never cached).  Forms
 * report errors with form_error() and trim fields with form_field()
 * (form.h, which this header brings in for every staff page).
 * route.c has already checked the session, the role and, for a POST,
 * the CSRF token before a handler here runs.
 */
#ifndef ADMIN_H
#define ADMIN_H

#include <stdint.h>

#include "form.h"
#include "pages.h"

struct tdict;

page_fn		 page_admin_login_form;
page_fn		 page_admin_login;
page_fn		 page_admin_logout;
page_fn		 page_admin_home;
/* admin_mail.c: /admin/epost and its retry button. */
page_fn		 page_admin_mail;
page_fn		 page_admin_mail_retry;

/* A staff POST without a live session: the sign-in form, with every
 * field of the refused POST kept in hidden inputs (status 401). */
page_fn		 page_admin_login_again;

/* 403 for the signed-in person, saying who may (NULL: a refused form,
 * e.g. a stale CSRF token). */
void		 page_forbidden(struct app *, struct req *, struct resp *,
		    const char *who_may);

/* The root dictionary of a staff page: title, the staff navigation with
 * `section` ("/admin/artiklar") current, the person and role, csrf. */
struct tdict	*admin_layout(struct app *, struct req *, struct resp *,
		    const char *title, const char *section);

/* "space_low": a warning when the database's disk has under 500 MB or
 * under 5 % left (store_disk_space()). */
void		 admin_fill_space(struct app *, struct tdict *);
void		 admin_fill_edges(struct app *, struct tdict *);

/* The signed-in account's id (0 when none), for the audit log. */
int64_t		 admin_account_id(const struct req *);
/* "admin" -> "Administratör", "redaktor" -> "Redaktör", ... */
const char	*role_label(const char *role);

#endif

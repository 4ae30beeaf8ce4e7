/*
 * admin.h -- the staff area's handlers and the helpers they share.
 *
 * Every staff page is rendered through admin_layout() (staff navigation,
 * the signed-in person, the CSRF token for forms; never cached).  Forms
 * report errors with form_error(): each error shows next to its field
 * and in a summary at the top that takes focus and links to the field.
 * route.c has already checked the session, the role and, for a POST,
 * the CSRF token before a handler here runs.
 */
#ifndef ADMIN_H
#define ADMIN_H

#include <stdint.h>

#include "pages.h"

struct arena;
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

/* Record an error on field `field` (the input's id and name): adds
 * {field, message} to the list "errors" (the summary) and sets
 * "err_<field>" for the message beside the field. */
void		 form_error(struct app *, struct tdict *, const char *field,
		    const char *message);
/* A posted field with surrounding white space trimmed, copied into ar;
 * "" when the field is missing (admin_form.c). */
const char	*form_field(struct arena *, const char *val);
/* 1 when form_error() was called on this dictionary. */
int		 form_has_errors(const struct tdict *);
/* A change the database could not take (st from the store; an ST_DBERR
 * is explained by store_failure()): ST_BUSY sets 503 with Retry-After,
 * ST_FULL (disk full or an I/O error) 507, and both put a Swedish
 * message at the top of the form ("save_failed") ending with `kept`
 * (NULL: "what you wrote is still in the form").  Returns 1 and the
 * caller shows its form again with everything posted; 0 for any other
 * status, nothing done. */
int		 form_save_failed(struct app *, struct resp *, struct tdict *,
		    enum status, const char *kept);
/* "space_low": a warning when the database's disk has under 500 MB or
 * under 5 % left (store_disk_space()). */
void		 admin_fill_space(struct app *, struct tdict *);
void		 admin_fill_edges(struct app *, struct tdict *);

/* The signed-in account's id (0 when none), for the audit log. */
int64_t		 admin_account_id(const struct req *);
/* "admin" -> "Administratör", "redaktor" -> "Redaktör", ... */
const char	*role_label(const char *role);

#endif

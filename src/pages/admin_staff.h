/*
 * admin_staff.h -- the staff area's pages for contacts, press duty, the
 * site notice, accounts, the audit log, the accessibility statement and
 * plain language (the form helpers they share are admin.h's).
 *
 * Roles (checked in route.c before a handler runs): contacts and press
 * duty are for press officers and admins; the notice, accounts, the
 * audit log and the statement for admins only.
 */
#ifndef ADMIN_STAFF_H
#define ADMIN_STAFF_H

#include <stddef.h>
#include <stdint.h>

#include "../web/req.h"
#include "pages.h"

struct arena;

/* admin_contact.c */
page_fn		 page_admin_contact_list;	/* GET  /admin/kontakter */
page_fn		 page_admin_contact_new;	/* GET  /admin/kontakter/ny */
page_fn		 page_admin_contact_create;	/* POST /admin/kontakter */
page_fn		 page_admin_contact_edit;	/* GET  /admin/kontakter/:id */
page_fn		 page_admin_contact_save;	/* POST /admin/kontakter/:id */

/* admin_duty.c */
page_fn		 page_admin_duty_form;		/* GET  /admin/pressjour */
page_fn		 page_admin_duty_save;		/* POST /admin/pressjour */

/* admin_notice.c */
page_fn		 page_admin_notice_form;	/* GET  /admin/notis */
page_fn		 page_admin_notice_save;	/* POST /admin/notis */

/* admin_audit_fields.c */
struct audit_change;
struct choices;
struct tdict;
/* An entry's before/after rows as the forms word them (labels, values,
 * names for ids, Stockholm times, line diffs) into d's list "changes"
 * and "changed_labels". */
void		 audit_fill_fields(struct tdict *d, const char *object_type,
		    const struct audit_change *, size_t n,
		    const struct choices *);

/* admin_account.c */
page_fn		 page_admin_account_list;	/* GET  /admin/konton */
page_fn		 page_admin_account_new;	/* GET  /admin/konton/ny */
page_fn		 page_admin_account_create;	/* POST /admin/konton */
page_fn		 page_admin_account_edit;	/* GET  /admin/konton/:id */
page_fn		 page_admin_account_save;	/* POST /admin/konton/:id */
page_fn		 page_admin_own_form;		/* GET  /admin/mitt-konto */
page_fn		 page_admin_own_save;		/* POST /admin/mitt-konto */

/* admin_audit.c */
page_fn		 page_admin_audit_list;		/* GET  /admin/logg */

/* admin_statement.c */
page_fn		 page_admin_statement_form;	/* GET  /admin/tillganglighet */
page_fn		 page_admin_statement_save;	/* POST /admin/tillganglighet */

/* admin_mail_person.c */
page_fn		 page_admin_mail_person;	/* GET  /admin/epost/person */
page_fn		 page_admin_mail_person_post;	/* POST /admin/epost/person */

/* admin_presslist.c */
page_fn		 page_admin_presslist;		/* GET  /admin/presslista */
page_fn		 page_admin_presslist_new;	/* GET  /admin/presslista/ny */
page_fn		 page_admin_presslist_create;	/* POST /admin/presslista */
page_fn		 page_admin_presslist_edit;	/* GET  /admin/presslista/ID */
page_fn		 page_admin_presslist_save;	/* POST /admin/presslista/ID */

/* admin_klarsprak.c */
page_fn		 page_admin_klarsprak_form;	/* GET  /admin/klarsprak */
page_fn		 page_admin_klarsprak_save;	/* POST /admin/klarsprak */


#endif

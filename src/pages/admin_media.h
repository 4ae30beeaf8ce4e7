/*
 * admin_media.h -- the staff picture library (admin_media.c): for
 * editors and admins (route.c checks the role).
 */
#ifndef ADMIN_MEDIA_H
#define ADMIN_MEDIA_H

#include "pages.h"

page_fn		 page_admin_media_list;		/* GET  /admin/media */
page_fn		 page_admin_media_new;		/* GET  /admin/media/ny */
page_fn		 page_admin_media_create;	/* POST /admin/media */
page_fn		 page_admin_media_edit;		/* GET  /admin/media/:id */
page_fn		 page_admin_media_save;		/* POST /admin/media/:id */

/* admin_media_lead.c: an article's lead image, a contact's portrait. */
page_fn		 page_admin_media_lead_form;	/* GET  /admin/media/artikel/:id */
page_fn		 page_admin_media_lead_save;	/* POST /admin/media/artikel/:id */

page_fn		 page_admin_media_portrait_form; /* GET  /admin/media/kontakt/:id */
page_fn		 page_admin_media_portrait_save; /* POST /admin/media/kontakt/:id */

/* admin_media_doc.c: documents attached to an article. */
page_fn		 page_admin_media_doc_list;	/* GET  /admin/media/dokument/:id */
page_fn		 page_admin_media_doc_save;	/* POST /admin/media/dokument/:id */

#endif

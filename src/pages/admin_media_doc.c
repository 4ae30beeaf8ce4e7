/*
 * admin_media_doc.c -- /admin/media/dokument/ID: the documents attached
 * to article ID (PDF and office files): upload one (a plain file input,
 * multipart/form-data) with its title and whether it is accessible
 * ("tillgänglig", DOS-lagen), change that flag, remove one.  The type is
 * decided by content (media/document.c); the file is stored as uploaded
 * and written out for nginx at once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../app.h"
#include "../media/document.h"
#include "../media/files.h"
#include "../render/tmpl.h"
#include "../store/document.h"
#include "../store/media.h"
#include "../store/staff.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "../util/crypto.h"
#include "../util/log.h"
#include "../web/multipart.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"
#include "admin_action.h"
#include "admin_media.h"
#include "admin_staff.h"

/* The page for article id, with the typed title and flag kept. */
static void
show(struct app *app, struct req *rq, struct resp *rs, struct tdict *root,
    int64_t id, const char *title, int accessible, int status)
{
	const char	*atitle, *done = req_query(rq, "klart");
	struct document	*d;
	struct tdict	*it;
	int64_t		 lead;
	size_t		 n;
	enum status	 st;

	if ((st = store_media_use_id(app->store, &app->arena, MEDIA_LEAD, id, &lead,
	    &atitle)) != ST_OK || (st = store_document_list(app->store,
	    &app->arena, id, &d, &n)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	if (root == NULL)
		root = admin_layout(app, rq, rs, "Dokument", "/admin/artiklar");
	td_textf(root, "article_id", "%lld", (long long)id);
	td_text(root, "article_title", atitle);
	td_text(root, "title", title);
	td_bool(root, "accessible", accessible);
	td_bool(root, "publication", req_form(rq, "publikation") != NULL);
	td_bool(root, "has_docs", n > 0);
	td_list(root, "docs");
	for (size_t i = 0; i < n; i++) {
		it = td_item(root, "docs");
		page_document_fill(app, it, &d[i]);
	}
	if (done != NULL)
		td_text(root, "done", strcmp(done, "uppladdat") == 0 ?
		    "Dokumentet är bifogat och visas under artikeln." :
		    "Ändringen är sparad.");
	if (status)
		resp_status(rs, status);
	page_render(app, rq, rs, "admin_media_doc", root);
}

/* GET /admin/media/dokument/ID.  Statuses: 200, 404, 500. */
void
page_admin_media_doc_list(struct app *app, struct req *rq, struct resp *rs)
{
	show(app, rq, rs, NULL, rq->path_id, "", 0, 0);
}

/* Store the uploaded f for article id; the form error else.  Statuses
 * as page_admin_media_doc_save. */
static void
upload(struct app *app, struct req *rq, struct resp *rs, struct tdict *root,
    int64_t id)
{
	const struct mp_part	*f = rq->upload != NULL ?
				    multipart_get(rq->upload, "fil") : NULL;
	const char		*title = form_field(rq->arena,
				    req_form(rq, "titel"));
	const struct doc_type	*t = NULL;
	struct document		 d;
	char			 sha[SHA256_HEX_LEN + 1];
	char			 fname[MEDIA_FILENAME_MAX];
	int			 acc = req_form(rq, "tillganglig") != NULL;
	int			 status = 400;
	int64_t			 did;
	enum status		 st;
	size_t			 n;

	if (f == NULL || f->filename == NULL || f->len == 0)
		form_error(app, root, "fil", "Välj en fil.");
	else if (f->len > DOC_MAX_BYTES) {
		form_error(app, root, "fil", "Filen är för stor: högst 20 MB.");
		status = 413;
	} else if ((t = document_sniff(f->data, f->len)) == NULL) {
		form_error(app, root, "fil", "Bara PDF, Word, Excel, "
		    "PowerPoint och OpenDocument går att bifoga. Filens "
		    "innehåll avgör, inte namnet.");
		status = 415;
	}
	if (*title == '\0')
		form_error(app, root, "titel", "Skriv dokumentets titel, till "
		    "exempel ”Budget 2027”.");
	else if (strlen(title) > 300)
		form_error(app, root, "titel", "Titeln är för lång.");
	if (form_has_errors(root)) {
		show(app, rq, rs, root, id, title, acc, status);
		return;
	}
	memset(&d, 0, sizeof(d));
	sha256_hex(f->data, f->len, sha);
	sha[24] = '\0';
	d.article_id = id;
	d.name = arena_printf(&app->arena, "%s-%lld", sha, (long long)id);
	media_filename_clean(f->filename, fname);
	n = strlen(fname);
	if (strcmp(fname, "bild") == 0)
		snprintf(fname, sizeof(fname), "dokument.%s", t->ext);
	else if (n <= strlen(t->ext) || strcmp(fname + n - strlen(t->ext),
	    t->ext) != 0 || fname[n - strlen(t->ext) - 1] != '.')
		d.filename = arena_printf(&app->arena, "%.80s.%s", fname,
		    t->ext);
	if (d.filename == NULL)
		d.filename = arena_strdup(&app->arena, fname);
	d.title = title;
	d.mime = t->mime;
	d.accessible = acc;
	d.publication = req_form(rq, "publikation") != NULL;
	if ((st = store_begin(app->store)) == ST_OK &&
	    (st = store_document_add(app->store, &d, f->data, f->len,
	    clock_now(), &did)) == ST_OK &&
	    (st = store_audit(app->store, admin_account_id(rq), "bifogade",
	    AUDIT_ARTICLE, id, arena_printf(&app->arena, "dokumentet \"%s\"",
	    title), NULL, NULL)) == ST_OK)
		st = store_commit(app->store);
	if (st != ST_OK) {
		store_rollback(app->store);
		if (st == ST_CONFLICT)
			form_error(app, root, "fil", "Filen är redan bifogad "
			    "till artikeln.");
		else if (!form_save_failed(app, rs, root, st, NULL)) {
			page_error(app, rq, rs, st);
			return;
		}
		show(app, rq, rs, root, id, title, acc, st == ST_CONFLICT ?
		    409 : 0);
		return;
	}
	if (app->cfg.media_dir != NULL &&
	    media_files_write(app->store, app->cfg.media_dir) != 0)
		log_error("media: document files not written");
	resp_redirect(rs, 303, arena_printf(&app->arena,
	    "/admin/media/dokument/%lld?klart=uppladdat", (long long)id));
}

/* Document doc of article id (arena), or NULL. */
static const struct document *
find_doc(struct app *app, int64_t id, int64_t doc)
{
	struct document	*d;
	size_t		 n;

	if (store_document_list(app->store, &app->arena, id, &d, &n) != ST_OK)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (d[i].id == doc)
			return &d[i];
	return NULL;
}

/* Remove a removed document's file (dok/NAME/FILENAME) and directory
 * from the media directory, so it is no longer served. */
static void
remove_file(struct app *app, const struct document *d)
{
	const char	*f;

	if (d == NULL || app->cfg.media_dir == NULL)
		return;
	f = arena_printf(&app->arena, "dok/%s/%s", d->name, d->filename);
	media_files_remove(app->cfg.media_dir, &f, 1);
	(void)rmdir(arena_printf(&app->arena, "%s/dok/%s",
	    app->cfg.media_dir, d->name));
}

/*
 * POST /admin/media/dokument/ID -- atgard=ladda-upp (multipart: fil,
 * titel, tillganglig, publikation), tillganglig or otillganglig,
 * publikation or inte-publikation (dok=DOC_ID), ta-bort
 * (dok=DOC_ID).  Statuses: 303; 400 (no file, no title), 409 (attached
 * already), 413 (over 20 MB), 415 (not a document) with the form again;
 * 400 for another atgard; 404; 503/507; 500.
 */
void
page_admin_media_doc_save(struct app *app, struct req *rq, struct resp *rs)
{
	int64_t		 id = rq->path_id, lead;
	const char	*word = form_field(rq->arena, req_form(rq, "atgard"));
	enum doc_action	 act = doc_action_parse(word);
	int64_t		 doc = req_id(req_form(rq, "dok"));
	const char	*atitle;
	const struct document *gone;
	struct tdict	*root;
	enum status	 st;

	if ((st = store_media_use_id(app->store, &app->arena, MEDIA_LEAD, id, &lead,
	    &atitle)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	root = admin_layout(app, rq, rs, "Dokument", "/admin/artiklar");
	if (act == DOC_ACT_BAD) {
		st = ST_BADREQ;
		goto out;
	}
	if (act == DOC_ACT_UPLOAD) {
		upload(app, rq, rs, root, id);
		return;
	}
	gone = find_doc(app, id, doc);
	if ((st = store_begin(app->store)) != ST_OK)
		goto out;
	if (act == DOC_ACT_ACCESSIBLE || act == DOC_ACT_INACCESSIBLE)
		st = store_document_set_accessible(app->store, doc, id,
		    act == DOC_ACT_ACCESSIBLE);
	else if (act == DOC_ACT_PUBLICATION || act == DOC_ACT_NOT_PUBLICATION)
		st = store_document_set_publication(app->store, doc, id,
		    act == DOC_ACT_PUBLICATION);
	else
		st = store_document_delete(app->store, doc, id);
	if (st == ST_OK && (st = store_audit(app->store, admin_account_id(rq),
	    "ändrade", AUDIT_ARTICLE, id, arena_printf(&app->arena,
	    "dokument %lld (%s)", (long long)doc, word), NULL, NULL)) == ST_OK)
		st = store_commit(app->store);
	if (st == ST_OK) {
		if (act == DOC_ACT_REMOVE)
			remove_file(app, gone);
		resp_redirect(rs, 303, arena_printf(&app->arena,
		    "/admin/media/dokument/%lld?klart=sparat", (long long)id));
		return;
	}
	store_rollback(app->store);
out:
	page_error(app, rq, rs, st);
}

/*
 * admin_media.c -- the staff picture library (issue 14): /admin/media
 * lists the pictures (search by caption, credit, alt text or file name),
 * /admin/media/ny is the upload form (a plain <input type=file>,
 * multipart/form-data, no JavaScript needed) and /admin/media/ID edits a
 * picture's text and consent, replaces its file (the id, and so every
 * use, stays), or deletes it when nothing uses it.
 *
 * An upload goes the same way as `pressrum media add` (media/ingest.c);
 * its files are written to the media directory at once for nginx.
 */
#include <stdlib.h>
#include <string.h>

#include "../app.h"
#include "../media/files.h"
#include "../media/image.h"
#include "../media/ingest.h"
#include "../render/date.h"
#include "../render/tmpl.h"
#include "../store/media.h"
#include "../store/staff.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "../util/log.h"
#include "../web/multipart.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"
#include "admin_action.h"
#include "admin_media.h"
#include "admin_staff.h"

#define MEDIA_PER_PAGE	24

/* Trimmed form field, "" when missing. */
static const char *
field(struct req *rq, const char *key)
{
	return form_field(rq->arena, req_form(rq, key));
}

/* The text fields of the form into *meta. */
static void
read_meta(struct req *rq, struct media_meta *meta)
{
	meta->decorative = req_form(rq, "decorative") != NULL;
	meta->alt = field(rq, "alt");
	meta->caption = field(rq, "caption");
	meta->credit = field(rq, "credit");
	meta->licence = field(rq, "licence");
}

/* meta's fields into root for the form. */
static void
fill_meta(struct tdict *root, const struct media_meta *meta)
{
	td_text(root, "alt", meta->alt);
	td_bool(root, "decorative", meta->decorative);
	td_text(root, "caption", meta->caption);
	td_text(root, "credit", meta->credit);
	td_text(root, "licence", meta->licence);
}

/* "Dold sedan 3 mars 2027" / "Samtycket gäller till ..." for m, or "". */
static const char *
consent_text(struct arena *ar, const struct media *m, int64_t now)
{
	if (m->expires_at == 0)
		return "";
	if (m->expires_at <= now)
		return arena_printf(ar, "Dold: samtycket gick ut %s",
		    date_sv(ar, m->expires_at));
	return arena_printf(ar, "Samtycket gäller till %s",
	    date_sv(ar, m->expires_at));
}

/*
 * GET /admin/media -- the library, newest first.  Query: q (search),
 * sida.  Statuses: 200, 400, 500.
 */
void
page_admin_media_list(struct app *app, struct req *rq, struct resp *rs)
{
	const char	*q = form_field(rq->arena, req_query(rq, "q"));
	struct media	*m;
	struct tdict	*root, *d;
	size_t		 n;
	int64_t		 total, now = clock_now(), expired = 0;
	int64_t		 n_page;
	long		 page, pages;
	enum status	 st;

	if (req_query_page(rq, "sida", 100000, &n_page) != ST_OK) {
		page_error(app, rq, rs, ST_BADREQ);
		return;
	}
	page = (long)n_page;
	if ((st = store_media_search(app->store, &app->arena, q,
	    MEDIA_PER_PAGE, (size_t)(page - 1) * MEDIA_PER_PAGE, &m, &n,
	    &total)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	root = admin_layout(app, rq, rs, "Bildbank", "/admin/media");
	td_text(root, "q", q);
	td_bool(root, "searched", *q != '\0');
	td_textf(root, "total", "%lld %s", (long long)total, total == 1 ?
	    "bild" : "bilder");
	td_bool(root, "has_rows", n > 0);
	td_list(root, "rows");
	for (size_t i = 0; i < n && st == ST_OK; i++) {
		d = td_item(root, "rows");
		st = press_image_fill(app, d, &m[i], "160px");
		td_text(d, "consent", consent_text(&app->arena, &m[i], now));
		td_bool(d, "expired", m[i].expires_at != 0 &&
		    m[i].expires_at <= now);
		td_text(d, "created", date_sv(&app->arena, m[i].created_at));
		td_textf(d, "size", "%d × %d", m[i].width, m[i].height);
		expired += m[i].expires_at != 0 && m[i].expires_at <= now;
	}
	if (st != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	if (expired > 0)
		td_textf(root, "expired_note", "%lld %s på den här sidan är "
		    "dolda från webbplatsen eftersom samtycket har gått ut. "
		    "Byt bild där de används, eller förnya samtycket.",
		    (long long)expired, expired == 1 ? "bild" : "bilder");
	pages = (long)((total + MEDIA_PER_PAGE - 1) / MEDIA_PER_PAGE);
	if (page < pages)
		td_textf(root, "next_page", "%ld", page + 1);
	if (page > 1)
		td_textf(root, "prev_page", "%ld", page - 1);
	page_render(app, rq, rs, "admin_media", root);
}

/* The upload form, again with errors (status) or empty. */
static void
show_new(struct app *app, struct req *rq, struct resp *rs,
    struct tdict *root, const struct media_meta *meta, int status)
{
	if (root == NULL)
		root = admin_layout(app, rq, rs, "Ladda upp bild",
		    "/admin/media");
	fill_meta(root, meta);
	td_textf(root, "max_mb", "%ld", MEDIA_MAX_BYTES / (1024 * 1024));
	if (status)
		resp_status(rs, status);
	page_render(app, rq, rs, "admin_media_new", root);
}

/* GET /admin/media/ny.  Statuses: 200. */
void
page_admin_media_new(struct app *app, struct req *rq, struct resp *rs)
{
	struct media_meta meta = { "", 0, "", "", "" };

	meta.licence = "Fri att använda i redaktionella sammanhang om "
	    "fotografen anges";
	show_new(app, rq, rs, NULL, &meta, 0);
}

/* The HTTP status for a refusal. */
static int
err_status(enum media_err err)
{
	switch (err) {
	case MEDIA_TOO_BIG:
		return 413;
	case MEDIA_EXISTS:
		return 409;
	case MEDIA_NOT_SAVED:
		return 503;
	case MEDIA_NOT_IMAGE:
	case MEDIA_BAD_TYPE:
	case MEDIA_SVG:
		return 415;
	default:
		return 422;
	}
}

/* Write the library's new files for nginx (they stay in the database if
 * this fails, and `serve` writes them at its next start). */
static void
write_files(struct app *app)
{
	if (app->cfg.media_dir != NULL &&
	    media_files_write(app->store, app->cfg.media_dir) != 0)
		log_error("media: files not written to %s",
		    app->cfg.media_dir);
}

/* The names of picture id's files now (arena), to remove once they are
 * no longer its; NULL (n 0) when they cannot be read. */
static const char **
file_names(struct app *app, int64_t id, size_t *n)
{
	struct media_file_ref	*f;
	const char		**names;

	if (store_media_files(app->store, &app->arena, id, &f, n) != ST_OK) {
		*n = 0;
		return NULL;
	}
	names = arena_alloc(&app->arena, (*n + 1) * sizeof(*names));
	for (size_t i = 0; i < *n; i++)
		names[i] = f[i].name;
	return names;
}

/* The uploaded file part "fil", or NULL when none was chosen. */
static const struct mp_part *
upload_file(const struct req *rq)
{
	const struct mp_part *f;

	if (rq->upload == NULL || (f = multipart_get(rq->upload, "fil")) ==
	    NULL || f->filename == NULL || (f->len == 0 && *f->filename == 0))
		return NULL;
	return f;
}

/*
 * POST /admin/media -- an upload (multipart/form-data): fil, alt,
 * decorative, caption, credit, licence.  Statuses: 303 to the new
 * picture; 400 (text missing), 409 (already there), 413 (over 20 MB),
 * 415 (not JPEG/PNG/WebP), 422 (too many pixels, broken), 503, each with
 * the form again and the text kept.
 */
void
page_admin_media_create(struct app *app, struct req *rq, struct resp *rs)
{
	const struct mp_part	*f = upload_file(rq);
	struct media_meta	 meta;
	struct tdict		*root;
	const char		*msg, *fld;
	int64_t			 id = 0;
	enum media_err		 err;

	read_meta(rq, &meta);
	root = admin_layout(app, rq, rs, "Ladda upp bild", "/admin/media");
	if (f == NULL)
		form_error(app, root, "fil", rq->upload == NULL ?
		    "Formuläret kom inte fram som filuppladdning. Försök "
		    "igen." : "Välj en bildfil.");
	if ((msg = media_meta_check(&meta, &fld)) != NULL)
		form_error(app, root, fld, msg);
	if (form_has_errors(root)) {
		show_new(app, rq, rs, root, &meta, 400);
		return;
	}
	err = media_ingest(app->store, f->data, f->len, f->filename, &meta,
	    clock_now(), &id);
	if (err != MEDIA_OK) {
		msg = media_err_text(err);
		if (err == MEDIA_EXISTS && id != 0)
			td_textf(root, "existing_href", "/admin/media/%lld",
			    (long long)id);
		form_error(app, root, "fil", arena_printf(&app->arena,
		    "%s Välj filen igen när du har rättat.", msg));
		show_new(app, rq, rs, root, &meta, err_status(err));
		return;
	}
	(void)store_audit(app->store, admin_account_id(rq), "laddade upp",
	    AUDIT_MEDIA, id, arena_printf(&app->arena, "bilden \"%s\"",
	    f->filename), NULL, NULL);
	write_files(app);
	resp_redirect(rs, 303, arena_printf(&app->arena,
	    "/admin/media/%lld?klart=uppladdad", (long long)id));
}

/* The edit form of picture m (text fields from meta, consent dates as
 * typed), with its uses and files. */
static void
show_edit(struct app *app, struct req *rq, struct resp *rs,
    struct tdict *root, const struct media *m, const struct media_meta *meta,
    int status)
{
	const char		*done = req_query(rq, "klart");
	struct media_use	*u;
	struct tdict		*d;
	size_t			 n = 0;

	if (root == NULL)
		root = admin_layout(app, rq, rs, "Bild", "/admin/media");
	if (press_image_fill(app, td_sub(root, "image"), m,
	    "(min-width: 40em) 30em, 100vw") != ST_OK ||
	    store_media_uses(app->store, &app->arena, m->id, &u, &n) !=
	    ST_OK) {
		page_error(app, rq, rs, ST_DBERR);
		return;
	}
	td_textf(root, "id", "%lld", (long long)m->id);
	td_text(root, "filename", m->filename);
	td_textf(root, "size", "%d × %d", m->width, m->height);
	td_text(root, "consent", consent_text(&app->arena, m, clock_now()));
	fill_meta(root, meta);
	if (!td_truthy(root, "typed_dates")) {
		td_text(root, "legal_basis", m->legal_basis);
		td_text(root, "consent_at", m->consent_at ?
		    date_ymd(&app->arena, m->consent_at) : "");
		td_text(root, "expires_at", m->expires_at ?
		    date_ymd(&app->arena, m->expires_at) : "");
	}
	td_bool(root, "used", n > 0);
	td_list(root, "uses");
	for (size_t i = 0; i < n; i++) {
		d = td_item(root, "uses");
		td_text(d, "kind", strcmp(u[i].kind, "kontakt") == 0 ?
		    "Kontakt" : "Artikel");
		td_textf(d, "href", "/admin/%s/%lld", strcmp(u[i].kind,
		    "kontakt") == 0 ? "kontakter" : "artiklar",
		    (long long)u[i].id);
		td_text(d, "title", u[i].title);
	}
	if (done != NULL && strcmp(done, "uppladdad") == 0)
		td_text(root, "done", "Bilden är uppladdad och finns nu på "
		    "webbplatsens pressbilder.");
	else if (done != NULL && strcmp(done, "sparad") == 0)
		td_text(root, "done", "Uppgifterna är sparade.");
	else if (done != NULL && strcmp(done, "bytt") == 0)
		td_text(root, "done", "Filen är utbytt. Bilden har samma "
		    "nummer och visas där den användes.");
	if (status)
		resp_status(rs, status);
	page_render(app, rq, rs, "admin_media_form", root);
}

/* GET /admin/media/ID.  Statuses: 200, 404, 500. */
void
page_admin_media_edit(struct app *app, struct req *rq, struct resp *rs)
{
	struct media		 m;
	struct media_meta	 meta;
	enum status		 st;

	if ((st = store_media_get(app->store, &app->arena,
	    rq->path_id, &m)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	meta.alt = m.alt;
	meta.decorative = m.decorative;
	meta.caption = m.caption;
	meta.credit = m.credit;
	meta.licence = m.licence;
	show_edit(app, rq, rs, NULL, &m, &meta, 0);
}

/* A "YYYY-MM-DD" field as Stockholm midnight into *t (0 when empty);
 * else a form error. */
static void
read_date(struct app *app, struct req *rq, struct tdict *root,
    const char *key, int64_t *t)
{
	const char	*v = field(rq, key);

	td_text(root, key, v);
	*t = 0;
	if (*v != '\0' && (*t = date_parse_local(v, "00:00")) < 0) {
		*t = 0;
		form_error(app, root, key, "Skriv datumet som ÅÅÅÅ-MM-DD, "
		    "till exempel 2027-06-30.");
	}
}

/* Save the text and consent of m from the form.  Statuses: 303, 400
 * (form again), 503/507, 500. */
static void
save_meta(struct app *app, struct req *rq, struct resp *rs,
    struct tdict *root, struct media *m)
{
	struct media_meta	 meta;
	const char		*msg, *fld;
	enum status		 st;

	read_meta(rq, &meta);
	if ((msg = media_meta_check(&meta, &fld)) != NULL)
		form_error(app, root, fld, msg);
	td_bool(root, "typed_dates", 1);
	m->legal_basis = field(rq, "legal_basis");
	td_text(root, "legal_basis", m->legal_basis);
	read_date(app, rq, root, "consent_at", &m->consent_at);
	read_date(app, rq, root, "expires_at", &m->expires_at);
	if (m->expires_at != 0 && *m->legal_basis == '\0')
		form_error(app, root, "legal_basis", "Ange den rättsliga "
		    "grunden för samtycket, till exempel \"Samtycke enligt "
		    "artikel 6.1 a i dataskyddsförordningen\".");
	if (form_has_errors(root)) {
		show_edit(app, rq, rs, root, m, &meta, 400);
		return;
	}
	m->alt = meta.decorative ? "" : meta.alt;
	m->decorative = meta.decorative;
	m->caption = meta.caption;
	m->credit = meta.credit;
	m->licence = meta.licence;
	if ((st = store_begin(app->store)) == ST_OK &&
	    (st = store_media_update(app->store, m)) == ST_OK &&
	    (st = store_audit(app->store, admin_account_id(rq), "sparade",
	    AUDIT_MEDIA, m->id, arena_printf(&app->arena, "bild %lld",
	    (long long)m->id), NULL, NULL)) == ST_OK)
		st = store_commit(app->store);
	if (st != ST_OK) {
		store_rollback(app->store);
		if (form_save_failed(app, rs, root, st, NULL))
			show_edit(app, rq, rs, root, m, &meta, 0);
		else
			page_error(app, rq, rs, st);
		return;
	}
	resp_redirect(rs, 303, arena_printf(&app->arena,
	    "/admin/media/%lld?klart=sparad", (long long)m->id));
}

/* Replace m's file with the uploaded one (same id).  Statuses: 303, or
 * the form again with 400/409/413/415/422/503. */
static void
replace(struct app *app, struct req *rq, struct resp *rs,
    struct tdict *root, struct media *m)
{
	const struct mp_part	*f = upload_file(rq);
	struct media_meta	 meta = { m->alt, m->decorative, m->caption,
				    m->credit, m->licence };
	const char		**old;
	size_t			 nold;
	enum media_err		 err;

	if (f == NULL) {
		form_error(app, root, "fil", "Välj den nya bildfilen.");
		show_edit(app, rq, rs, root, m, &meta, 400);
		return;
	}
	old = file_names(app, m->id, &nold);
	err = media_replace(app->store, m->id, f->data, f->len, f->filename);
	if (err != MEDIA_OK) {
		form_error(app, root, "fil", media_err_text(err));
		show_edit(app, rq, rs, root, m, &meta, err_status(err));
		return;
	}
	(void)store_audit(app->store, admin_account_id(rq), "bytte fil för",
	    AUDIT_MEDIA, m->id, arena_printf(&app->arena, "bild %lld",
	    (long long)m->id), NULL, NULL);
	media_files_remove(app->cfg.media_dir, old, nold);
	write_files(app);
	resp_redirect(rs, 303, arena_printf(&app->arena,
	    "/admin/media/%lld?klart=bytt", (long long)m->id));
}

/* Delete m if nothing uses it.  Statuses: 303 to the list, 409 (used),
 * 503/507, 500. */
static void
delete(struct app *app, struct req *rq, struct resp *rs,
    struct tdict *root, struct media *m)
{
	struct media_meta	 meta = { m->alt, m->decorative, m->caption,
				    m->credit, m->licence };
	struct media_use	*u;
	const char		**old;
	size_t			 n = 0, nold;
	enum status		 st;

	old = file_names(app, m->id, &nold);
	if ((st = store_begin(app->store)) == ST_OK &&
	    (st = store_media_uses(app->store, &app->arena, m->id, &u,
	    &n)) == ST_OK && n > 0)
		st = ST_CONFLICT;
	if (st == ST_OK && (st = store_media_delete(app->store, m->id)) ==
	    ST_OK && (st = store_audit(app->store, admin_account_id(rq),
	    "raderade", AUDIT_MEDIA, m->id, arena_printf(&app->arena,
	    "bilden \"%s\"", m->filename), NULL, NULL)) == ST_OK)
		st = store_commit(app->store);
	if (st == ST_OK) {
		media_files_remove(app->cfg.media_dir, old, nold);
		resp_redirect(rs, 303, "/admin/media?klart=raderad");
		return;
	}
	store_rollback(app->store);
	if (st == ST_CONFLICT) {
		form_error(app, root, "radera", "Bilden används och kan inte "
		    "raderas. Ta bort den där den används först.");
		show_edit(app, rq, rs, root, m, &meta, 409);
	} else if (form_save_failed(app, rs, root, st, NULL))
		show_edit(app, rq, rs, root, m, &meta, 0);
	else
		page_error(app, rq, rs, st);
}

/* POST /admin/media/ID -- atgard=spara (text and consent), byt (a new
 * file, multipart) or radera.  Statuses: see save_meta, replace and
 * delete; 400 for another atgard; 404. */
void
page_admin_media_save(struct app *app, struct req *rq, struct resp *rs)
{
	enum media_action act = media_action_parse(field(rq, "atgard"));
	struct media	 m;
	struct tdict	*root;
	enum status	 st;

	if ((st = store_media_get(app->store, &app->arena,
	    rq->path_id, &m)) != ST_OK) {
		page_error(app, rq, rs, st);
		return;
	}
	root = admin_layout(app, rq, rs, "Bild", "/admin/media");
	switch (act) {
	case MEDIA_ACT_SAVE:
		save_meta(app, rq, rs, root, &m);
		break;
	case MEDIA_ACT_REPLACE:
		replace(app, rq, rs, root, &m);
		break;
	case MEDIA_ACT_DELETE:
		delete(app, rq, rs, root, &m);
		break;
	case MEDIA_ACT_BAD:
		page_error(app, rq, rs, ST_BADREQ);
		break;
	}
}

/*
 * admin_klarsprak.c -- /admin/klarsprak: the klarspråk settings for
 * admins: the LIX target the editor's preview compares a text with
 * (empty: no target) and the site's word list for spelling (names such
 * as "Nordenmark", abbreviations such as "SKR"; one word a line).  A
 * save is audited; the preview panel itself is admin_preview_klarsprak.c.
 */
#include <stdlib.h>
#include <string.h>

#include "../app.h"
#include "../render/tmpl.h"
#include "../store/staff.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../web/req.h"
#include "../web/resp.h"
#include "admin.h"
#include "admin_staff.h"

#define LIX_MIN		10	/* targets outside this make no sense */
#define LIX_MAX		80
#define MAX_WORD	60	/* bytes of one word in the list */
#define MAX_WORDS	5000

/* The settings form into root, with the values target and words. */
static void
render_form(struct app *app, struct req *rq, struct resp *rs,
    struct tdict *root, const char *target, const char *words)
{
	td_text(root, "mal", target);
	td_text(root, "ordlista", words);
	td_textf(root, "lix_min", "%d", LIX_MIN);
	td_textf(root, "lix_max", "%d", LIX_MAX);
	page_render(app, rq, rs, "admin_klarsprak", root);
}

/* A stored setting, "" when unset or unreadable. */
static const char *
setting(struct app *app, const char *key)
{
	const char	*v;

	return store_setting(app->store, &app->arena, key, &v) == ST_OK &&
	    v != NULL ? v : "";
}

/*
 * GET /admin/klarsprak -- the form.  Query: sparad.
 * Statuses: 200.
 */
void
page_admin_klarsprak_form(struct app *app, struct req *rq, struct resp *rs)
{
	struct tdict	*root;

	root = admin_layout(app, rq, rs, "Klarspråk", "/admin/klarsprak");
	td_bool(root, "saved", req_query(rq, "sparad") != NULL);
	render_form(app, rq, rs, root, setting(app, "lix_target"),
	    setting(app, "spell_words"));
}

/* 1 if the target t is "" or a whole number from LIX_MIN to LIX_MAX. */
static int
target_ok(const char *t)
{
	int64_t	 v;

	return *t == '\0' || req_parse_int(t, LIX_MIN, LIX_MAX, &v) == ST_OK;
}

/* Append the word at p (n bytes) to b unless b has it: 1 if new. */
static int
add_unique(struct buf *b, const char *p, size_t n)
{
	const char	*s, *e;

	for (s = b->len ? b->data : ""; s < b->data + b->len; s = e + 1) {
		if ((e = memchr(s, '\n', (size_t)(b->data + b->len - s))) ==
		    NULL)
			e = b->data + b->len;
		if ((size_t)(e - s) == n && memcmp(s, p, n) == 0)
			return 0;
	}
	if (b->len)
		buf_putc(b, '\n');
	buf_append(b, p, n);
	return 1;
}

/*
 * The word list in, one word a line, trimmed, blank lines and repeats
 * dropped, in ar; NULL (with *bad, in ar, the offending line) when a
 * line holds a space or is too long, or there are too many words.
 */
static const char *
clean_words(struct arena *ar, const char *in, const char **bad)
{
	struct buf	 b;
	const char	*p, *e, *res = NULL;
	size_t		 n, count = 0;

	*bad = NULL;
	buf_init(&b);
	for (p = in; *p != '\0' && *bad == NULL; p = *e ? e + 1 : e) {
		e = p + strcspn(p, "\n");
		p += strspn(p, " \t\r");
		for (n = (size_t)(e - p); n > 0 && strchr(" \t\r", p[n - 1]);
		    n--)
			continue;
		if (n == 0)
			continue;
		if (n > MAX_WORD || memchr(p, ' ', n) || memchr(p, '\t', n) ||
		    ++count > MAX_WORDS)
			*bad = arena_strndup(ar, p, n > MAX_WORD ? MAX_WORD : n);
		else
			add_unique(&b, p, n);
	}
	if (*bad == NULL)
		res = arena_strndup(ar, b.len ? b.data : "", b.len);
	buf_free(&b);
	return res;
}

/*
 * POST /admin/klarsprak -- save the target and the word list.
 * Form: mal (LIX_MIN..LIX_MAX or empty), ordlista (one word a line).
 * Statuses: 303 to the form with a confirmation, 400 (the form again
 * with what was written), 503 and 507 (not saved, text kept), 500.
 */
void
page_admin_klarsprak_save(struct app *app, struct req *rq, struct resp *rs)
{
	struct tdict	*root;
	const char	*target, *words, *clean, *bad;
	enum status	 st;

	target = form_field(&app->arena, req_form(rq, "mal"));
	words = req_form(rq, "ordlista") ? req_form(rq, "ordlista") : "";
	root = admin_layout(app, rq, rs, "Klarspråk", "/admin/klarsprak");
	if (!target_ok(target))
		form_error(app, root, "mal", arena_printf(&app->arena,
		    "Skriv målet som ett heltal från %d till %d, eller lämna "
		    "rutan tom.", LIX_MIN, LIX_MAX));
	if ((clean = clean_words(&app->arena, words, &bad)) == NULL)
		form_error(app, root, "ordlista", arena_printf(&app->arena,
		    "Skriv ett ord per rad, utan mellanslag, högst %d tecken "
		    "och %d ord. Rätta raden \"%s\".", MAX_WORD, MAX_WORDS,
		    bad));
	st = form_has_errors(root) ? ST_BADREQ : store_klarsprak_save(
	    app->store, admin_account_id(rq), target, clean);
	if (st == ST_OK) {
		resp_redirect(rs, 303, "/admin/klarsprak?sparad=1");
		return;
	}
	if (st != ST_BADREQ && !form_save_failed(app, rs, root, st, NULL)) {
		page_error(app, rq, rs, st);
		return;
	}
	if (st == ST_BADREQ)
		resp_status(rs, 400);
	render_form(app, rq, rs, root, target, words);
}

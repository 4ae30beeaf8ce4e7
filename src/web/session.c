/*
 * session.c -- staff sessions in a cookie, stored hashed.
 *
 * A session ends SESSION_IDLE after its last use or SESSION_TTL after
 * it began, whichever is first.  Its row (and form token) is kept
 * SESSION_KEEP longer, so that a form sent after the end can still
 * prove it came from our own page (session_form_owner()).  On https the
 * cookie is "__Host-pressrum_session": the browser then refuses one
 * set by any other host, or with a Domain or another Path.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../app.h"
#include "../store/store.h"
#include "../util/clock.h"
#include "../util/crypto.h"
#include "../util/log.h"
#include "req.h"
#include "resp.h"
#include "session.h"

/* Use at most once a minute to mark a session as used. */
#define TOUCH_EVERY	60

const char *
session_cookie(const struct app *app)
{
	return app->cfg.secure_cookies ? "__Host-" SESSION_COOKIE :
	    SESSION_COOKIE;
}

enum status
session_load(struct app *app, const struct req *rq, struct session *out)
{
	const char	*tok = req_cookie(rq, session_cookie(app));
	char		 h[TOKEN_HASH_LEN + 1];
	int64_t		 now = clock_now();
	enum status	 st;

	memset(out, 0, sizeof(*out));
	if (tok == NULL || strlen(tok) != TOKEN_LEN)
		return ST_NOTFOUND;
	token_hash(tok, h);
	st = store_session_get(app->store, &app->arena, h, now,
	    now - SESSION_IDLE, out);
	if (st == ST_OK && now - out->last_seen_at >= TOUCH_EVERY &&
	    store_session_touch(app->store, h, now) != ST_OK)
		log_error("could not mark a session as used");
	return st;
}

enum status
session_token_owner(struct app *app, const char *tok, int64_t *account_id)
{
	if (tok == NULL || strlen(tok) != TOKEN_LEN)
		return ST_NOTFOUND;
	return store_session_csrf_owner(app->store, tok,
	    clock_now() - SESSION_KEEP, SESSION_IDLE, account_id);
}

enum status
session_form_owner(struct app *app, const struct req *rq,
    int64_t *account_id)
{
	if (!same_origin(app, rq))
		return ST_NOTFOUND;
	return session_token_owner(app, req_form(rq, "csrf"), account_id);
}

static void
set_cookie(struct app *app, struct resp *rs, const char *value, long max_age)
{
	char	 line[256];

	snprintf(line, sizeof(line), "%s=%s; Path=/; Max-Age=%ld; HttpOnly; "
	    "SameSite=Lax%s", session_cookie(app), value, max_age,
	    app->cfg.secure_cookies ? "; Secure" : "");
	resp_header(rs, "Set-Cookie", line);
}

enum status
session_start(struct app *app, struct resp *rs, int64_t account_id,
    const char **csrf_out)
{
	char		 tok[TOKEN_LEN + 1], csrf[TOKEN_LEN + 1];
	char		 h[TOKEN_HASH_LEN + 1];
	int64_t		 now = clock_now();
	enum status	 st;

	token_new(tok);
	token_new(csrf);
	token_hash(tok, h);
	if ((st = store_session_add(app->store, h, account_id, csrf, now,
	    now + SESSION_TTL)) != ST_OK)
		return st;
	set_cookie(app, rs, tok, SESSION_TTL);
	if (csrf_out != NULL)
		*csrf_out = arena_strdup(&app->arena, csrf);
	return ST_OK;
}

void
session_prune(struct app *app)
{
	if (store_prune(app->store, clock_now() - SESSION_KEEP,
	    SESSION_IDLE) != ST_OK)
		log_error("could not prune sessions and sign-in attempts");
}

void
session_end(struct app *app, const struct req *rq, struct resp *rs)
{
	const char	*tok = req_cookie(rq, session_cookie(app));
	char		 h[TOKEN_HASH_LEN + 1];

	if (tok != NULL && strlen(tok) == TOKEN_LEN) {
		token_hash(tok, h);
		if (store_session_end(app->store, h, clock_now()) != ST_OK)
			log_error("could not end a session");
	}
	set_cookie(app, rs, "", 0);
}

/* 1 if url starts with the base URL's origin followed by '/' or end. */
static int
from_base(const struct app *app, const char *url)
{
	const char	*base = app->cfg.base_url, *slash;
	size_t		 n;

	/* The origin is the base URL up to the first '/' after "//". */
	if ((slash = strstr(base, "//")) == NULL)
		return 0;
	slash = strchr(slash + 2, '/');
	n = slash ? (size_t)(slash - base) : strlen(base);
	return strncmp(url, base, n) == 0 &&
	    (url[n] == '\0' || url[n] == '/');
}

int
same_origin(const struct app *app, const struct req *rq)
{
	if (rq->origin != NULL && strcmp(rq->origin, "null") != 0)
		return from_base(app, rq->origin);
	if (rq->origin != NULL)
		return 0;
	if (rq->referer != NULL)
		return from_base(app, rq->referer);
	return 1;	/* neither sent: the token alone decides */
}

enum status
csrf_check(const struct app *app, const struct req *rq,
    const struct session *s)
{
	const char	*tok = req_form(rq, "csrf");

	if (tok == NULL || s->csrf == NULL || !ct_streq(tok, s->csrf))
		return ST_FORBIDDEN;
	if (!same_origin(app, rq))
		return ST_FORBIDDEN;
	return ST_OK;
}

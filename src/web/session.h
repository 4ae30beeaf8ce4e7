/*
 * session.h -- who is asking, and may they.
 *
 * A staff member signs in and gets a session: a random token in the
 * cookie "pressrum_session" (HttpOnly, SameSite=Lax; on https Secure
 * and named "__Host-pressrum_session"), stored only as its hash.  Every staff POST must carry the session's
 * CSRF token in the field "csrf" and come from our own origin.
 */
#ifndef SESSION_H
#define SESSION_H

#include "../util/status.h"

#define SESSION_COOKIE	"pressrum_session"
#define SESSION_TTL	(8 * 3600)	/* a working day, then sign in again */
#define SESSION_IDLE	3600		/* unused for an hour: sign in again */
#define SESSION_KEEP	(7 * 24 * 3600)	/* an ended session's row stays:
					 * a form left open over a
					 * holiday weekend still counts
					 * as ours */

struct app;
struct req;
struct resp;
struct session;

/* The session cookie's name: with the __Host- prefix on https. */
const char	*session_cookie(const struct app *);
/* The session the request's cookie names, into *out (strings in the
 * request arena).  ST_NOTFOUND when there is none or it has ended. */
enum status	session_load(struct app *, const struct req *,
		    struct session *out);
/* Start a session for the account and set the cookie; *csrf (may be
 * NULL) gets the new session's form token, in the request arena. */
enum status	session_start(struct app *, struct resp *, int64_t account_id,
		    const char **csrf);
/* The account whose session issued form token tok, that session live
 * or ended less than SESSION_KEEP ago.  ST_OK, ST_NOTFOUND, ST_DBERR. */
enum status	session_token_owner(struct app *, const char *tok,
		    int64_t *account_id);
/* The account whose session issued the POST's form token ("csrf"),
 * that session live or ended less than SESSION_KEEP ago, when the POST
 * comes from our own origin: proof that the form is one of our pages.
 * ST_OK, ST_NOTFOUND, ST_DBERR. */
enum status	session_form_owner(struct app *, const struct req *,
		    int64_t *account_id);
/* Drop sessions ended more than SESSION_KEEP ago and sign-in attempts
 * as old (a failure is logged, not returned). */
void		session_prune(struct app *);
/* End the request's session server-side and clear the cookie. */
void		session_end(struct app *, const struct req *, struct resp *);

/* ST_OK when the POST carries the session's token and, if the browser
 * says where it comes from (Origin, else Referer), that is our own base
 * URL.  ST_FORBIDDEN otherwise. */
enum status	csrf_check(const struct app *, const struct req *,
		    const struct session *);
/* Same-origin part alone, for forms without a session (sign-in). */
int		same_origin(const struct app *, const struct req *);

#endif

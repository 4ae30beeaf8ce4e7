/*
 * status.h -- the one error vocabulary of Pressrum.
 *
 * Every function that can fail returns an enum status; ST_OK is zero so
 * that "if (st != ST_OK) goto out;" reads naturally.  pages/error.c maps
 * each value to an HTTP status and a Swedish message.
 */
#ifndef STATUS_H
#define STATUS_H

enum status {
	ST_OK = 0,
	ST_BADREQ,	/* malformed input: 400 */
	ST_FORBIDDEN,	/* not allowed: 403 */
	ST_NOTFOUND,	/* no such page or row: 404 */
	ST_METHOD,	/* method not allowed: 405 */
	ST_CONFLICT,	/* unique clash or stale edit: 409 */
	ST_TOOLARGE,	/* body or field over a limit: 413 */
	ST_DBERR,	/* SQLite failed: 500, logged */
	ST_BUSY,	/* another writer held the database past the busy
			 * timeout (SQLITE_BUSY, SQLITE_LOCKED): 503, try
			 * again in a moment */
	ST_FULL,	/* the disk refused the write (SQLITE_FULL, any
			 * SQLITE_IOERR): 507 */
	ST_ERROR	/* anything else internal: 500, logged */
};

#endif

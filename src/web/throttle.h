/*
 * throttle.h -- slowing down password guessing.
 *
 * Failed password checks (at sign-in, and of the current password when
 * someone changes their own) are counted per account name and per
 * address: after THROTTLE_SOFT failures in THROTTLE_WINDOW a new try
 * must wait THROTTLE_WAIT seconds, after THROTTLE_HARD (or ADDR_HARD
 * from one address) the check is refused until the window has passed.
 * The name is counted folded to lower case, as the account lookup
 * compares it; an IPv6 address by its /64, which one host usually has
 * whole.
 */
#ifndef THROTTLE_H
#define THROTTLE_H

#include "../util/status.h"

#define THROTTLE_WINDOW	(15 * 60)
#define THROTTLE_SOFT	5
#define THROTTLE_WAIT	30
#define THROTTLE_HARD	10
#define ADDR_HARD	30

struct app;
struct arena;
struct req;

/* An IPv6 address as its /64 ("2001:db8:1:2::/64"), which one host
 * usually has whole; anything else as it is.  Allocated in ar.  Also
 * what the sign-up limit counts per sender (pages/subscribe.c). */
const char	*throttle_addr_net(struct arena *, const char *addr);

/* The counters' keys for one request: "konto:<folded name>" and
 * "adress:<address or /64>", in the request arena. */
struct throttle {
	const char	*ukey;
	const char	*akey;
};

void		throttle_keys(struct app *, const struct req *,
		    const char *name, struct throttle *);
/* ST_OK: the password may be checked.  ST_FORBIDDEN with a Swedish
 * message in *why (answer 429), or ST_DBERR. */
enum status	throttle_check(struct app *, const struct throttle *,
		    const char **why);
/* Count one failure on both keys. */
enum status	throttle_failed(struct app *, const struct throttle *);
/* A success: forget the name's failures. */
enum status	throttle_clear(struct app *, const struct throttle *);

#endif

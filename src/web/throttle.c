/*
 * throttle.c -- slowing down password guessing (see throttle.h): the
 * keys a request is counted under, and the decision from the counts
 * the store keeps (login_attempt).
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <string.h>

#include "../app.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/clock.h"
#include "req.h"
#include "throttle.h"

const char *
throttle_addr_net(struct arena *ar, const char *addr)
{
	unsigned char	 a[16];
	char		 net[INET6_ADDRSTRLEN];

	if (strchr(addr, ':') == NULL || strchr(addr, '.') != NULL ||
	    inet_pton(AF_INET6, addr, a) != 1)
		return addr;
	memset(a + 8, 0, 8);
	if (inet_ntop(AF_INET6, a, net, sizeof(net)) == NULL)
		return addr;
	return arena_printf(ar, "%s/64", net);
}

void
throttle_keys(struct app *app, const struct req *rq, const char *name,
    struct throttle *t)
{
	char	*k = arena_printf(&app->arena, "konto:%s", name), *p;

	for (p = k; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	t->ukey = k;
	t->akey = arena_printf(&app->arena, "adress:%s",
	    rq->remote_addr ? throttle_addr_net(&app->arena, rq->remote_addr) : "-");
}

enum status
throttle_check(struct app *app, const struct throttle *t, const char **why)
{
	int64_t		 now = clock_now(), ulast, alast;
	int		 ucount, acount;

	if (store_login_recent(app->store, t->ukey, now - THROTTLE_WINDOW,
	    &ucount, &ulast) != ST_OK || store_login_recent(app->store,
	    t->akey, now - THROTTLE_WINDOW, &acount, &alast) != ST_OK)
		return ST_DBERR;
	if (ucount >= THROTTLE_HARD || acount >= ADDR_HARD) {
		*why = "För många misslyckade inloggningar. Inloggningen är "
		    "spärrad i 15 minuter. Kontakta en administratör om du "
		    "har glömt ditt lösenord.";
		return ST_FORBIDDEN;
	}
	if ((ucount >= THROTTLE_SOFT && now - ulast < THROTTLE_WAIT) ||
	    (acount >= THROTTLE_SOFT && now - alast < THROTTLE_WAIT)) {
		*why = "Flera misslyckade inloggningar. Vänta 30 sekunder och "
		    "försök sedan igen.";
		return ST_FORBIDDEN;
	}
	return ST_OK;
}

enum status
throttle_failed(struct app *app, const struct throttle *t)
{
	if (store_login_failed(app->store, t->ukey, clock_now()) != ST_OK ||
	    store_login_failed(app->store, t->akey, clock_now()) != ST_OK)
		return ST_DBERR;
	return ST_OK;
}

enum status
throttle_clear(struct app *app, const struct throttle *t)
{
	return store_login_clear(app->store, t->ukey);
}

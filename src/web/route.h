/*
 * route.h -- from method and path to a page handler.
 *
 * The routes are a static table in route.c: a pattern, the methods it
 * takes and what the page needs.  route_request() runs one whole request
 * on a connection: parse, find the route, call the handler, log a line,
 * flush the response.
 */
#ifndef ROUTE_H
#define ROUTE_H

struct app;
struct conn;

/* Serve the request waiting on c.  Everything it allocates lives in
 * app->arena, which this resets first. */
void	route_request(struct app *, struct conn *);

#endif

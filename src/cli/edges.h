/*
 * edges.h -- the master's side of the edge caches (cache/edge.h): one
 * purger process per edge, told of each change through a pipe.
 */
#ifndef EDGES_H
#define EDGES_H

#include <sys/types.h>

#include "../cache/edge.h"

struct config;

struct edges {
	struct edge_board	*board;		/* shared; NULL: no edges */
	pid_t			 pid[EDGE_MAX];
	int			 wake[EDGE_MAX];	/* a purger's pipe */
};

/* Make the shared board (cfg->edges points at it) and start a purger
 * per cfg->purge URL; each purges once at start.  Call before anything
 * a child must not inherit is opened.  0, or -1 (logged). */
int	edges_start(struct edges *, struct config *cfg);
/* The public pages changed: every edge is purged (again). */
void	edges_purge(struct edges *);
/* Stop the purgers (by PID) and wait for them. */
void	edges_stop(struct edges *);

#endif

/*
 * role.h -- who may do what in the staff area, written once.
 *
 * Every account has one role (account.role, stored as its name).  A
 * role grants rights; a staff route (web/route.c) and a staff menu entry
 * (pages/admin.c) name the rights they need, and one right is enough.
 * The account form, `pressrum user add`, the start page's cards and the
 * 403 page's "only for ..." all read this table, so they cannot
 * disagree.  Adding a role is a row here and a migration widening the
 * CHECK on account.role.
 */
#ifndef ROLE_H
#define ROLE_H

#include <stddef.h>

enum role {
	ROLE_ADMIN,
	ROLE_REDAKTOR,
	ROLE_PRESS,
	ROLE__COUNT
};

/* Rights, as bits: what a route or a menu entry needs. */
enum role_right {
	RIGHT_ADMIN	= 1 << 0,	/* accounts, notice, statement, log */
	RIGHT_EDIT	= 1 << 1,	/* articles and topic pages */
	RIGHT_PRESS	= 1 << 2	/* contacts and press duty */
};

#define RIGHT_ALL	(RIGHT_ADMIN | RIGHT_EDIT | RIGHT_PRESS)

struct role_info {
	enum role	 role;
	const char	*name;		/* stored in account.role */
	const char	*label;		/* "Redaktör" */
	const char	*plural;	/* "redaktörer", for the 403 page */
	const char	*about;		/* the account form's help text */
	int		 rights;
};

/* The table, in the account form's order; role_table[r].role == r. */
extern const struct role_info	 role_table[ROLE__COUNT];

/* The row for a stored role name, or NULL when it is none. */
const struct role_info	*role_find(const char *name);
/* 1 if a role named name has one of the rights in need (need 0: any
 * signed-in role).  An unknown name has no rights. */
int			 role_may(const char *name, int need);

#endif

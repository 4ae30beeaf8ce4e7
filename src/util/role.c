/*
 * role.c -- the role table (role.h): the one place that says which role
 * may do what.
 */
#include <string.h>

#include "role.h"

const struct role_info role_table[ROLE__COUNT] = {
	{ ROLE_ADMIN, "admin", "Administratör", "administratörer",
	    "Allt, även konton, notisen och loggen.", RIGHT_ALL },
	{ ROLE_REDAKTOR, "redaktor", "Redaktör", "redaktörer",
	    "Skriver och publicerar artiklar och ämnessidor.", RIGHT_EDIT },
	{ ROLE_PRESS, "press", "Pressansvarig", "pressansvariga",
	    "Håller kontakter och pressjour aktuella.", RIGHT_PRESS },
};

const struct role_info *
role_find(const char *name)
{
	size_t	 i;

	for (i = 0; name != NULL && i < ROLE__COUNT; i++)
		if (strcmp(name, role_table[i].name) == 0)
			return &role_table[i];
	return NULL;
}

int
role_may(const char *name, int need)
{
	const struct role_info	*r = role_find(name);

	return r != NULL && (need == 0 || (r->rights & need) != 0);
}

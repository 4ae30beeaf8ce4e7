/*
 * admin_form.c -- what the staff forms share besides their errors
 * (admin.c): a posted field trimmed of white space.  Phone numbers and
 * e-mail addresses are checked by util/valid.c.
 */
#include <string.h>

#include "../util/arena.h"
#include "admin.h"

const char *
form_field(struct arena *ar, const char *v)
{
	size_t	 n;

	if (v == NULL)
		return "";
	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	n = strlen(v);
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t' ||
	    v[n - 1] == '\r' || v[n - 1] == '\n'))
		n--;
	return arena_strndup(ar, v, n);
}

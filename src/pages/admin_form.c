/*
 * admin_form.c -- checks the staff forms share (admin_staff.h): a field
 * trimmed of white space, a plausible work phone number and e-mail
 * address.  Used by the contacts, press duty, notice, statement and
 * account pages.
 */
#include <string.h>

#include "../util/arena.h"
#include "admin_staff.h"

#define EMAIL_MAX	200	/* bytes in an e-mail address */

const char *
staff_field(struct arena *ar, const char *v)
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

int
staff_phone_ok(const char *p)
{
	size_t	 i, digits = 0;

	if (strlen(p) > 40)
		return 0;
	for (i = 0; p[i] != '\0'; i++) {
		if (p[i] >= '0' && p[i] <= '9')
			digits++;
		else if (p[i] == '+' && i != 0)
			return 0;
		else if (strchr("+ -()/", p[i]) == NULL)
			return 0;
	}
	return digits >= 6 && digits <= 20;
}

int
staff_email_ok(const char *e)
{
	const char	*at = strchr(e, '@'), *dot;
	size_t		 i;

	if (at == NULL || at == e || strchr(at + 1, '@') != NULL ||
	    strlen(e) > EMAIL_MAX)
		return 0;
	for (i = 0; e[i] != '\0'; i++)
		if ((unsigned char)e[i] <= ' ' || (unsigned char)e[i] == 0x7f ||
		    strchr("<>\",;?&%:/\\", e[i]))
			return 0;
	dot = strrchr(at, '.');
	return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

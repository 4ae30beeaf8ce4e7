/*
 * valid.c -- is it a phone number, is it an e-mail address (valid.h).
 * Nothing allocates.
 */
#include <string.h>

#include "valid.h"

int
valid_phone(const char *p)
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
valid_email(const char *e)
{
	const char	*at = strchr(e, '@'), *dot;
	size_t		 i;

	if (at == NULL || at == e || strchr(at + 1, '@') != NULL ||
	    strlen(e) > VALID_EMAIL_MAX)
		return 0;
	for (i = 0; e[i] != '\0'; i++)
		if ((unsigned char)e[i] <= ' ' || (unsigned char)e[i] == 0x7f ||
		    strchr("<>\",;?&%:/\\", e[i]))
			return 0;
	dot = strrchr(at, '.');
	return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

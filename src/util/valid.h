/*
 * valid.h -- plausibility checks for what people type into a form and
 * the site later shows as a link: a work phone number (tel:) and an
 * e-mail address (mailto:, and the address news is mailed to).  The
 * staff forms, the subscription form and the public pages that show a
 * stored address all ask here, so they cannot disagree.
 */
#ifndef VALID_H
#define VALID_H

#define VALID_EMAIL_MAX	254	/* bytes in an address (RFC 5321) */

/* A plausible work phone number: digits, spaces and + - ( ) /, a '+'
 * only first, 6 to 20 digits, at most 40 characters. */
int	 valid_phone(const char *);
/* A plausible e-mail address: no white space or control character, none
 * of < > " , ; and nothing a mailto: link would read as more than the
 * address (? & % : / \), one '@' with text before it and a domain after
 * it that has a dot inside, at most VALID_EMAIL_MAX bytes. */
int	 valid_email(const char *);

#endif

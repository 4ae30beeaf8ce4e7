/*
 * civil.h -- calendar arithmetic: UTC, Europe/Stockholm, HTTP and e-mail
 * dates.
 *
 * The layer below every user of dates: the store (a Stockholm year's
 * bounds for filters and archives), the web layer (Last-Modified and
 * If-Modified-Since) and render/date.c (dates as Swedes write them).
 * Nothing here allocates.  Stockholm's rule is fixed to the POSIX TZ
 * "CET-1CEST,M3.5.0,M10.5.0/3", so neither TZ nor zoneinfo matter, and
 * the arithmetic is on int64_t days: no time_t range limits apply.
 */
#ifndef CIVIL_H
#define CIVIL_H

#include <stdint.h>

#define CIVIL_MIN_TIME	(-62135596800LL)	/* 0001-01-01T00:00:00Z */
#define CIVIL_MAX_TIME	(253402300799LL)	/* 9999-12-31T23:59:59Z */

struct civil {
	int64_t	 year;
	int	 mon;		/* 1..12 */
	int	 mday;		/* 1..31 */
	int	 hour, min, sec;
	int	 wday;		/* 0 = Sunday */
	int	 off;		/* seconds east of UTC */
};

/* Days since 1970-01-01 of the proleptic Gregorian date y-m-d. */
int64_t	 civil_days(int64_t y, int m, int d);
/* Stockholm's offset from UTC at t, in seconds: 3600 or 7200. */
int	 civil_offset(int64_t t);
/* Stockholm wall-clock time of t into c (t clamped to years 1..9999). */
void	 civil_local(int64_t t, struct civil *c);
/* The Stockholm calendar year of t (clamped to 1..9999). */
int	 civil_year(int64_t t);
/* The first moment of that Stockholm year: 23:00 UTC on 31 December of
 * the year before (Stockholm is UTC+1 at every New Year). */
int64_t	 civil_year_start(int year);
/* t as an IMF-fixdate, "Fri, 12 Feb 2021 08:30:00 GMT", into out
 * (clamped to years 1..9999). */
void	 civil_http_date(int64_t t, char out[32]);
/* The same as an e-mail's Date (RFC 5322: "... 08:30:00 +0000"). */
void	 civil_mail_date(int64_t t, char out[32]);
/* Parse an HTTP-date in any of its three forms (IMF-fixdate, RFC 850,
 * asctime) into *t.  Returns 0 when s is not one. */
int	 civil_http_parse(const char *s, int64_t *t);

#endif

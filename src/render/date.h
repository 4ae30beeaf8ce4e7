/*
 * date.h -- dates as people in Sweden write them, in Europe/Stockholm.
 *
 * The time zone is fixed to Europe/Stockholm whatever TZ the server has
 * (rules as a POSIX TZ string, so no zoneinfo files are needed).
 */
#ifndef DATE_H
#define DATE_H

#include <stdint.h>

struct arena;

/* "12 februari 2021" */
char	*date_sv(struct arena *, int64_t unixtime);
/* "12 februari 2021 kl. 09.30" */
char	*date_sv_time(struct arena *, int64_t unixtime);
/* "2021-02-12T09:30:00+01:00": for <time datetime> and feeds */
char	*date_iso(struct arena *, int64_t unixtime);
/* "2021-02-12" and "09:30", for <input type=date/time> */
char	*date_ymd(struct arena *, int64_t unixtime);
char	*date_hm(struct arena *, int64_t unixtime);
/* "Fri, 12 Feb 2021 08:30:00 GMT": for Last-Modified */
char	*date_http(struct arena *, int64_t unixtime);
/* Stockholm calendar year of t */
int	 date_year(int64_t unixtime);
/* The first moment of that year in Stockholm (New Year's midnight). */
int64_t	 date_year_start(int year);
/* Parse "YYYY-MM-DD" and "HH:MM" as Stockholm local time; -1 on error. */
int64_t	 date_parse_local(const char *ymd, const char *hm);
/* Parse "YYYY-MM-DD HH:MM:SS UTC"; -1 on error. */
int64_t	 date_parse_utc(const char *s);

#endif

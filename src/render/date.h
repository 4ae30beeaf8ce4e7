/*
 * date.h -- dates as people in Sweden write them, in Europe/Stockholm.
 *
 * The time zone is fixed to Europe/Stockholm whatever TZ the server has
 * (rules as a POSIX TZ string, so no zoneinfo files are needed).
 * The year of a moment and a year's start are civil_year() and
 * civil_year_start() in util/civil.h.
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
/* Parse "YYYY-MM-DD" and "HH:MM" as Stockholm local time; -1 on error. */
int64_t	 date_parse_local(const char *ymd, const char *hm);
/* Parse "YYYY-MM-DD HH:MM:SS UTC"; -1 on error. */
int64_t	 date_parse_utc(const char *s);

#endif

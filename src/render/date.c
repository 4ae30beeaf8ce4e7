/*
 * date.c -- dates as people in Sweden write them, in Europe/Stockholm.
 *
 * Pages show "12 februari 2021", forms use "2021-02-12" and "09:30",
 * and feeds and <time> want ISO 8601 with the offset.  The calendar and
 * the Stockholm time zone are util/civil.c's (also the store's and the
 * web layer's); this file only formats and parses what people type.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/civil.h"
#include "date.h"

#define DAY		86400

static const char *const months_sv[12] = {
	"januari", "februari", "mars", "april", "maj", "juni", "juli",
	"augusti", "september", "oktober", "november", "december",
};

/* "12 februari 2021", in ar. */
char *
date_sv(struct arena *ar, int64_t t)
{
	struct civil	 c;

	civil_local(t, &c);
	return arena_printf(ar, "%d %s %lld", c.mday, months_sv[c.mon - 1],
	    (long long)c.year);
}

/* "12 februari 2021 kl. 09.30", in ar. */
char *
date_sv_time(struct arena *ar, int64_t t)
{
	struct civil	 c;

	civil_local(t, &c);
	return arena_printf(ar, "%d %s %lld kl. %02d.%02d", c.mday,
	    months_sv[c.mon - 1], (long long)c.year, c.hour, c.min);
}

/* "2021-02-12T09:30:00+01:00", in ar. */
char *
date_iso(struct arena *ar, int64_t t)
{
	struct civil	 c;

	civil_local(t, &c);
	return arena_printf(ar, "%04lld-%02d-%02dT%02d:%02d:%02d+%02d:00",
	    (long long)c.year, c.mon, c.mday, c.hour, c.min, c.sec,
	    c.off / 3600);
}

/* "2021-02-12" (Stockholm date), in ar. */
char *
date_ymd(struct arena *ar, int64_t t)
{
	struct civil	 c;

	civil_local(t, &c);
	return arena_printf(ar, "%04lld-%02d-%02d", (long long)c.year,
	    c.mon, c.mday);
}

/* "09:30" (Stockholm time), in ar. */
char *
date_hm(struct arena *ar, int64_t t)
{
	struct civil	 c;

	civil_local(t, &c);
	return arena_printf(ar, "%02d:%02d", c.hour, c.min);
}

/* Parse exactly n decimal digits at s; -1 if any is not a digit. */
static int
digits(const char *s, size_t n)
{
	int	 v = 0;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Days in month m of year y. */
static int
month_days(int y, int m)
{
	static const int	 mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 29;
	return mdays[m - 1];
}

/*
 * Seconds since the epoch of Stockholm wall-clock ymd hm, both checked
 * strictly ("YYYY-MM-DD", "HH:MM"; hm NULL or "" is midnight).
 * In the autumn hour that happens twice the first (summer time) one is
 * taken; a time in the spring gap is read as winter time, i.e. it lands
 * an hour later on the clock.  Returns -1 on any malformed or impossible
 * date or time.
 */
int64_t
date_parse_local(const char *ymd, const char *hm)
{
	int	 y, m, d, h = 0, mi = 0;
	int64_t	 wall, t;

	if (ymd == NULL || strlen(ymd) != 10 || ymd[4] != '-' || ymd[7] != '-')
		return -1;
	if ((y = digits(ymd, 4)) < 1900 || (m = digits(ymd + 5, 2)) < 1 ||
	    m > 12 || (d = digits(ymd + 8, 2)) < 1 || d > month_days(y, m))
		return -1;
	if (hm != NULL && hm[0] != '\0') {
		if (strlen(hm) != 5 || hm[2] != ':')
			return -1;
		if ((h = digits(hm, 2)) < 0 || h > 23 ||
		    (mi = digits(hm + 3, 2)) < 0 || mi > 59)
			return -1;
	}
	wall = civil_days(y, m, d) * DAY + h * 3600 + mi * 60;
	if (civil_offset(t = wall - 7200) == 7200)
		return t;
	return wall - 3600;
}

/*
 * Parse "YYYY-MM-DD HH:MM:SS UTC" (SQLite's datetime() with " UTC", as
 * older audit rows store times).  Returns -1 on anything else.
 */
int64_t
date_parse_utc(const char *s)
{
	int	 y, m, d, h, mi, se;

	if (s == NULL || strlen(s) != 23 || s[4] != '-' || s[7] != '-' ||
	    s[10] != ' ' || s[13] != ':' || s[16] != ':' ||
	    strcmp(s + 19, " UTC") != 0)
		return -1;
	if ((y = digits(s, 4)) < 1900 || (m = digits(s + 5, 2)) < 1 ||
	    m > 12 || (d = digits(s + 8, 2)) < 1 || d > month_days(y, m) ||
	    (h = digits(s + 11, 2)) < 0 || h > 23 ||
	    (mi = digits(s + 14, 2)) < 0 || mi > 59 ||
	    (se = digits(s + 17, 2)) < 0 || se > 59)
		return -1;
	return civil_days(y, m, d) * DAY + h * 3600 + mi * 60 + se;
}

/*
 * date.c -- dates as people in Sweden write them, in Europe/Stockholm.
 *
 * Pages show "12 februari 2021", forms use "2021-02-12" and "09:30",
 * feeds and <time> want ISO 8601 with the offset, and Last-Modified wants
 * RFC 7231 GMT.  The time zone is fixed to the POSIX rule
 * "CET-1CEST,M3.5.0,M10.5.0/3" (summer time from the last Sunday of March
 * 01:00 UTC to the last Sunday of October 01:00 UTC) and computed here,
 * so neither the process TZ nor zoneinfo files matter.  The calendar
 * arithmetic is done on int64_t days, so no time_t range limits apply.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "date.h"

#define DAY		86400
#define MIN_TIME	(-62135596800LL)	/* 0001-01-01T00:00:00Z */
#define MAX_TIME	(253402300799LL)	/* 9999-12-31T23:59:59Z */

struct civil {
	int64_t	 year;
	int	 mon;		/* 1..12 */
	int	 mday;		/* 1..31 */
	int	 hour, min, sec;
	int	 wday;		/* 0 = Sunday */
	int	 off;		/* seconds east of UTC */
};

static const char *const months_sv[12] = {
	"januari", "februari", "mars", "april", "maj", "juni", "juli",
	"augusti", "september", "oktober", "november", "december",
};
static const char *const months_en[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};
static const char *const wdays_en[7] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
};

/* Days since 1970-01-01 of the proleptic Gregorian date y-m-d. */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The date of day z (days since 1970-01-01) into c. */
static void
civil_from_days(int64_t z, struct civil *c)
{
	int64_t	 era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	c->mday = (int)(doy - (153 * mp + 2) / 5 + 1);
	c->mon = (int)(mp < 10 ? mp + 3 : mp - 9);
	c->year = yoe + era * 400 + (c->mon <= 2);
	c->wday = (int)(((z - 719468) % 7 + 7 + 4) % 7);
}

/* Split t (UTC seconds, already shifted by any offset) into c. */
static void
split(int64_t t, struct civil *c)
{
	int64_t	 days = t / DAY, secs = t % DAY;

	if (secs < 0) {
		secs += DAY;
		days--;
	}
	civil_from_days(days, c);
	c->hour = (int)(secs / 3600);
	c->min = (int)(secs / 60 % 60);
	c->sec = (int)(secs % 60);
}

/* Unix time of the last Sunday of month m (a 31-day month) at 01:00 UTC. */
static int64_t
last_sunday_0100(int64_t year, int m)
{
	int64_t	 d = days_from_civil(year, m, 31);
	int64_t	 wday = ((d % 7) + 7 + 4) % 7;

	return (d - wday) * DAY + 3600;
}

/* Stockholm's offset from UTC at t, in seconds: 3600 or 7200. */
static int
stockholm_offset(int64_t t)
{
	struct civil	 c;

	split(t, &c);
	if (t >= last_sunday_0100(c.year, 3) &&
	    t < last_sunday_0100(c.year, 10))
		return 7200;
	return 3600;
}

/* Stockholm wall-clock time of t into c (t clamped to years 1..9999). */
static void
local(int64_t t, struct civil *c)
{
	int	 off;

	if (t < MIN_TIME + DAY)
		t = MIN_TIME + DAY;
	if (t > MAX_TIME - DAY)
		t = MAX_TIME - DAY;
	off = stockholm_offset(t);
	split(t + off, c);
	c->off = off;
}

/* "12 februari 2021", in ar. */
char *
date_sv(struct arena *ar, int64_t t)
{
	struct civil	 c;

	local(t, &c);
	return arena_printf(ar, "%d %s %lld", c.mday, months_sv[c.mon - 1],
	    (long long)c.year);
}

/* "12 februari 2021 kl. 09.30", in ar. */
char *
date_sv_time(struct arena *ar, int64_t t)
{
	struct civil	 c;

	local(t, &c);
	return arena_printf(ar, "%d %s %lld kl. %02d.%02d", c.mday,
	    months_sv[c.mon - 1], (long long)c.year, c.hour, c.min);
}

/* "2021-02-12T09:30:00+01:00", in ar. */
char *
date_iso(struct arena *ar, int64_t t)
{
	struct civil	 c;

	local(t, &c);
	return arena_printf(ar, "%04lld-%02d-%02dT%02d:%02d:%02d+%02d:00",
	    (long long)c.year, c.mon, c.mday, c.hour, c.min, c.sec,
	    c.off / 3600);
}

/* "2021-02-12" (Stockholm date), in ar. */
char *
date_ymd(struct arena *ar, int64_t t)
{
	struct civil	 c;

	local(t, &c);
	return arena_printf(ar, "%04lld-%02d-%02d", (long long)c.year,
	    c.mon, c.mday);
}

/* "09:30" (Stockholm time), in ar. */
char *
date_hm(struct arena *ar, int64_t t)
{
	struct civil	 c;

	local(t, &c);
	return arena_printf(ar, "%02d:%02d", c.hour, c.min);
}

/* "Fri, 12 Feb 2021 08:30:00 GMT" (RFC 7231 IMF-fixdate), in ar. */
char *
date_http(struct arena *ar, int64_t t)
{
	struct civil	 c;

	if (t < MIN_TIME)
		t = MIN_TIME;
	if (t > MAX_TIME)
		t = MAX_TIME;
	split(t, &c);
	return arena_printf(ar, "%s, %02d %s %04lld %02d:%02d:%02d GMT",
	    wdays_en[c.wday], c.mday, months_en[c.mon - 1],
	    (long long)c.year, c.hour, c.min, c.sec);
}

/* The Stockholm calendar year of t. */
int
date_year(int64_t t)
{
	struct civil	 c;

	local(t, &c);
	return (int)c.year;
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
	wall = days_from_civil(y, m, d) * DAY + h * 3600 + mi * 60;
	if (stockholm_offset(t = wall - 7200) == 7200)
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
	return days_from_civil(y, m, d) * DAY + h * 3600 + mi * 60 + se;
}

int64_t
date_year_start(int year)
{
	char	 ymd[16];

	snprintf(ymd, sizeof(ymd), "%04d-01-01", year);
	return date_parse_local(ymd, "00:00");
}

/*
 * civil.c -- calendar arithmetic: UTC, Europe/Stockholm and HTTP dates.
 *
 * Howard Hinnant's days-from-civil algorithms on int64_t days; the
 * Stockholm offset from the EU rule (summer time from the last Sunday
 * of March 01:00 UTC to the last Sunday of October 01:00 UTC); the
 * three HTTP-date forms of RFC 9110.  No allocation, no time_t.
 */
#include <stdio.h>
#include <string.h>

#include "civil.h"

#define DAY	86400

static const char *const months_en[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};
static const char *const wdays_en[7] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
};

int64_t
civil_days(int64_t y, int m, int d)
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
from_days(int64_t z, struct civil *c)
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

/* Split t (UTC seconds, already shifted by any offset) into c (off 0). */
static void
split(int64_t t, struct civil *c)
{
	int64_t	 days = t / DAY, secs = t % DAY;

	if (secs < 0) {
		secs += DAY;
		days--;
	}
	from_days(days, c);
	c->hour = (int)(secs / 3600);
	c->min = (int)(secs / 60 % 60);
	c->sec = (int)(secs % 60);
	c->off = 0;
}

/* Unix time of the last Sunday of month m (a 31-day month) at 01:00 UTC. */
static int64_t
last_sunday_0100(int64_t year, int m)
{
	int64_t	 d = civil_days(year, m, 31);
	int64_t	 wday = ((d % 7) + 7 + 4) % 7;

	return (d - wday) * DAY + 3600;
}

int
civil_offset(int64_t t)
{
	struct civil	 c;

	split(t, &c);
	if (t >= last_sunday_0100(c.year, 3) &&
	    t < last_sunday_0100(c.year, 10))
		return 7200;
	return 3600;
}

void
civil_local(int64_t t, struct civil *c)
{
	int	 off;

	if (t < CIVIL_MIN_TIME + DAY)
		t = CIVIL_MIN_TIME + DAY;
	if (t > CIVIL_MAX_TIME - DAY)
		t = CIVIL_MAX_TIME - DAY;
	off = civil_offset(t);
	split(t + off, c);
	c->off = off;
}

int
civil_year(int64_t t)
{
	struct civil	 c;

	civil_local(t, &c);
	return (int)c.year;
}

int64_t
civil_year_start(int year)
{
	return civil_days(year, 1, 1) * DAY - 3600;
}

/* t in UTC as "Fri, 12 Feb 2021 08:30:00 " and zone, into out. */
static void
fixdate(int64_t t, const char *zone, char out[32])
{
	struct civil	 c;

	if (t < CIVIL_MIN_TIME)
		t = CIVIL_MIN_TIME;
	if (t > CIVIL_MAX_TIME)
		t = CIVIL_MAX_TIME;
	split(t, &c);
	snprintf(out, 32, "%s, %02d %s %04lld %02d:%02d:%02d %s",
	    wdays_en[c.wday], c.mday, months_en[c.mon - 1],
	    (long long)c.year, c.hour, c.min, c.sec, zone);
}

void
civil_http_date(int64_t t, char out[32])
{
	fixdate(t, "GMT", out);
}

void
civil_mail_date(int64_t t, char out[32])
{
	fixdate(t, "+0000", out);
}

int
civil_http_parse(const char *s, int64_t *t)
{
	char	 mon[4], wd[10];
	int	 i, n = 0, y, d, h, mi, se;

	if (sscanf(s, "%3s, %2d %3s %4d %2d:%2d:%2d GMT%n", wd, &d, mon, &y,
	    &h, &mi, &se, &n) == 7 && n > 0 && s[n] == '\0')
		;
	else if (sscanf(s, "%9[A-Za-z], %2d-%3s-%2d %2d:%2d:%2d GMT%n", wd,
	    &d, mon, &y, &h, &mi, &se, &n) == 7 && n > 0 && s[n] == '\0')
		y += y < 70 ? 2000 : 1900;
	else if (sscanf(s, "%3s %3s %2d %2d:%2d:%2d %4d%n", wd, mon, &d, &h,
	    &mi, &se, &y, &n) == 7 && n > 0 && s[n] == '\0')
		;
	else
		return 0;
	for (i = 0; i < 12 && strcmp(mon, months_en[i]) != 0; i++)
		continue;
	if (i == 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 ||
	    mi > 59 || se < 0 || se > 60 || y < 1970)
		return 0;
	*t = civil_days(y, i + 1, d) * DAY + h * 3600 + mi * 60 + se;
	return 1;
}

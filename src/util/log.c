/*
 * log.c -- one line per event on stderr: "pressrum[pid]: level: text".
 *
 * Under systemd stderr goes to the journal, which adds the time; during
 * development and tests it goes to the terminal or the test's log file.
 */
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

#include "log.h"

static void vlog(const char *, const char *, va_list)
    __attribute__((format(printf, 2, 0)));

static void
vlog(const char *level, const char *fmt, va_list ap)
{
	char	 line[2048];
	int	 n;

	n = snprintf(line, sizeof(line), "pressrum[%ld]: %s: ",
	    (long)getpid(), level);
	if (n < 0 || (size_t)n >= sizeof(line))
		return;
	vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
	/* One write per line so lines from workers never interleave. */
	fprintf(stderr, "%s\n", line);
	fflush(stderr);
}

void
log_info(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vlog("info", fmt, ap);
	va_end(ap);
}

void
log_error(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vlog("error", fmt, ap);
	va_end(ap);
}

/*
 * log.h -- one line per event to stderr (journald in production).
 *
 * Lines carry the pid and a level.  Never pass passwords, tokens or
 * session ids to these functions.
 */
#ifndef LOG_H
#define LOG_H

void	log_info(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_error(const char *, ...) __attribute__((format(printf, 1, 2)));

#endif

/*
 * slug.h -- URL slugs for articles and topics.
 *
 * slug_from_title() folds å ä à á â -> a, ö ø ó ô -> o, é è ê ë -> e,
 * ü -> u (and upper case likewise), lower-cases ASCII, turns every other
 * run of characters (and HTML tags or character references typed into
 * the title) into one '-', trims '-' at both ends and cuts at
 * SLUG_MAX bytes on a word boundary when it can.
 */
#ifndef SLUG_H
#define SLUG_H

#define SLUG_MAX 80

struct arena;

/* Allocates the result in the arena; "" if nothing usable remains. */
char	*slug_from_title(struct arena *, const char *title);

/* 1 if s is 1..SLUG_MAX bytes of [a-z0-9-], not starting or ending
 * with '-' and without "--". */
int	 slug_valid(const char *s);

#endif

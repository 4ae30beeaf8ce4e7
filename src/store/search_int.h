/*
 * search_int.h -- the pieces the search files share: the word rule and
 * letter folding (search_token.c), the ranking function (search_rank.c)
 * and match marking (search_mark.c).  Not for the pages.
 */
#ifndef SEARCH_INT_H
#define SEARCH_INT_H

#include <stddef.h>

#include <sqlite3.h>

struct arena;

/* 1 if the code point belongs to a word, as the index's tokenizer
 * reads words. */
int		search_word_char(unsigned long);

/* The code point in lower case, for comparing words. */
unsigned long	search_fold(unsigned long);

/*
 * Register the FTS5 ranking function pressrum_rank(search) on db (see
 * search_rank.c).  SQLITE_OK or an SQLite error code.
 */
int		search_rank_register(sqlite3 *);

/*
 * text with every word that starts with one of the words of match (an
 * FTS5 query from search_match_query()) between SEARCH_MARK_START and
 * SEARCH_MARK_END, in ar.  With words > 0 only a piece of about that
 * many words is given, around the best-matching part, with "…" where
 * text was cut, or "" when no word matches.
 */
const char	*search_mark(struct arena *, const char *match,
		    const char *text, size_t words);

#endif

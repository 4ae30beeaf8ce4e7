/*
 * search_int.h -- the pieces the search files share: the word rule and
 * letter folding (search_token.c), the ranking function (search_rank.c)
 * and match marking (search_mark.c).  Not for the pages.
 */
#ifndef SEARCH_INT_H
#define SEARCH_INT_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "../util/status.h"

struct arena;
struct store;
struct search_terms;

/* 1 if the code point belongs to a word, as the index's tokenizer
 * reads words. */
int		search_word_char(unsigned long);

/* The same for an ASCII character, inline for the marking loop. */
static inline int
search_ascii_word_char(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

/* The code point in lower case, for comparing words. */
unsigned long	search_fold(unsigned long);

/*
 * Register the FTS5 ranking function pressrum_rank(search) on db (see
 * search_rank.c).  SQLITE_OK or an SQLite error code.
 */
int		search_rank_register(sqlite3 *);

/* Words longer than this many bytes are cut (search_words()) and not
 * stemmed (search_stem()). */
#define SEARCH_WORD_MAX		128
#define SEARCH_STEM_MAX		64

/*
 * Call fn(arg, word, len) for each word of text as the index's
 * tokenizer reads it, folded to lower case (search_stem.c).
 */
void		search_words(const char *text,
		    void (*fn)(void *, const char *, size_t), void *arg);

/*
 * The Swedish stem of the folded word w[0..n) into out (cap bytes,
 * NUL-terminated); returns its length.  A stem is a prefix of its word.
 */
size_t		search_stem(const char *w, size_t n, char *out, size_t cap);

/*
 * The second stem of the folded word w[0..n) (a definite ending
 * Snowball leaves on: våldet -> våld) into out; its length, 0 when
 * none.  Also a prefix of the word.
 */
size_t		search_stem_alt(const char *w, size_t n, char *out,
		    size_t cap);

/* FNV-1a of s[0..n) (search_stem.c), for hash sets of words. */
uint32_t	search_hash(const char *s, size_t n);

/*
 * The distinct stems of the words of t[0..n) (NULL entries skipped),
 * space-separated, in ar ("" when none); numbers have no stem.
 */
const char	*search_stems(struct arena *, const char *const *t, size_t n);

/*
 * Fill in the body text and stems (for the index) of up to n articles
 * and n topics that owe them, inside the open transaction; *done (may be NULL)
 * gets how many.  ST_OK or ST_DBERR (logged).
 */
enum status	store_text_fill(struct store *, int64_t n, int64_t *done);

/*
 * The words of the texts filled in, counted (search_vocab.c): _new in
 * ar, _add each text, _flush writes them to search_word in the open
 * transaction (ST_OK or ST_DBERR, logged).
 */
struct search_vocab;
struct search_vocab *search_vocab_new(struct arena *);
void		search_vocab_add(struct search_vocab *, const char *text);
enum status	search_vocab_flush(struct store *, struct search_vocab *);

/*
 * match with the compounds of the index that end in each search word
 * added, and *kinds a letter a phrase for pressrum_rank()
 * (search_vocab.c).  In ar.
 */
const char	*search_expand(struct store *, struct arena *,
		    const char *match, const char **kinds);

/*
 * The words of match (an FTS5 query from search_match_query()), read
 * once per search for search_mark(), in ar.
 */
const struct search_terms *search_terms(struct arena *, const char *match);

/*
 * text with every word that starts with one of the terms between
 * SEARCH_MARK_START and SEARCH_MARK_END, in ar.  With words > 0 only a
 * piece of that many words is given: the first one holding the most
 * different terms, with "…" where text was cut, or "" when no word
 * matches.
 */
const char	*search_mark(struct arena *, const struct search_terms *,
		    const char *text, size_t words);

#endif

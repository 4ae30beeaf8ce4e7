/*
 * spell.h -- Swedish spelling of rendered text (hunspell with the
 * Swedish dictionary), for the editor's preview.
 */
#ifndef SPELL_H
#define SPELL_H

#include <stddef.h>

#include "../util/status.h"

#define SPELL_DICT	"/usr/share/hunspell/sv_SE"	/* .aff and .dic */
#define SPELL_MAX_MISSES	200	/* distinct unknown words listed */
#define SPELL_SUGGEST_SURE	5	/* words always given suggestions */
#define SPELL_SUGGEST_WORDS	20	/* at most this many, */
#define SPELL_SUGGEST_MS	1500	/* ... past the sure ones while the
					 * suggestions so far took less */
#define SPELL_SUGGESTIONS	4	/* suggestions per word */

struct arena;

struct spell_miss {
	const char	*word;		/* as written */
	size_t		 count;		/* times in the text */
	const char	**sugg;		/* hunspell's suggestions */
	size_t		 nsugg;
	int		 suggested;	/* 0: over the limits, none computed */
};

/*
 * The words of the n blocks (md_blocks() without code) that the
 * dictionary does not know, in order of first appearance.  URLs, e-mail
 * addresses, paths and words with digits are skipped; words in
 * wordlist (the site's, one per line; also with a genitive -s) are
 * known.  Arrays in the arena.  ST_OK, or ST_NOTFOUND when the
 * dictionary is not installed.
 */
enum status	 spell_check(struct arena *, const char *const *blocks,
		    size_t n, const char *wordlist, struct spell_miss **out,
		    size_t *nout);

#endif

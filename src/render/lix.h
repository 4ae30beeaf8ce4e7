/*
 * lix.h -- klarspråk: LIX (läsbarhetsindex) of rendered Swedish text,
 * its long sentences and longest words.
 */
#ifndef LIX_H
#define LIX_H

#include <stddef.h>

#define LIX_LONG_SENTENCE	25	/* more words than this is long */
#define LIX_LONG_WORD		6	/* more letters than this is long */
#define LIX_LONGEST		5	/* longest words reported */

struct arena;

struct lix_sentence {
	const char	*text;		/* the sentence as written */
	size_t		 words;
};

struct lix_word {
	const char	*word;
	size_t		 letters;
};

struct lix {
	size_t		 words;
	size_t		 sentences;
	size_t		 long_words;	/* over LIX_LONG_WORD letters */
	int		 lix;		/* rounded; -1 when there are no words */
	struct lix_sentence *long_sentences;	/* over LIX_LONG_SENTENCE */
	size_t		 nlong;
	struct lix_word	 longest[LIX_LONGEST];	/* longest first, distinct */
	size_t		 nlongest;
};

/*
 * Count the n blocks of text (headings, paragraphs, list items: each
 * ends a sentence) with Swedish sentence rules: ".", "!"
 * and "?" end a sentence when the next word does not start in lower
 * case; abbreviations (bl.a., t.ex., ca., kl.) never do, and "kr.",
 * "st.", "osv." only before a capital; an initial ("A.") does not;
 * "1 250 000" is one word.  Arrays in the arena.
 */
void		 lix_count(struct arena *, const char *const *blocks,
		    size_t n, struct lix *out);

/* The usual Swedish words for a LIX value: "Mycket lättläst" (under
 * 30) ... "Mycket svår" (60 and over). */
const char	*lix_grade(int lix);

#endif

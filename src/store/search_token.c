/*
 * search_token.c -- what a word is and how its letters compare, the way
 * FTS5's unicode61 tokenizer (remove_diacritics 0) sees them.
 *
 * search.c cuts the visitor's text into words with search_word_char();
 * search_mark.c finds those words again in a hit's title, lead and body
 * with the same rule and search_fold(), to mark them.  Both follow the
 * index's tokenizer: if they disagree on a rare letter, a hit is still
 * found (FTS5 decides that), only its marking is missed.
 */
#include "search_int.h"

/*
 * 1 if cp belongs to a word: ASCII letters and digits and every other
 * code point but the common punctuation, symbol, space and private-use
 * blocks (which FTS5's unicode61 tokenizer also takes as separators).
 */
int
search_word_char(unsigned long cp)
{
	if (cp < 0x80)
		return search_ascii_word_char((unsigned char)cp);
	if (cp <= 0xbf || cp == 0xd7 || cp == 0xf7)
		return 0;
	return !((cp >= 0x2000 && cp <= 0x2bff) ||
	    (cp >= 0x3000 && cp <= 0x303f) ||
	    (cp >= 0xe000 && cp <= 0xf8ff) ||
	    (cp >= 0xfe00 && cp <= 0xfe6f) ||
	    (cp >= 0xfeff && cp <= 0xff0f) ||
	    (cp >= 0xfff0 && cp <= 0xffff) ||
	    (cp >= 0x1f000 && cp <= 0x1faff) ||
	    cp >= 0xe0000);
}

/*
 * The lower-case form of cp for comparing words: ASCII, Latin-1 (Å Ä Ö
 * É Ü ...), Latin Extended-A (the Finnish, Sami and Central European
 * letters), Greek and Cyrillic capitals.  Anything else is itself.
 */
unsigned long
search_fold(unsigned long cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 0x20;
	if (cp < 0xc0)
		return cp;
	if (cp <= 0xde && cp != 0xd7)
		return cp + 0x20;
	if (cp >= 0x100 && cp <= 0x17f) {
		if (cp == 0x130 || cp == 0x131 || cp == 0x138 ||
		    cp == 0x149 || cp == 0x17f)
			return cp;
		if (cp == 0x178)
			return 0xff;
		if ((cp >= 0x139 && cp <= 0x148) || cp >= 0x179)
			return (cp & 1) ? cp + 1 : cp;
		return cp | 1;
	}
	if (cp == 0x386)
		return 0x3ac;
	if (cp >= 0x388 && cp <= 0x38a)
		return cp + 0x25;
	if (cp == 0x38c)
		return 0x3cc;
	if (cp == 0x38e || cp == 0x38f)
		return cp + 0x3f;
	if ((cp >= 0x391 && cp <= 0x3a9 && cp != 0x3a2) ||
	    (cp >= 0x410 && cp <= 0x42f))
		return cp + 0x20;
	if (cp >= 0x400 && cp <= 0x40f)
		return cp + 0x50;
	return cp;
}

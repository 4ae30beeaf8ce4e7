/*
 * diff.h -- what changed between two texts, line by line, for comparing
 * article revisions.
 *
 * diff_text() finds a longest common subsequence of lines (after
 * trimming the common start and end); a run of removed lines followed by
 * as many added lines is also compared word by word, so the page can
 * mark the words that changed inside a line.  The work of one compare
 * is bounded: all its LCS tables together (lines and words) fill at
 * most DIFF_MAX_CELLS cells.  Past that budget the changed middle of
 * the lines is "all removed, all added", and a pair of lines is shown
 * as one removed and one added line without word marks.  Time and
 * memory are otherwise linear in the texts.  The result lives in the
 * arena; the template escapes every piece (nothing here is HTML).
 */
#ifndef DIFF_H
#define DIFF_H

#include <stddef.h>

#define DIFF_MAX_CELLS	(4u * 1024u * 1024u)

struct arena;

enum diff_op {
	DIFF_SAME,
	DIFF_DEL,	/* only in the old text */
	DIFF_ADD	/* only in the new text */
};

/* A piece of a changed line: DIFF_SAME words, or the removed (in a DEL
 * line) or added (in an ADD line) ones. */
struct diff_seg {
	enum diff_op	 op;
	const char	*text;
};

struct diff_line {
	enum diff_op	 op;
	const char	*text;		/* the whole line, without "\n" */
	struct diff_seg	*segs;		/* word level; NULL when not paired */
	size_t		 nsegs;
};

struct diff {
	struct diff_line *lines;
	size_t		 n;
	size_t		 ndel;		/* lines removed */
	size_t		 nadd;		/* lines added */
	size_t		 cells;		/* LCS cells filled (<= DIFF_MAX_CELLS) */
};

/* Compare old a with new b (NULL reads as "").  Everything in ar. */
void	diff_text(struct arena *, const char *a, const char *b,
	    struct diff *out);

#endif

/*
 * diff.c -- line (and word) differences between two texts, for the
 * revision comparison and the edit-conflict page.
 *
 * Both levels use the same routine over tokens: trim the common prefix
 * and suffix, then the classic LCS table over the middle.  One compare
 * (a whole diff_text() call, lines and words together) may fill at most
 * DIFF_MAX_CELLS table cells: a middle that does not fit in what is left
 * is "all removed, all added" (lines), or its pair of lines is shown
 * whole, without word marks (words).  The table is on the heap and
 * freed before returning; everything else is in the caller's arena and
 * linear in the size of the texts (a word segment is a slice of its
 * line, copied once).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "diff.h"

struct tok {
	const char	*s;
	size_t		 len;
};

static int
tok_eq(const struct tok *a, const struct tok *b)
{
	return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

/* Split s into lines (without "\n" and a trailing "\r"); arena. */
static struct tok *
split_lines(struct arena *ar, const char *s, size_t *n)
{
	struct tok	*t;
	const char	*p, *e;
	size_t		 cap = 1, i = 0;

	for (p = s; *p != '\0'; p++)
		cap += *p == '\n';
	t = arena_alloc(ar, cap * sizeof(*t));
	for (p = s; *p != '\0'; p = *e == '\n' ? e + 1 : e) {
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		t[i].s = p;
		t[i].len = (size_t)(e - p);
		if (t[i].len > 0 && p[t[i].len - 1] == '\r')
			t[i].len--;
		i++;
	}
	*n = i;
	return t;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Split a line into runs of spaces and runs of anything else; arena
 * (exactly one struct tok per run). */
static struct tok *
split_words(struct arena *ar, const struct tok *line, size_t *n)
{
	struct tok	*t;
	size_t		 i, j, k = 0, runs = 0;

	for (i = 0; i < line->len; i++)
		runs += i == 0 || is_space(line->s[i]) !=
		    is_space(line->s[i - 1]);
	t = arena_alloc(ar, (runs + 1) * sizeof(*t));
	for (i = 0; i < line->len; i = j) {
		for (j = i; j < line->len &&
		    is_space(line->s[j]) == is_space(line->s[i]); j++)
			continue;
		t[k].s = line->s + i;
		t[k++].len = j - i;
	}
	*n = k;
	return t;
}

/*
 * The edit script turning a[0..na) into b[0..nb): ops[] in ar, one per
 * token of either side, in output order (a DEL consumes a token of a,
 * an ADD one of b, a SAME one of each).  *budget is the number of LCS
 * cells this compare may still fill; a middle that needs more is all
 * DEL then all ADD and *coarse is set.
 */
static enum diff_op *
script(struct arena *ar, const struct tok *a, size_t na, const struct tok *b,
    size_t nb, size_t *budget, int *coarse, size_t *nops)
{
	enum diff_op	*ops = arena_alloc(ar, (na + nb + 1) * sizeof(*ops));
	uint32_t	*L = NULL;
	size_t		 pre = 0, suf = 0, n, m, i, j, k = 0;

	while (pre < na && pre < nb && tok_eq(&a[pre], &b[pre]))
		pre++;
	while (suf < na - pre && suf < nb - pre &&
	    tok_eq(&a[na - 1 - suf], &b[nb - 1 - suf]))
		suf++;
	n = na - pre - suf;
	m = nb - pre - suf;
	for (i = 0; i < pre; i++)
		ops[k++] = DIFF_SAME;
	if (n > 0 && m > 0 && n <= *budget / m) {
		*budget -= n * m;
		L = calloc((n + 1) * (m + 1), sizeof(*L));
	}
	*coarse = n > 0 && m > 0 && L == NULL;
	if (L != NULL) {
		/* L[i][j]: LCS length of a[pre+i..] and b[pre+j..]. */
		for (i = n; i-- > 0; )
			for (j = m; j-- > 0; )
				L[i * (m + 1) + j] = tok_eq(&a[pre + i],
				    &b[pre + j]) ? L[(i + 1) * (m + 1) + j + 1] + 1 :
				    L[(i + 1) * (m + 1) + j] > L[i * (m + 1) + j + 1] ?
				    L[(i + 1) * (m + 1) + j] : L[i * (m + 1) + j + 1];
		for (i = j = 0; i < n || j < m; ) {
			if (i < n && j < m && tok_eq(&a[pre + i], &b[pre + j])) {
				ops[k++] = DIFF_SAME;
				i++, j++;
			} else if (j == m || (i < n && L[(i + 1) * (m + 1) + j] >=
			    L[i * (m + 1) + j + 1]))
				ops[k++] = DIFF_DEL, i++;
			else
				ops[k++] = DIFF_ADD, j++;
		}
		free(L);
	} else {
		for (i = 0; i < n; i++)
			ops[k++] = DIFF_DEL;
		for (j = 0; j < m; j++)
			ops[k++] = DIFF_ADD;
	}
	for (i = 0; i < suf; i++)
		ops[k++] = DIFF_SAME;
	*nops = k;
	return ops;
}

/*
 * Append token t to l's segments (segs has room for one per token),
 * merging with the previous segment of the same op: the tokens of one
 * line follow each other in it, so that only lengthens a slice.  The
 * slices are copied by seg_finish().
 */
static void
seg_add(struct diff_line *l, size_t *lens, enum diff_op op,
    const struct tok *t)
{
	if (l->nsegs > 0 && l->segs[l->nsegs - 1].op == op) {
		lens[l->nsegs - 1] += t->len;
		return;
	}
	l->segs[l->nsegs].op = op;
	l->segs[l->nsegs].text = t->s;
	lens[l->nsegs++] = t->len;
}

/* Copy each segment's slice (lens[i] bytes) into ar as a string. */
static void
seg_finish(struct arena *ar, struct diff_line *l, const size_t *lens)
{
	size_t	i;

	for (i = 0; i < l->nsegs; i++)
		l->segs[i].text = arena_strndup(ar, l->segs[i].text, lens[i]);
}

/* 1 if the script keeps a token of a that is not white space. */
static int
shares_words(const enum diff_op *ops, size_t nops, const struct tok *a)
{
	size_t	i, ia = 0;

	for (i = 0; i < nops; i++) {
		if (ops[i] == DIFF_SAME && a[ia].s[0] != ' ' &&
		    a[ia].s[0] != '\t')
			return 1;
		if (ops[i] != DIFF_ADD)
			ia++;
	}
	return 0;
}

/* Word-compare the removed line d with the added line a; lines with no
 * word in common, or past the compare's budget, are left whole. */
static void
words(struct arena *ar, struct diff_line *d, struct diff_line *a,
    const struct tok *dl, const struct tok *al, size_t *budget)
{
	struct tok	*wa, *wb;
	enum diff_op	*ops;
	size_t		*ld, *la, na, nb, nops, i, ia = 0, ib = 0;
	int		 coarse;

	wa = split_words(ar, dl, &na);
	wb = split_words(ar, al, &nb);
	ops = script(ar, wa, na, wb, nb, budget, &coarse, &nops);
	if (coarse || !shares_words(ops, nops, wa))
		return;		/* too big, or nothing but spaces in common */
	d->segs = arena_alloc(ar, (na + 1) * sizeof(*d->segs));
	a->segs = arena_alloc(ar, (nb + 1) * sizeof(*a->segs));
	ld = arena_alloc(ar, (na + 1) * sizeof(*ld));
	la = arena_alloc(ar, (nb + 1) * sizeof(*la));
	for (i = 0; i < nops; i++) {
		if (ops[i] == DIFF_SAME) {
			seg_add(d, ld, DIFF_SAME, &wa[ia++]);
			seg_add(a, la, DIFF_SAME, &wb[ib++]);
		} else if (ops[i] == DIFF_DEL)
			seg_add(d, ld, DIFF_DEL, &wa[ia++]);
		else
			seg_add(a, la, DIFF_ADD, &wb[ib++]);
	}
	seg_finish(ar, d, ld);
	seg_finish(ar, a, la);
}

/* Pair each run of DEL lines followed by ADD lines for word diffs. */
static void
pair_runs(struct arena *ar, struct diff *d, const struct tok *src,
    size_t *budget)
{
	size_t	 i = 0, j, k, p, nd, na;

	while (i < d->n) {
		if (d->lines[i].op != DIFF_DEL) {
			i++;
			continue;
		}
		for (j = i; j < d->n && d->lines[j].op == DIFF_DEL; j++)
			continue;
		for (k = j; k < d->n && d->lines[k].op == DIFF_ADD; k++)
			continue;
		nd = j - i;
		na = k - j;
		if (nd == na)
			for (p = 0; p < nd; p++)
				words(ar, &d->lines[i + p], &d->lines[j + p],
				    &src[i + p], &src[j + p], budget);
		i = k > j ? k : j;
	}
}

/*
 * Compare a (old) and b (new); out and everything it points to in ar.
 */
void
diff_text(struct arena *ar, const char *a, const char *b, struct diff *out)
{
	struct tok	*la, *lb, *src;
	enum diff_op	*ops;
	size_t		 na, nb, nops, i, ia = 0, ib = 0;
	size_t		 budget = DIFF_MAX_CELLS;
	const struct tok *t;
	int		 coarse;

	memset(out, 0, sizeof(*out));
	la = split_lines(ar, a != NULL ? a : "", &na);
	lb = split_lines(ar, b != NULL ? b : "", &nb);
	ops = script(ar, la, na, lb, nb, &budget, &coarse, &nops);
	out->lines = arena_alloc(ar, (nops + 1) * sizeof(*out->lines));
	src = arena_alloc(ar, (nops + 1) * sizeof(*src));
	for (i = 0; i < nops; i++) {
		t = ops[i] == DIFF_ADD ? &lb[ib++] : &la[ia++];
		if (ops[i] == DIFF_SAME)
			ib++;
		src[i] = *t;
		out->lines[i].op = ops[i];
		out->lines[i].text = arena_strndup(ar, t->s, t->len);
		out->ndel += ops[i] == DIFF_DEL;
		out->nadd += ops[i] == DIFF_ADD;
	}
	out->n = nops;
	pair_runs(ar, out, src, &budget);
	out->cells = DIFF_MAX_CELLS - budget;
}

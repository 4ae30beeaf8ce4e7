/*
 * search_rank.c -- pressrum_rank(search), the FTS5 ranking function the
 * search page orders by.
 *
 * FTS5's own bm25() weighs each word by how rare it is, and to know that
 * it reads the word's whole list of documents on every search: about
 * 2 ms for a common word at 100,000 articles, whatever the page shows.
 * Every hit here holds every word (the words are joined by AND), so that
 * weight only shifts hits between words and buys little.  pressrum_rank
 * counts the matches in each column, saturating as BM25 does (the third
 * match adds less than the second), weighted title 10, lead 4, body 1,
 * and the stem columns (migrations/0008) lower, so a word in the form
 * typed ranks above another form of it in the same place: stems of
 * title and lead 3, of the body 0.5; a compound that ends in a search
 * word (store/search_vocab.c) counts half of that;
 * ties go to the newest (search.sql).  BM25's weighing by the length of
 * the text is left out as well: it read each row's sizes from another
 * table and made up half of a search's time.  All it reads is the row's
 * own matches, so a search costs the same at 100 and at 100,000
 * articles.  Lower is better, as with bm25().
 */
#include <stddef.h>
#include <string.h>

#include "search_int.h"

#define K1	1.2

/* title, lead, body, stems_head, stems_body */
static const double	weight[] = { 10.0, 4.0, 1.0, 3.0, 0.5 };
#define NCOL	(int)(sizeof(weight) / sizeof(weight[0]))

/* The share of a column's weight a compound's match gets. */
#define COMPOUND	0.5

/* The saturating sum of one column's matches, weighted. */
static double
sat(double w, int tf)
{
	return w * tf * (K1 + 1.0) / (tf + K1);
}

/*
 * pressrum_rank(search [, kinds]): kinds, when given, has a letter per
 * phrase of the query (store/search_vocab.c): 'c' for a compound that
 * ends in a search word, which counts COMPOUND of its column's weight,
 * so a whole word ranks above a compound holding it in the same place.
 */
static void
rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
    int argc, sqlite3_value **argv)
{
	Fts5PhraseIter	 it;
	const char	*kinds = argc > 0 ?
	    (const char *)sqlite3_value_text(argv[0]) : NULL;
	size_t		 nkinds = kinds != NULL ? strlen(kinds) : 0;
	int		 tf[NCOL] = { 0 }, tfc[NCOL] = { 0 }, *t;
	int		 phrases, p, col, off, rc;
	double		 score = 0.0;

	phrases = api->xPhraseCount(fts);
	for (p = 0; p < phrases; p++) {
		if ((rc = api->xPhraseFirst(fts, p, &it, &col, &off)) !=
		    SQLITE_OK) {
			sqlite3_result_error_code(ctx, rc);
			return;
		}
		t = (size_t)p < nkinds && kinds[p] == 'c' ? tfc : tf;
		for (; col >= 0; api->xPhraseNext(fts, &it, &col, &off))
			if (col < NCOL)
				t[col]++;
	}
	for (col = 0; col < NCOL; col++)
		score += sat(weight[col], tf[col]) +
		    sat(COMPOUND * weight[col], tfc[col]);
	sqlite3_result_double(ctx, -score);
}

/* The fts5_api of db, or NULL (FTS5 hands it out through a pointer
 * bound to "SELECT fts5(?1)"). */
static fts5_api *
fts5_of(sqlite3 *db)
{
	fts5_api	*api = NULL;
	sqlite3_stmt	*q;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &q, NULL) !=
	    SQLITE_OK)
		return NULL;
	if (sqlite3_bind_pointer(q, 1, &api, "fts5_api_ptr", NULL) ==
	    SQLITE_OK)
		(void)sqlite3_step(q);
	sqlite3_finalize(q);
	return api;
}

int
search_rank_register(sqlite3 *db)
{
	fts5_api	*api;

	if ((api = fts5_of(db)) == NULL || api->iVersion < 2)
		return SQLITE_ERROR;
	return api->xCreateFunction(api, "pressrum_rank", NULL, rank, NULL);
}

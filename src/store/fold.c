/*
 * fold.c -- the collation "fold": text compared letter by letter in
 * lower case (search_fold(): ASCII, Å Ä Ö É Ü and the rest of Latin-1
 * and Latin Extended-A, Greek, Cyrillic), so "Åsa@Exempel.se" and
 * "åsa@exempel.se" are one address to the abuse limit and to the
 * admin's look-up, where SQLite's NOCASE folds ASCII only.  Queries
 * use it (sql/queries/subscribe.sql, person.sql); no index or trigger
 * does, so the sqlite3 tool still writes every table.
 */
#include "../util/utf8.h"
#include "search_int.h"
#include "store_int.h"

static int
collate_fold(void *arg, int na, const void *a, int nb, const void *b)
{
	const char	*pa = a, *pb = b, *ea = pa + na, *eb = pb + nb;
	unsigned long	 ca, cb;

	(void)arg;
	while (pa < ea && pb < eb) {
		pa += utf8_next(pa, (size_t)(ea - pa), &ca);
		pb += utf8_next(pb, (size_t)(eb - pb), &cb);
		ca = search_fold(ca);
		cb = search_fold(cb);
		if (ca != cb)
			return ca < cb ? -1 : 1;
	}
	if (pa < ea || pb < eb)
		return pa < ea ? 1 : -1;
	return 0;
}

int
fold_register(sqlite3 *db)
{
	return sqlite3_create_collation(db, "fold", SQLITE_UTF8, NULL,
	    collate_fold);
}

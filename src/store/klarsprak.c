/*
 * klarsprak.c -- saving the klarspråk settings: the LIX target the
 * editor's preview compares a text with, and the site's word list that
 * spelling knows (names, abbreviations).  Both are site settings
 * (lix_target, spell_words); pages read them with store_setting().  A
 * save is one audited transaction.
 */
#include <stdlib.h>

#include "staff.h"
#include "staff_int.h"

/*
 * Set the LIX target ("" for none) and the word list (one word a line),
 * audited as who's change.  ST_OK, ST_BUSY, ST_FULL or ST_DBERR.
 */
enum status
store_klarsprak_save(struct store *db, int64_t who, const char *target,
    const char *words)
{
	char		*before;
	enum status	 st;

	if ((st = store_begin(db)) != ST_OK)
		return st;
	before = staff_json(db, Q_KLARSPRAK_JSON, 0);
	if (before == NULL || (st = staff_setting_put(db, "lix_target",
	    target)) != ST_OK || (st = staff_setting_put(db, "spell_words",
	    words)) != ST_OK) {
		free(before);
		store_rollback(db);
		return st != ST_OK ? st : ST_DBERR;
	}
	return staff_finish(db, who, "ändrade", AUDIT_KLARSPRAK, 0,
	    "Klarspråksinställningarna ändrades", before,
	    staff_json(db, Q_KLARSPRAK_JSON, 0));
}

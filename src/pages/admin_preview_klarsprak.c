/*
 * admin_preview_klarsprak.c -- the klarspråk panel of the editor's
 * preview: LIX and its grade, the site's target (setting lix_target) and
 * whether the text is above it, the sentences over 25 words, the longest
 * words, and the words Swedish hunspell does not know with its
 * suggestions (the site's word list, setting spell_words, counts as
 * known).  Counted on what a reader sees: the title, the lead and each
 * heading, paragraph and list item of the rendered body (spelling reads
 * the table cells too).
 * Nothing in the text is changed.
 */
#include <string.h>

#include "../app.h"
#include "../render/lix.h"
#include "../render/md.h"
#include "../render/spell.h"
#include "../render/tmpl.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../web/req.h"
#include "admin_preview_klarsprak.h"

/* The blocks of the text: title, lead, then the body's (md_blocks()
 * with flags).  In ar; *n set. */
static const char **
text_blocks(struct arena *ar, const char *title, const char *lead,
    const char *body_md, int flags, size_t *n)
{
	const char	**b, **all;
	size_t		 nb = 0;

	if (md_blocks(ar, body_md, flags, &b, &nb) != ST_OK)
		nb = 0;
	all = arena_alloc(ar, (nb + 2) * sizeof(*all));
	*n = 0;
	if (title != NULL && *title != '\0')
		all[(*n)++] = title;
	if (lead != NULL && *lead != '\0')
		all[(*n)++] = lead;
	if (nb > 0)
		memcpy(all + *n, b, nb * sizeof(*b));
	*n += nb;
	return all;
}

/* LIX, the target, long sentences and longest words into k. */
static void
fill_lix(struct app *app, struct tdict *k, const char *const *b, size_t n)
{
	struct lix	 l;
	struct tdict	*t;
	const char	*target;
	int64_t		 goal;
	size_t		 i;

	lix_count(&app->arena, b, n, &l);
	td_bool(k, "has_lix", l.lix >= 0);
	td_textf(k, "lix", "%d", l.lix);
	td_text(k, "grade", lix_grade(l.lix));
	td_textf(k, "words", "%zu", l.words);
	td_textf(k, "sentences", "%zu", l.sentences);
	td_textf(k, "long_pct", "%zu", l.words ? (100 * l.long_words +
	    l.words / 2) / l.words : 0);
	if (store_setting(app->store, &app->arena, "lix_target", &target) ==
	    ST_OK && target != NULL && req_parse_int(target, 0, 100, &goal) ==
	    ST_OK && l.lix >= 0) {
		td_text(k, "target", target);
		td_bool(k, "over_target", l.lix > goal);
		td_bool(k, "within_target", l.lix <= goal);
	}
	td_bool(k, "has_long", l.nlong > 0);
	td_textf(k, "nlong", "%zu", l.nlong);
	td_list(k, "long");
	for (i = 0; i < l.nlong; i++) {
		t = td_item(k, "long");
		td_text(t, "text", l.long_sentences[i].text);
		td_textf(t, "words", "%zu", l.long_sentences[i].words);
	}
	td_bool(k, "has_longest", l.nlongest > 0);
	td_list(k, "longest");
	for (i = 0; i < l.nlongest; i++) {
		t = td_item(k, "longest");
		td_text(t, "word", l.longest[i].word);
		td_textf(t, "letters", "%zu", l.longest[i].letters);
	}
}

/* The unknown words and their suggestions into k. */
static void
fill_spelling(struct app *app, struct tdict *k, const char *const *b,
    size_t n)
{
	struct spell_miss *m;
	struct tdict	*t;
	const char	*list, *sugg;
	size_t		 nm, i, j;

	if (store_setting(app->store, &app->arena, "spell_words", &list) !=
	    ST_OK)
		list = NULL;
	if (spell_check(&app->arena, b, n, list, &m, &nm) != ST_OK) {
		td_bool(k, "spell_off", 1);
		return;
	}
	td_bool(k, "spell_clean", nm == 0);
	td_bool(k, "has_misses", nm > 0);
	td_textf(k, "nmisses", "%zu", nm);
	td_list(k, "misses");
	for (i = 0; i < nm; i++) {
		t = td_item(k, "misses");
		td_text(t, "word", m[i].word);
		td_bool(t, "many", m[i].count > 1);
		td_textf(t, "count", "%zu", m[i].count);
		td_bool(t, "has_sugg", m[i].nsugg > 0);
		td_bool(t, "no_sugg", m[i].suggested && m[i].nsugg == 0);
		for (j = 0, sugg = ""; j < m[i].nsugg; j++)
			sugg = arena_printf(&app->arena, "%s%s%s", sugg,
			    j ? ", " : "", m[i].sugg[j]);
		td_text(t, "sugg", sugg);
	}
}

void
preview_klarsprak(struct app *app, struct tdict *d, const char *title,
    const char *lead, const char *body_md)
{
	struct tdict	*k = td_sub(d, "klarsprak");
	const char	**b;
	size_t		 n;

	/* LIX reads running text (a table is no sentences); spelling
	 * reads the cells too, and no code. */
	b = text_blocks(&app->arena, title, lead, body_md, MD_TEXT_CODE, &n);
	fill_lix(app, k, b, n);
	b = text_blocks(&app->arena, title, lead, body_md, MD_TEXT_CELLS, &n);
	fill_spelling(app, k, b, n);
}

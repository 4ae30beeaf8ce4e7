/*
 * admin_diff.c -- differences as the staff pages show them: the lines
 * of render/diff.c's comparison as the list templates/diff_lines.html
 * renders (the audit log, the conflict page), and an article's fields
 * compared for diff_fields.html (versions, restoring, review).
 */
#include <stdint.h>
#include <string.h>

#include "../app.h"
#include "../render/diff.h"
#include "../render/tmpl.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "admin_article.h"

/* 1 if line i of d is within ctx lines of a changed one. */
static int
near_change(const struct diff *d, size_t i, size_t ctx)
{
	size_t	j, lo = i > ctx ? i - ctx : 0;

	if (ctx >= d->n)
		return 1;
	for (j = lo; j < d->n && j <= i + ctx; j++)
		if (d->lines[j].op != DIFF_SAME)
			return 1;
	return 0;
}

/* One line "… N oförändrade rader" in list key for n elided lines. */
static void
skip_line(struct tdict *root, const char *key, size_t n)
{
	struct tdict	*l = td_item(root, key), *s;

	td_text(l, "cls", "dl-skip");
	td_text(l, "sign", " ");
	td_text(l, "sr", "");
	s = td_item(l, "segs");
	td_bool(s, "plain", 1);
	td_textf(s, "text", "… %zu oförändrad%s rad%s", n, n == 1 ? "" : "e",
	    n == 1 ? "" : "er");
}

/*
 * The diff of old and new_text as the list `key` of lines (op class,
 * sign, words) that templates/diff_lines.html renders; also
 * "<key>_same" when nothing changed.  Unchanged lines more than ctx
 * lines from a change are folded into one "… N oförändrade rader" line
 * (ctx SIZE_MAX: every line).
 */
void
fill_diff_ctx(struct tdict *root, const char *key, const char *old,
    const char *new_text, size_t ctx)
{
	struct arena	*ar = td_arena(root);
	struct diff	 d;
	struct tdict	*l, *s;
	size_t		 i, j, skipped = 0;

	diff_text(ar, old, new_text, &d);
	td_bool(root, arena_printf(ar, "%s_same", key), d.ndel + d.nadd == 0);
	td_list(root, key);
	for (i = 0; i < d.n; i++) {
		if (d.lines[i].op == DIFF_SAME && !near_change(&d, i, ctx)) {
			skipped++;
			continue;
		}
		if (skipped > 0)
			skip_line(root, key, skipped);
		skipped = 0;
		l = td_item(root, key);
		td_text(l, "cls", d.lines[i].op == DIFF_DEL ? "dl-del" :
		    d.lines[i].op == DIFF_ADD ? "dl-add" : "dl-same");
		td_text(l, "sign", d.lines[i].op == DIFF_DEL ? "−" :
		    d.lines[i].op == DIFF_ADD ? "+" : " ");
		td_text(l, "sr", d.lines[i].op == DIFF_DEL ? "Borttagen rad: " :
		    d.lines[i].op == DIFF_ADD ? "Tillagd rad: " : "");
		td_list(l, "segs");
		if (d.lines[i].segs == NULL) {
			s = td_item(l, "segs");
			td_bool(s, "plain", d.lines[i].op == DIFF_SAME);
			td_bool(s, "del", d.lines[i].op == DIFF_DEL);
			td_bool(s, "add", d.lines[i].op == DIFF_ADD);
			td_text(s, "text", d.lines[i].text);
			continue;
		}
		for (j = 0; j < d.lines[i].nsegs; j++) {
			s = td_item(l, "segs");
			td_bool(s, "plain", d.lines[i].segs[j].op == DIFF_SAME);
			td_bool(s, "del", d.lines[i].segs[j].op == DIFF_DEL);
			td_bool(s, "add", d.lines[i].segs[j].op == DIFF_ADD);
			td_text(s, "text", d.lines[i].segs[j].text);
		}
	}
	if (skipped > 0)
		skip_line(root, key, skipped);
}

/* fill_diff_ctx() with every line. */
void
fill_diff(struct tdict *root, const char *key, const char *old,
    const char *new_text)
{
	fill_diff_ctx(root, key, old, new_text, SIZE_MAX);
}

/* Names of the chosen topics / experts, one a line, for show and diff. */
const char *
article_pick_names(struct arena *ar, const struct article_edit *a,
    const struct choices *c, int experts)
{
	struct buf	 b;
	const char	*res;
	size_t		 i, j;

	buf_init(&b);
	for (i = 0; i < (experts ? a->nexperts : a->ntopics); i++) {
		int64_t	id = experts ? a->expert_ids[i] : a->topic_ids[i];

		for (j = 0; !experts && j < c->ntopics; j++)
			if (c->topics[j].id == id)
				buf_printf(&b, "%s\n", c->topics[j].name);
		for (j = 0; experts && j < c->ncontacts; j++)
			if (c->contacts[j].id == id)
				buf_printf(&b, "%s\n", c->contacts[j].name);
	}
	res = arena_strndup(ar, b.len ? b.data : "", b.len);
	buf_free(&b);
	return res;
}

const char *
article_links_text(struct arena *ar, const struct article_edit *a)
{
	struct buf	 b;
	const char	*res;
	size_t		 i;

	buf_init(&b);
	for (i = 0; i < a->nlinks; i++)
		buf_printf(&b, "%s – %s\n", a->links[i].title, a->links[i].url);
	res = arena_strndup(ar, b.len ? b.data : "", b.len);
	buf_free(&b);
	return res;
}

/*
 * The diffs of every field from version from to version to into root
 * ("va", "vb" and the lists diff_fields.html shows), names looked up
 * in c.
 */
void
fill_field_diffs(struct tdict *root, const struct article_edit *from,
    const struct article_edit *to, const struct choices *c)
{
	struct arena	*ar = td_arena(root);

	td_textf(root, "va", "%lld", (long long)from->version);
	td_textf(root, "vb", "%lld", (long long)to->version);
	fill_diff(root, "diff_title", from->title, to->title);
	fill_diff(root, "diff_lead", from->lead, to->lead);
	fill_diff(root, "diff_body", from->body_md, to->body_md);
	fill_diff(root, "diff_links", article_links_text(ar, from),
	    article_links_text(ar, to));
	fill_diff(root, "diff_topics", article_pick_names(ar, from, c, 0),
	    article_pick_names(ar, to, c, 0));
	fill_diff(root, "diff_experts", article_pick_names(ar, from, c, 1),
	    article_pick_names(ar, to, c, 1));
	fill_diff(root, "diff_slug", from->slug, to->slug);
}

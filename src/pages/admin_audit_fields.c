/*
 * admin_audit_fields.c -- the audit log's before/after in the words of
 * the forms: each stored key gets the label its form gives it ("Rubrik",
 * not "title"), each value the form's wording (a status or role in
 * Swedish, a time in Stockholm time, topic and expert names instead of
 * ids, a link as "title – url"), and a changed value is shown as a line
 * diff (long texts folded to the lines around the changes).
 *
 * The rows come from store_audit_diff() (JSON taken apart by SQLite);
 * admin_audit.c renders the page.  Keys no table knows are shown with a
 * capital first letter (the contact and notice writers store Swedish
 * keys already).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../app.h"
#include "../render/date.h"
#include "../render/tmpl.h"
#include "../store/staff.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "admin.h"
#include "admin_article.h"
#include "admin_staff.h"

#define CONTEXT_LINES	2	/* unchanged lines kept around a change */

enum fmt {
	F_TEXT,		/* as stored */
	F_HIDE,		/* not shown (ids, version counters) */
	F_KIND,		/* nyhet -> Nyhet */
	F_STATUS,	/* draft -> Utkast */
	F_LANG,		/* sv -> Svenska */
	F_TIME,		/* unix time -> Stockholm date and time */
	F_UTC,		/* "YYYY-MM-DD HH:MM:SS UTC" -> Stockholm */
	F_ROLE,		/* redaktor -> Redaktör */
	F_TOPICS,	/* topic ids, one a line -> names */
	F_EXPERTS,	/* contact ids, one a line -> names */
	F_NEWS_PATH,	/* slug -> /nyheter/slug */
	F_TOPIC_PATH	/* slug -> /amnen/slug */
};

static const struct field {
	const char	*type;		/* object_type */
	const char	*key;
	const char	*label;
	enum fmt	 fmt;
} fields[] = {
	{ AUDIT_ARTICLE, "id", "", F_HIDE },
	{ AUDIT_ARTICLE, "version", "", F_HIDE },
	{ AUDIT_ARTICLE, "kind", "Typ", F_KIND },
	{ AUDIT_ARTICLE, "slug", "Adress", F_NEWS_PATH },
	{ AUDIT_ARTICLE, "title", "Rubrik", F_TEXT },
	{ AUDIT_ARTICLE, "lead", "Ingress", F_TEXT },
	{ AUDIT_ARTICLE, "body_md", "Brödtext", F_TEXT },
	{ AUDIT_ARTICLE, "lang", "Språk", F_LANG },
	{ AUDIT_ARTICLE, "status", "Status", F_STATUS },
	{ AUDIT_ARTICLE, "publish_at", "Publiceringstid", F_TIME },
	{ AUDIT_ARTICLE, "topics", "Ämnen", F_TOPICS },
	{ AUDIT_ARTICLE, "experts", "Sakkunniga", F_EXPERTS },
	{ AUDIT_ARTICLE, "links", "Läs vidare", F_TEXT },
	{ AUDIT_ARTICLE, "brödtext", "Brödtext", F_TEXT },
	{ AUDIT_TOPIC, "id", "", F_HIDE },
	{ AUDIT_TOPIC, "version", "", F_HIDE },
	{ AUDIT_TOPIC, "slug", "Adress", F_TOPIC_PATH },
	{ AUDIT_TOPIC, "name", "Namn", F_TEXT },
	{ AUDIT_TOPIC, "lead", "Ingress", F_TEXT },
	{ AUDIT_TOPIC, "body_md", "Text", F_TEXT },
	{ AUDIT_TOPIC, "published_at", "Visas sedan", F_TIME },
	{ AUDIT_ACCOUNT, "roll", "Roll", F_ROLE },
	{ AUDIT_NOTICE, "visas från", "Visas från", F_UTC },
	{ AUDIT_NOTICE, "visas till", "Visas till", F_UTC },
};

static const struct field *
field_of(const char *type, const char *key)
{
	size_t	i;

	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (strcmp(fields[i].type, type) == 0 &&
		    strcmp(fields[i].key, key) == 0)
			return &fields[i];
	return NULL;
}

/* key with a capital first letter (ASCII, å ä ö); arena. */
static const char *
capitalized(struct arena *ar, const char *key)
{
	char	*s = arena_strdup(ar, key);

	if (s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 32);
	else if ((unsigned char)s[0] == 0xc3 && ((unsigned char)s[1] == 0xa4 ||
	    (unsigned char)s[1] == 0xa5 || (unsigned char)s[1] == 0xb6))
		s[1] = (char)(s[1] - 0x20);
	return s;
}

/* The name of id (as text) among the topics or contacts of c. */
static const char *
name_of(struct arena *ar, const struct choices *c, const char *id,
    int experts)
{
	int64_t	v = req_id(id);	/* 0 matches nothing */
	size_t	i;

	for (i = 0; !experts && i < c->ntopics; i++)
		if (c->topics[i].id == v)
			return c->topics[i].name;
	for (i = 0; experts && i < c->ncontacts; i++)
		if (c->contacts[i].id == v)
			return c->contacts[i].name;
	return arena_printf(ar, "%s %s (borttagen)", experts ? "Kontakt" :
	    "Ämne", id);
}

/* Each line of ids (one a line) as a name, one a line; arena. */
static const char *
names(struct arena *ar, const struct choices *c, const char *ids,
    int experts)
{
	const char	*res = "", *p, *e;

	for (p = ids; *p != '\0'; p = *e ? e + 1 : e) {
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		res = arena_printf(ar, "%s%s%s", res, *res ? "\n" : "",
		    name_of(ar, c, arena_strndup(ar, p, (size_t)(e - p)),
		    experts));
	}
	return res;
}

/* v as the form shows it. */
static const char *
shown(struct arena *ar, enum fmt f, const char *v, const struct choices *c)
{
	int64_t	t = 0;

	if (*v == '\0')
		return v;
	switch (f) {
	case F_KIND:
		return *kind_label(v) ? kind_label(v) :
		    strcmp(v, "sida") == 0 ? "Sida" : v;
	case F_STATUS:
		return strcmp(v, ARTICLE_DRAFT) == 0 ? "Utkast" :
		    strcmp(v, ARTICLE_PUBLISHED) == 0 ? "Publicerad" :
		    strcmp(v, ARTICLE_UNPUBLISHED) == 0 ? "Avpublicerad" :
		    v;
	case F_LANG:
		return strcmp(v, "sv") == 0 ? "Svenska" :
		    strcmp(v, "en") == 0 ? "Engelska" : v;
	case F_TIME:
		(void)req_parse_int(v, 1, INT64_MAX, &t);
		return t > 0 ? date_sv_time(ar, t) : "";
	case F_UTC:
		t = date_parse_utc(v);
		return t >= 0 ? date_sv_time(ar, t) : v;
	case F_ROLE:
		return role_label(v);
	case F_TOPICS:
	case F_EXPERTS:
		return names(ar, c, v, f == F_EXPERTS);
	case F_NEWS_PATH:
		return arena_printf(ar, "/nyheter/%s", v);
	case F_TOPIC_PATH:
		return arena_printf(ar, "/amnen/%s", v);
	default:
		return v;
	}
}

/* An unchanged value in one line: "–" when empty, a list (one item a
 * line) joined with ", ", a long or many-line text only named; arena. */
static const char *
one_line(struct arena *ar, const char *v, int list)
{
	const char	*res = "", *p, *e;

	if (*v == '\0')
		return "–";
	if (strlen(v) > 200 || (!list && strchr(v, '\n') != NULL))
		return "(text på flera rader)";
	for (p = v; *p != '\0'; p = *e ? e + 1 : e) {
		if ((e = strchr(p, '\n')) == NULL)
			e = p + strlen(p);
		if (e > p)
			res = arena_printf(ar, "%s%s%.*s", res, *res ? ", " :
			    "", (int)(e - p), p);
	}
	return res;
}

/* 1 if the value is a list, one item a line (an array in the JSON):
 * topics, experts, links, and every multi-line value of the kinds whose
 * only long texts are lists (contacts, press duty, accounts, notice). */
static int
is_list(const char *type, const char *key, enum fmt fmt)
{
	return fmt == F_TOPICS || fmt == F_EXPERTS ||
	    strcmp(key, "links") == 0 || (strcmp(type, AUDIT_ARTICLE) != 0 &&
	    strcmp(type, AUDIT_TOPIC) != 0);
}

/*
 * The rows c[0..n) of an entry about object_type into d: list "changes"
 * (label, changed, and the diff "lines" or the unchanged "value"),
 * changed ones first, and "changed_labels" ("Rubrik, Brödtext").
 * Topic and expert names are looked up in ch.
 */
void
audit_fill_fields(struct tdict *d, const char *object_type,
    const struct audit_change *c, size_t n, const struct choices *ch)
{
	struct arena		*ar = td_arena(d);
	const struct field	*f;
	const char		*label, *list = "";
	struct tdict		*r;
	size_t			 i, pass;
	enum fmt		 fmt;

	td_list(d, "changes");
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < n; i++) {
			if (c[i].changed != (pass == 0))
				continue;
			f = field_of(object_type, c[i].key);
			fmt = f != NULL ? f->fmt : F_TEXT;
			if (fmt == F_HIDE)
				continue;
			label = f != NULL ? f->label :
			    capitalized(ar, c[i].key);
			r = td_item(d, "changes");
			td_text(r, "label", label);
			td_bool(r, "changed", c[i].changed);
			if (c[i].changed) {
				fill_diff_ctx(r, "lines", shown(ar, fmt,
				    c[i].before, ch), shown(ar, fmt,
				    c[i].after, ch), CONTEXT_LINES);
				list = arena_printf(ar, "%s%s%s", list,
				    *list ? ", " : "", label);
			} else
				td_text(r, "value", one_line(ar, shown(ar, fmt,
				    c[i].after, ch), is_list(object_type,
				    c[i].key, fmt)));
		}
	td_text(d, "changed_labels", list);
}

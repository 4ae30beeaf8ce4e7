/*
 * tmpl.c -- the template engine: the files in templates/, escaped by default.
 *
 * main() loads every template once with tmpl_load(); each file is parsed
 * into a flat array of operations (text, var, var_url, raw, section,
 * inverted, partial) where a section records the index just past its
 * body.  Pages build their data with td_*() in the request arena and call
 * tmpl_render(), which walks the operations and writes into the response
 * buffer through html.c's escapers.  {{{x}}} only accepts values set with
 * td_html(), i.e. a struct safe_html made by html.c or md.c; a text value
 * there is a render error.  See tmpl.h for the syntax.
 */
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/log.h"
#include "html.h"
#include "tmpl.h"

#define MAX_NEST	64		/* sections inside sections */
#define MAX_PARTIAL	16		/* partials inside partials */
#define MAX_FILE	(1024 * 1024)	/* bytes of one template file */

enum opk {
	OP_TEXT,
	OP_VAR,		/* {{x}} */
	OP_URL,		/* {{x|url}} */
	OP_RAW,		/* {{{x}}} */
	OP_SECTION,	/* {{#x}} */
	OP_INVERTED,	/* {{^x}} */
	OP_PARTIAL,	/* {{> x}} */
};

struct op {
	enum opk	 k;
	int		 line;
	const char	*s;	/* text (not terminated) or name (terminated) */
	size_t		 len;	/* length of s */
	size_t		 end;	/* sections: index just past the body */
	long		 tmpl;	/* partials: index in the set, -1 unknown */
};

struct tmpl {
	char		*name;	/* file name without .html or .xml */
	char		*src;	/* the source; names are terminated in place */
	struct op	*ops;
	size_t		 nops, cap;
};

struct tmpl_set {
	struct tmpl	*t;
	size_t		 n;
};

enum tvk {
	TV_TEXT,
	TV_HTML,
	TV_BOOL,
	TV_LIST,
	TV_DICT,
};

struct tentry {
	const char	*key;
	enum tvk	 k;
	const char	*s;	/* TV_TEXT, TV_HTML */
	size_t		 len;
	int		 b;	/* TV_BOOL */
	struct tdict	*head;	/* TV_LIST: items; TV_DICT: the dict */
	struct tdict	*tail;	/* TV_LIST */
};

struct tdict {
	struct arena	*ar;
	struct tentry	*e;
	size_t		 n, cap;
	struct tdict	*next;	/* next item in a list */
};

/* A scope while rendering: innermost first, linked outwards. */
struct scope {
	const struct tdict	*d;
	const struct scope	*up;
};

struct parser {
	struct tmpl	*t;
	const char	*file;	/* for messages */
	size_t		 open[MAX_NEST];
	size_t		 nopen;
	int		 line;
};

/*
 * Parsing.
 */

/* Log a syntax error at the parser's position; returns ST_ERROR. */
static enum status
syntax(const struct parser *p, const char *msg)
{
	log_error("%s:%d: template: %s", p->file, p->line, msg);
	return ST_ERROR;
}

/* Append an operation to p's template; the new op is returned zeroed
 * but for kind and line. */
static struct op *
add_op(struct parser *p, enum opk k)
{
	struct tmpl	*t = p->t;
	struct op	*o;

	if (t->nops == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		if ((t->ops = realloc(t->ops, t->cap * sizeof(*t->ops))) ==
		    NULL)
			abort();
	}
	o = &t->ops[t->nops++];
	memset(o, 0, sizeof(*o));
	o->k = k;
	o->line = p->line;
	o->tmpl = -1;
	return o;
}

/* 1 if c may appear in a variable name; partial names also allow '.'. */
static int
namechar(char c, int partial)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-' ||
	    (partial && c == '.');
}

/* Count the newlines in s[0..n) into the parser's line number. */
static void
count_lines(struct parser *p, const char *s, size_t n)
{
	const char	*q = s, *e = s + n;

	while ((q = memchr(q, '\n', (size_t)(e - q))) != NULL) {
		p->line++;
		q++;
	}
}

/*
 * Take the tag body [s, e) apart: optional white space, a name, optional
 * "|url" (when url is non-NULL), optional white space.  The name is
 * terminated in place.  Returns ST_OK or ST_ERROR (logged).
 */
static enum status
tag_name(struct parser *p, char *s, char *e, int partial, struct op *o,
    int *url)
{
	char	*n;

	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	for (n = s; s < e && namechar(*s, partial); s++)
		continue;
	if (s == n)
		return syntax(p, "missing or bad name in tag");
	o->s = n;
	o->len = (size_t)(s - n);
	if (url != NULL && e - s >= 4 && strncmp(s, "|url", 4) == 0) {
		*url = 1;
		s += 4;
	}
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	if (s != e)
		return syntax(p, "bad character in tag");
	n[o->len] = '\0';
	return ST_OK;
}

/* Close the innermost section with the name [s, e) trimmed. */
static enum status
close_section(struct parser *p, char *s, char *e)
{
	struct op	*o;

	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (p->nopen == 0)
		return syntax(p, "closing tag without a section");
	o = &p->t->ops[p->open[p->nopen - 1]];
	if ((size_t)(e - s) != o->len || memcmp(s, o->s, o->len) != 0)
		return syntax(p, "closing tag does not match the section");
	o->end = p->t->nops;
	p->nopen--;
	return ST_OK;
}

/* Handle the tag whose body (after "{{", before "}}") is [s, e). */
static enum status
tag(struct parser *p, char *s, char *e, int raw)
{
	struct op	*o;
	enum opk	 k;
	int		 url = 0;

	if (raw)
		return tag_name(p, s, e, 0, add_op(p, OP_RAW), NULL);
	switch (*s) {
	case '!':
		return ST_OK;
	case '/':
		return close_section(p, s + 1, e);
	case '>':
		return tag_name(p, s + 1, e, 1, add_op(p, OP_PARTIAL), NULL);
	case '#':
	case '^':
		if (p->nopen == MAX_NEST)
			return syntax(p, "sections nested too deep");
		k = *s == '#' ? OP_SECTION : OP_INVERTED;
		p->open[p->nopen++] = p->t->nops;
		return tag_name(p, s + 1, e, 0, add_op(p, k), NULL);
	default:
		o = add_op(p, OP_VAR);
		if (tag_name(p, s, e, 0, o, &url) != ST_OK)
			return ST_ERROR;
		if (url)
			o->k = OP_URL;
		return ST_OK;
	}
}

/*
 * Parse the tag starting at *pp (which points at "{{"), advancing *pp
 * past it.
 */
static enum status
parse_tag(struct parser *p, char **pp)
{
	char		*s = *pp + 2, *e;
	int		 raw = *s == '{';
	const char	*close = raw ? "}}}" : "}}";

	if (raw)
		s++;
	if ((e = strstr(s, close)) == NULL)
		return syntax(p, "unclosed tag");
	*pp = e + strlen(close);
	count_lines(p, s, (size_t)(e - s));
	if (!raw && memchr(s, '{', (size_t)(e - s)) != NULL && *s != '!')
		return syntax(p, "'{' inside a tag");
	if (e == s)
		return syntax(p, "empty tag");
	return tag(p, s, e, raw);
}

/*
 * Parse t->src into t->ops.  Returns ST_OK or ST_ERROR (logged with
 * file:line).
 */
static enum status
parse(struct tmpl *t, const char *file)
{
	struct parser	 p;
	struct op	*o;
	char		*s = t->src, *open;

	memset(&p, 0, sizeof(p));
	p.t = t;
	p.file = file;
	p.line = 1;
	while (*s != '\0') {
		if ((open = strstr(s, "{{")) == NULL)
			open = s + strlen(s);
		if (open > s) {
			o = add_op(&p, OP_TEXT);
			o->s = s;
			o->len = (size_t)(open - s);
			count_lines(&p, s, o->len);
		}
		s = open;
		if (*s != '\0' && parse_tag(&p, &s) != ST_OK)
			return ST_ERROR;
	}
	if (p.nopen > 0) {
		p.line = t->ops[p.open[p.nopen - 1]].line;
		return syntax(&p, "section is never closed");
	}
	return ST_OK;
}

/* Index of template name in set, or -1.  The set is sorted by name. */
static long
find_tmpl(const struct tmpl_set *set, const char *name, size_t len)
{
	size_t	 lo = 0, hi = set->n, mid;
	int	 c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strncmp(set->t[mid].name, name, len);
		if (c == 0 && set->t[mid].name[len] != '\0')
			c = 1;
		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int
cmp_tmpl(const void *a, const void *b)
{
	return strcmp(((const struct tmpl *)a)->name,
	    ((const struct tmpl *)b)->name);
}

/* Sort the set and point every partial op at its template. */
static void
link_partials(struct tmpl_set *set)
{
	size_t	 i, j;
	struct op *o;

	qsort(set->t, set->n, sizeof(*set->t), cmp_tmpl);
	for (i = 0; i < set->n; i++)
		for (j = 0; j < set->t[i].nops; j++) {
			o = &set->t[i].ops[j];
			if (o->k == OP_PARTIAL)
				o->tmpl = find_tmpl(set, o->s, o->len);
		}
}

/* Add a template taking ownership of the heap strings name and src. */
static enum status
add_tmpl(struct tmpl_set *set, char *name, char *src, const char *file)
{
	struct tmpl	*t;

	if ((set->t = realloc(set->t, (set->n + 1) * sizeof(*set->t))) ==
	    NULL)
		abort();
	t = &set->t[set->n++];
	memset(t, 0, sizeof(*t));
	t->name = name;
	t->src = src;
	return parse(t, file);
}

static struct tmpl_set *
set_new(void)
{
	struct tmpl_set	*set;

	if ((set = calloc(1, sizeof(*set))) == NULL)
		abort();
	return set;
}

/* Free everything a template set owns; NULL is fine. */
void
tmpl_free(struct tmpl_set *set)
{
	size_t	 i;

	if (set == NULL)
		return;
	for (i = 0; i < set->n; i++) {
		free(set->t[i].name);
		free(set->t[i].src);
		free(set->t[i].ops);
	}
	free(set->t);
	free(set);
}

static char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	if ((p = strndup(s, n)) == NULL)
		abort();
	return p;
}

/*
 * Parse one template from memory as `name` into a new heap set, *out
 * (free with tmpl_free).  Returns ST_OK, or ST_ERROR (logged) with *out
 * set to NULL.
 */
enum status
tmpl_parse_string(const char *name, const char *src, struct tmpl_set **out)
{
	struct tmpl_set	*set = set_new();

	*out = NULL;
	if (add_tmpl(set, xstrndup(name, strlen(name)),
	    xstrndup(src, strlen(src)), name) != ST_OK) {
		tmpl_free(set);
		return ST_ERROR;
	}
	link_partials(set);
	*out = set;
	return ST_OK;
}

/* Read the file path into a new heap string; NULL (logged) on failure. */
static char *
read_file(const char *path)
{
	FILE	*f;
	char	*s = NULL;
	long	 n;

	if ((f = fopen(path, "rb")) == NULL) {
		log_error("%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fseek(f, 0, SEEK_END) == -1 || (n = ftell(f)) < 0 ||
	    n > MAX_FILE || fseek(f, 0, SEEK_SET) == -1) {
		log_error("%s: unreadable or too large", path);
		goto out;
	}
	if ((s = malloc((size_t)n + 1)) == NULL)
		abort();
	if (fread(s, 1, (size_t)n, f) != (size_t)n) {
		log_error("%s: short read", path);
		free(s);
		s = NULL;
		goto out;
	}
	s[n] = '\0';
	if (strlen(s) != (size_t)n) {
		log_error("%s: NUL byte in template", path);
		free(s);
		s = NULL;
	}
out:
	fclose(f);
	return s;
}

/*
 * Length of name without a template extension (".html" or ".xml"), or
 * 0 if it has neither or nothing before it.
 */
static size_t
stem_len(const char *name, size_t n)
{
	if (n > 5 && strcmp(name + n - 5, ".html") == 0)
		return n - 5;
	if (n > 4 && strcmp(name + n - 4, ".xml") == 0)
		return n - 4;
	return 0;
}

/* Load dir/fname (a template file with a stem of n bytes) into set. */
static enum status
load_one(struct tmpl_set *set, const char *dir, const char *fname, size_t n)
{
	char	 path[4096];
	char	*src;
	size_t	 i;

	if (snprintf(path, sizeof(path), "%s/%s", dir, fname) >=
	    (int)sizeof(path)) {
		log_error("%s: path too long", dir);
		return ST_ERROR;
	}
	for (i = 0; i < set->n; i++)
		if (strncmp(set->t[i].name, fname, n) == 0 &&
		    set->t[i].name[n] == '\0') {
			log_error("%s: a template named %.*s exists already",
			    path, (int)n, fname);
			return ST_ERROR;
		}
	if ((src = read_file(path)) == NULL)
		return ST_ERROR;
	return add_tmpl(set, xstrndup(fname, n), src, path);
}

/*
 * Parse every *.html (and *.xml, for feeds) file in dir into a new heap
 * set, *out (free with tmpl_free); a template's name is its file name
 * without the extension.  Returns ST_OK, or ST_ERROR (logged, with
 * file:line for a syntax error, or for two files with the same name)
 * with *out set to NULL.
 */
enum status
tmpl_load(const char *dir, struct tmpl_set **out)
{
	struct tmpl_set	*set = set_new();
	struct dirent	*de;
	DIR		*d;
	size_t		 n;
	enum status	 st = ST_ERROR;

	*out = NULL;
	if ((d = opendir(dir)) == NULL) {
		log_error("%s: %s", dir, strerror(errno));
		goto out;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' ||
		    (n = stem_len(de->d_name, strlen(de->d_name))) == 0)
			continue;
		if (load_one(set, dir, de->d_name, n) != ST_OK)
			goto out;
	}
	link_partials(set);
	*out = set;
	st = ST_OK;
out:
	if (d != NULL)
		closedir(d);
	if (st != ST_OK)
		tmpl_free(set);
	return st;
}

/*
 * Data.
 */

/* A new empty dictionary in ar. */
struct tdict *
td_new(struct arena *ar)
{
	struct tdict	*d = arena_alloc(ar, sizeof(*d));

	d->ar = ar;
	return d;
}

/* The entry for key in d, or NULL. */
static struct tentry *
dict_find(const struct tdict *d, const char *key)
{
	size_t	 i;

	for (i = 0; i < d->n; i++)
		if (d->e[i].key[0] == key[0] && strcmp(d->e[i].key, key) == 0)
			return &d->e[i];
	return NULL;
}

/* The entry for key in d, created or cleared to kind k. */
static struct tentry *
dict_set(struct tdict *d, const char *key, enum tvk k)
{
	struct tentry	*e;

	if ((e = dict_find(d, key)) == NULL) {
		d->e = arena_grow(d->ar, d->e, d->n, &d->cap, sizeof(*d->e));
		e = &d->e[d->n++];
	}
	memset(e, 0, sizeof(*e));
	e->key = key;
	e->k = k;
	return e;
}

/* Set key to a copy of the text val (NULL is taken as ""). */
void
td_text(struct tdict *d, const char *key, const char *val)
{
	struct tentry	*e = dict_set(d, key, TV_TEXT);

	if (val == NULL)
		val = "";
	e->len = strlen(val);
	e->s = arena_strndup(d->ar, val, e->len);
}

/* Set key to the formatted text, allocated in d's arena. */
void
td_textf(struct tdict *d, const char *key, const char *fmt, ...)
{
	struct tentry	*e;
	va_list		 ap;
	char		*s;
	int		 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	s = arena_alloc(d->ar, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	e = dict_set(d, key, TV_TEXT);
	e->s = s;
	e->len = (size_t)n;
}

/* Set key to safe markup.  The bytes are not copied: a safe_html lives
 * in the request arena or is a literal already. */
void
td_html(struct tdict *d, const char *key, struct safe_html h)
{
	struct tentry	*e = dict_set(d, key, TV_HTML);

	e->s = h.html != NULL ? h.html : "";
	e->len = h.html != NULL ? h.len : 0;
}

void
td_bool(struct tdict *d, const char *key, int v)
{
	dict_set(d, key, TV_BOOL)->b = v != 0;
}

/* A new dictionary appended to the list key, in d's arena. */
struct tdict *
td_item(struct tdict *d, const char *key)
{
	struct tentry	*e = dict_find(d, key);
	struct tdict	*it = td_new(d->ar);

	if (e == NULL || e->k != TV_LIST)
		e = dict_set(d, key, TV_LIST);
	if (e->tail != NULL)
		e->tail->next = it;
	else
		e->head = it;
	e->tail = it;
	return it;
}

/* Make key an empty list unless it is a list already. */
void
td_list(struct tdict *d, const char *key)
{
	struct tentry	*e = dict_find(d, key);

	if (e == NULL || e->k != TV_LIST)
		dict_set(d, key, TV_LIST);
}

/* A new dictionary under key, in d's arena. */
struct tdict *
td_sub(struct tdict *d, const char *key)
{
	struct tdict	*sub = td_new(d->ar);

	dict_set(d, key, TV_DICT)->head = sub;
	return sub;
}

/*
 * Rendering.
 */

/* The value of name in the innermost scope that has it, or NULL. */
static const struct tentry *
lookup(const struct scope *sc, const char *name)
{
	const struct tentry	*e;

	for (; sc != NULL; sc = sc->up)
		if (sc->d != NULL && (e = dict_find(sc->d, name)) != NULL)
			return e;
	return NULL;
}

/* 1 if a section over e runs (at least once). */
static int
truthy(const struct tentry *e)
{
	if (e == NULL)
		return 0;
	switch (e->k) {
	case TV_TEXT:
	case TV_HTML:
		return e->len > 0;
	case TV_BOOL:
		return e->b;
	case TV_LIST:
		return e->head != NULL;
	case TV_DICT:
		return 1;
	}
	return 0;
}

static enum status run(const struct tmpl_set *, const struct tmpl *,
    size_t, size_t, const struct scope *, struct buf *, int);

/* Render a {{#x}} section over ops [from, to). */
static enum status
section(const struct tmpl_set *set, const struct tmpl *t, size_t from,
    size_t to, const struct scope *sc, struct buf *out, int depth)
{
	const struct tentry	*e = lookup(sc, t->ops[from - 1].s);
	const struct tdict	*it;
	struct scope		 in;
	enum status		 st;

	if (!truthy(e))
		return ST_OK;
	if (e->k != TV_LIST && e->k != TV_DICT)
		return run(set, t, from, to, sc, out, depth);
	in.up = sc;
	for (it = e->head; it != NULL; it = e->k == TV_LIST ? it->next : NULL) {
		in.d = it;
		if ((st = run(set, t, from, to, &in, out, depth)) != ST_OK)
			return st;
	}
	return ST_OK;
}

/* Render a {{> x}} partial in the current scope. */
static enum status
partial(const struct tmpl_set *set, const struct tmpl *t, const struct op *o,
    const struct scope *sc, struct buf *out, int depth)
{
	const struct tmpl	*p;

	if (o->tmpl < 0) {
		log_error("template %s:%d: no partial \"%s\"", t->name,
		    o->line, o->s);
		return ST_ERROR;
	}
	if (depth >= MAX_PARTIAL) {
		log_error("template %s:%d: partials nested too deep",
		    t->name, o->line);
		return ST_ERROR;
	}
	p = &set->t[o->tmpl];
	return run(set, p, 0, p->nops, sc, out, depth + 1);
}

/* Write a {{{x}}} slot: only safe_html is accepted. */
static enum status
raw(const struct tmpl *t, const struct op *o, const struct tentry *e,
    struct buf *out)
{
	if (e == NULL || e->k == TV_BOOL || e->k == TV_LIST ||
	    e->k == TV_DICT)
		return ST_OK;
	if (e->k != TV_HTML) {
		log_error("template %s:%d: {{{%s}}} given text, not html",
		    t->name, o->line, o->s);
		return ST_ERROR;
	}
	buf_append(out, e->s, e->len);
	return ST_OK;
}

/* Write a {{x}} or {{x|url}} slot. */
static void
var(const struct op *o, const struct tentry *e, struct buf *out)
{
	if (e == NULL || (e->k != TV_TEXT && e->k != TV_HTML))
		return;
	if (o->k == OP_URL)
		html_url(out, e->s);
	else
		html_text_n(out, e->s, e->len);
}

/* Render ops [from, to) of t in scope sc into out. */
static enum status
run(const struct tmpl_set *set, const struct tmpl *t, size_t from,
    size_t to, const struct scope *sc, struct buf *out, int depth)
{
	const struct op	*o;
	enum status	 st;
	size_t		 i;

	for (i = from; i < to; i++) {
		o = &t->ops[i];
		switch (o->k) {
		case OP_TEXT:
			buf_append(out, o->s, o->len);
			break;
		case OP_VAR:
		case OP_URL:
			var(o, lookup(sc, o->s), out);
			break;
		case OP_RAW:
			if ((st = raw(t, o, lookup(sc, o->s), out)) != ST_OK)
				return st;
			break;
		case OP_SECTION:
			st = section(set, t, i + 1, o->end, sc, out, depth);
			if (st != ST_OK)
				return st;
			i = o->end - 1;
			break;
		case OP_INVERTED:
			if (!truthy(lookup(sc, o->s)) && (st = run(set, t,
			    i + 1, o->end, sc, out, depth)) != ST_OK)
				return st;
			i = o->end - 1;
			break;
		case OP_PARTIAL:
			if ((st = partial(set, t, o, sc, out, depth)) != ST_OK)
				return st;
			break;
		}
	}
	return ST_OK;
}

/*
 * Render template name (file name, with or without its extension) with
 * data d (may be NULL) appended to out.  Returns ST_OK; ST_NOTFOUND for an
 * unknown template; ST_ERROR (logged) for a raw slot given text, a
 * missing partial or partials nested too deep.  On failure out is
 * restored to its length on entry.
 */
enum status
tmpl_render(const struct tmpl_set *set, const char *name,
    const struct tdict *d, struct buf *out)
{
	const struct tmpl	*t;
	struct scope		 sc;
	size_t			 n = strlen(name), len0 = out->len;
	long			 idx;
	enum status		 st;

	if (stem_len(name, n) > 0)
		n = stem_len(name, n);
	if ((idx = find_tmpl(set, name, n)) < 0) {
		log_error("template %.*s: not found", (int)n, name);
		return ST_NOTFOUND;
	}
	t = &set->t[idx];
	sc.d = d;
	sc.up = NULL;
	if ((st = run(set, t, 0, t->nops, &sc, out, 0)) != ST_OK) {
		out->len = len0;
		if (out->data != NULL)
			out->data[len0] = '\0';
	}
	return st;
}

/* 1 if a {{#key}} section over d's own key would run. */
int
td_truthy(const struct tdict *d, const char *key)
{
	return truthy(dict_find(d, key));
}

/* The arena d's values live in. */
struct arena *
td_arena(const struct tdict *d)
{
	return d->ar;
}

/*
 * embed_sql.c -- build-time generator that puts sql/ into the binary.
 *
 * Usage: embed_sql <sqldir> <out.c> <out.h>
 *
 * Reads <sqldir>/migrations/NNNN_description.sql (applied in name order),
 * <sqldir>/queries/NAME.sql (statements tagged "-- name: some_name", each
 * running until the next tag or the end of the file; lines before the
 * first tag are the file's header and are dropped) and <sqldir>/demo.sql.
 * Writes out.h with enum query_id (Q_SOME_NAME, sorted by name) and the
 * extern tables, and out.c with every text as a byte-array initializer,
 * which stays clear of -Woverlength-strings whatever the length.  A file
 * is only rewritten when its content changes, so make does not rebuild
 * the world after every cmake run.  Compare Fossil's tools/mkbuiltin.c.
 *
 * This is a host tool: it exits 1 with a message on any error.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAME_TAG	"-- name:"

struct text {
	char	*name;		/* query or migration name */
	char	*body;		/* NUL-terminated SQL text */
};

struct vec {
	struct text	*v;
	size_t		 n;
	size_t		 cap;
};

/* A growing output buffer; heap, freed by the caller. */
struct out {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

static void
die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

static void
die(const char *fmt, ...)
{
	va_list	 ap;

	fprintf(stderr, "embed_sql: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n)) == NULL)
		die("out of memory");
	return p;
}

static char *
xstrndup(const char *s, size_t n)
{
	char	*p = xrealloc(NULL, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static void
out_add(struct out *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		o->cap = (o->len + n + 1) * 2;
		o->p = xrealloc(o->p, o->cap);
	}
	memcpy(o->p + o->len, s, n);
	o->len += n;
	o->p[o->len] = '\0';
}

static void
out_printf(struct out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
out_printf(struct out *o, const char *fmt, ...)
{
	char	 tmp[512];
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(tmp))
		die("internal: line too long");
	out_add(o, tmp, (size_t)n);
}

static void
vec_push(struct vec *v, char *name, char *body)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 16;
		v->v = xrealloc(v->v, v->cap * sizeof(*v->v));
	}
	v->v[v->n].name = name;
	v->v[v->n].body = body;
	v->n++;
}

/* Read a whole file; heap, caller frees.  Missing file: NULL if optional. */
static char *
slurp(const char *path, int optional)
{
	FILE	*f;
	char	*p = NULL;
	size_t	 len = 0, cap = 0, n;

	if ((f = fopen(path, "rb")) == NULL) {
		if (optional)
			return NULL;
		die("%s: cannot open", path);
	}
	do {
		if (len + 4096 + 1 > cap) {
			cap = (len + 4096 + 1) * 2;
			p = xrealloc(p, cap);
		}
		n = fread(p + len, 1, 4096, f);
		len += n;
	} while (n > 0);
	if (ferror(f))
		die("%s: read error", path);
	fclose(f);
	if (p == NULL)
		p = xrealloc(NULL, 1);
	p[len] = '\0';
	if (strlen(p) != len)
		die("%s: contains a NUL byte", path);
	return p;
}

static int
cmp_text(const void *a, const void *b)
{
	return strcmp(((const struct text *)a)->name,
	    ((const struct text *)b)->name);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Names of the *.sql files in dir, sorted; heap, caller frees. */
static char **
list_sql(const char *dir, size_t *n)
{
	DIR		*d;
	struct dirent	*e;
	char		**v = NULL;
	size_t		 len;

	*n = 0;
	if ((d = opendir(dir)) == NULL)
		die("%s: cannot open directory", dir);
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len < 5 || e->d_name[0] == '.' ||
		    strcmp(e->d_name + len - 4, ".sql") != 0)
			continue;
		v = xrealloc(v, (*n + 1) * sizeof(*v));
		v[(*n)++] = xstrndup(e->d_name, len);
	}
	closedir(d);
	if (*n > 0)
		qsort(v, *n, sizeof(*v), cmp_str);
	return v;
}

static char *
join(const char *dir, const char *name)
{
	size_t	 n = strlen(dir) + strlen(name) + 2;
	char	*p = xrealloc(NULL, n);

	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

/* Copy s[0..n) without trailing white space; heap. */
static char *
trimmed(const char *s, size_t n)
{
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	while (n > 0 && (*s == '\n' || *s == '\r')) {
		s++;
		n--;
	}
	return xstrndup(s, n);
}

/* A query name: [a-z][a-z0-9_]*; returns it in the heap. */
static char *
tag_name(const char *line, const char *file)
{
	const char	*p = line + strlen(NAME_TAG), *e;
	size_t		 len;

	while (*p == ' ' || *p == '\t')
		p++;
	for (e = p; islower((unsigned char)*e) ||
	    isdigit((unsigned char)*e) || *e == '_'; e++)
		continue;
	if (e == p || !islower((unsigned char)*p))
		die("%s: bad query name", file);
	len = (size_t)(e - p);
	while (*e == ' ' || *e == '\t' || *e == '\r')
		e++;
	if (*e != '\n' && *e != '\0')
		die("%s: junk after query name", file);
	return xstrndup(p, len);
}

/* Split one queries file into its named statements. */
static void
split_queries(const char *file, const char *s, struct vec *q)
{
	const char	*line = s, *start = NULL;
	char		*name = NULL;

	for (; *line != '\0'; line = strchr(line, '\n') + 1) {
		if (strncmp(line, NAME_TAG, strlen(NAME_TAG)) == 0) {
			if (name != NULL)
				vec_push(q, name, trimmed(start,
				    (size_t)(line - start)));
			name = tag_name(line, file);
			start = strchr(line, '\n');
			start = start ? start + 1 : line + strlen(line);
		}
		if (strchr(line, '\n') == NULL)
			break;
	}
	if (name != NULL)
		vec_push(q, name, trimmed(start, strlen(start)));
}

static void
read_queries(const char *sqldir, struct vec *q)
{
	char	*dir = join(sqldir, "queries"), **files, *path, *s;
	size_t	 n, i;

	files = list_sql(dir, &n);
	for (i = 0; i < n; i++) {
		path = join(dir, files[i]);
		s = slurp(path, 0);
		split_queries(path, s, q);
		free(s);
		free(path);
		free(files[i]);
	}
	free(files);
	free(dir);
	if (q->n == 0)
		die("%s/queries: no named queries", sqldir);
	qsort(q->v, q->n, sizeof(*q->v), cmp_text);
	for (i = 1; i < q->n; i++)
		if (strcmp(q->v[i - 1].name, q->v[i].name) == 0)
			die("query %s is defined twice", q->v[i].name);
	for (i = 0; i < q->n; i++)
		if (q->v[i].body[0] == '\0')
			die("query %s is empty", q->v[i].name);
}

static void
read_migrations(const char *sqldir, struct vec *m)
{
	char	*dir = join(sqldir, "migrations"), **files, *path;
	size_t	 n, i;

	files = list_sql(dir, &n);
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)files[i][0]) ||
		    strspn(files[i], "0123456789") != 4 || files[i][4] != '_')
			die("%s/%s: name is not NNNN_description.sql",
			    dir, files[i]);
		if ((size_t)atoi(files[i]) != i + 1)
			die("%s/%s: expected number %04zu", dir, files[i],
			    i + 1);
		path = join(dir, files[i]);
		files[i][strlen(files[i]) - 4] = '\0';
		if (strspn(files[i] + 5, "abcdefghijklmnopqrstuvwxyz"
		    "0123456789_") != strlen(files[i] + 5))
			die("%s: name must be [a-z0-9_]", path);
		vec_push(m, files[i], slurp(path, 0));
		free(path);
	}
	free(files);
	free(dir);
	if (m->n == 0)
		die("%s/migrations: no migrations", sqldir);
}

/*
 * Emit "<storage>const char id[] = { 'S', 'E', '\xc3', ..., 0 };".  Bytes
 * outside printable ASCII are hex character constants, which convert to
 * char without warnings whether char is signed or not.
 */
static void
emit_bytes(struct out *o, const char *storage, const char *id, const char *s)
{
	size_t		 i, n = strlen(s);
	unsigned char	 ch;

	out_printf(o, "%sconst char %s[] = {", storage, id);
	for (i = 0; i < n; i++) {
		ch = (unsigned char)s[i];
		out_printf(o, "%s", i % 12 == 0 ? "\n\t" : " ");
		if (ch >= 0x20 && ch < 0x7f && ch != '\'' && ch != '\\')
			out_printf(o, "'%c',", ch);
		else
			out_printf(o, "'\\x%02x',", ch);
	}
	out_printf(o, "%s0\n};\n\n", n % 12 == 0 ? "\n\t" : " ");
}

static void
emit_header(struct out *h, const struct vec *q)
{
	size_t	 i;
	char	*p;

	out_printf(h, "/* Generated by embed_sql from sql/; do not edit. */\n"
	    "#ifndef SQL_EMBED_H\n#define SQL_EMBED_H\n\n"
	    "enum query_id {\n");
	for (i = 0; i < q->n; i++) {
		out_printf(h, "\tQ_");
		for (p = q->v[i].name; *p != '\0'; p++)
			out_printf(h, "%c", toupper((unsigned char)*p));
		out_printf(h, ",\n");
	}
	out_printf(h, "\tQ__COUNT\n};\n\n"
	    "extern const char *const sql_query_name[Q__COUNT];\n"
	    "extern const char *const sql_query_text[Q__COUNT];\n"
	    "extern const char *const sql_migration_name[];\n"
	    "extern const char *const sql_migration_text[];\n"
	    "extern const int sql_nmigrations;\n"
	    "extern const char sql_demo_text[];\n\n#endif\n");
}

static void
emit_table(struct out *c, const char *decl, const char *prefix,
    const struct vec *v, int names)
{
	size_t	 i;

	out_printf(c, "%s = {\n", decl);
	for (i = 0; i < v->n; i++) {
		if (names)
			out_printf(c, "\t\"%s\",\n", v->v[i].name);
		else
			out_printf(c, "\t%s%zu,\n", prefix, i);
	}
	out_printf(c, "};\n\n");
}

static void
emit_source(struct out *c, const char *hname, const struct vec *q,
    const struct vec *m, const char *demo)
{
	char	 id[32];
	size_t	 i;

	out_printf(c, "/* Generated by embed_sql from sql/; do not edit. */\n"
	    "#include \"%s\"\n\n", hname);
	for (i = 0; i < q->n; i++) {
		snprintf(id, sizeof(id), "q_%zu", i);
		out_printf(c, "/* query %s */\n", q->v[i].name);
		emit_bytes(c, "static ", id, q->v[i].body);
	}
	for (i = 0; i < m->n; i++) {
		snprintf(id, sizeof(id), "m_%zu", i);
		out_printf(c, "/* migration %s */\n", m->v[i].name);
		emit_bytes(c, "static ", id, m->v[i].body);
	}
	emit_table(c, "const char *const sql_query_name[Q__COUNT]", "", q, 1);
	emit_table(c, "const char *const sql_query_text[Q__COUNT]", "q_", q, 0);
	emit_table(c, "const char *const sql_migration_name[]", "", m, 1);
	emit_table(c, "const char *const sql_migration_text[]", "m_", m, 0);
	out_printf(c, "const int sql_nmigrations = %zu;\n\n", m->n);
	out_printf(c, "/* demo.sql */\n");
	emit_bytes(c, "", "sql_demo_text", demo);
}

/* Write path only if its content differs from o. */
static void
write_if_changed(const char *path, const struct out *o)
{
	char	*old;
	FILE	*f;

	old = slurp(path, 1);
	if (old != NULL && strcmp(old, o->p) == 0) {
		free(old);
		return;
	}
	free(old);
	if ((f = fopen(path, "wb")) == NULL)
		die("%s: cannot write", path);
	if (fwrite(o->p, 1, o->len, f) != o->len || fclose(f) != 0)
		die("%s: write error", path);
}

static void
vec_free(struct vec *v)
{
	size_t	 i;

	for (i = 0; i < v->n; i++) {
		free(v->v[i].name);
		free(v->v[i].body);
	}
	free(v->v);
}

int
main(int argc, char *argv[])
{
	struct vec	 q = { NULL, 0, 0 }, m = { NULL, 0, 0 };
	struct out	 c = { NULL, 0, 0 }, h = { NULL, 0, 0 };
	char		*demopath, *demo;
	const char	*hname;

	if (argc != 4)
		die("usage: embed_sql sqldir out.c out.h");
	read_queries(argv[1], &q);
	read_migrations(argv[1], &m);
	demopath = join(argv[1], "demo.sql");
	if ((demo = slurp(demopath, 1)) == NULL)
		demo = xstrndup("", 0);
	free(demopath);
	hname = strrchr(argv[3], '/') ? strrchr(argv[3], '/') + 1 : argv[3];
	emit_header(&h, &q);
	emit_source(&c, hname, &q, &m, demo);
	write_if_changed(argv[3], &h);
	write_if_changed(argv[2], &c);
	free(demo);
	free(c.p);
	free(h.p);
	vec_free(&q);
	vec_free(&m);
	return 0;
}

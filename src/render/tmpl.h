/*
 * tmpl.h -- the template engine: files in templates/, escaped by default.
 *
 * Syntax (Mustache-like, a strict subset):
 *   {{name}}           value escaped for HTML text and quoted attributes
 *   {{name|url}}       value percent-encoded (a path segment or query value)
 *   {{{name}}}         raw: only values set with td_html() (safe_html);
 *                      a text value here is a render error
 *   {{#name}}..{{/name}}  section: a list repeats per item, a dict runs
 *                      once in its scope, true/non-empty text runs once
 *   {{^name}}..{{/name}}  inverted: runs when name is missing, false,
 *                      empty text or an empty list
 *   {{> partial}}      includes templates/partial.html
 *   {{! comment}}      dropped
 * Lookup walks from the innermost scope outwards.  A missing name renders
 * as "".  Templates are parsed once (tmpl_load) and shared read-only.
 */
#ifndef TMPL_H
#define TMPL_H

#include <stddef.h>

#include "../util/status.h"
#include "html.h"

struct arena;
struct buf;
struct tmpl_set;
struct tdict;

/* Parse every *.html file in dir.  Heap-allocated; free with tmpl_free.
 * Returns ST_ERROR (and logs file:line) on a syntax error. */
enum status	 tmpl_load(const char *dir, struct tmpl_set **out);
void		 tmpl_free(struct tmpl_set *);
/* Parse one template from memory (tests, fuzzing); heap, tmpl_free. */
enum status	 tmpl_parse_string(const char *name, const char *src,
		    struct tmpl_set **out);

/* Render template `name` (file name without .html) with data into out.
 * Returns ST_NOTFOUND for an unknown template, ST_ERROR for a raw slot
 * given a text value. */
enum status	 tmpl_render(const struct tmpl_set *, const char *name,
		    const struct tdict *, struct buf *out);

/* Data: dictionaries allocated in the arena; keys are not copied (use
 * literals), values are.  Setting a key twice replaces it. */
struct tdict	*td_new(struct arena *);
void		 td_text(struct tdict *, const char *key, const char *val);
void		 td_textf(struct tdict *, const char *key, const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));
void		 td_html(struct tdict *, const char *key, struct safe_html);
void		 td_bool(struct tdict *, const char *key, int);
/* Append a new item to the list `key` (created empty on first use). */
struct tdict	*td_item(struct tdict *, const char *key);
/* Mark `key` as an empty list (so {{^key}} runs). */
void		 td_list(struct tdict *, const char *key);
/* A nested dictionary under `key`. */
struct tdict	*td_sub(struct tdict *, const char *key);
/* 1 if a {{#key}} section over d's own `key` would run (no outer
 * scopes are consulted). */
int		 td_truthy(const struct tdict *, const char *key);
/* The arena the dictionary allocates in. */
struct arena	*td_arena(const struct tdict *);

#endif

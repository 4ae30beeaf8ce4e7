/*
 * form.h -- what a form page shares, staff (admin*.c) and public
 * (subscribe.c): errors beside their fields, a posted field trimmed,
 * and the answer to a save the database could not take.
 *
 * form_error() adds an error to the page's dictionary: each error shows
 * next to its field and in a summary at the top that takes focus and
 * links to the field.
 */
#ifndef FORM_H
#define FORM_H

#include "../util/status.h"

struct app;
struct arena;
struct resp;
struct tdict;

/* Record an error on field `field` (the input's id and name): adds
 * {field, message} to the list "errors" (the summary) and sets
 * "err_<field>" for the message beside the field. */
void		 form_error(struct app *, struct tdict *, const char *field,
		    const char *message);
/* 1 when form_error() was called on this dictionary. */
int		 form_has_errors(const struct tdict *);
/* A posted field with surrounding white space trimmed, copied into ar;
 * "" when the field is missing. */
const char	*form_field(struct arena *, const char *val);
/* A change the database could not take (st from the store; an ST_DBERR
 * is explained by store_failure()): ST_BUSY sets 503 with Retry-After,
 * ST_FULL (disk full or an I/O error) 507, and both put a Swedish
 * message at the top of the form ("save_failed") ending with `kept`
 * (NULL: "what you wrote is still in the form").  Returns 1 and the
 * caller shows its form again with everything posted; 0 for any other
 * status, nothing done. */
int		 form_save_failed(struct app *, struct resp *, struct tdict *,
		    enum status, const char *kept);

#endif

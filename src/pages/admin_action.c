/*
 * admin_action.c -- the posted button words as enums (admin_action.h):
 * one table per form, read once per request.
 */
#include <stddef.h>
#include <string.h>

#include "admin_action.h"

static const struct {
	enum action	 act;
	const char	*value;		/* what the button posts */
	const char	*audit;		/* the audit verb (NULL: as new) */
	const char	*done;		/* ?klart= (NULL: as new) */
} actions[] = {
	{ ACT_BACK,	 "tillbaka",	    NULL, NULL },
	{ ACT_PREVIEW,	 "forhandsgranska", NULL, NULL },
	{ ACT_SAVE,	 "spara",	    NULL, NULL },
	{ ACT_DRAFT,	 "utkast",	    NULL, NULL },
	{ ACT_PUBLISH,	 "publicera",	    "publicerade", "publicerad" },
	{ ACT_SCHEDULE,	 "schemalagg",	    "schemalade", "schemalagd" },
	{ ACT_REVIEW,	 "granska",	    "skickade för granskning",
	    "granskning" },
	{ ACT_UNPUBLISH, "avpublicera",	    "avpublicerade", "avpublicerad" },
};

#define NACTIONS	(sizeof(actions) / sizeof(actions[0]))

enum action
action_parse(const char *s)
{
	size_t	 i;

	if (s == NULL)
		return ACT_NONE;
	for (i = 0; i < NACTIONS; i++)
		if (strcmp(s, actions[i].value) == 0)
			return actions[i].act;
	return ACT_BAD;
}

const char *
action_value(enum action act)
{
	size_t	 i;

	for (i = 0; i < NACTIONS; i++)
		if (actions[i].act == act)
			return actions[i].value;
	return "";
}

const char *
action_audit_word(enum action act, int is_new)
{
	size_t	 i;

	for (i = 0; i < NACTIONS; i++)
		if (actions[i].act == act && actions[i].audit != NULL)
			return actions[i].audit;
	return is_new ? "skapade" : "sparade";
}

const char *
action_done_code(enum action act, int is_new)
{
	size_t	 i;

	for (i = 0; i < NACTIONS; i++)
		if (actions[i].act == act && actions[i].done != NULL)
			return actions[i].done;
	return is_new ? "skapad" : "sparad";
}

enum decision
decision_parse(const char *s)
{
	if (s != NULL && strcmp(s, "publicera") == 0)
		return DECISION_PUBLISH;
	if (s != NULL && strcmp(s, "tillbaka") == 0)
		return DECISION_RETURN;
	return DECISION_BAD;
}

enum withdraw_way
withdraw_way_parse(const char *s)
{
	if (s == NULL || strcmp(s, "forklaring") == 0)
		return WITHDRAW_EXPLAIN;
	if (strcmp(s, "tyst") == 0)
		return WITHDRAW_SILENT;
	return WITHDRAW_BAD;
}

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

/* A form's button words and what each reads as. */
struct word {
	int		 value;
	const char	*word;
};

#define NWORDS(t)	(sizeof(t) / sizeof((t)[0]))

/* The value of s (the posted word) in the table t of n words: none when
 * s is NULL, bad when it is none of them. */
static int
lookup(const struct word *t, size_t n, const char *s, int none, int bad)
{
	size_t	 i;

	if (s == NULL)
		return none;
	for (i = 0; i < n; i++)
		if (strcmp(s, t[i].word) == 0)
			return t[i].value;
	return bad;
}

static const struct word decisions[] = {
	{ DECISION_PUBLISH,	"publicera" },
	{ DECISION_RETURN,	"tillbaka" },
};

static const struct word withdraw_ways[] = {
	{ WITHDRAW_EXPLAIN,	"forklaring" },
	{ WITHDRAW_SILENT,	"tyst" },
};

static const struct word media_actions[] = {
	{ MEDIA_ACT_SAVE,	"spara" },
	{ MEDIA_ACT_REPLACE,	"byt" },
	{ MEDIA_ACT_DELETE,	"radera" },
};

static const struct word doc_actions[] = {
	{ DOC_ACT_UPLOAD,		"ladda-upp" },
	{ DOC_ACT_ACCESSIBLE,		"tillganglig" },
	{ DOC_ACT_INACCESSIBLE,		"otillganglig" },
	{ DOC_ACT_PUBLICATION,		"publikation" },
	{ DOC_ACT_NOT_PUBLICATION,	"inte-publikation" },
	{ DOC_ACT_REMOVE,		"ta-bort" },
};

static const struct word person_actions[] = {
	{ PERSON_ACT_DOWNLOAD,	"ladda-ner" },
	{ PERSON_ACT_ERASE,	"radera" },
};

static const struct word press_actions[] = {
	{ PRESS_ACT_REMOVE,	"ta-bort" },
};

static const struct word contact_actions[] = {
	{ CONTACT_ACT_HIDE,	"dolj" },
	{ CONTACT_ACT_SHOW,	"visa" },
};

static const struct word notice_actions[] = {
	{ NOTICE_ACT_END,	"ta_bort" },
};

static const struct word account_actions[] = {
	{ ACCOUNT_ACT_SAVE,	"spara" },
	{ ACCOUNT_ACT_DISABLE,	"stang_av" },
	{ ACCOUNT_ACT_ENABLE,	"aktivera" },
	{ ACCOUNT_ACT_PASSWORD,	"losenord" },
};

enum decision
decision_parse(const char *s)
{
	return lookup(decisions, NWORDS(decisions), s, DECISION_BAD,
	    DECISION_BAD);
}

enum withdraw_way
withdraw_way_parse(const char *s)
{
	return lookup(withdraw_ways, NWORDS(withdraw_ways), s,
	    WITHDRAW_EXPLAIN, WITHDRAW_BAD);
}

enum media_action
media_action_parse(const char *s)
{
	return lookup(media_actions, NWORDS(media_actions), s,
	    MEDIA_ACT_BAD, MEDIA_ACT_BAD);
}

enum doc_action
doc_action_parse(const char *s)
{
	return lookup(doc_actions, NWORDS(doc_actions), s, DOC_ACT_BAD,
	    DOC_ACT_BAD);
}

enum person_action
person_action_parse(const char *s)
{
	return lookup(person_actions, NWORDS(person_actions), s,
	    PERSON_ACT_NONE, PERSON_ACT_BAD);
}

enum press_action
press_action_parse(const char *s)
{
	return lookup(press_actions, NWORDS(press_actions), s,
	    PRESS_ACT_SAVE, PRESS_ACT_BAD);
}

enum contact_action
contact_action_parse(const char *s)
{
	return lookup(contact_actions, NWORDS(contact_actions), s,
	    CONTACT_ACT_SAVE, CONTACT_ACT_BAD);
}

enum notice_action
notice_action_parse(const char *s)
{
	return lookup(notice_actions, NWORDS(notice_actions), s,
	    NOTICE_ACT_SAVE, NOTICE_ACT_BAD);
}

enum account_action
account_action_parse(const char *s)
{
	return lookup(account_actions, NWORDS(account_actions), s,
	    ACCOUNT_ACT_BAD, ACCOUNT_ACT_BAD);
}

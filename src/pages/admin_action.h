/*
 * admin_action.h -- the buttons of the staff forms (the article editor,
 * the review page, the withdrawal form, the picture library, an
 * article's documents, a person's e-mail data, the press list, press
 * contacts, the notice and staff accounts), read once from the posted
 * form into an enum.
 *
 * A button posts a Swedish word ("publicera", "schemalagg", ...); the
 * handler turns it into an enum with one call here and never compares
 * the word again.  A word that is none of the form's reads as the
 * form's *_BAD, which the handler answers with 400.  What each editor
 * action is called in the audit log and in the edit page's
 * confirmation (?klart=) is in the same table.
 */
#ifndef ADMIN_ACTION_H
#define ADMIN_ACTION_H

/* The article form's buttons (name="action"). */
enum action {
	ACT_NONE,	/* no button: the form again */
	ACT_BACK,	/* "tillbaka": from the preview back to the form */
	ACT_PREVIEW,	/* "forhandsgranska": the preview, nothing saved */
	ACT_SAVE,	/* "spara": save, status kept */
	ACT_DRAFT,	/* "utkast": save as a draft (a scheduled one too) */
	ACT_PUBLISH,	/* "publicera": public now */
	ACT_SCHEDULE,	/* "schemalagg": public at the form's time */
	ACT_REVIEW,	/* "granska": save and send for review */
	ACT_UNPUBLISH,	/* "avpublicera": taken down silently (admins) */
	ACT_BAD		/* any other value: 400 */
};

/* s (the posted value, NULL when none) as an action. */
enum action	 action_parse(const char *s);
/* The value a button for act posts ("publicera"); "" for ACT_NONE and
 * ACT_BAD. */
const char	*action_value(enum action act);
/* The audit log's verb for a save by act ("publicerade"); is_new: the
 * save created the article. */
const char	*action_audit_word(enum action act, int is_new);
/* The edit page's confirmation code after a save by act ("publicerad"
 * for ?klart=publicerad). */
const char	*action_done_code(enum action act, int is_new);

/* The review page's buttons (name="beslut"). */
enum decision {
	DECISION_BAD,		/* missing or any other value: 400 */
	DECISION_PUBLISH,	/* "publicera": approve and publish */
	DECISION_RETURN		/* "tillbaka": send back with a comment */
};

enum decision	 decision_parse(const char *s);

/* The withdrawal form's two ways (name="satt"). */
enum withdraw_way {
	WITHDRAW_BAD,		/* any other value: 400 */
	WITHDRAW_EXPLAIN,	/* "forklaring", or left out: a public
				 * explanation (or a replacement) */
	WITHDRAW_SILENT		/* "tyst": a plain 404, a reason for the
				 * log (admins) */
};

enum withdraw_way withdraw_way_parse(const char *s);

/* The picture page's three forms (name="atgard"). */
enum media_action {
	MEDIA_ACT_BAD,		/* missing or any other value: 400 */
	MEDIA_ACT_SAVE,		/* "spara": text and consent */
	MEDIA_ACT_REPLACE,	/* "byt": a new file (multipart) */
	MEDIA_ACT_DELETE	/* "radera" */
};

enum media_action media_action_parse(const char *s);

/* An article's documents page (name="atgard"). */
enum doc_action {
	DOC_ACT_BAD,		/* missing or any other value: 400 */
	DOC_ACT_UPLOAD,		/* "ladda-upp": a new document (multipart) */
	DOC_ACT_ACCESSIBLE,	/* "tillganglig" */
	DOC_ACT_INACCESSIBLE,	/* "otillganglig" */
	DOC_ACT_PUBLICATION,	/* "publikation" */
	DOC_ACT_NOT_PUBLICATION, /* "inte-publikation" */
	DOC_ACT_REMOVE		/* "ta-bort" */
};

enum doc_action	 doc_action_parse(const char *s);

/* A person's data in the e-mail lists (name="atgard"). */
enum person_action {
	PERSON_ACT_NONE,	/* no button: the form again, asking */
	PERSON_ACT_DOWNLOAD,	/* "ladda-ner": the data as JSON */
	PERSON_ACT_ERASE,	/* "radera": erase it (box ticked) */
	PERSON_ACT_BAD		/* any other value: 400 */
};

enum person_action person_action_parse(const char *s);

/* A journalist on the press list (name="atgard"). */
enum press_action {
	PRESS_ACT_SAVE,		/* no button: save the form */
	PRESS_ACT_REMOVE,	/* "ta-bort": off the list */
	PRESS_ACT_BAD		/* any other value: 400 */
};

enum press_action press_action_parse(const char *s);

/* A press contact (name="gora"). */
enum contact_action {
	CONTACT_ACT_SAVE,	/* no button: save the form */
	CONTACT_ACT_HIDE,	/* "dolj": hide from the public site */
	CONTACT_ACT_SHOW,	/* "visa": show again */
	CONTACT_ACT_BAD		/* any other value: 400 */
};

enum contact_action contact_action_parse(const char *s);

/* The notice (name="gora"). */
enum notice_action {
	NOTICE_ACT_SAVE,	/* no button: save the form */
	NOTICE_ACT_END,		/* "ta_bort": end the notice now */
	NOTICE_ACT_BAD		/* any other value: 400 */
};

enum notice_action notice_action_parse(const char *s);

/* A staff account's page (name="gora"). */
enum account_action {
	ACCOUNT_ACT_BAD,	/* missing or any other value: 400 */
	ACCOUNT_ACT_SAVE,	/* "spara": display name and role */
	ACCOUNT_ACT_DISABLE,	/* "stang_av": no more sign-ins */
	ACCOUNT_ACT_ENABLE,	/* "aktivera": sign-ins again */
	ACCOUNT_ACT_PASSWORD	/* "losenord": a new password */
};

enum account_action account_action_parse(const char *s);

#endif

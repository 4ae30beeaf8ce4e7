/*
 * admin_action.h -- the buttons of the article editor, the review page
 * and the withdrawal form, read once from the posted form into an enum.
 *
 * A button posts a Swedish word ("publicera", "schemalagg", ...); the
 * handler turns it into an enum with one call here and never compares
 * the word again.  What each action is called in the audit log and in
 * the edit page's confirmation (?klart=) is in the same table.
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

#endif

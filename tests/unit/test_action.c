/*
 * test_action.c -- the posted button words as enums: every button value
 * of each staff form reads back as its action, anything else is refused
 * (never taken for a save), and the audit verbs and confirmation codes
 * are the ones the edit page and the log show.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "pages/admin_action.h"

static void
test_round_trip(void **state)
{
	enum action	 a;

	(void)state;
	for (a = ACT_BACK; a < ACT_BAD; a++) {
		assert_true(*action_value(a) != '\0');
		assert_int_equal(action_parse(action_value(a)), a);
	}
	assert_string_equal(action_value(ACT_NONE), "");
	assert_string_equal(action_value(ACT_BAD), "");
}

static void
test_parse(void **state)
{
	(void)state;
	assert_int_equal(action_parse(NULL), ACT_NONE);
	assert_int_equal(action_parse("publicera"), ACT_PUBLISH);
	assert_int_equal(action_parse("schemalagg"), ACT_SCHEDULE);
	assert_int_equal(action_parse("spara"), ACT_SAVE);
	assert_int_equal(action_parse("utkast"), ACT_DRAFT);
	assert_int_equal(action_parse("granska"), ACT_REVIEW);
	assert_int_equal(action_parse("avpublicera"), ACT_UNPUBLISH);
	assert_int_equal(action_parse("forhandsgranska"), ACT_PREVIEW);
	assert_int_equal(action_parse("tillbaka"), ACT_BACK);
	/* Near misses are not actions. */
	assert_int_equal(action_parse(""), ACT_BAD);
	assert_int_equal(action_parse("Publicera"), ACT_BAD);
	assert_int_equal(action_parse("publicera "), ACT_BAD);
	assert_int_equal(action_parse("publ"), ACT_BAD);
	assert_int_equal(action_parse("schemalägg"), ACT_BAD);
}

static void
test_words(void **state)
{
	(void)state;
	assert_string_equal(action_audit_word(ACT_PUBLISH, 1), "publicerade");
	assert_string_equal(action_audit_word(ACT_SCHEDULE, 0), "schemalade");
	assert_string_equal(action_audit_word(ACT_UNPUBLISH, 0),
	    "avpublicerade");
	assert_string_equal(action_audit_word(ACT_REVIEW, 1),
	    "skickade för granskning");
	assert_string_equal(action_audit_word(ACT_DRAFT, 1), "skapade");
	assert_string_equal(action_audit_word(ACT_DRAFT, 0), "sparade");
	assert_string_equal(action_audit_word(ACT_SAVE, 0), "sparade");
	assert_string_equal(action_done_code(ACT_PUBLISH, 0), "publicerad");
	assert_string_equal(action_done_code(ACT_SCHEDULE, 1), "schemalagd");
	assert_string_equal(action_done_code(ACT_UNPUBLISH, 0),
	    "avpublicerad");
	assert_string_equal(action_done_code(ACT_REVIEW, 0), "granskning");
	assert_string_equal(action_done_code(ACT_DRAFT, 1), "skapad");
	assert_string_equal(action_done_code(ACT_SAVE, 0), "sparad");
}

static void
test_review_and_withdrawal(void **state)
{
	(void)state;
	assert_int_equal(decision_parse("publicera"), DECISION_PUBLISH);
	assert_int_equal(decision_parse("tillbaka"), DECISION_RETURN);
	assert_int_equal(decision_parse(NULL), DECISION_BAD);
	assert_int_equal(decision_parse(""), DECISION_BAD);
	assert_int_equal(decision_parse("godkann"), DECISION_BAD);
	assert_int_equal(withdraw_way_parse(NULL), WITHDRAW_EXPLAIN);
	assert_int_equal(withdraw_way_parse("forklaring"), WITHDRAW_EXPLAIN);
	assert_int_equal(withdraw_way_parse("tyst"), WITHDRAW_SILENT);
	assert_int_equal(withdraw_way_parse(""), WITHDRAW_BAD);
	assert_int_equal(withdraw_way_parse("Tyst"), WITHDRAW_BAD);
}

static void
test_media_and_documents(void **state)
{
	(void)state;
	assert_int_equal(media_action_parse("spara"), MEDIA_ACT_SAVE);
	assert_int_equal(media_action_parse("byt"), MEDIA_ACT_REPLACE);
	assert_int_equal(media_action_parse("radera"), MEDIA_ACT_DELETE);
	assert_int_equal(media_action_parse(NULL), MEDIA_ACT_BAD);
	assert_int_equal(media_action_parse(""), MEDIA_ACT_BAD);
	assert_int_equal(media_action_parse("Radera"), MEDIA_ACT_BAD);
	assert_int_equal(media_action_parse("ta-bort"), MEDIA_ACT_BAD);
	assert_int_equal(doc_action_parse("ladda-upp"), DOC_ACT_UPLOAD);
	assert_int_equal(doc_action_parse("tillganglig"), DOC_ACT_ACCESSIBLE);
	assert_int_equal(doc_action_parse("otillganglig"),
	    DOC_ACT_INACCESSIBLE);
	assert_int_equal(doc_action_parse("publikation"),
	    DOC_ACT_PUBLICATION);
	assert_int_equal(doc_action_parse("inte-publikation"),
	    DOC_ACT_NOT_PUBLICATION);
	assert_int_equal(doc_action_parse("ta-bort"), DOC_ACT_REMOVE);
	assert_int_equal(doc_action_parse(NULL), DOC_ACT_BAD);
	assert_int_equal(doc_action_parse(""), DOC_ACT_BAD);
	assert_int_equal(doc_action_parse("tillgänglig"), DOC_ACT_BAD);
	assert_int_equal(doc_action_parse("radera"), DOC_ACT_BAD);
}

static void
test_row_forms(void **state)
{
	(void)state;
	assert_int_equal(person_action_parse("ladda-ner"),
	    PERSON_ACT_DOWNLOAD);
	assert_int_equal(person_action_parse("radera"), PERSON_ACT_ERASE);
	assert_int_equal(person_action_parse(NULL), PERSON_ACT_NONE);
	assert_int_equal(person_action_parse(""), PERSON_ACT_BAD);
	assert_int_equal(person_action_parse("ta-bort"), PERSON_ACT_BAD);
	assert_int_equal(press_action_parse(NULL), PRESS_ACT_SAVE);
	assert_int_equal(press_action_parse("ta-bort"), PRESS_ACT_REMOVE);
	assert_int_equal(press_action_parse("ta_bort"), PRESS_ACT_BAD);
	assert_int_equal(press_action_parse(""), PRESS_ACT_BAD);
	assert_int_equal(contact_action_parse(NULL), CONTACT_ACT_SAVE);
	assert_int_equal(contact_action_parse("dolj"), CONTACT_ACT_HIDE);
	assert_int_equal(contact_action_parse("visa"), CONTACT_ACT_SHOW);
	assert_int_equal(contact_action_parse("dölj"), CONTACT_ACT_BAD);
	assert_int_equal(contact_action_parse("spara"), CONTACT_ACT_BAD);
	assert_int_equal(notice_action_parse(NULL), NOTICE_ACT_SAVE);
	assert_int_equal(notice_action_parse("ta_bort"), NOTICE_ACT_END);
	assert_int_equal(notice_action_parse("ta-bort"), NOTICE_ACT_BAD);
	assert_int_equal(notice_action_parse(""), NOTICE_ACT_BAD);
	assert_int_equal(account_action_parse("spara"), ACCOUNT_ACT_SAVE);
	assert_int_equal(account_action_parse("stang_av"),
	    ACCOUNT_ACT_DISABLE);
	assert_int_equal(account_action_parse("aktivera"), ACCOUNT_ACT_ENABLE);
	assert_int_equal(account_action_parse("losenord"),
	    ACCOUNT_ACT_PASSWORD);
	assert_int_equal(account_action_parse(NULL), ACCOUNT_ACT_BAD);
	assert_int_equal(account_action_parse("stäng_av"), ACCOUNT_ACT_BAD);
	assert_int_equal(account_action_parse("radera"), ACCOUNT_ACT_BAD);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_review_and_withdrawal),
		cmocka_unit_test(test_media_and_documents),
		cmocka_unit_test(test_row_forms),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_store.c -- the public store functions over the demo content.
 *
 * One temporary database under /tmp is migrated, filled with sql/demo.sql
 * and opened as a worker would; every test reads it with a fixed "now"
 * (23 November 2026, 12:00 in Stockholm).  Tests that change rows do so
 * through a second connection and undo the change before they end.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "util/arena.h"
#include "store/store.h"
#include "store/store_int.h"
#include "util/civil.h"

#define NOW		INT64_C(1795431600)	/* 2026-11-23 12:00 +01:00 */
#define SEED_PUBLISH	INT64_C(1613116800)	/* 2021-02-12 09:00 +01:00 */
#define TOPIC_PUBLISH	INT64_C(1616749200)	/* 2021-03-26 10:00 +01:00 */
#define IN_2030		INT64_C(1896174000)	/* 2030-02-01 12:00 +01:00 */
#define IN_2019		INT64_C(1559383200)	/* 2019-06-01 12:00 +02:00 */
#define SEED_SLUG	"fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid"
#define NPUBLIC		23	/* public news + press releases at NOW */
#define HOME_N		6	/* the start page lists the 6 newest */

struct fixture {
	char		 path[64];
	struct store	*db;
	struct arena	 ar;
};

static struct fixture	fx;

static void
remove_db(const char *path)
{
	char	buf[80];

	unlink(path);
	snprintf(buf, sizeof(buf), "%s-wal", path);
	unlink(buf);
	snprintf(buf, sizeof(buf), "%s-shm", path);
	unlink(buf);
}

static int
group_setup(void **state)
{
	int	fd;

	(void)state;
	snprintf(fx.path, sizeof(fx.path), "/tmp/pressrum-store-XXXXXX");
	if ((fd = mkstemp(fx.path)) < 0)
		return -1;
	close(fd);
	unlink(fx.path);
	if (store_migrate(fx.path) != ST_OK ||
	    store_load_demo(fx.path) != ST_OK ||
	    store_open(fx.path, &fx.db) != ST_OK)
		return -1;
	arena_init(&fx.ar);
	return 0;
}

static int
group_teardown(void **state)
{
	(void)state;
	store_close(fx.db);
	arena_free(&fx.ar);
	remove_db(fx.path);
	return 0;
}

static int
reset_arena(void **state)
{
	(void)state;
	arena_reset(&fx.ar);
	return 0;
}

/* Change rows through a second connection, as the staff area would. */
static void
exec_sql(const char *sql)
{
	sqlite3	*db;

	assert_int_equal(sqlite3_open_v2(fx.path, &db, SQLITE_OPEN_READWRITE,
	    NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static int
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int64_t
list_total(const struct article_filter *f)
{
	struct article_list	 l;

	assert_int_equal(store_article_list(fx.db, &fx.ar, f, NOW, 10, 0, &l),
	    ST_OK);
	return l.total;
}

static void
test_seed_article(void **state)
{
	struct article	a;

	(void)state;
	assert_int_equal(store_article_by_slug(fx.db, &fx.ar, SEED_SLUG, NOW,
	    &a), ST_OK);
	assert_string_equal(a.title,
	    "Fortsatt satsning på jämställdhet och kvinnofrid");
	assert_string_equal(a.kind, "nyhet");
	assert_string_equal(a.lang, "sv");
	assert_string_equal(a.status, "publicerad");
	assert_int_equal(a.publish_at, SEED_PUBLISH);
	assert_true(a.updated_at > a.publish_at);
	assert_true(starts(a.lead, "SKR fortsätter sin satsning"));
	assert_non_null(strstr(a.body_md, "\n## Stärkt fokus på att förbygga "
	    "hedersrelaterat våld\n"));
	assert_non_null(strstr(a.body_md, "\n– Hedersrelaterat våld är"));

	assert_int_equal(a.ntopics, 1);
	assert_string_equal(a.topics[0].slug, "jamstalldhet");
	assert_string_equal(a.topics[0].name, "Jämställdhet");

	assert_int_equal(a.nexperts, 2);
	assert_string_equal(a.experts[0].name, "Love Nordenmark");
	assert_string_equal(a.experts[0].title, "Handläggare");
	assert_string_equal(a.experts[1].name, "Jenny Norén");
	assert_string_equal(a.experts[1].title, "Projektledare");
	assert_string_equal(a.experts[0].email, "love.nordenmark@skr.se");

	assert_int_equal(a.nlinks, 2);
	assert_string_equal(a.links[0].title, "Jämställdhet");
	assert_string_equal(a.links[0].url, "/amnen/jamstalldhet");
	assert_true(starts(a.links[1].url, "https://"));
}

static void
test_not_public(void **state)
{
	struct article	a;

	(void)state;
	assert_int_equal(store_article_by_slug(fx.db, &fx.ar,
	    "ny-handlingsplan-for-kvinnofrid", NOW, &a), ST_NOTFOUND);
	assert_int_equal(store_article_by_slug(fx.db, &fx.ar,
	    "valfardens-utmaningar-till-2035", NOW, &a), ST_NOTFOUND);
	assert_int_equal(store_article_by_slug(fx.db, &fx.ar,
	    "felaktig-uppgift-om-statsbidrag", NOW, &a), ST_NOTFOUND);
	assert_int_equal(store_article_by_slug(fx.db, &fx.ar,
	    "finns-inte", NOW, &a), ST_NOTFOUND);
	/* The seed did not exist before its publication time. */
	assert_int_equal(store_article_by_slug(fx.db, &fx.ar, SEED_SLUG,
	    SEED_PUBLISH - 1, &a), ST_NOTFOUND);
	assert_int_equal(store_article_by_slug(fx.db, &fx.ar, SEED_SLUG,
	    SEED_PUBLISH, &a), ST_OK);
	/* The scheduled one appears when its time comes. */
	assert_int_equal(store_article_by_slug(fx.db, &fx.ar,
	    "valfardens-utmaningar-till-2035", IN_2030, &a), ST_OK);
	assert_string_equal(a.kind, "pressmeddelande");
}

static void
test_page_and_english(void **state)
{
	struct article	a;

	(void)state;
	assert_int_equal(store_article_by_slug(fx.db, &fx.ar,
	    "tillganglighet", NOW, &a), ST_OK);
	assert_string_equal(a.kind, "sida");
	assert_int_equal(store_article_by_slug(fx.db, &fx.ar,
	    "local-and-regional-government-in-sweden", NOW, &a), ST_OK);
	assert_string_equal(a.lang, "en");
}

static void
test_list_paging(void **state)
{
	struct article_list	 l;
	size_t			 i, page, seen = 0;
	int			 found = 0;

	(void)state;
	for (page = 0; page < 3; page++) {
		assert_int_equal(store_article_list(fx.db, &fx.ar, NULL, NOW,
		    10, page * 10, &l), ST_OK);
		assert_int_equal(l.total, NPUBLIC);
		assert_int_equal(l.n, page < 2 ? 10 : NPUBLIC - 20);
		for (i = 0; i < l.n; i++) {
			assert_string_equal(l.items[i].body_md, "");
			assert_string_not_equal(l.items[i].kind, "sida");
			assert_true(l.items[i].publish_at <= NOW);
			if (i > 0)
				assert_true(l.items[i].publish_at <=
				    l.items[i - 1].publish_at);
			if (strcmp(l.items[i].slug, SEED_SLUG) == 0) {
				/* The seed is among the start page's newest. */
				assert_int_equal(page, 0);
				assert_true(i < HOME_N);
				found = 1;
				assert_int_equal(l.items[i].ntopics, 1);
				assert_string_equal(
				    l.items[i].topics[0].slug, "jamstalldhet");
			}
			assert_true(l.items[i].ntopics >= 1);
		}
		seen += l.n;
		if (page == 0)
			assert_string_equal(l.items[0].slug,
			    "jamstalld-socialtjanst-tva-pilotlan-startar-arbetet");
	}
	assert_int_equal(seen, NPUBLIC);
	assert_true(found);
	assert_int_equal(store_article_list(fx.db, &fx.ar, NULL, NOW, 10, 30,
	    &l), ST_OK);
	assert_int_equal(l.n, 0);
	assert_int_equal(l.total, NPUBLIC);
}

static void
test_list_filters(void **state)
{
	struct article_filter	 f;
	struct article_list	 l;
	size_t			 i;

	(void)state;
	memset(&f, 0, sizeof(f));
	f.kind = "pressmeddelande";
	assert_int_equal(list_total(&f), 8);
	assert_int_equal(store_article_list(fx.db, &fx.ar, &f, NOW, 10, 0,
	    &l), ST_OK);
	for (i = 0; i < l.n; i++)
		assert_string_equal(l.items[i].kind, "pressmeddelande");
	f.kind = "nyhet";
	assert_int_equal(list_total(&f), NPUBLIC - 8);
	f.kind = "sida";
	assert_int_equal(list_total(&f), 1);

	memset(&f, 0, sizeof(f));
	f.topic_slug = "jamstalldhet";
	assert_int_equal(list_total(&f), 3);
	f.topic_slug = "finns-inte";
	assert_int_equal(list_total(&f), 0);

	memset(&f, 0, sizeof(f));
	f.year = 2021;
	assert_int_equal(list_total(&f), 6);
	f.year = 2020;
	assert_int_equal(list_total(&f), 12);
	f.year = 2019;
	assert_int_equal(list_total(&f), 5);
	f.year = 2018;
	assert_int_equal(list_total(&f), 0);
	f.year = 2020;
	f.kind = "pressmeddelande";
	assert_int_equal(store_article_list(fx.db, &fx.ar, &f, NOW, 10, 0,
	    &l), ST_OK);
	assert_int_equal(l.total, 5);
	assert_string_equal(l.items[0].slug,
	    "lararbristen-minskar-men-inte-overallt");
	assert_string_equal(l.items[4].slug, "extra-statsbidrag-valkomnas");
	f.topic_slug = "ekonomi";
	assert_int_equal(list_total(&f), 3);
	f.topic_slug = "jamstalldhet";
	assert_int_equal(list_total(&f), 0);
}

static void
test_year_boundary(void **state)
{
	struct article_filter	 f;

	(void)state;
	/* 2021-12-31 23:30 and 2022-01-01 00:30 in Stockholm (UTC+1). */
	exec_sql("INSERT INTO article (id, slug, title, status, publish_at) "
	    "VALUES (901, 'nyarsafton', 'Nyårsafton', 'publicerad', "
	    "unixepoch('2021-12-31 22:30')),"
	    "(902, 'nyarsdagen', 'Nyårsdagen', 'publicerad', "
	    "unixepoch('2021-12-31 23:30'))");
	memset(&f, 0, sizeof(f));
	f.year = 2021;
	assert_int_equal(list_total(&f), 7);
	f.year = 2022;
	assert_int_equal(list_total(&f), 1);
	exec_sql("DELETE FROM article WHERE id IN (901, 902)");
	assert_int_equal(civil_year(civil_year_start(2024)), 2024);
	assert_int_equal(civil_year(civil_year_start(2024) - 1), 2023);
	assert_int_equal(civil_year(SEED_PUBLISH), 2021);
}

static void
test_years(void **state)
{
	int	*y;
	size_t	 n, i;

	(void)state;
	assert_int_equal(store_article_years(fx.db, &fx.ar, NOW, &y, &n),
	    ST_OK);
	assert_int_equal(n, 3);
	for (i = 0; i < n; i++)
		assert_int_equal(y[i], 2021 - (int)i);
	assert_int_equal(store_article_years(fx.db, &fx.ar, IN_2019, &y, &n),
	    ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(y[0], 2019);
	assert_int_equal(store_article_years(fx.db, &fx.ar, 0, &y, &n),
	    ST_OK);
	assert_int_equal(n, 0);
}

static void
test_topics(void **state)
{
	static const char *const names[] = {
		"Covid-19 och det nya coronaviruset", "Digitalisering",
		"Ekonomi", "Jämställdhet", "Klimat och miljö",
		"Kompetensförsörjning", "Skola och förskola",
		"Vård och omsorg"
	};
	struct topic	*t, one;
	size_t		 n, i;

	(void)state;
	assert_int_equal(store_topic_list(fx.db, &fx.ar, &t, &n), ST_OK);
	assert_int_equal(n, 8);
	for (i = 0; i < n; i++)
		assert_string_equal(t[i].name, names[i]);
	assert_int_equal(store_topic_by_slug(fx.db, &fx.ar, "jamstalldhet",
	    &one), ST_OK);
	assert_string_equal(one.name, "Jämställdhet");
	assert_int_equal(one.published_at, TOPIC_PUBLISH);
	assert_true(starts(one.lead, "Som politisk arena"));
	assert_true(starts(one.body_md,
	    "## Jämställdhetssatsning 2021-2023\n\nMed stöd av regeringen"));
	assert_non_null(strstr(one.body_md, "\n## CEMR-deklarationen\n"));
	assert_non_null(strstr(one.body_md, "\n## Kongressuppdrag om "
	    "jämställdhet\n"));
	assert_non_null(strstr(one.body_md, "[Den europeiska deklarationen "
	    "för jämställdhet mellan kvinnor och män](https://"));
	assert_int_equal(store_topic_by_slug(fx.db, &fx.ar, "covid-19",
	    &one), ST_OK);
	assert_int_equal(store_topic_by_slug(fx.db, &fx.ar, "finns-inte",
	    &one), ST_NOTFOUND);
}

static void
test_swedish_order(void **state)
{
	struct topic	*t;
	size_t		 n;

	(void)state;
	exec_sql("INSERT INTO topic (id, slug, name, published_at) VALUES "
	    "(901, 'oppenhet', 'Öppenhet', 1), (902, 'aland', 'Åland', 1),"
	    "(903, 'arenden', 'ärenden', 1), (904, 'zon', 'Zon', 1),"
	    "(905, 'dold', 'Dold', NULL)");
	assert_int_equal(store_topic_list(fx.db, &fx.ar, &t, &n), ST_OK);
	exec_sql("DELETE FROM topic WHERE id >= 901");
	assert_int_equal(n, 12);
	assert_string_equal(t[7].name, "Vård och omsorg");
	assert_string_equal(t[8].name, "Zon");
	assert_string_equal(t[9].name, "Åland");
	assert_string_equal(t[10].name, "ärenden");
	assert_string_equal(t[11].name, "Öppenhet");
}

static void
test_topic_contacts(void **state)
{
	struct topic	 t;
	struct contact	*c;
	size_t		 n;

	(void)state;
	assert_int_equal(store_topic_by_slug(fx.db, &fx.ar, "jamstalldhet",
	    &t), ST_OK);
	assert_int_equal(store_topic_contacts(fx.db, &fx.ar, t.id, &c, &n),
	    ST_OK);
	assert_int_equal(n, 2);
	assert_string_equal(c[0].name, "Jenny Norén");
	assert_string_equal(c[1].name, "Love Nordenmark");
	/* Johan Berg (inactive) is an expert on covid-19 too. */
	assert_int_equal(store_topic_by_slug(fx.db, &fx.ar, "covid-19", &t),
	    ST_OK);
	assert_int_equal(store_topic_contacts(fx.db, &fx.ar, t.id, &c, &n),
	    ST_OK);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].name, "Maria Ståhl");
	assert_int_equal(store_topic_contacts(fx.db, &fx.ar, 12345, &c, &n),
	    ST_OK);
	assert_int_equal(n, 0);
}

static void
test_press(void **state)
{
	struct press_duty	 d;
	struct contact		*c;
	size_t			 n;

	(void)state;
	assert_int_equal(store_press_duty(fx.db, &fx.ar, &d), ST_OK);
	assert_string_equal(d.phone, "08-452 70 00");
	assert_string_equal(d.email, "press@skr.se");
	assert_int_equal(d.n, 1);
	assert_string_equal(d.officers[0].name, "Helene Lindstrand");
	assert_string_equal(d.officers[0].title, "Presschef");
	assert_int_equal(d.officers[0].on_duty, 1);
	assert_int_equal(d.officers[0].press_officer, 1);
	assert_int_equal(store_press_officers(fx.db, &fx.ar, &c, &n), ST_OK);
	assert_int_equal(n, 2);
	assert_string_equal(c[0].name, "Helene Lindstrand");
	assert_string_equal(c[1].name, "Karin Holmqvist");
}

static void
test_notice_and_settings(void **state)
{
	struct notice	 no;
	const char	*v;

	(void)state;
	assert_int_equal(store_notice_active(fx.db, &fx.ar, NOW, &no), ST_OK);
	assert_true(starts(no.text, "Har du en fråga med anledning av det "
	    "pågående virusutbrottet? Titta först"));
	assert_string_equal(no.link_text,
	    "Covid-19 och det nya coronaviruset");
	assert_string_equal(no.link_url, "/amnen/covid-19");
	assert_int_equal(store_notice_active(fx.db, &fx.ar, IN_2019, &no),
	    ST_NOTFOUND);
	exec_sql("UPDATE notice SET active_to = unixepoch('2026-01-01')");
	assert_int_equal(store_notice_active(fx.db, &fx.ar, NOW, &no),
	    ST_NOTFOUND);
	exec_sql("UPDATE notice SET active_to = NULL");

	assert_int_equal(store_setting(fx.db, &fx.ar, "site_name", &v), ST_OK);
	assert_string_equal(v, "SKR Press");
	assert_int_equal(store_setting(fx.db, &fx.ar, "org_name", &v), ST_OK);
	assert_string_equal(v, "Sveriges Kommuner och Regioner");
	assert_int_equal(store_setting(fx.db, &fx.ar, "nope", &v),
	    ST_NOTFOUND);
}

static void
test_inactive_expert_hidden(void **state)
{
	struct article	a;

	(void)state;
	exec_sql("UPDATE contact SET active = 0 "
	    "WHERE name = 'Love Nordenmark'");
	assert_int_equal(store_article_by_slug(fx.db, &fx.ar, SEED_SLUG, NOW,
	    &a), ST_OK);
	exec_sql("UPDATE contact SET active = 1 "
	    "WHERE name = 'Love Nordenmark'");
	assert_int_equal(a.nexperts, 1);
	assert_string_equal(a.experts[0].name, "Jenny Norén");
}

static void
test_changes_seen_at_once(void **state)
{
	struct press_duty	d;

	(void)state;
	exec_sql("UPDATE contact SET on_duty = 1 "
	    "WHERE name = 'Karin Holmqvist'");
	assert_int_equal(store_press_duty(fx.db, &fx.ar, &d), ST_OK);
	exec_sql("UPDATE contact SET on_duty = 0 "
	    "WHERE name = 'Karin Holmqvist'");
	assert_int_equal(d.n, 2);
}

/* The pages the pager's cursors lead to are the pages of the offsets:
 * forward from each page's last article, back from its first. */
static void
test_keyset_paging(void **state)
{
	struct article_filter	 f;
	struct article_list	 byoff, bykey, back;
	size_t			 page, i;

	(void)state;
	for (page = 1; page < 3; page++) {
		assert_int_equal(store_article_list(fx.db, &fx.ar, NULL, NOW,
		    10, (page - 1) * 10, &back), ST_OK);
		assert_int_equal(store_article_list(fx.db, &fx.ar, NULL, NOW,
		    10, page * 10, &byoff), ST_OK);
		memset(&f, 0, sizeof(f));
		f.before_at = back.items[back.n - 1].publish_at;
		f.before_id = back.items[back.n - 1].id;
		assert_int_equal(store_article_list(fx.db, &fx.ar, &f, NOW,
		    10, 999, &bykey), ST_OK);
		assert_int_equal(bykey.n, byoff.n);
		assert_int_equal(bykey.total, NPUBLIC);
		for (i = 0; i < byoff.n; i++)
			assert_int_equal(bykey.items[i].id, byoff.items[i].id);
		/* and back again: the page before this one's first */
		memset(&f, 0, sizeof(f));
		f.after_at = byoff.items[0].publish_at;
		f.after_id = byoff.items[0].id;
		assert_int_equal(store_article_list(fx.db, &fx.ar, &f, NOW,
		    10, 0, &bykey), ST_OK);
		assert_int_equal(bykey.n, back.n);
		for (i = 0; i < back.n; i++)
			assert_int_equal(bykey.items[i].id, back.items[i].id);
	}
}

/* The count without filters comes from a tally kept by triggers; it
 * must follow every kind of write and leave out what is not yet due. */
static void
test_tally_follows_writes(void **state)
{
	struct article_filter	 f;

	(void)state;
	memset(&f, 0, sizeof(f));
	f.kind = "pressmeddelande";
	assert_int_equal(list_total(NULL), NPUBLIC);
	exec_sql("UPDATE article SET status = 'publicerad', "
	    "publish_at = 1600000000 WHERE slug = 'ny-handlingsplan-for-kvinnofrid'");
	assert_int_equal(list_total(NULL), NPUBLIC + 1);
	exec_sql("UPDATE article SET kind = 'pressmeddelande' "
	    "WHERE slug = 'ny-handlingsplan-for-kvinnofrid'");
	assert_int_equal(list_total(&f), 9);
	assert_int_equal(list_total(NULL), NPUBLIC + 1);
	exec_sql("UPDATE article SET kind = 'sida' "
	    "WHERE slug = 'ny-handlingsplan-for-kvinnofrid'");
	assert_int_equal(list_total(NULL), NPUBLIC);
	assert_int_equal(list_total(&f), 8);
	exec_sql("UPDATE article SET kind = 'nyhet', publish_at = 1900000000 "
	    "WHERE slug = 'ny-handlingsplan-for-kvinnofrid'");
	assert_int_equal(list_total(NULL), NPUBLIC);	/* not due yet */
	exec_sql("UPDATE article SET status = 'utkast', publish_at = NULL "
	    "WHERE slug = 'ny-handlingsplan-for-kvinnofrid'");
	assert_int_equal(list_total(NULL), NPUBLIC);
	exec_sql("INSERT INTO article (kind, slug, title, lead, body_md, lang, "
	    "status, publish_at, created_at, updated_at) VALUES ('nyhet', "
	    "'tally-test', 'T', '', '', 'sv', 'publicerad', 1600000000, "
	    "1600000000, 1600000000)");
	assert_int_equal(list_total(NULL), NPUBLIC + 1);
	exec_sql("DELETE FROM article WHERE slug = 'tally-test'");
	assert_int_equal(list_total(NULL), NPUBLIC);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_seed_article, reset_arena),
		cmocka_unit_test_setup(test_not_public, reset_arena),
		cmocka_unit_test_setup(test_page_and_english, reset_arena),
		cmocka_unit_test_setup(test_list_paging, reset_arena),
		cmocka_unit_test_setup(test_keyset_paging, reset_arena),
		cmocka_unit_test_setup(test_list_filters, reset_arena),
		cmocka_unit_test_setup(test_year_boundary, reset_arena),
		cmocka_unit_test_setup(test_years, reset_arena),
		cmocka_unit_test_setup(test_topics, reset_arena),
		cmocka_unit_test_setup(test_swedish_order, reset_arena),
		cmocka_unit_test_setup(test_topic_contacts, reset_arena),
		cmocka_unit_test_setup(test_press, reset_arena),
		cmocka_unit_test_setup(test_notice_and_settings, reset_arena),
		cmocka_unit_test_setup(test_inactive_expert_hidden,
		    reset_arena),
		cmocka_unit_test_setup(test_changes_seen_at_once, reset_arena),
		cmocka_unit_test_setup(test_tally_follows_writes, reset_arena),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}

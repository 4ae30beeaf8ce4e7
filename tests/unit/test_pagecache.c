/*
 * test_pagecache.c -- a worker's page cache: what it keeps, and that it
 * forgets everything when the database's write counter moves, when a
 * scheduled moment comes, and when it is cleared; a full cache keeps
 * what it has rather than add more.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "cache/pagecache.h"
#include "web/resp.h"

/* A 200 page with body text, as a handler leaves it. */
static void
page(struct resp *rs, const char *text)
{
	resp_init(rs, NULL);
	resp_status(rs, 200);
	resp_header(rs, "X-Robots-Tag", "noindex");
	buf_puts(&rs->body, text);
	rs->last_modified = 1234;
}

/* 1 if the cache answers uri, with its body in *out (a copy to free
 * with resp_free). */
static int
hit(struct pagecache *pc, const char *uri, struct resp *out)
{
	resp_init(out, NULL);
	return pagecache_get(pc, uri, out);
}

static void
test_keeps_and_drops(void **state)
{
	struct pagecache	*pc = pagecache_new(64 * 1024);
	struct resp		 rs, got;

	(void)state;
	assert_non_null(pc);
	assert_true(pagecache_sync(pc, 7, 1000, 10));
	page(&rs, "<p>nyheter</p>");
	pagecache_put(pc, "/nyheter", &rs);
	resp_free(&rs);

	assert_true(hit(pc, "/nyheter", &got));
	assert_int_equal(got.status, 200);
	assert_int_equal(got.last_modified, 1234);
	assert_int_equal(got.body.len, strlen("<p>nyheter</p>"));
	assert_memory_equal(got.body.data, "<p>nyheter</p>", got.body.len);
	assert_non_null(strstr(got.headers.data, "X-Robots-Tag: noindex"));
	resp_free(&got);
	assert_false(hit(pc, "/nyheter?sida=2", &got));
	resp_free(&got);

	/* same state, later but before the scheduled moment: kept */
	assert_true(pagecache_sync(pc, 7, 1000, 999));
	assert_true(hit(pc, "/nyheter", &got));
	resp_free(&got);
	/* a write: gone */
	assert_true(pagecache_sync(pc, 8, 1000, 999));
	assert_false(hit(pc, "/nyheter", &got));
	resp_free(&got);

	page(&rs, "<p>igen</p>");
	pagecache_put(pc, "/nyheter", &rs);
	resp_free(&rs);
	/* the scheduled moment comes: gone, and nothing may be kept */
	assert_false(pagecache_sync(pc, 8, 1000, 1000));
	assert_false(hit(pc, "/nyheter", &got));
	resp_free(&got);
	/* the next moment is planned: pages may be kept again */
	assert_true(pagecache_sync(pc, 8, 5000, 1001));

	page(&rs, "<p>x</p>");
	pagecache_put(pc, "/", &rs);
	resp_free(&rs);
	pagecache_clear(pc);
	assert_false(hit(pc, "/", &got));
	resp_free(&got);
	pagecache_free(pc);
}

static void
test_only_200(void **state)
{
	struct pagecache	*pc = pagecache_new(64 * 1024);
	struct resp		 rs, got;

	(void)state;
	pagecache_sync(pc, 1, INT64_MAX, 10);
	page(&rs, "saknas");
	resp_status(&rs, 404);
	pagecache_put(pc, "/nyheter/finns-inte", &rs);
	resp_free(&rs);
	assert_false(hit(pc, "/nyheter/finns-inte", &got));
	resp_free(&got);
	page(&rs, "personal");
	rs.nocache = 1;
	pagecache_put(pc, "/", &rs);
	resp_free(&rs);
	assert_false(hit(pc, "/", &got));
	resp_free(&got);
	pagecache_free(pc);
}

static void
test_full_keeps_what_it_has(void **state)
{
	struct pagecache	*pc = pagecache_new(4096);
	struct resp		 rs, got;
	char			 body[900], uri[32];
	int			 i;

	(void)state;
	pagecache_sync(pc, 1, INT64_MAX, 10);
	memset(body, 'a', sizeof(body) - 1);
	body[sizeof(body) - 1] = '\0';
	for (i = 0; i < 10; i++) {
		snprintf(uri, sizeof(uri), "/nyheter/%d", i);
		page(&rs, body);
		pagecache_put(pc, uri, &rs);
		resp_free(&rs);
	}
	assert_true(hit(pc, "/nyheter/0", &got));	/* the first stay */
	resp_free(&got);
	assert_false(hit(pc, "/nyheter/9", &got));	/* no room */
	resp_free(&got);
	assert_null(pagecache_new(0));			/* 0: no cache */
	pagecache_free(pc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keeps_and_drops),
		cmocka_unit_test(test_only_200),
		cmocka_unit_test(test_full_keeps_what_it_has),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

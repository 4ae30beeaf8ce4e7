/*
 * test_session.c -- the CSRF and same-origin checks that guard every
 * staff POST (web/session.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "app.h"
#include "store/store.h"
#include "web/req.h"
#include "web/session.h"

static struct app	 app;

/* A POST request with the given csrf field, Origin and Referer. */
static void
make(struct req *rq, struct kv *kv, const char *csrf, const char *origin,
    const char *referer)
{
	memset(rq, 0, sizeof(*rq));
	rq->method = METHOD_POST;
	rq->origin = origin;
	rq->referer = referer;
	if (csrf != NULL) {
		kv->key = "csrf";
		kv->val = csrf;
		rq->form.v = kv;
		rq->form.n = 1;
	}
}

static void
test_same_origin(void **state)
{
	struct req	 rq;
	struct kv	 kv;

	(void)state;
	make(&rq, &kv, NULL, "http://127.0.0.1:8080", NULL);
	assert_true(same_origin(&app, &rq));
	make(&rq, &kv, NULL, "http://127.0.0.1:8081", NULL);
	assert_false(same_origin(&app, &rq));
	make(&rq, &kv, NULL, "http://127.0.0.1:8080.evil.example", NULL);
	assert_false(same_origin(&app, &rq));
	make(&rq, &kv, NULL, "null", NULL);
	assert_false(same_origin(&app, &rq));
	/* No Origin: the Referer decides. */
	make(&rq, &kv, NULL, NULL, "http://127.0.0.1:8080/admin/artiklar");
	assert_true(same_origin(&app, &rq));
	make(&rq, &kv, NULL, NULL, "https://evil.example/admin");
	assert_false(same_origin(&app, &rq));
	/* Neither: the token alone decides. */
	make(&rq, &kv, NULL, NULL, NULL);
	assert_true(same_origin(&app, &rq));
}

static void
test_csrf(void **state)
{
	struct session	 s;
	struct req	 rq;
	struct kv	 kv;
	const char	*good = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5";

	(void)state;
	memset(&s, 0, sizeof(s));
	s.csrf = good;
	make(&rq, &kv, good, "http://127.0.0.1:8080", NULL);
	assert_int_equal(csrf_check(&app, &rq, &s), ST_OK);
	make(&rq, &kv, NULL, "http://127.0.0.1:8080", NULL);
	assert_int_equal(csrf_check(&app, &rq, &s), ST_FORBIDDEN);
	make(&rq, &kv, "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx6",
	    "http://127.0.0.1:8080", NULL);
	assert_int_equal(csrf_check(&app, &rq, &s), ST_FORBIDDEN);
	make(&rq, &kv, "", "http://127.0.0.1:8080", NULL);
	assert_int_equal(csrf_check(&app, &rq, &s), ST_FORBIDDEN);
	/* The right token from another site is still refused. */
	make(&rq, &kv, good, "https://evil.example", NULL);
	assert_int_equal(csrf_check(&app, &rq, &s), ST_FORBIDDEN);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_origin),
		cmocka_unit_test(test_csrf),
	};

	app.cfg.base_url = "http://127.0.0.1:8080";
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * resp.c -- the response: status, headers, a buffered body, one flush.
 *
 * The request's way out.  Handlers set a status, a type and extra
 * headers and append to the body; nothing reaches nginx until
 * resp_finish(), so a handler that fails half-way can still become a
 * clean error page (resp_clear()).  resp_finish() is the single place
 * that writes the security headers (CSP, nosniff, referrer and
 * permissions policies, frame denial) and Content-Length.  The header
 * block is built in one buffer and written with one conn_write(), the
 * body with a second.  It is also where HTTP caching is decided
 * (resp_cache()): validators for public pages, 304 for a conditional GET
 * that matches, no-store for staff pages and sessions.  It builds no
 * markup of its own: a redirect's short page is render/html.c's.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../render/html.h"
#include "../util/buf.h"
#include "../util/civil.h"
#include "../util/clock.h"
#include "../util/crypto.h"
#include "../util/hex.h"
#include "../util/log.h"
#include "conn.h"
#include "resp.h"

#define DEFAULT_TYPE	"text/html; charset=utf-8"

static const char security_headers[] =
    "Content-Security-Policy: default-src 'self'; img-src 'self' data:; "
    "style-src 'self'; script-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "Permissions-Policy: camera=(), microphone=(), geolocation=(), "
    "interest-cohort=()\r\n"
    "X-Frame-Options: DENY\r\n";

static const struct reason {
	int		 code;
	const char	*text;
} reasons[] = {
	{ 200, "OK" },
	{ 201, "Created" },
	{ 204, "No Content" },
	{ 301, "Moved Permanently" },
	{ 302, "Found" },
	{ 303, "See Other" },
	{ 304, "Not Modified" },
	{ 307, "Temporary Redirect" },
	{ 308, "Permanent Redirect" },
	{ 400, "Bad Request" },
	{ 401, "Unauthorized" },
	{ 403, "Forbidden" },
	{ 404, "Not Found" },
	{ 405, "Method Not Allowed" },
	{ 409, "Conflict" },
	{ 410, "Gone" },
	{ 413, "Content Too Large" },
	{ 429, "Too Many Requests" },
	{ 500, "Internal Server Error" },
	{ 503, "Service Unavailable" },
	{ 507, "Insufficient Storage" },
};

static const char *
reason(int code)
{
	size_t	 i;

	for (i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (reasons[i].code == code)
			return reasons[i].text;
	return code < 400 ? "OK" : code < 500 ? "Client Error" :
	    "Server Error";
}

void
resp_init(struct resp *rs, struct conn *c)
{
	rs->conn = c;
	rs->status = 0;
	rs->ctype = NULL;
	buf_init(&rs->headers);
	buf_init(&rs->body);
	rs->head_only = 0;
	rs->nocache = 0;
	rs->no_referrer = 0;
	rs->conditional = 0;
	rs->if_none_match = rs->if_modified_since = NULL;
	rs->last_modified = 0;
	rs->from_cache = 0;
}

void
resp_free(struct resp *rs)
{
	buf_free(&rs->headers);
	buf_free(&rs->body);
}

/* Keeps head_only, nocache and the conditional headers: they describe
 * the request, not the page. */
void
resp_clear(struct resp *rs)
{
	rs->status = 0;
	rs->ctype = NULL;
	rs->last_modified = 0;
	buf_reset(&rs->headers);
	buf_reset(&rs->body);
}

void
resp_status(struct resp *rs, int status)
{
	assert(status >= 100 && status <= 599);
	rs->status = status;
}

void
resp_type(struct resp *rs, const char *ctype)
{
	assert(strpbrk(ctype, "\r\n") == NULL);
	rs->ctype = ctype;
}

/* 1 if name is a header resp_finish() writes itself. */
static int
reserved(const char *name)
{
	return strcasecmp(name, "Status") == 0 ||
	    strcasecmp(name, "Content-Type") == 0 ||
	    strcasecmp(name, "Content-Length") == 0;
}

/*
 * Add "name: val".  A CR or LF would let a value split the response,
 * so it is an assertion; should one get through a release build the
 * header is dropped and logged (without its value).
 */
void
resp_header(struct resp *rs, const char *name, const char *val)
{
	int	 bad;

	bad = strpbrk(name, "\r\n:") != NULL || strpbrk(val, "\r\n") != NULL;
	assert(!bad);
	assert(!reserved(name));
	if (bad || reserved(name)) {
		log_error("resp_header: dropped bad or reserved header");
		return;
	}
	buf_printf(&rs->headers, "%s: %s\r\n", name, val);
}

/*
 * Append the URI s to b with every byte a URI may not hold
 * percent-encoded: controls (CR and LF above all), space, non-ASCII,
 * " < > \ ^ ` { | }, and a '%' that does not start an escape.  What is
 * already a valid URI passes unchanged, so a target's own escapes and
 * its ? & = # keep their meaning.
 */
static void
uri_encode(struct buf *b, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	unsigned char		 c;

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if (c <= 0x20 || c >= 0x7f || strchr("\"<>\\^`{|}", c) ||
		    (c == '%' && (hex_value(s[1]) < 0 || hex_value(s[2]) < 0))) {
			buf_putc(b, '%');
			buf_putc(b, hex[c >> 4]);
			buf_putc(b, hex[c & 15]);
		} else
			buf_putc(b, (char)c);
	}
}

/* The Location is location made a valid URI (uri_encode()): a target
 * built from a request's decoded path can split no header. */
void
resp_redirect(struct resp *rs, int status, const char *location)
{
	struct buf	 loc;

	buf_init(&loc);
	buf_puts(&loc, "");
	uri_encode(&loc, location);
	resp_status(rs, status == 0 ? 303 : status);
	resp_header(rs, "Location", loc.data);
	rs->ctype = NULL;
	buf_reset(&rs->body);
	html_redirect_page(&rs->body, loc.data);
	buf_free(&loc);
}

void
resp_text(struct resp *rs, const char *text)
{
	resp_type(rs, "text/plain; charset=utf-8");
	buf_puts(&rs->body, text);
}

/* 1 if the status carries no body (nor a Content-Length of its own). */
static int
bodyless(int status)
{
	return status == 204 || status == 304;
}

/* Append the handler's headers, leaving out Cache-Control when nocache. */
static void
extra_headers(const struct resp *rs, struct buf *out)
{
	const char	*p = rs->headers.data, *end, *nl;

	if (rs->headers.len == 0)
		return;
	if (!rs->nocache) {
		buf_append(out, rs->headers.data, rs->headers.len);
		return;
	}
	for (end = p + rs->headers.len; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		assert(nl != NULL);
		if (strncasecmp(p, "Cache-Control:", 14) != 0)
			buf_append(out, p, (size_t)(nl - p) + 1);
	}
}

void
resp_render_head(const struct resp *rs, size_t body_len, struct buf *out)
{
	int	 status = rs->status ? rs->status : 200;

	buf_printf(out, "Status: %d %s\r\n", status, reason(status));
	buf_printf(out, "Content-Type: %s\r\n",
	    rs->ctype ? rs->ctype : DEFAULT_TYPE);
	if (!bodyless(status))
		buf_printf(out, "Content-Length: %zu\r\n", body_len);
	buf_append(out, security_headers, sizeof(security_headers) - 1);
	buf_puts(out, rs->no_referrer ? "Referrer-Policy: no-referrer\r\n" :
	    "Referrer-Policy: strict-origin-when-cross-origin\r\n");
	if (rs->nocache)
		buf_puts(out, "Cache-Control: no-store\r\n");
	extra_headers(rs, out);
	buf_puts(out, "\r\n");
}

/*
 * Send everything: the header block in one write, then the body unless
 * this is a HEAD request or a 204/304.  A client that went away is only
 * logged; there is no one left to tell.
 */
void
resp_finish(struct resp *rs)
{
	struct buf	 head;
	int		 status = rs->status ? rs->status : 200;

	if (rs->conn == NULL)
		return;
	resp_cache(rs, clock_now());
	status = rs->status ? rs->status : 200;
	buf_init(&head);
	resp_render_head(rs, rs->body.len, &head);
	if (conn_write(rs->conn, head.data, head.len) != ST_OK ||
	    (!rs->head_only && !bodyless(status) && rs->body.len > 0 &&
	    conn_write(rs->conn, rs->body.data, rs->body.len) != ST_OK))
		log_info("response not delivered: client went away");
	buf_free(&head);
}

void
resp_last_modified(struct resp *rs, int64_t t)
{
	if (t > rs->last_modified)
		rs->last_modified = t;
}

/* 1 if the handler already added a header called name. */
static int
has_header(const struct resp *rs, const char *name)
{
	const char	*p = rs->headers.data, *end = p + rs->headers.len, *nl;
	size_t		 n = strlen(name);

	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			break;
		if ((size_t)(nl - p) > n && p[n] == ':' &&
		    strncasecmp(p, name, n) == 0)
			return 1;
	}
	return 0;
}

/*
 * 1 if the If-None-Match value inm names etag ("*" names any).  The
 * comparison is weak, as RFC 9110 wants for If-None-Match: a W/ prefix
 * (nginx's gzip adds one) is ignored.
 */
static int
etag_listed(const char *inm, const char *etag)
{
	const char	*p = inm, *end;
	size_t		 n = strlen(etag);

	for (;;) {
		p += strspn(p, " \t,");
		if (*p == '\0')
			return 0;
		if (*p == '*')
			return 1;
		if (strncmp(p, "W/", 2) == 0)
			p += 2;
		if (*p != '"' || (end = strchr(p + 1, '"')) == NULL)
			return 0;
		if ((size_t)(end + 1 - p) == n && memcmp(p, etag, n) == 0)
			return 1;
		p = end + 1;
	}
}

/*
 * The response's ETag into etag.  When its Last-Modified goes out, the
 * tag is nginx's own for a static file of that date and size ("%x-%x"),
 * so a page nginx serves from a file Pressrum wrote (cache/pagefiles.c,
 * dated the same) validates the same either way.  That is sound because
 * everything a page shows moves its Last-Modified (pages/layout.c), and
 * it goes out only once that time is past: two bodies can share a date
 * only within its second.  Without a Last-Modified the tag is a digest
 * of the type and the body.
 */
static void
make_etag(const struct resp *rs, int lm_sent, char *etag, size_t sz)
{
	const char	*ctype = rs->ctype ? rs->ctype : DEFAULT_TYPE;
	char		 hex[DIGEST_HEX_LEN + 1];

	if (lm_sent) {
		snprintf(etag, sz, "\"%llx-%zx\"",
		    (unsigned long long)rs->last_modified, rs->body.len);
		return;
	}
	digest_hex(ctype, strlen(ctype) + 1, rs->body.len ? rs->body.data : "",
	    rs->body.len, hex);
	snprintf(etag, sz, "\"%s\"", hex);
}

void
resp_cache(struct resp *rs, int64_t now)
{
	char		 etag[DIGEST_HEX_LEN + 3], date[32];
	int64_t		 since;
	int		 lm_sent;

	if (!rs->conditional || rs->nocache || (rs->status != 0 &&
	    rs->status != 200))
		return;
	lm_sent = rs->last_modified > 0 && rs->last_modified < now;
	make_etag(rs, lm_sent, etag, sizeof(etag));
	resp_header(rs, "ETag", etag);
	if (lm_sent) {
		civil_http_date(rs->last_modified, date);
		resp_header(rs, "Last-Modified", date);
	}
	if (!has_header(rs, "Cache-Control")) {
		resp_header(rs, "Cache-Control",
		    "public, max-age=0, must-revalidate");
		/* Edge caches keep it (deploy/varnish.vcl): purged on every
		 * change, and re-asked after this long if a purge missed. */
		resp_header(rs, "Surrogate-Control", SURROGATE_CONTROL);
	}
	resp_header(rs, "Vary", "Cookie");
	if (rs->if_none_match != NULL) {
		if (etag_listed(rs->if_none_match, etag))
			rs->status = 304;
	} else if (rs->if_modified_since != NULL && lm_sent &&
	    civil_http_parse(rs->if_modified_since, &since) &&
	    rs->last_modified <= since)
		rs->status = 304;
}

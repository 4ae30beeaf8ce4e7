/*
 * message.c -- build an outbox mail as an RFC 5322 message with CRLF
 * line ends.  Every header value that may hold non-ASCII text is an
 * RFC 2047 encoded word; bodies are base64 (any UTF-8 text, any line
 * length, nothing for a relay to rewrap).  HTML goes with the text as
 * multipart/alternative; the HTML the program writes has no remote
 * images.
 */
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "../store/subscribe.h"
#include "../render/html.h"
#include "../util/buf.h"
#include "../util/civil.h"
#include "queue.h"
#include "message.h"

/* base64 of s in lines of at most 76 characters, each ended by CRLF. */
static void
put_base64(struct buf *out, const char *s)
{
	char	 line[80];
	size_t	 n = strlen(s), i, chunk;

	for (i = 0; i < n; i += 57) {
		chunk = n - i < 57 ? n - i : 57;
		sodium_bin2base64(line, sizeof(line),
		    (const unsigned char *)s + i, chunk,
		    sodium_base64_VARIANT_ORIGINAL);
		buf_puts(out, line);
		buf_puts(out, "\r\n");
	}
}

/* An RFC 2047 encoded word per at most 45 bytes of s (each word stays
 * under 75 characters), never splitting a UTF-8 sequence. */
static void
put_encoded_words(struct buf *out, const char *s)
{
	char	 word[80];
	size_t	 n = strlen(s), i = 0, chunk;

	if (n == 0)
		return;
	while (i < n) {
		chunk = n - i < 45 ? n - i : 45;
		while (i + chunk < n &&
		    ((unsigned char)s[i + chunk] & 0xC0) == 0x80)
			chunk--;
		sodium_bin2base64(word, sizeof(word),
		    (const unsigned char *)s + i, chunk,
		    sodium_base64_VARIANT_ORIGINAL);
		buf_printf(out, "%s=?UTF-8?B?%s?=", i > 0 ? "\r\n " : "", word);
		i += chunk;
	}
}

/* The text body with the unsubscribe footer when there is a token. */
static void
put_text(struct buf *out, const struct mail *m, const char *base_url)
{
	struct buf	 t;

	buf_init(&t);
	buf_puts(&t, m->body_text);
	if (m->unsub_token != NULL && m->unsub_token[0] != '\0' &&
	    m->body_html != NULL && m->body_html[0] != '\0')
		buf_printf(&t, "\n-- \nDu får det här brevet för att du "
		    "prenumererar på våra nyheter.\nAvsluta prenumerationen:"
		    "\n%s/prenumerera/avsluta/%s\n", base_url, m->unsub_token);
	buf_putc(&t, '\0');
	put_base64(out, t.data);
	buf_free(&t);
}

/* The HTML body: m's fragment in a document, with the footer. */
static void
put_html(struct buf *out, const struct mail *m, const char *base_url)
{
	struct buf	 h;

	buf_init(&h);
	buf_puts(&h, "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>");
	html_text(&h, m->subject);
	buf_puts(&h, "</title>\n</head>\n<body>\n");
	buf_puts(&h, m->body_html);
	if (m->unsub_token != NULL && m->unsub_token[0] != '\0') {
		buf_puts(&h, "<hr>\n<p>Du får det här brevet för att du "
		    "prenumererar på våra nyheter. <a href=\"");
		html_text(&h, base_url);
		buf_printf(&h, "/prenumerera/avsluta/%s\">Avsluta "
		    "prenumerationen</a></p>\n", m->unsub_token);
	}
	buf_puts(&h, "</body>\n</html>\n");
	buf_putc(&h, '\0');
	put_base64(out, h.data);
	buf_free(&h);
}

void
mail_message(struct buf *out, const struct mail *m, const char *from,
    const char *base_url, int64_t date)
{
	char		 host[256], when[32], boundary[64];
	const int	 html = m->body_html != NULL && m->body_html[0] != '\0';

	mail_host(base_url, host, sizeof(host));
	civil_mail_date(date, when);
	buf_printf(out, "From: %s\r\nTo: %s\r\nSubject: ", from,
	    m->recipient);
	put_encoded_words(out, m->subject);
	buf_printf(out, "\r\nDate: %s\r\nMessage-ID: <%s>\r\n"
	    "MIME-Version: 1.0\r\nList-Id: <nyheter.%s>\r\n", when,
	    m->message_id, host);
	if (m->unsub_token != NULL && m->unsub_token[0] != '\0')
		buf_printf(out, "List-Unsubscribe: <%s/prenumerera/avsluta/"
		    "%s>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click"
		    "\r\n", base_url, m->unsub_token);
	if (!html) {
		buf_puts(out, "Content-Type: text/plain; charset=utf-8\r\n"
		    "Content-Transfer-Encoding: base64\r\n\r\n");
		put_text(out, m, base_url);
		return;
	}
	snprintf(boundary, sizeof(boundary), "=_pressrum_%.20s",
	    m->message_id);
	buf_printf(out, "Content-Type: multipart/alternative; "
	    "boundary=\"%s\"\r\n\r\n--%s\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: base64\r\n\r\n", boundary, boundary);
	put_text(out, m, base_url);
	buf_printf(out, "--%s\r\nContent-Type: text/html; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: base64\r\n\r\n", boundary);
	put_html(out, m, base_url);
	buf_printf(out, "--%s--\r\n", boundary);
}

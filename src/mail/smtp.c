/*
 * smtp.c -- the one file that uses libcurl: one SMTP transaction per
 * message over a connection kept between messages, with short timeouts
 * so a hung relay holds the sender up for at most a minute.  On smtp://
 * STARTTLS is tried whenever the relay offers it, and required when the
 * URL carries credentials, so a password never crosses in clear (a
 * relay that offers no STARTTLS then gets no mail: the sender retries
 * and staff see the error); smtps:// is TLS from the start.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "smtp.h"

struct smtp {
	CURL		*c;
	char		*url;
	int		 tls;		/* smtp_tls_required(url) */
};

struct reader {
	const char	*p;
	size_t		 left;
};

/* libcurl's read callback: the next piece of the message. */
static size_t
read_cb(char *dst, size_t size, size_t nmemb, void *arg)
{
	struct reader	*r = arg;
	size_t		 n = size * nmemb;

	if (n > r->left)
		n = r->left;
	memcpy(dst, r->p, n);
	r->p += n;
	r->left -= n;
	return n;
}

int
smtp_tls_required(const char *url)
{
	CURLU	*u;
	char	*scheme = NULL, *user = NULL, *pass = NULL;
	int	 req = 1;	/* what we cannot read: the safe side */

	if ((u = curl_url()) == NULL)
		return req;
	if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK) {
		(void)curl_url_get(u, CURLUPART_USER, &user, 0);
		(void)curl_url_get(u, CURLUPART_PASSWORD, &pass, 0);
		req = strcmp(scheme, "smtps") != 0 &&
		    ((user != NULL && *user != '\0') ||
		    (pass != NULL && *pass != '\0'));
	}
	curl_free(scheme);
	curl_free(user);
	curl_free(pass);
	curl_url_cleanup(u);
	return req;
}

int
smtp_init(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

struct smtp *
smtp_new(const char *url)
{
	struct smtp	*s;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	if ((s->c = curl_easy_init()) == NULL ||
	    (s->url = strdup(url)) == NULL) {
		smtp_free(s);
		return NULL;
	}
	s->tls = smtp_tls_required(url);
	return s;
}

void
smtp_free(struct smtp *s)
{
	if (s == NULL)
		return;
	if (s->c != NULL)
		curl_easy_cleanup(s->c);
	free(s->url);
	free(s);
}

int
smtp_send(struct smtp *s, const char *from, const char *to,
    const char *msg, size_t len, char *err, size_t errlen)
{
	struct curl_slist	*rcpt = NULL;
	struct reader		 r = { msg, len };
	char			 ebuf[CURL_ERROR_SIZE] = "";
	char			 addr[512];
	CURL			*c = s->c;
	CURLcode		 rc;
	long			 code = 0;

	snprintf(addr, sizeof(addr), "<%s>", to);
	rcpt = curl_slist_append(NULL, addr);
	snprintf(addr, sizeof(addr), "<%s>", from);
	curl_easy_setopt(c, CURLOPT_URL, s->url);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, addr);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, &r);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, ebuf);
	curl_easy_setopt(c, CURLOPT_USE_SSL, s->tls ? (long)CURLUSESSL_ALL :
	    (long)CURLUSESSL_TRY);
	rc = curl_easy_perform(c);
	if (rc != CURLE_OK) {
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
		if (code >= 400)	/* the relay's refusal */
			snprintf(err, errlen, "%ld: %.200s", code, ebuf[0] ?
			    ebuf : curl_easy_strerror(rc));
		else
			snprintf(err, errlen, "%.200s", ebuf[0] ? ebuf :
			    curl_easy_strerror(rc));
	}
	curl_slist_free_all(rcpt);
	return rc == CURLE_OK ? 0 : -1;
}

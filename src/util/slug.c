/*
 * slug.c -- URL slugs for articles and topics.
 *
 * The staff area proposes a slug from the title with slug_from_title();
 * valid.c checks slugs in URLs and forms with slug_valid().  Swedish and
 * other Latin-1 letters are folded to ASCII ("Jämställdhet" becomes
 * "jamstalldhet"); everything else that is not a letter or a digit
 * separates words.  Markup typed into a title is not part of its words:
 * an HTML tag ("<b>", "</em>") or character reference ("&amp;") counts
 * as a separator, so "Ny <b>fet</b> satsning" gives "ny-fet-satsning".
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "slug.h"

/*
 * ASCII folding of U+00C0..U+00FF (UTF-8 C3 80..C3 BF), indexed by the
 * second byte minus 0x80.  NULL means the character separates words.
 */
static const char *const latin1[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c",	/* À Á Â Ã Ä Å Æ Ç */
	"e", "e", "e", "e", "i", "i", "i", "i",		/* È É Ê Ë Ì Í Î Ï */
	"d", "n", "o", "o", "o", "o", "o", NULL,	/* Ð Ñ Ò Ó Ô Õ Ö × */
	"o", "u", "u", "u", "u", "y", "th", "ss",	/* Ø Ù Ú Û Ü Ý Þ ß */
	"a", "a", "a", "a", "a", "a", "ae", "c",	/* à á â ã ä å æ ç */
	"e", "e", "e", "e", "i", "i", "i", "i",		/* è é ê ë ì í î ï */
	"d", "n", "o", "o", "o", "o", "o", NULL,	/* ð ñ ò ó ô õ ö ÷ */
	"o", "u", "u", "u", "u", "y", "th", "y",	/* ø ù ú û ü ý þ ÿ */
};

/* Bytes of the UTF-8 sequence led by c (1 for anything malformed). */
static size_t
seqlen(unsigned char c)
{
	if (c >= 0xf0 && c < 0xf8)
		return 4;
	if (c >= 0xe0 && c < 0xf0)
		return 3;
	if (c >= 0xc0 && c < 0xe0)
		return 2;
	return 1;
}

/*
 * The ASCII text for the character at p (copied to tmp when it is a
 * single byte), or NULL if it separates words.  *adv is set to the
 * number of bytes consumed.
 */
static const char *
fold(const unsigned char *p, size_t *adv, char tmp[2])
{
	size_t	 k, n = seqlen(p[0]);

	for (k = 1; k < n; k++)
		if ((p[k] & 0xc0) != 0x80)
			break;
	*adv = k;
	if (k == 1) {
		if ((p[0] >= 'a' && p[0] <= 'z') || (p[0] >= '0' &&
		    p[0] <= '9'))
			tmp[0] = (char)p[0];
		else if (p[0] >= 'A' && p[0] <= 'Z')
			tmp[0] = (char)(p[0] - 'A' + 'a');
		else
			return NULL;
		tmp[1] = '\0';
		return tmp;
	}
	if (k == 2 && n == 2 && p[0] == 0xc3)
		return latin1[p[1] - 0x80];
	return NULL;
}

/* Bytes of the HTML tag ("<b>", "</a>", "<br/>") or character reference
 * ("&amp;", "&#229;") at p, or 0 when p starts none. */
static size_t
markup_len(const char *p)
{
	size_t	i = 1;

	if (p[0] == '<') {
		if (p[i] == '/')
			i++;
		if (!((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' &&
		    p[i] <= 'Z')))
			return 0;
		while (p[i] != '\0' && p[i] != '>' && p[i] != '<')
			i++;
		return p[i] == '>' ? i + 1 : 0;
	}
	if (p[0] != '&')
		return 0;
	if (p[i] == '#')
		i++;
	while ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') ||
	    (p[i] >= '0' && p[i] <= '9'))
		i++;
	return p[i] == ';' && i > 1 + (p[1] == '#') ? i + 1 : 0;
}

/* Cut the slug s of length n to at most SLUG_MAX bytes, at a '-'
 * when there is one. */
static void
cut(char *s, size_t n)
{
	size_t	 i;

	if (n <= SLUG_MAX)
		return;
	for (i = SLUG_MAX; i > 0; i--)
		if (s[i] == '-')
			break;
	if (i == 0)
		i = SLUG_MAX;
	while (i > 0 && s[i - 1] == '-')
		i--;
	s[i] = '\0';
}

/*
 * A slug for title, allocated in ar: folded to [a-z0-9] words joined by
 * single '-', at most SLUG_MAX bytes.  "" (also in ar) if no letters or
 * digits remain; NULL title is taken as "".
 */
char *
slug_from_title(struct arena *ar, const char *title)
{
	const unsigned char	*p;
	const char		*f;
	char			*out, tmp[2];
	size_t			 n = 0, adv, flen;
	int			 sep = 0;

	if (title == NULL)
		title = "";
	/* Folding never lengthens: each replacement is at most as long
	 * as the UTF-8 sequence it replaces. */
	out = arena_alloc(ar, strlen(title) + 1);
	for (p = (const unsigned char *)title; *p != '\0'; p += adv) {
		if ((adv = markup_len((const char *)p)) > 0 ||
		    (f = fold(p, &adv, tmp)) == NULL) {
			sep = 1;
			continue;
		}
		if (sep && n > 0)
			out[n++] = '-';
		sep = 0;
		flen = strlen(f);
		memcpy(out + n, f, flen);
		n += flen;
	}
	out[n] = '\0';
	cut(out, n);
	return out;
}

/*
 * 1 if s is 1..SLUG_MAX bytes of [a-z0-9-], neither starting nor ending
 * with '-' and without "--"; else 0.
 */
int
slug_valid(const char *s)
{
	size_t	 i;

	if (s == NULL || s[0] == '\0' || s[0] == '-')
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (i >= SLUG_MAX)
			return 0;
		if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9'))
			continue;
		if (s[i] != '-' || s[i + 1] == '-' || s[i + 1] == '\0')
			return 0;
	}
	return 1;
}

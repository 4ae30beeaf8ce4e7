/*
 * document.c -- what an uploaded document is, by its bytes (document.h).
 *
 * PDF starts "%PDF-".  Office Open XML and OpenDocument files are ZIP
 * archives: OOXML has a "[Content_Types].xml" entry and a "word/", "xl/"
 * or "ppt/" part; OpenDocument starts with an uncompressed "mimetype"
 * entry whose content names the kind (ISO/IEC 26300, 3.3).  Entry names
 * are stored uncompressed in the ZIP headers, so a byte search finds
 * them.
 */
#define _GNU_SOURCE	/* memmem */
#include <string.h>

#include "document.h"

static const struct doc_type types[] = {
	{ "application/pdf", "PDF", "pdf" },
	{ "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.document", "Word", "docx" },
	{ "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	    "Excel", "xlsx" },
	{ "application/vnd.openxmlformats-officedocument."
	    "presentationml.presentation", "PowerPoint", "pptx" },
	{ "application/vnd.oasis.opendocument.text", "OpenDocument-text",
	    "odt" },
	{ "application/vnd.oasis.opendocument.spreadsheet",
	    "OpenDocument-kalkylark", "ods" },
	{ "application/vnd.oasis.opendocument.presentation",
	    "OpenDocument-presentation", "odp" },
};

static int
has(const void *buf, size_t len, const char *s)
{
	return memmem(buf, len, s, strlen(s)) != NULL;
}

const struct doc_type *
document_sniff(const void *buf, size_t len)
{
	const char	*p = buf;

	if (len >= 5 && memcmp(p, "%PDF-", 5) == 0)
		return &types[0];
	if (len < 64 || memcmp(p, "PK\3\4", 4) != 0)
		return NULL;
	if (memcmp(p + 30, "mimetype", 8) == 0) {
		for (size_t i = 4; i < 7; i++) {
			size_t n = strlen(types[i].mime);

			/* Exactly this type: not "...text-template". */
			if (len >= 38 + n && memcmp(p + 38, types[i].mime, n)
			    == 0 && (len == 38 + n || p[38 + n] == 'P'))
				return &types[i];
		}
		return NULL;
	}
	if (!has(buf, len, "[Content_Types].xml"))
		return NULL;
	if (has(buf, len, "word/document.xml"))
		return &types[1];
	if (has(buf, len, "xl/workbook.xml"))
		return &types[2];
	if (has(buf, len, "ppt/presentation.xml"))
		return &types[3];
	return NULL;
}

const char *
document_label(const char *mime)
{
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(mime, types[i].mime) == 0)
			return types[i].label;
	return "Dokument";
}

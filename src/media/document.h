/*
 * document.h -- files attached to an article (issue 14): PDF and office
 * documents, stored as uploaded.  What a file is comes from its content
 * (document_sniff), never its name.  They are served by nginx as
 * /media/dok/HASH/FILENAME with Content-Disposition: attachment, so the
 * download keeps its (sanitised) original name.
 */
#ifndef MEDIA_DOCUMENT_H
#define MEDIA_DOCUMENT_H

#include <stddef.h>

#define DOC_MAX_BYTES	(20L * 1024 * 1024)	/* as for pictures */

struct doc_type {
	const char	*mime;
	const char	*label;		/* "PDF", "Word", ... for the list */
	const char	*ext;		/* the file name's ending it gets */
};

/* The type of len bytes at buf: PDF, Word/Excel/PowerPoint (OOXML) or
 * OpenDocument text/spreadsheet/presentation; NULL for anything else
 * (HTML, programs, a ZIP of other things, an empty file). */
const struct doc_type *document_sniff(const void *buf, size_t len);

/* The label ("PDF", "Word", ...) of a stored document's mime type;
 * "Dokument" when unknown. */
const char	*document_label(const char *mime);

#endif

/*
 * admin_preview_klarsprak.h -- the klarspråk panel of the editor's
 * preview (admin_preview_klarsprak.c).
 */
#ifndef ADMIN_PREVIEW_KLARSPRAK_H
#define ADMIN_PREVIEW_KLARSPRAK_H

struct app;
struct tdict;

/* The sub-dictionary "klarsprak" of d for the text of title, lead and
 * the Markdown body (templates/preview_klarsprak.html). */
void	preview_klarsprak(struct app *, struct tdict *d, const char *title,
	    const char *lead, const char *body_md);

#endif

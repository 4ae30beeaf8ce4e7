/*
 * pages.h -- the public page handlers and the helpers they share.
 *
 * One file per public page family: home.c (/), news.c (/nyheter),
 * article.c (/nyheter/SLUG), topic.c (/amnen), contact.c (/kontakt),
 * press_image.c (/pressbilder), statement.c (/tillganglighet),
 * search.c with search_filter.c (/sok, search_page.h), feed.c (Atom
 * feeds, the sitemap, robots.txt), subscribe.c (/prenumerera) and
 * embargo.c (/forhandsvisning/TOKEN).  article_media.c (lead images,
 * documents, portraits, pictures in the text), article_notes.c and
 * withdrawn.c (declared in editorial.h) add to the article page.
 * layout.c fills what every page shows (navigation, notice banner,
 * canonical link), page_render.c renders a page into the response,
 * error.c the error pages; fill.c and share.c hold fillers several pages
 * use, form.c (form.h) what the sign-up form shares with the staff
 * forms.  The staff pages (admin*.c) declare theirs in admin.h,
 * admin_staff.h, admin_article.h, admin_editorial.h, admin_media.h and
 * admin_preview_klarsprak.h; admin_action.h reads their buttons.
 */
#ifndef PAGES_H
#define PAGES_H

#include "../util/status.h"

struct app;
struct article;
struct contact;
struct press_duty;
struct req;
struct resp;
struct tdict;
struct arena;

typedef void	 page_fn(struct app *, struct req *, struct resp *);

/* Seconds a person is asked to wait after a busy database (Retry-After
 * of a 503). */
#define RETRY_AFTER_BUSY	"10"

page_fn		 page_home_show;
page_fn		 page_news_list;
page_fn		 page_article_show;
page_fn		 page_topic_list;
page_fn		 page_topic_show;
page_fn		 page_contact_show;
page_fn		 page_press_image_list;	/* press_image.c */
page_fn		 page_press_image_show;
struct media;
/* Picture m into d for press_image_figure.html (and the staff pages):
 * id, alt, caption, credit, licence, filename, the srcsets with sizes,
 * src, width, height of the largest JPEG (thumb: the smallest), and the
 * original's link, type and size.  ST_OK or ST_DBERR. */
enum status	 press_image_fill(struct app *, struct tdict *d,
		    const struct media *m, const char *sizes);
struct media_file_ref;
/* The same, and *big the largest JPEG made (never the original; for
 * og:image and feeds), NULL when none. */
enum status	 press_image_fill_big(struct app *, struct tdict *d,
		    const struct media *m, const char *sizes,
		    const struct media_file_ref **big);
/* "1,2 MB" or "340 kB" for n bytes.  Arena.  press_image.c. */
const char	*page_size_text(struct arena *, int64_t n);
struct document;
/* Document d into it: title, href (/media/dok/NAME/FILENAME), kind and
 * size ("PDF, 1,2 MB"), accessible.  article_media.c. */
void		 page_document_fill(struct app *, struct tdict *it,
		    const struct document *d);
/* The lead images of topic topic_id's public articles into root's list
 * "press_images" (has_press_images).  ST_OK or ST_DBERR. */
enum status	 page_topic_press_images(struct app *, struct tdict *root,
		    int64_t topic_id);
/* Contact contact_id's portrait (consent not ended) into d's "photo"
 * (a press_image_fill dict), else photo false.  ST_OK or ST_DBERR. */
enum status	 page_contact_photo(struct app *, struct tdict *d,
		    int64_t contact_id);
/* a11y_picture_fn for the editor's warnings: 1 if picture id can be
 * shown now (exists, consent not ended).  ctx: the struct app. */
int		 page_picture_known(void *ctx, long long id);
/* md_picture_fn for an article's text: picture id as a <figure> (block)
 * or <picture>, alt the text's own when given; NULL when there is no
 * such picture or its consent has ended.  ctx: the struct app. */
const char	*page_article_picture(void *ctx, long long id,
		    const char *alt, int block);
/* An article's lead image in a list or feed entry d: "thumb" (a
 * press_image_fill dict, plus "abs_src" and "bytes" of the largest JPEG
 * for a feed's enclosure), else thumb false.  ST_OK or ST_DBERR. */
enum status	 page_article_thumb(struct app *, struct tdict *d,
		    int64_t article_id);
/* Article article_id's lead image, if any, into article (lead_image, a
 * press_image_fill dict) and root (og_image, og_image_alt, absolute).
 * article_media.c.  ST_OK or ST_DBERR. */
enum status	 page_article_media_fill(struct app *, struct tdict *root,
		    struct tdict *article, int64_t article_id);
page_fn		 page_statement_show;	/* statement.c */
page_fn		 page_embargo_show;	/* embargo.c */
page_fn		 page_feed_all;
page_fn		 page_feed_topic;
page_fn		 page_sitemap;
page_fn		 page_feed_eplikt;	/* GET /eplikt.rss */
page_fn		 page_robots;
page_fn		 page_search;
/* subscribe.c: news by e-mail, double opt-in. */
page_fn		 page_subscribe_form;
page_fn		 page_subscribe;
page_fn		 page_subscribe_confirm_form;
page_fn		 page_subscribe_confirm;
page_fn		 page_unsubscribe_form;
page_fn		 page_unsubscribe;

/* The root dictionary of a page with everything the layout needs:
 * title (NULL on the start page), canonical path ("/nyheter"), the
 * navigation with `section` marked current, the active notice.
 * Allocated in app->arena. */
struct tdict	*page_layout(struct app *, struct req *, const char *title,
		    const char *path, const char *section);
/* Render template `name` into the response with status 200; a template
 * error becomes the 500 page. */
void		 page_render(struct app *, struct req *, struct resp *,
		    const char *name, struct tdict *);
/* The error page for st (400, 403, 404, 405, 409, 413, 503 with
 * Retry-After for ST_BUSY, 507 for ST_FULL, or 500), Swedish; an
 * ST_DBERR is first explained by store_failure().  Drops anything the
 * handler had put in the response. */
void		 page_error(struct app *, struct req *, struct resp *,
		    enum status);

/* The public article page's root dictionary for a at path (article.c):
 * layout, article, press duty.  Used by the editor's preview too.
 * Arena.  ST_OK, ST_ERROR (body refused by md_render) or ST_DBERR. */
enum status	 page_article_fill(struct app *, struct req *,
		    const struct article *, const char *path,
		    struct tdict **root);

/* Fillers shared by several pages (fill.c); strings are copied into ar. */
void		 fill_article_item(struct tdict *, struct arena *,
		    const struct article *);
void		 fill_contact(struct tdict *, struct arena *,
		    const struct contact *);
/* press_duty dict with the shared line and the officers on duty (with
 * their portraits). */
enum status	 fill_press_duty(struct app *, struct tdict *);
/* Open Graph article fields and schema.org NewsArticle microdata for
 * the article shown at the absolute url (share.c); on the layout dict. */
void		 fill_share_article(struct app *, struct tdict *,
		    const struct article *, const char *url);
/* Kind value to its Swedish label: "nyhet" -> "Nyhet". */
const char	*kind_label(const char *kind);

#endif

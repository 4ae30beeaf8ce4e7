/*
 * search_page.h -- the search page's two files: search.c (the page) and
 * search_filter.c (its filters and order: the query names, the links
 * that keep them, and the filter form with counts).  Not for other
 * pages.
 */
#ifndef SEARCH_PAGE_H
#define SEARCH_PAGE_H

struct app;
struct arena;
struct req;
struct search_facets;
struct search_filter;
struct tdict;

/*
 * Read ?typ (nyhet, pressmeddelande, amne), ?amne (a topic's slug), ?ar
 * (a year) and ?ordning (relevans, datum) into f; empty means "any".
 * Returns 0, or -1 when a value cannot be one (the page answers 400).
 */
int		search_read_filter(const struct req *, struct search_filter *f);

/*
 * "/sok?q=..&typ=..&amne=..&ar=..&ordning=datum&sida=N" in ar, with
 * f's filters (f may be NULL) and the page when over 1; "/sok" when q
 * is empty.
 */
char		*search_href(struct arena *, const char *q,
		    const struct search_filter *f, long page);

/*
 * The filter form's lists (kinds, topics, years, orders) with the public
 * hits of each value (fc) and the current ones selected; has_filters
 * when q has words.
 */
void		search_fill_filters(struct arena *, struct tdict *root,
		    const struct search_filter *f, const struct search_facets *fc);

#endif

/*
 * search.h -- full-text search over the public articles and topics, and
 * the site's last change (for HTTP Last-Modified).
 *
 * The index is an FTS5 table kept current by triggers (see
 * sql/migrations/0002_search.sql).  A page turns the visitor's words
 * into a safe FTS5 query with search_match_query() and runs it with
 * store_search_filtered(); the user's text never reaches MATCH as
 * syntax.  Both the index and the change stamp follow every write
 * through triggers.
 */
#ifndef SEARCH_H
#define SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "../util/status.h"

struct arena;
struct store;

#define SEARCH_MAX_BYTES	200	/* of the query that is read */
#define SEARCH_MAX_TERMS	12

/* The private-use characters that mark a match in title_hl, lead_hl
 * and snippet (UTF-8 of U+E000 and U+E001); html_highlight() knows them
 * too. */
#define SEARCH_MARK_START	"\xee\x80\x80"
#define SEARCH_MARK_END		"\xee\x80\x81"

struct search_hit {
	const char	*kind;		/* "nyhet", "pressmeddelande", "amne" */
	const char	*slug;
	const char	*title;
	const char	*lang;		/* "sv" or "en" */
	int64_t		 date;		/* publish time; 0 when none */
	const char	*title_hl;	/* title with the matches marked */
	const char	*lead_hl;	/* whole lead, matches marked */
	const char	*snippet;	/* a piece of the body, matches marked,
					 * "" when the body has no match */
};

struct search_result {
	struct search_hit *items;
	size_t		 n;
	int64_t		 total;		/* public hits over all pages */
	int		 more;		/* the newest SEARCH_CANDIDATES
					 * matches were read, and there are
					 * older ones beyond them */
};

/* How many of the newest matching rows a search ranks. */
#define SEARCH_CANDIDATES	100
/* How many of the newest matching rows the filter counts read. */
#define SEARCH_FACET_ROWS	SEARCH_CANDIDATES

/* The search page's filters and order; NULL / 0 means "any". */
struct search_filter {
	const char	*kind;		/* "nyhet", "pressmeddelande", "amne" */
	const char	*topic;		/* a topic's slug */
	int		 year;		/* Stockholm calendar year */
	int		 by_date;	/* newest first, not best first */
};

/* One value of a filter and its public hits. */
struct search_count {
	const char	*value;		/* kind, topic slug or year */
	const char	*label;		/* the topic's name; "" otherwise */
	int64_t		 n;
};

/* The counts for each filter, each under the other two filters. */
struct search_facets {
	struct search_count *kinds, *topics, *years;
	size_t		 nkinds, ntopics, nyears;
};

/*
 * Turn the visitor's words q into an FTS5 query: at most
 * SEARCH_MAX_BYTES of q are read and at most SEARCH_MAX_TERMS words kept;
 * a word is a run of letters and digits (anything that is not ASCII
 * punctuation, white space or common Unicode punctuation).  Each word
 * matches as typed, as a prefix, in title, lead and body, or (when it
 * has a letter) by its Swedish stem in the stem columns; the words are
 * joined by AND:
 * `({title lead body}: "Kvinnor"* OR {stems_head stems_body}: "kvinn")
 * AND ({title lead body}: "2021"*)`.  Quotes, parentheses, operators and
 * column filters in q are only separators.  *out is allocated in ar (""
 * when q has no word).  Returns the number of words.
 */
size_t		search_match_query(struct arena *, const char *q,
		    const char **out);

/*
 * One page of public hits for match (from search_match_query) within
 * the filter f (NULL: none), in its order (best first without one),
 * with highlighted title, lead and body snippet, and the total.
 * Strings live in ar.  ST_OK or ST_DBERR (logged).  An empty match
 * finds nothing; an FTS5 query error (which search_match_query() makes
 * impossible) is logged and reads as no hits.
 */
enum status	store_search_filtered(struct store *, struct arena *,
		    const char *match, int64_t now, const struct search_filter *,
		    size_t limit, size_t offset, struct search_result *out);
/*
 * The counts of public hits per kind, topic and year among the newest
 * SEARCH_FACET_ROWS matches of match, each under f's other filters;
 * topics and years in the order of the database (callers sort).  In ar.
 * ST_OK or ST_DBERR (logged).
 */
enum status	store_search_facets(struct store *, struct arena *,
		    const char *match, int64_t now, const struct search_filter *,
		    struct search_facets *out);

/*
 * "Menade du …?": when q (the visitor's text) found have public hits,
 * a query of the same words with each one no word of the index starts
 * with replaced by the nearest word of the index, that finds more public
 * hits than have; NULL when there is none.  Words are compared letter by
 * letter, å, ä and ö letters of their own, and a word differing only in
 * accents, dots or rings is never offered.  In ar.
 */
const char	*store_search_suggest(struct store *, struct arena *,
		    const char *q, int64_t now, int64_t have);

/*
 * The newest moment the public pages may have changed at now: the last
 * write to any table they show, the newest publish time that has come,
 * the newest notice start or end that has come.  For Last-Modified.
 * ST_OK or ST_DBERR (logged).
 */
enum status	store_last_change(struct store *, int64_t now, int64_t *out);
/*
 * What the page cache keys on, read inside the page's read transaction:
 * *seq changes with every write a public page could show, *until is the
 * next moment after now at which a page changes by the clock alone (a
 * scheduled publish time, a notice's start or end; INT64_MAX when none
 * is planned).  ST_OK or ST_DBERR (logged).
 */
enum status	store_cache_state(struct store *, int64_t now, int64_t *seq,
		    int64_t *until);

#endif

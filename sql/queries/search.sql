-- search.sql -- full-text search over public articles and topics
-- (store/search.c) and the site's last change (store/change.c).
--
-- The search table's rowid is article id * 2 or topic id * 2 + 1 (see
-- migrations/0002_search.sql).  :match is an FTS5 query built by
-- search_match_query(), never the user's text.  Public hits only:
-- news and press releases with status 'publicerad' and publish_at <=
-- :now, and topics with a published_at.  The body is indexed from its
-- rendered text, body_text (migrations/0007), never its Markdown.
-- Ranking weighs the title over the lead over the body; ties go to the
-- newest.

-- name: search_hits
-- Ranking reads only the :cap newest public matching rows (highest
-- rowid, so the newest articles; FTS5 walks its doclists in rowid order,
-- each row is joined to its article or topic at once and the walk stops
-- at :cap public ones): a word found in 60,000 of 100,000 articles then
-- costs a fraction of a millisecond, not the 300 ms of ranking them all.
-- Drafts, scheduled articles, pages and hidden topics are left out
-- before the limit, so neither the total nor "many hits" counts them;
-- so are hits outside the filters (NULL: any): :kind ('nyhet',
-- 'pressmeddelande' or 'amne'), a year [:ystart, :yend) and :topic (a
-- topic's slug: its articles and its own page).  :bydate 1 orders the
-- hits newest first instead of by rank.
-- The rank is pressrum_rank() (store/search_rank.c): it needs no count
-- over the whole index, as bm25() does.  The page's hits are picked
-- (hit), and only those are joined again for their text (the body as
-- rendered, body_text; see migrations/0007), which store/search_mark.c
-- marks.  Every row carries the public hits read and whether they
-- reached :cap; a page with no hit (past the last, or none at all) is
-- one row with a NULL rowid that carries just those two.
-- Column order is fixed: store/search.c reads the columns by position.
WITH pub AS MATERIALIZED (
  SELECT search.rowid AS r, pressrum_rank(search, :kinds) AS score,
         coalesce(a.publish_at, t.published_at) AS at
    FROM search
    LEFT JOIN article AS a
      ON search.rowid % 2 = 0 AND a.id = search.rowid / 2
     AND a.status = 'publicerad' AND a.publish_at <= :now
     AND a.kind IN ('nyhet', 'pressmeddelande')
    LEFT JOIN topic AS t
      ON search.rowid % 2 = 1 AND t.id = search.rowid / 2
     AND t.published_at IS NOT NULL
   WHERE search MATCH :match AND (a.id IS NOT NULL OR t.id IS NOT NULL)
     AND (:kind IS NULL OR coalesce(a.kind, 'amne') = :kind)
     AND (:ystart IS NULL OR (coalesce(a.publish_at, t.published_at)
          >= :ystart AND coalesce(a.publish_at, t.published_at) < :yend))
     AND (:topic IS NULL OR t.slug = :topic OR EXISTS (
          SELECT 1 FROM article_topic AS x JOIN topic AS y
              ON y.id = x.topic_id
           WHERE x.article_id = a.id AND y.slug = :topic))
   ORDER BY search.rowid DESC
   LIMIT :cap),
hit AS MATERIALIZED (
  SELECT r, score, at FROM pub
   ORDER BY CASE WHEN :bydate THEN 0 ELSE score END, at DESC, r DESC
   LIMIT :limit OFFSET :offset)
SELECT hit.r,
       coalesce(a.kind, 'amne'),
       coalesce(a.slug, t.slug),
       coalesce(a.title, t.name),
       coalesce(a.lang, 'sv'),
       hit.at,
       coalesce(a.lead, t.lead),
       coalesce(a.body_text, t.body_text, ''),
       (SELECT count(*) FROM pub),
       (SELECT count(*) FROM pub) >= :cap
  FROM (SELECT 1)
  LEFT JOIN hit
  LEFT JOIN article AS a ON hit.r % 2 = 0 AND a.id = hit.r / 2
  LEFT JOIN topic AS t ON hit.r % 2 = 1 AND t.id = hit.r / 2
 ORDER BY CASE WHEN :bydate THEN 0 ELSE hit.score END, hit.at DESC,
          hit.r DESC;

-- name: search_facets
-- The counts for the search page's filters: the newest :wide public
-- matches (cand), counted by kind, by topic (articles only) and by
-- Stockholm year (UTC+1 at every New Year), each under the other two
-- filters (the same as search_hits).  Rows: facet ('typ', 'amne',
-- 'ar'), value, label (the topic's name), count.
WITH cand AS MATERIALIZED (
  SELECT coalesce(a.kind, 'amne') AS kind, a.id AS aid, t.slug AS tslug,
         coalesce(a.publish_at, t.published_at) AS at
    FROM search
    LEFT JOIN article AS a
      ON search.rowid % 2 = 0 AND a.id = search.rowid / 2
     AND a.status = 'publicerad' AND a.publish_at <= :now
     AND a.kind IN ('nyhet', 'pressmeddelande')
    LEFT JOIN topic AS t
      ON search.rowid % 2 = 1 AND t.id = search.rowid / 2
     AND t.published_at IS NOT NULL
   WHERE search MATCH :match AND (a.id IS NOT NULL OR t.id IS NOT NULL)
   ORDER BY search.rowid DESC
   LIMIT :wide),
f AS MATERIALIZED (
  SELECT kind, aid, at,
         (:kind IS NULL OR kind = :kind) AS k_ok,
         (:ystart IS NULL OR (at >= :ystart AND at < :yend)) AS y_ok,
         (:topic IS NULL OR tslug = :topic OR EXISTS (
          SELECT 1 FROM article_topic AS x JOIN topic AS y
              ON y.id = x.topic_id
           WHERE x.article_id = aid AND y.slug = :topic)) AS t_ok
    FROM cand)
SELECT 'typ', kind, '', count(*) FROM f WHERE y_ok AND t_ok GROUP BY kind
UNION ALL
SELECT 'amne', y.slug, y.name, count(*)
  FROM f JOIN article_topic AS x ON x.article_id = f.aid
  JOIN topic AS y ON y.id = x.topic_id AND y.published_at IS NOT NULL
 WHERE k_ok AND y_ok GROUP BY y.id
UNION ALL
SELECT 'ar', strftime('%Y', at + 3600, 'unixepoch'), '', count(*)
  FROM f WHERE k_ok AND t_ok GROUP BY 2;

-- name: search_owed_article
-- Up to :n articles whose body text and stems the index waits for
-- (migrations/0007 and 0008), newest first: the ones most often searched
-- are filled in first (store/search_text.c).
SELECT id, title, lead, body_md FROM article WHERE body_text IS NULL
 ORDER BY id DESC LIMIT :n;

-- name: search_owed_any
-- 1 if some article or topic waits for its text (the partial indexes of
-- migrations/0007 make this two empty seeks).
SELECT EXISTS (SELECT 1 FROM article WHERE body_text IS NULL)
    OR EXISTS (SELECT 1 FROM topic WHERE body_text IS NULL);

-- name: search_fill_article
UPDATE article SET body_text = :text, stems_head = :head, stems_body = :body
 WHERE id = :id;

-- name: search_owed_topic
SELECT id, name, lead, body_md FROM topic WHERE body_text IS NULL
 ORDER BY id DESC LIMIT :n;

-- name: search_fill_topic
UPDATE topic SET body_text = :text, stems_head = :head, stems_body = :body
 WHERE id = :id;

-- name: search_word_add
-- A word of a text just filled in, :n times in the batch
-- (store/search_vocab.c).
INSERT INTO search_word (word, rev, n) VALUES (:word, :rev, :n)
    ON CONFLICT (word) DO UPDATE SET n = n + excluded.n;

-- name: search_word_known
-- 1 if some word of the index starts with :word (no word holds
-- U+10FFFF, so the range ends there).
SELECT EXISTS (SELECT 1 FROM search_word
                WHERE word >= :word AND word < :word || char(1114111));

-- name: search_word_ending
-- The commonest words of the index that end in :rev backwards, at least
-- :min characters long: compounds whose last part is a search word.
SELECT word FROM search_word
 WHERE rev >= :rev AND rev < :rev || char(1114111)
   AND length(word) >= :min
 ORDER BY n DESC LIMIT 8;

-- name: search_word_near
-- Words that may be a misspelt word's: the same first two letters
-- (:head) or, by rev, the same last two (:tail, backwards), and a length
-- (in characters) from :min to :max; the most common first.
SELECT word, n FROM (
  SELECT word, n FROM search_word
   WHERE word >= :head AND word < :head || char(1114111)
     AND length(word) BETWEEN :min AND :max
  UNION
  SELECT word, n FROM search_word
   WHERE rev >= :tail AND rev < :tail || char(1114111)
     AND length(word) BETWEEN :min AND :max)
 ORDER BY n DESC LIMIT 400;

-- name: search_some
-- How many public articles and topics :match finds, counted no further
-- than :n: whether a "Menade du" candidate finds more than the query
-- typed (store/search_vocab.c), without ranking anything.
SELECT count(*) FROM (
  SELECT 1 FROM search
    LEFT JOIN article AS a
      ON search.rowid % 2 = 0 AND a.id = search.rowid / 2
     AND a.status = 'publicerad' AND a.publish_at <= :now
     AND a.kind IN ('nyhet', 'pressmeddelande')
    LEFT JOIN topic AS t
      ON search.rowid % 2 = 1 AND t.id = search.rowid / 2
     AND t.published_at IS NOT NULL
   WHERE search MATCH :match AND (a.id IS NOT NULL OR t.id IS NOT NULL)
   LIMIT :n);

-- name: site_last_change
-- The newest moment public pages may have changed at :now: the last
-- write to their tables (site_change), the newest publish time that has
-- come, and the newest notice start or end that has come.
SELECT max((SELECT at FROM site_change WHERE id = 1),
       coalesce((SELECT max(publish_at) FROM article
                  WHERE status = 'publicerad' AND publish_at <= :now), 0),
       coalesce((SELECT max(active_from) FROM notice
                  WHERE active_from <= :now), 0),
       coalesce((SELECT max(active_to) FROM notice
                  WHERE active_to <= :now), 0));

-- name: search_merge
-- Up to 100 pages of index-segment merging (automerge is off, see
-- migrations/0005); a worker runs it after answering a write.
INSERT INTO search (search, rank) VALUES ('merge', 100);

-- name: search_merge_all
-- One step of merging every segment of the index into one, about 500
-- pages of work (a negative count: segments merge whatever their
-- level); repeated, each in its own transaction, after a fill of many
-- rows (store/search_text.c).  An 'optimize' does the same in one
-- statement that held the write lock 12 s at 100,000 articles.
INSERT INTO search (search, rank) VALUES ('merge', -500);

-- search.sql -- full-text search over public articles and topics
-- (store/search.c) and the site's last change (store/change.c).
--
-- The search table's rowid is article id * 2 or topic id * 2 + 1 (see
-- migrations/0002_search.sql).  :match is an FTS5 query built by
-- search_match_query(), never the user's text.  Public hits only:
-- news and press releases with status 'published' and publish_at <=
-- :now, and topics with a published_at.  Ranking is bm25 with the title
-- weighted over the lead over the body; ties go to the newest.

-- name: search_hits
-- Ranking reads only the :cap newest matching rows (highest rowid, so
-- the newest articles; FTS5 walks its doclists in rowid order and stops
-- there): a word found in 60,000 of 100,000 articles then costs a few
-- milliseconds, not the 300 ms of ranking and joining them all.
-- Column order is fixed: store/search.c reads the columns by position.
WITH cand AS (
  SELECT rowid AS r, bm25(search, 10.0, 4.0, 1.0) AS score
    FROM search
   WHERE search MATCH :match
   ORDER BY rowid DESC
   LIMIT :cap)
SELECT cand.r,
       coalesce(a.kind, 'amne'),
       coalesce(a.slug, t.slug),
       coalesce(a.title, t.name),
       coalesce(a.lang, 'sv'),
       coalesce(a.publish_at, t.published_at)
  FROM cand
  LEFT JOIN article AS a
    ON cand.r % 2 = 0 AND a.id = cand.r / 2
   AND a.status = 'published' AND a.publish_at <= :now
   AND a.kind IN ('nyhet', 'pressmeddelande')
  LEFT JOIN topic AS t
    ON cand.r % 2 = 1 AND t.id = cand.r / 2
   AND t.published_at IS NOT NULL
 WHERE (a.id IS NOT NULL OR t.id IS NOT NULL)
 ORDER BY cand.score,
       coalesce(a.publish_at, t.published_at) DESC, cand.r DESC
 LIMIT :limit OFFSET :offset;

-- name: search_count
-- The public hits of search_hits over all pages, and whether the
-- candidates reached :cap (then there are more, older, matches).
WITH cand AS (
  SELECT rowid AS r
    FROM search
   WHERE search MATCH :match
   ORDER BY rowid DESC
   LIMIT :cap)
SELECT count(a.id) + count(t.id), (SELECT count(*) FROM cand) >= :cap
  FROM cand
  LEFT JOIN article AS a
    ON cand.r % 2 = 0 AND a.id = cand.r / 2
   AND a.status = 'published' AND a.publish_at <= :now
   AND a.kind IN ('nyhet', 'pressmeddelande')
  LEFT JOIN topic AS t
    ON cand.r % 2 = 1 AND t.id = cand.r / 2
   AND t.published_at IS NOT NULL;

-- name: search_snippet
-- The highlighted title and lead and a body snippet of one hit.  The
-- private-use characters U+E000 and U+E001 mark where a match starts
-- and ends; html_highlight() turns them into <mark> after escaping.
SELECT highlight(search, 0, char(57344), char(57345)),
       highlight(search, 1, char(57344), char(57345)),
       snippet(search, 2, char(57344), char(57345), '…', 24)
  FROM search
 WHERE search MATCH :match AND search.rowid = :rowid;

-- name: site_last_change
-- The newest moment public pages may have changed at :now: the last
-- write to their tables (site_change), the newest publish time that has
-- come, and the newest notice start or end that has come.
SELECT max((SELECT at FROM site_change WHERE id = 1),
       coalesce((SELECT max(publish_at) FROM article
                  WHERE status = 'published' AND publish_at <= :now), 0),
       coalesce((SELECT max(active_from) FROM notice
                  WHERE active_from <= :now), 0),
       coalesce((SELECT max(active_to) FROM notice
                  WHERE active_to <= :now), 0));

-- name: search_merge
-- Up to 100 pages of index-segment merging (automerge is off, see
-- migrations/0005); a worker runs it after answering a write.
INSERT INTO search (search, rank) VALUES ('merge', 100);

-- article_find.sql -- the staff article list (store/article_find.c):
-- every article in any status, with a search over title, lead and body
-- and filters.  Each filter parameter may be NULL (no filter):
-- :match an FTS5 query (store/search.h's search_match_query) of which
-- only the :cap newest matches are read; :status 'utkast', 'schemalagd',
-- 'publicerad' (public now), 'avpublicerad', 'tillbakadragen' (unpublished
-- with an explanation); :kind; :topic a topic id; :author an account id.
-- Both orders walk an index (migrations/0009) and the count reads only
-- the index; a topic's articles and a search's matches are each read
-- once into a set (a correlated EXISTS per row cost three times as
-- much at 100,000 articles).  Column order is fixed.

-- name: find_by_change
-- A search starts its walk at the oldest change among its matches.
WITH hit (id) AS MATERIALIZED (SELECT rowid / 2 FROM (
       SELECT rowid FROM search WHERE search MATCH :match
          AND rowid % 2 = 0 ORDER BY rowid DESC LIMIT :cap))
SELECT a.id, a.kind, a.slug, a.title, a.status, coalesce(a.publish_at, 0),
       a.updated_at, coalesce(nullif(u.display_name, ''), u.name, ''),
       EXISTS (SELECT 1 FROM article_withdrawal AS w
                WHERE w.article_id = a.id)
  FROM article AS a INDEXED BY article_staff
  LEFT JOIN account AS u ON u.id = a.author_id
 WHERE (:match IS NULL OR a.id IN hit)
   AND a.updated_at >= CASE WHEN :match IS NULL THEN -9e18
       ELSE (SELECT min(updated_at) FROM article WHERE id IN hit) END
   AND (:status IS NULL
        OR (:status = 'utkast' AND a.status = 'utkast')
        OR (:status = 'avpublicerad' AND a.status = 'avpublicerad')
        OR (:status = 'tillbakadragen' AND a.status = 'avpublicerad'
            AND EXISTS (SELECT 1 FROM article_withdrawal AS w
                         WHERE w.article_id = a.id))
        OR (:status = 'schemalagd' AND a.status = 'publicerad'
            AND a.publish_at > :now)
        OR (:status = 'publicerad' AND a.status = 'publicerad'
            AND a.publish_at <= :now))
   AND (:kind IS NULL OR a.kind = :kind)
   AND (:author IS NULL OR a.author_id = :author)
   AND (:topic IS NULL OR a.id IN (SELECT article_id FROM article_topic
         WHERE topic_id = :topic))
 ORDER BY a.updated_at DESC, a.id DESC
 LIMIT :limit OFFSET :offset;

-- name: find_by_publish
-- The same, newest publish time first (never published last).
SELECT a.id, a.kind, a.slug, a.title, a.status, coalesce(a.publish_at, 0),
       a.updated_at, coalesce(nullif(u.display_name, ''), u.name, ''),
       EXISTS (SELECT 1 FROM article_withdrawal AS w
                WHERE w.article_id = a.id)
  FROM article AS a INDEXED BY article_staff_published
  LEFT JOIN account AS u ON u.id = a.author_id
 WHERE (:match IS NULL OR a.id IN (SELECT rowid / 2 FROM (
          SELECT rowid FROM search WHERE search MATCH :match
             AND rowid % 2 = 0 ORDER BY rowid DESC LIMIT :cap)))
   AND (:status IS NULL
        OR (:status = 'utkast' AND a.status = 'utkast')
        OR (:status = 'avpublicerad' AND a.status = 'avpublicerad')
        OR (:status = 'tillbakadragen' AND a.status = 'avpublicerad'
            AND EXISTS (SELECT 1 FROM article_withdrawal AS w
                         WHERE w.article_id = a.id))
        OR (:status = 'schemalagd' AND a.status = 'publicerad'
            AND a.publish_at > :now)
        OR (:status = 'publicerad' AND a.status = 'publicerad'
            AND a.publish_at <= :now))
   AND (:kind IS NULL OR a.kind = :kind)
   AND (:author IS NULL OR a.author_id = :author)
   AND (:topic IS NULL OR a.id IN (SELECT article_id FROM article_topic
         WHERE topic_id = :topic))
 ORDER BY a.publish_at DESC, a.id DESC
 LIMIT :limit OFFSET :offset;

-- name: find_count
-- How many articles the filters find (at most :cap with a :match).
WITH hit (id) AS MATERIALIZED (SELECT rowid / 2 FROM (
       SELECT rowid FROM search WHERE search MATCH :match
          AND rowid % 2 = 0 ORDER BY rowid DESC LIMIT :cap))
SELECT count(*)
  FROM article AS a INDEXED BY article_staff
 WHERE (:match IS NULL OR a.id IN hit)
   AND a.updated_at >= CASE WHEN :match IS NULL THEN -9e18
       ELSE (SELECT min(updated_at) FROM article WHERE id IN hit) END
   AND (:status IS NULL
        OR (:status = 'utkast' AND a.status = 'utkast')
        OR (:status = 'avpublicerad' AND a.status = 'avpublicerad')
        OR (:status = 'tillbakadragen' AND a.status = 'avpublicerad'
            AND EXISTS (SELECT 1 FROM article_withdrawal AS w
                         WHERE w.article_id = a.id))
        OR (:status = 'schemalagd' AND a.status = 'publicerad'
            AND a.publish_at > :now)
        OR (:status = 'publicerad' AND a.status = 'publicerad'
            AND a.publish_at <= :now))
   AND (:kind IS NULL OR a.kind = :kind)
   AND (:author IS NULL OR a.author_id = :author)
   AND (:topic IS NULL OR a.id IN (SELECT article_id FROM article_topic
         WHERE topic_id = :topic));

-- name: find_authors
-- Every account with its role, for the author filter: the store keeps
-- those whose role may write articles (util/role.c).
SELECT u.id, coalesce(nullif(u.display_name, ''), u.name), u.role
  FROM account AS u
 ORDER BY 2 COLLATE sv, u.id;

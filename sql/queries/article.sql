-- article.sql -- public reads of articles (store/article.c).
--
-- Public: status = 'publicerad' AND publish_at <= :now.  Lists show news
-- and press releases only; a 'sida' is reached by its slug.  Column
-- order is fixed: store/article.c reads the columns by position.

-- name: article_by_slug
SELECT id, kind, slug, title, lead, body_md, lang, status,
       publish_at, created_at, updated_at
  FROM article
 WHERE slug = :slug
   AND status = 'publicerad' AND publish_at <= :now;

-- name: article_topics
SELECT t.id, t.slug, t.name
  FROM article_topic AS at
  JOIN topic AS t ON t.id = at.topic_id
 WHERE at.article_id = :article_id
 ORDER BY t.name COLLATE sv, t.id;

-- name: article_experts
-- Active contacts only, in the editor's order.
SELECT c.id, c.name, c.title, c.unit, c.phone, c.email,
       c.press_officer, c.on_duty, c.active
  FROM article_expert AS ae
  JOIN contact AS c ON c.id = ae.contact_id
 WHERE ae.article_id = :article_id AND c.active = 1
 ORDER BY ae.position, c.id;

-- name: article_links
SELECT title, url
  FROM article_link
 WHERE article_id = :article_id
 ORDER BY position, id;

-- name: article_list
-- :kind, :topic, :from, :to may be NULL (no filter); :from/:to is the
-- [start, end) range of a Stockholm calendar year, computed in C.
-- Keyset paging: only articles before (:upto, :upto_id) in list order;
-- without a cursor :upto is :now and :upto_id the largest id, so the
-- index range starts at the cursor whatever the depth.
SELECT a.id, a.kind, a.slug, a.title, a.lead, '' AS body_md, a.lang,
       a.status, a.publish_at, a.created_at, a.updated_at
  FROM article AS a
 WHERE a.status = 'publicerad' AND a.publish_at <= :upto
   AND (a.publish_at < :upto OR a.id < :upto_id)
   AND (CASE WHEN :kind IS NULL THEN a.kind IN ('nyhet', 'pressmeddelande')
        ELSE a.kind = :kind END)
   AND (:topic IS NULL OR EXISTS (
        SELECT 1 FROM article_topic AS at
          JOIN topic AS t ON t.id = at.topic_id
         WHERE at.article_id = a.id AND t.slug = :topic))
   AND (:from IS NULL OR a.publish_at >= :from)
   AND (:to IS NULL OR a.publish_at < :to)
 ORDER BY a.publish_at DESC, a.id DESC
 LIMIT :limit OFFSET :offset;

-- name: article_list_newer
-- The page before a cursor: the :limit articles just after
-- (:after, :after_id) in list order, oldest first (store/article.c
-- turns them round).  The same filters as article_list.
SELECT a.id, a.kind, a.slug, a.title, a.lead, '' AS body_md, a.lang,
       a.status, a.publish_at, a.created_at, a.updated_at
  FROM article AS a
 WHERE a.status = 'publicerad' AND a.publish_at <= :now
   AND a.publish_at >= :after AND (a.publish_at > :after OR a.id > :after_id)
   AND (CASE WHEN :kind IS NULL THEN a.kind IN ('nyhet', 'pressmeddelande')
        ELSE a.kind = :kind END)
   AND (:topic IS NULL OR EXISTS (
        SELECT 1 FROM article_topic AS at
          JOIN topic AS t ON t.id = at.topic_id
         WHERE at.article_id = a.id AND t.slug = :topic))
   AND (:from IS NULL OR a.publish_at >= :from)
   AND (:to IS NULL OR a.publish_at < :to)
 ORDER BY a.publish_at ASC, a.id ASC
 LIMIT :limit;

-- name: article_count_tally
-- The count of article_count without a topic or year filter, from the
-- tally (migrations/0004) less the published articles not yet due.
SELECT (SELECT coalesce(sum(n), 0) FROM article_tally
         WHERE CASE WHEN :kind IS NULL
                    THEN kind IN ('nyhet', 'pressmeddelande')
                    ELSE kind = :kind END)
     - (SELECT count(*) FROM article
         WHERE status = 'publicerad' AND publish_at > :now
           AND (CASE WHEN :kind IS NULL
                     THEN kind IN ('nyhet', 'pressmeddelande')
                     ELSE kind = :kind END));

-- name: article_count
-- The same filters as article_list, over all pages.
SELECT count(*)
  FROM article AS a
 WHERE a.status = 'publicerad' AND a.publish_at <= :now
   AND (CASE WHEN :kind IS NULL THEN a.kind IN ('nyhet', 'pressmeddelande')
        ELSE a.kind = :kind END)
   AND (:topic IS NULL OR EXISTS (
        SELECT 1 FROM article_topic AS at
          JOIN topic AS t ON t.id = at.topic_id
         WHERE at.article_id = a.id AND t.slug = :topic))
   AND (:from IS NULL OR a.publish_at >= :from)
   AND (:to IS NULL OR a.publish_at < :to);

-- name: article_list_topics
-- Topics of one page of a list in one query: :ids is a JSON array of
-- article ids.  Rows come grouped by article.
SELECT at.article_id, t.id, t.slug, t.name
  FROM article_topic AS at
  JOIN topic AS t ON t.id = at.topic_id
 WHERE at.article_id IN (SELECT value FROM json_each(:ids))
 ORDER BY at.article_id, t.name COLLATE sv, t.id;

-- name: article_latest_before
-- The newest public list article published at or before :upto (the
-- caller passes min(now, the start of a year - 1)); the years list walks
-- back one Stockholm year at a time from here.  One bound, not an OR, so
-- the max() is a single seek in article_public.
SELECT max(publish_at)
  FROM article
 WHERE status = 'publicerad' AND publish_at <= :upto
   AND kind IN ('nyhet', 'pressmeddelande');

-- name: article_any
SELECT EXISTS (SELECT 1 FROM article);

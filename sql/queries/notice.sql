-- notice.sql -- the site-wide banner (store/site.c).

-- name: notice_active
-- The most recently started notice that is active at :now.
SELECT text, link_text, link_url
  FROM notice
 WHERE active_from <= :now AND (active_to IS NULL OR active_to > :now)
 ORDER BY active_from DESC, id DESC
 LIMIT 1;

-- site_admin.sql -- the site notice, settings, the accessibility
-- statement, and the audit log's before/after table
-- (store/site_admin.c).

-- name: setting_put
INSERT INTO setting (key, value) VALUES (:key, :value)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value;

-- name: notice_latest
-- The notice the form edits: the most recently created one.
SELECT id, text, link_text, link_url, active_from, coalesce(active_to, 0)
  FROM notice
 ORDER BY id DESC
 LIMIT 1;

-- name: notice_json
-- Times in UTC: SQLite knows no Stockholm time.
SELECT json_object(
	'text', text,
	'länktext', link_text,
	'länkadress', link_url,
	'visas från', datetime(active_from, 'unixepoch') || ' UTC',
	'visas till', coalesce(datetime(active_to, 'unixepoch') || ' UTC',
	    ''))
  FROM notice
 WHERE id = :id;

-- name: notice_insert
INSERT INTO notice (text, link_text, link_url, active_from, active_to,
    created_at, updated_at)
VALUES (:text, :link_text, :link_url, :active_from, :active_to, :now,
    :now);

-- name: notice_update
UPDATE notice
   SET text = :text, link_text = :link_text, link_url = :link_url,
       active_from = :active_from, active_to = :active_to,
       updated_at = :now
 WHERE id = :id;

-- name: notice_end
-- End the notice now; one that had not started yet is ended before it
-- starts (active_to must stay after active_from).
UPDATE notice
   SET active_from = min(active_from, :now - 1), active_to = :now,
       updated_at = :now
 WHERE id = :id AND (active_to IS NULL OR active_to > :now);

-- name: statement_get
-- The accessibility statement: the page (kind sida) "tillganglighet".
SELECT id, title, lead, body_md, version, updated_at,
       coalesce((SELECT value FROM setting
                  WHERE key = 'statement_reviewed'), '')
  FROM article
 WHERE slug = 'tillganglighet' AND kind = 'sida';

-- name: statement_json
SELECT json_object(
	'ingress', lead,
	'brödtext', body_md,
	'senast granskad', coalesce((SELECT value FROM setting
	    WHERE key = 'statement_reviewed'), ''),
	'version', version)
  FROM article
 WHERE id = :id;

-- name: statement_update
UPDATE article
   SET lead = :lead, body_md = :body_md, updated_at = :now,
       version = version + 1
 WHERE id = :id AND version = :version;

-- name: statement_revision
-- Every save of an article keeps a revision, this page's too.
INSERT INTO article_revision (article_id, version, kind, slug, title, lead,
    body_md, lang, status, publish_at, topics_json, experts_json,
    links_json, saved_at, account_id)
SELECT a.id, a.version, a.kind, a.slug, a.title, a.lead, a.body_md, a.lang,
       a.status, a.publish_at,
       (SELECT json_group_array(topic_id) FROM
	   (SELECT topic_id FROM article_topic WHERE article_id = a.id
	     ORDER BY topic_id)),
       (SELECT json_group_array(contact_id) FROM
	   (SELECT contact_id FROM article_expert WHERE article_id = a.id
	     ORDER BY position)),
       (SELECT json_group_array(json_object('title', title, 'url', url))
	  FROM (SELECT title, url FROM article_link WHERE article_id = a.id
	     ORDER BY position)),
       :now, :account_id
  FROM article AS a
 WHERE a.id = :id;

-- name: audit_diff
-- The before/after JSON of an audit row as a key: before -> after table,
-- in the order of the keys (after's first).  Arrays read as one element
-- a line (a link {title, url} as "title – url"), true/false as ja/nej.
WITH b AS (SELECT key, id, type, value FROM json_each(coalesce(:before, '{}'))),
     a AS (SELECT key, id, type, value FROM json_each(coalesce(:after, '{}'))),
     k AS (SELECT key, min(ord) AS ord FROM
	     (SELECT key, id AS ord FROM a
	      UNION ALL SELECT key, id + 1000000 FROM b)
	    GROUP BY key),
     bv AS (SELECT key, CASE type
		WHEN 'array' THEN (SELECT group_concat(CASE j.type
		    WHEN 'object' THEN coalesce(json_extract(j.value, '$.title')
			|| ' – ' || json_extract(j.value, '$.url'), j.value)
		    ELSE j.value END, char(10))
		    FROM json_each(b.value) AS j)
		WHEN 'true' THEN 'ja' WHEN 'false' THEN 'nej'
		WHEN 'null' THEN '' ELSE CAST(value AS TEXT) END AS v
	      FROM b),
     av AS (SELECT key, CASE type
		WHEN 'array' THEN (SELECT group_concat(CASE j.type
		    WHEN 'object' THEN coalesce(json_extract(j.value, '$.title')
			|| ' – ' || json_extract(j.value, '$.url'), j.value)
		    ELSE j.value END, char(10))
		    FROM json_each(a.value) AS j)
		WHEN 'true' THEN 'ja' WHEN 'false' THEN 'nej'
		WHEN 'null' THEN '' ELSE CAST(value AS TEXT) END AS v
	      FROM a)
SELECT k.key, coalesce(bv.v, ''), coalesce(av.v, ''),
       coalesce(bv.v, '') IS NOT coalesce(av.v, '')
  FROM k LEFT JOIN bv ON bv.key = k.key LEFT JOIN av ON av.key = k.key
 ORDER BY k.ord;

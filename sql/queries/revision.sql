-- revision.sql -- article revisions (store/revision.c): every save keeps
-- a full copy; restoring one writes it back as a new version.

-- name: revision_add
-- Copy the article as it is now (after a write) into a revision.
INSERT INTO article_revision (article_id, version, kind, slug, title,
    lead, body_md, lang, status, publish_at, topics_json, experts_json,
    links_json, saved_at, account_id)
SELECT a.id, a.version, a.kind, a.slug, a.title, a.lead, a.body_md,
       a.lang, a.status, a.publish_at,
       (SELECT json_group_array(topic_id) FROM
           (SELECT topic_id FROM article_topic WHERE article_id = a.id
             ORDER BY topic_id)),
       (SELECT json_group_array(contact_id) FROM
           (SELECT contact_id FROM article_expert WHERE article_id = a.id
             ORDER BY position, contact_id)),
       (SELECT json_group_array(json_object('title', title, 'url', url))
          FROM (SELECT title, url FROM article_link
                 WHERE article_id = a.id ORDER BY position, id)),
       :now, nullif(:account_id, 0)
  FROM article AS a
 WHERE a.id = :id;

-- name: revision_list
SELECT r.version, r.saved_at, r.status, coalesce(r.publish_at, 0),
       coalesce(nullif(u.display_name, ''), u.name, ''), r.title
  FROM article_revision AS r
  LEFT JOIN account AS u ON u.id = r.account_id
 WHERE r.article_id = :id
 ORDER BY r.version DESC;

-- name: revision_get
SELECT r.version, r.kind, r.slug, r.title, r.lead, r.body_md, r.lang,
       r.status, coalesce(r.publish_at, 0), r.saved_at,
       coalesce(nullif(u.display_name, ''), u.name, ''),
       r.topics_json, r.experts_json, r.links_json,
       coalesce(r.account_id, 0)
  FROM article_revision AS r
  LEFT JOIN account AS u ON u.id = r.account_id
 WHERE r.article_id = :id AND r.version = :version;

-- name: revision_json_ids
-- The numbers in a JSON array, in order.
SELECT value FROM json_each(:json) ORDER BY key;

-- name: revision_json_links
SELECT json_extract(value, '$.title'), json_extract(value, '$.url')
  FROM json_each(:json) ORDER BY key;

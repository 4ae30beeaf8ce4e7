-- article_admin.sql -- the staff side of articles (store/article_admin.c):
-- one article with everything the form needs, the
-- writes, and the article's state as JSON for the audit log.
--
-- Writes run inside a transaction opened by the page (store_begin).
-- version is bumped on every write: an UPDATE .. WHERE version =
-- :version that changes no row is a stale edit.

-- name: admin_article_get
SELECT a.id, a.version, a.kind, a.slug, a.title, a.lead, a.body_md,
       a.lang, a.status, coalesce(a.publish_at, 0),
       coalesce(a.first_published_at, 0), a.created_at, a.updated_at,
       coalesce(nullif(u.display_name, ''), u.name, '')
  FROM article AS a
  LEFT JOIN account AS u ON u.id = a.author_id
 WHERE a.id = :id;

-- name: admin_article_topic_ids
SELECT topic_id FROM article_topic WHERE article_id = :id
 ORDER BY topic_id;

-- name: admin_article_expert_ids
SELECT contact_id FROM article_expert WHERE article_id = :id
 ORDER BY position, contact_id;

-- name: admin_article_link_rows
SELECT title, url FROM article_link WHERE article_id = :id
 ORDER BY position, id;

-- name: admin_slug_owner
-- Another article that already has :slug (id, title).
SELECT id, title FROM article WHERE slug = :slug AND id <> :id;

-- name: admin_article_insert
INSERT INTO article (kind, slug, title, lead, body_md, lang, status,
    publish_at, created_at, updated_at, first_published_at, author_id,
    version)
VALUES (:kind, :slug, :title, :lead, :body_md, :lang, :status,
    :publish_at, :now, :now,
    CASE WHEN :status = 'publicerad' THEN :publish_at END,
    nullif(:author_id, 0), 1);

-- name: admin_article_update
-- Stale when no row changes.
UPDATE article
   SET kind = :kind, slug = :slug, title = :title, lead = :lead,
       body_md = :body_md, lang = :lang, status = :status,
       publish_at = :publish_at, updated_at = :now,
       first_published_at = coalesce(first_published_at,
           CASE WHEN :status = 'publicerad' THEN :publish_at END),
       version = version + 1
 WHERE id = :id AND version = :version;

-- name: admin_article_topics_clear
DELETE FROM article_topic WHERE article_id = :id;

-- name: admin_article_topic_add
INSERT OR IGNORE INTO article_topic (article_id, topic_id)
SELECT :id, t.id FROM topic AS t WHERE t.id = :topic_id;

-- name: admin_article_experts_clear
DELETE FROM article_expert WHERE article_id = :id;

-- name: admin_article_expert_add
INSERT OR IGNORE INTO article_expert (article_id, contact_id, position)
SELECT :id, c.id, :position FROM contact AS c WHERE c.id = :contact_id;

-- name: admin_article_links_clear
DELETE FROM article_link WHERE article_id = :id;

-- name: admin_article_link_add
INSERT INTO article_link (article_id, position, title, url)
VALUES (:id, :position, :title, :url);

-- name: admin_article_delete_draft
-- Only a draft that was never published.
DELETE FROM article
 WHERE id = :id AND status = 'utkast' AND first_published_at IS NULL;

-- name: admin_article_json
-- The article's whole state, for the audit log's before/after.
SELECT json_object(
    'id', a.id, 'version', a.version, 'kind', a.kind, 'slug', a.slug,
    'title', a.title, 'lead', a.lead, 'body_md', a.body_md,
    'lang', a.lang, 'status', a.status, 'publish_at', a.publish_at,
    'topics', (SELECT json_group_array(topic_id) FROM
        (SELECT topic_id FROM article_topic WHERE article_id = a.id
          ORDER BY topic_id)),
    'experts', (SELECT json_group_array(contact_id) FROM
        (SELECT contact_id FROM article_expert WHERE article_id = a.id
          ORDER BY position, contact_id)),
    'links', (SELECT json_group_array(json_object('title', title,
        'url', url)) FROM (SELECT title, url FROM article_link
          WHERE article_id = a.id ORDER BY position, id)))
  FROM article AS a
 WHERE a.id = :id;

-- name: editor_topics
-- Every topic, hidden ones too, for the form's checkboxes.
SELECT id, slug, name, published_at IS NOT NULL
  FROM topic
 ORDER BY name COLLATE sv, id;

-- name: editor_contacts
-- Every contact (inactive ones are shown only when already chosen).
SELECT id, name, title, unit, phone, email, press_officer, on_duty,
       active
  FROM contact
 ORDER BY name COLLATE sv, id;

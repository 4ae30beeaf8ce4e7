-- topic_admin.sql -- the staff side of topics (store/topic_admin.c).

-- name: admin_topic_list
SELECT t.id, t.slug, t.name, coalesce(t.published_at, 0), t.updated_at,
       (SELECT count(*) FROM article_topic WHERE topic_id = t.id)
  FROM topic AS t
 ORDER BY t.name COLLATE sv, t.id;

-- name: admin_topic_get
SELECT id, slug, name, lead, body_md, coalesce(published_at, 0),
       updated_at, version
  FROM topic WHERE id = :id;

-- name: admin_topic_slug_owner
SELECT id, name FROM topic WHERE slug = :slug AND id <> :id;

-- name: admin_topic_insert
INSERT INTO topic (slug, name, lead, body_md, published_at, created_at,
    updated_at, version)
VALUES (:slug, :name, :lead, :body_md,
    CASE WHEN :published THEN :now END, :now, :now, 1);

-- name: admin_topic_update
UPDATE topic
   SET slug = :slug, name = :name, lead = :lead, body_md = :body_md,
       published_at = CASE WHEN :published
           THEN coalesce(published_at, :now) END,
       updated_at = :now, version = version + 1
 WHERE id = :id AND version = :version;

-- name: admin_topic_json
SELECT json_object('id', id, 'version', version, 'slug', slug,
    'name', name, 'lead', lead, 'body_md', body_md,
    'published_at', published_at)
  FROM topic WHERE id = :id;

-- topic.sql -- topics (store/topic.c).  A topic with published_at NULL
-- is hidden from the public site.

-- name: topic_list
SELECT id, slug, name, lead, published_at, updated_at
  FROM topic
 WHERE published_at IS NOT NULL
 ORDER BY name COLLATE sv, id;

-- name: topic_by_slug
SELECT id, slug, name, lead, body_md, published_at, updated_at
  FROM topic
 WHERE slug = :slug AND published_at IS NOT NULL;

-- name: topic_contacts
-- Active contacts who are experts on the topic, by name.
SELECT c.id, c.name, c.title, c.unit, c.phone, c.email,
       c.press_officer, c.on_duty, c.active
  FROM contact_topic AS ct
  JOIN contact AS c ON c.id = ct.contact_id
 WHERE ct.topic_id = :topic_id AND c.active = 1
 ORDER BY c.name COLLATE sv, c.id;

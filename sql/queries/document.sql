-- document.sql -- files attached to articles (store/document.c).

-- name: document_add
INSERT INTO document (article_id, name, filename, title, mime, bytes,
    accessible, data, created_at)
VALUES (:article_id, :name, :filename, :title, :mime, :bytes, :accessible,
    :data, :created_at);

-- name: document_list
-- An article's documents in the order they were attached.
SELECT id, article_id, name, filename, title, mime, bytes, accessible
  FROM document WHERE article_id = :article_id ORDER BY id;

-- name: document_inaccessible
-- Documents of published articles not marked accessible, for the
-- accessibility statement.
SELECT d.id, d.article_id, d.name, d.filename, d.title, d.mime, d.bytes,
       d.accessible, a.title, a.slug
  FROM document AS d JOIN article AS a ON a.id = d.article_id
 WHERE d.accessible = 0 AND a.status = 'published' AND a.kind <> 'sida'
   AND a.publish_at <= :now
 ORDER BY a.publish_at DESC, d.id;

-- name: document_set_accessible
UPDATE document SET accessible = :accessible
 WHERE id = :id AND article_id = :article_id;

-- name: document_delete
DELETE FROM document WHERE id = :id AND article_id = :article_id;

-- name: document_names
SELECT name, filename FROM document ORDER BY id;

-- name: document_data
SELECT data FROM document WHERE name = :name;

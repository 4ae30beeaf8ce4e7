-- document.sql -- files attached to articles (store/document.c).

-- Every list reads the same columns (store/document.c, rows()).

-- name: document_add
INSERT INTO document (article_id, name, filename, title, mime, bytes,
    accessible, publication, data, created_at)
VALUES (:article_id, :name, :filename, :title, :mime, :bytes, :accessible,
    :publication, :data, :created_at);

-- name: document_list
-- An article's documents in the order they were attached.
SELECT d.id, d.article_id, d.name, d.filename, d.title, d.mime, d.bytes,
       d.accessible, d.publication, a.title, a.slug,
       coalesce(a.publish_at, 0)
  FROM document AS d JOIN article AS a ON a.id = d.article_id
 WHERE d.article_id = :article_id ORDER BY d.id;

-- name: document_inaccessible
-- Documents of published articles not marked accessible, for the
-- accessibility statement.
SELECT d.id, d.article_id, d.name, d.filename, d.title, d.mime, d.bytes,
       d.accessible, d.publication, a.title, a.slug, a.publish_at
  FROM document AS d JOIN article AS a ON a.id = d.article_id
 WHERE d.accessible = 0 AND a.status = 'publicerad' AND a.kind <> 'sida'
   AND a.publish_at <= :now
 ORDER BY a.publish_at DESC, d.id;

-- name: document_publications
-- Documents flagged as publications, of articles public at :now, newest
-- first: the e-plikt feed (not paged: KB reads it whole).
SELECT d.id, d.article_id, d.name, d.filename, d.title, d.mime, d.bytes,
       d.accessible, d.publication, a.title, a.slug, a.publish_at
  FROM document AS d JOIN article AS a ON a.id = d.article_id
 WHERE d.publication = 1 AND a.status = 'publicerad'
   AND a.publish_at <= :now
 ORDER BY a.publish_at DESC, d.id;

-- name: document_set_publication
UPDATE document SET publication = :publication
 WHERE id = :id AND article_id = :article_id;

-- name: document_set_accessible
UPDATE document SET accessible = :accessible
 WHERE id = :id AND article_id = :article_id;

-- name: document_delete
DELETE FROM document WHERE id = :id AND article_id = :article_id;

-- name: document_names
SELECT name, filename FROM document ORDER BY id;

-- name: document_data
SELECT data FROM document WHERE name = :name;

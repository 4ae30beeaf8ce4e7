-- media.sql -- the picture library (store/media.c).

-- name: media_add
INSERT INTO media (sha256, filename, mime, width, height, bytes, alt,
    decorative, caption, credit, licence, created_at)
VALUES (:sha256, :filename, :mime, :width, :height, :bytes, :alt,
    :decorative, :caption, :credit, :licence, :created_at);

-- name: media_file_add
INSERT INTO media_file (name, media_id, original, mime, width, height, data)
VALUES (:name, :media_id, :original, :mime, :width, :height, :data);

-- name: media_file_names
-- Every file, and whether its picture's consent has ended by :now (its
-- files must then leave the directory nginx serves).
SELECT f.name, ifnull(m.expires_at, 0) <> 0 AND m.expires_at <= :now
FROM media_file f JOIN media m ON m.id = f.media_id
ORDER BY f.id;

-- name: media_file_data
SELECT data FROM media_file WHERE name = :name;

-- name: media_list
-- The public list: not past its consent's expiry.
SELECT id, sha256, filename, mime, width, height, bytes, alt, decorative,
       caption, credit, licence, created_at, legal_basis, consent_at,
       expires_at
  FROM media
 WHERE expires_at IS NULL OR expires_at > :now
 ORDER BY created_at DESC, id DESC
 LIMIT :limit OFFSET :offset;

-- name: media_consent_due
-- For the staff start page: pictures whose consent has ended (hidden
-- from the public site since) or ends before :soon, the soonest first.
SELECT id, sha256, filename, mime, width, height, bytes, alt, decorative,
       caption, credit, licence, created_at, legal_basis, consent_at,
       expires_at
  FROM media
 WHERE expires_at IS NOT NULL AND expires_at <= :soon
 ORDER BY expires_at, id
 LIMIT :limit;

-- name: media_count
SELECT count(*) FROM media WHERE expires_at IS NULL OR expires_at > :now;

-- name: media_get
SELECT id, sha256, filename, mime, width, height, bytes, alt, decorative,
       caption, credit, licence, created_at, legal_basis, consent_at,
       expires_at
  FROM media WHERE id = :id;

-- name: media_search
-- The staff library: every picture, expired ones too, whose caption,
-- credit, alt text or file name holds :q (LIKE pattern, '\' escapes).
SELECT id, sha256, filename, mime, width, height, bytes, alt, decorative,
       caption, credit, licence, created_at, legal_basis, consent_at,
       expires_at
  FROM media
 WHERE :q = '%%' OR caption LIKE :q ESCAPE '\' OR credit LIKE :q ESCAPE '\'
    OR alt LIKE :q ESCAPE '\' OR filename LIKE :q ESCAPE '\'
 ORDER BY created_at DESC, id DESC
 LIMIT :limit OFFSET :offset;

-- name: media_search_count
SELECT count(*) FROM media
 WHERE :q = '%%' OR caption LIKE :q ESCAPE '\' OR credit LIKE :q ESCAPE '\'
    OR alt LIKE :q ESCAPE '\' OR filename LIKE :q ESCAPE '\';

-- name: media_by_sha
SELECT id FROM media WHERE sha256 = :sha256;

-- name: media_update
UPDATE media SET alt = :alt, decorative = :decorative, caption = :caption,
       credit = :credit, licence = :licence, legal_basis = :legal_basis,
       consent_at = :consent_at, expires_at = :expires_at
 WHERE id = :id;

-- name: media_delete
DELETE FROM media WHERE id = :id;

-- name: media_files_delete
DELETE FROM media_file WHERE media_id = :id;

-- name: media_replace
-- A new file for the same picture (its id, and so every use, stays).
UPDATE media SET sha256 = :sha256, filename = :filename, mime = :mime,
       width = :width, height = :height, bytes = :bytes
 WHERE id = :id;

-- name: media_uses
-- Where a picture is used: articles (lead image, or /pressbilder/ID or
-- one of its files in the text) and contacts (portrait).
SELECT 'artikel', a.id, a.title FROM article AS a
 WHERE a.lead_media_id = :id
    OR instr(a.body_md, '/pressbilder/' || :id || ')') > 0
UNION ALL
SELECT 'kontakt', c.id, c.name FROM contact AS c
 WHERE c.photo_media_id = :id
 ORDER BY 1, 3;

-- name: media_files
SELECT name, original, mime, width, height, length(data)
  FROM media_file WHERE media_id = :id
 ORDER BY original DESC, width, mime;

-- name: media_lead
-- The lead image of article :id, unless its consent has ended by :now.
SELECT m.id, m.sha256, m.filename, m.mime, m.width, m.height, m.bytes,
       m.alt, m.decorative, m.caption, m.credit, m.licence, m.created_at,
       m.legal_basis, m.consent_at, m.expires_at
  FROM article AS a JOIN media AS m ON m.id = a.lead_media_id
 WHERE a.id = :id AND (m.expires_at IS NULL OR m.expires_at > :now);

-- name: media_lead_id
SELECT lead_media_id, title FROM article WHERE id = :id;

-- name: media_lead_set
UPDATE article SET lead_media_id = :media_id WHERE id = :id;

-- name: media_portrait
-- Contact :id's portrait, unless its consent has ended by :now.
SELECT m.id, m.sha256, m.filename, m.mime, m.width, m.height, m.bytes,
       m.alt, m.decorative, m.caption, m.credit, m.licence, m.created_at,
       m.legal_basis, m.consent_at, m.expires_at
  FROM contact AS c JOIN media AS m ON m.id = c.photo_media_id
 WHERE c.id = :id AND (m.expires_at IS NULL OR m.expires_at > :now);

-- name: media_portrait_id
SELECT photo_media_id, name FROM contact WHERE id = :id;

-- name: media_portrait_set
UPDATE contact SET photo_media_id = :media_id WHERE id = :id;

-- name: media_of_topic
-- The lead images of the topic's public articles, newest first (the
-- topic page links them as press images).  From the articles that have
-- a lead image (a partial index) to the topic, never from the topic's
-- articles: a topic of 12,000 articles at 100,000 took 230 ms that way.
-- CROSS JOIN fixes that order; the + keeps article_public out.
SELECT m.id, m.sha256, m.filename, m.mime, m.width, m.height, m.bytes,
       m.alt, m.decorative, m.caption, m.credit, m.licence, m.created_at,
       m.legal_basis, m.consent_at, m.expires_at
  FROM media AS m
 WHERE m.id IN (SELECT a.lead_media_id
                  FROM article AS a CROSS JOIN article_topic AS t
                    ON t.article_id = a.id AND t.topic_id = :topic_id
                 WHERE a.lead_media_id IS NOT NULL
                   AND +a.status = 'publicerad' AND +a.publish_at <= :now)
   AND (m.expires_at IS NULL OR m.expires_at > :now)
 ORDER BY m.created_at DESC, m.id DESC
 LIMIT :limit;

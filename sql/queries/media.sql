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
SELECT name FROM media_file ORDER BY id;

-- name: media_file_data
SELECT data FROM media_file WHERE name = :name;

-- name: media_list
SELECT id, sha256, filename, mime, width, height, bytes, alt, decorative,
       caption, credit, licence, created_at
  FROM media
 ORDER BY created_at DESC, id DESC
 LIMIT :limit OFFSET :offset;

-- name: media_count
SELECT count(*) FROM media;

-- name: media_get
SELECT id, sha256, filename, mime, width, height, bytes, alt, decorative,
       caption, credit, licence, created_at
  FROM media WHERE id = :id;

-- name: media_files
SELECT name, original, mime, width, height, length(data)
  FROM media_file WHERE media_id = :id
 ORDER BY original DESC, width, mime;

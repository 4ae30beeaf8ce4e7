-- 0009_media.sql -- pictures: the press-image library (issue 14).
--
-- media: one uploaded picture with what a page must say about it.  sha256
-- is of the file as uploaded (the same file twice is refused).  alt is
-- required unless the picture is decorative.  The consent fields (legal
-- basis, consent date, expiry date) are for pictures of people; NULL
-- when not needed.
--
-- media_file: the bytes Pressrum made of it, kept in the database so that
-- one backup file is the whole site: the "original" (full size, turned
-- upright, all metadata but the ICC profile removed) and the resized
-- variants in WebP and JPEG.  name is content-addressed (a hash of the
-- bytes, the width and the format: HASH-WIDTH.webp) and is the file's
-- name in the media directory nginx serves with an immutable cache
-- header; the program writes the files out (src/media/files.c).
CREATE TABLE media (
	id		INTEGER PRIMARY KEY,
	sha256		TEXT NOT NULL UNIQUE,
	filename	TEXT NOT NULL,
	mime		TEXT NOT NULL,
	width		INTEGER NOT NULL,
	height		INTEGER NOT NULL,
	bytes		INTEGER NOT NULL,
	alt		TEXT NOT NULL DEFAULT '',
	decorative	INTEGER NOT NULL DEFAULT 0 CHECK (decorative IN (0, 1)),
	caption		TEXT NOT NULL DEFAULT '',
	credit		TEXT NOT NULL,
	licence		TEXT NOT NULL DEFAULT '',
	legal_basis	TEXT,
	consent_at	INTEGER,
	expires_at	INTEGER,
	created_at	INTEGER NOT NULL,
	CHECK (decorative = 1 OR alt <> '')
);
CREATE INDEX media_created ON media (created_at DESC, id DESC);

CREATE TABLE media_file (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE,
	media_id	INTEGER NOT NULL REFERENCES media (id) ON DELETE CASCADE,
	original	INTEGER NOT NULL CHECK (original IN (0, 1)),
	mime		TEXT NOT NULL,
	width		INTEGER NOT NULL,
	height		INTEGER NOT NULL,
	data		BLOB NOT NULL
);
CREATE INDEX media_file_media ON media_file (media_id, original, width);

-- What /pressbilder shows changes: the page cache must see it.
CREATE TRIGGER change_media_i AFTER INSERT ON media BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_media_u AFTER UPDATE ON media BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_media_d AFTER DELETE ON media BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;

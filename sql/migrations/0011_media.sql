-- 0011_media.sql -- pictures: the press-image library (issue 14).
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

-- Where pictures are used.  An article's lead image (shown on it, in
-- lists, as og:image and in the feed) and a contact's portrait.  A
-- picture in use cannot be deleted (RESTRICT; the staff area says where
-- it is used).  The article and contact triggers of 0002 move the change
-- counter when these change.
ALTER TABLE article ADD COLUMN lead_media_id INTEGER
	REFERENCES media (id) ON DELETE RESTRICT;
ALTER TABLE contact ADD COLUMN photo_media_id INTEGER
	REFERENCES media (id) ON DELETE RESTRICT;
CREATE INDEX article_lead_media ON article (lead_media_id)
	WHERE lead_media_id IS NOT NULL;
CREATE INDEX contact_photo_media ON contact (photo_media_id)
	WHERE photo_media_id IS NOT NULL;
-- Consent ends: the public site drops the picture at expires_at
-- (queries/change.sql's cache_state treats it as a scheduled moment).
CREATE INDEX media_expires ON media (expires_at)
	WHERE expires_at IS NOT NULL;

-- document: a file attached to an article (PDF, office files), stored as
-- uploaded, its type decided by content.  name is content-addressed
-- ("HASH/FILENAME", served by nginx as /media/NAME with the sanitised
-- original name last, as a download).  accessible: the team has checked
-- it meets the accessibility rules (DOS-lagen); when 0 the article says
-- how to ask for an accessible version and the accessibility statement
-- lists it.
CREATE TABLE document (
	id		INTEGER PRIMARY KEY,
	article_id	INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
	name		TEXT NOT NULL UNIQUE,
	filename	TEXT NOT NULL,
	title		TEXT NOT NULL,
	mime		TEXT NOT NULL,
	bytes		INTEGER NOT NULL,
	accessible	INTEGER NOT NULL DEFAULT 0 CHECK (accessible IN (0, 1)),
	data		BLOB NOT NULL,
	created_at	INTEGER NOT NULL
);
CREATE INDEX document_article ON document (article_id, id);
CREATE TRIGGER change_document_i AFTER INSERT ON document BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_document_u AFTER UPDATE ON document BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;
CREATE TRIGGER change_document_d AFTER DELETE ON document BEGIN
	UPDATE site_change SET at = max(at, unixepoch()) WHERE id = 1; END;

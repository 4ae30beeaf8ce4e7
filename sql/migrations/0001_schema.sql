-- 0001_schema.sql -- the first schema: public content and the staff area.
--
-- Conventions: every time is INTEGER unix seconds (UTC); NULL means "not
-- set".  Booleans are INTEGER 0/1 with a CHECK.  Tables are STRICT.
-- Strings the public site shows are NOT NULL DEFAULT '' so the store
-- never has to tell NULL from empty.  Rows that own others cascade on
-- delete; references to accounts are SET NULL, so deleting an account
-- never deletes content or history (accounts are normally disabled).
--
-- Runs inside BEGIN IMMEDIATE .. COMMIT; the runner sets user_version.

-- Staff accounts.  name is the login name; pw_hash is an argon2id string
-- from libsodium (crypto_pwhash_str).
CREATE TABLE account (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE COLLATE NOCASE,
	display_name	TEXT NOT NULL DEFAULT '',
	email		TEXT NOT NULL DEFAULT '',
	role		TEXT NOT NULL
			CHECK (role IN ('admin', 'redaktor', 'press')),
	pw_hash		TEXT NOT NULL,
	disabled	INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	created_at	INTEGER NOT NULL DEFAULT (unixepoch()),
	updated_at	INTEGER NOT NULL DEFAULT (unixepoch()),
	last_login_at	INTEGER
) STRICT;

-- Signed-in sessions.  Only a hash of the cookie token is stored (hex);
-- csrf is the session-bound token for the staff forms.
CREATE TABLE session (
	token_hash	TEXT PRIMARY KEY,
	account_id	INTEGER NOT NULL
			REFERENCES account (id) ON DELETE CASCADE,
	csrf		TEXT NOT NULL,
	created_at	INTEGER NOT NULL,
	expires_at	INTEGER NOT NULL,
	last_seen_at	INTEGER
) STRICT, WITHOUT ROWID;
CREATE INDEX session_account ON session (account_id);
CREATE INDEX session_expires ON session (expires_at);

-- Failed sign-ins, for throttling: key is e.g. "user:<name>" or
-- "ip:<addr>"; old rows are pruned by time.
CREATE TABLE login_attempt (
	id		INTEGER PRIMARY KEY,
	key		TEXT NOT NULL,
	at		INTEGER NOT NULL
) STRICT;
CREATE INDEX login_attempt_key ON login_attempt (key, at);
CREATE INDEX login_attempt_at ON login_attempt (at);

-- Topics (ämnen).  A topic with published_at NULL is not shown publicly.
-- position orders topics where an editor wants a fixed order (the start
-- page); public lists sort by name.
CREATE TABLE topic (
	id		INTEGER PRIMARY KEY,
	slug		TEXT NOT NULL UNIQUE,
	name		TEXT NOT NULL,
	lead		TEXT NOT NULL DEFAULT '',
	body_md		TEXT NOT NULL DEFAULT '',
	position	INTEGER NOT NULL DEFAULT 0,
	published_at	INTEGER,
	created_at	INTEGER NOT NULL DEFAULT (unixepoch()),
	updated_at	INTEGER NOT NULL DEFAULT (unixepoch()),
	version		INTEGER NOT NULL DEFAULT 1
) STRICT;

-- People: experts ("Sakkunnig") and press officers.  An inactive contact
-- is hidden from the public site but kept for history.
CREATE TABLE contact (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL,
	title		TEXT NOT NULL DEFAULT '',
	unit		TEXT NOT NULL DEFAULT '',
	phone		TEXT NOT NULL DEFAULT '',
	email		TEXT NOT NULL DEFAULT '',
	press_officer	INTEGER NOT NULL DEFAULT 0
			CHECK (press_officer IN (0, 1)),
	on_duty		INTEGER NOT NULL DEFAULT 0 CHECK (on_duty IN (0, 1)),
	active		INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at	INTEGER NOT NULL DEFAULT (unixepoch()),
	updated_at	INTEGER NOT NULL DEFAULT (unixepoch()),
	version		INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX contact_duty ON contact (active, on_duty);
CREATE INDEX contact_press ON contact (active, press_officer);

-- A contact's topics of expertise.
CREATE TABLE contact_topic (
	contact_id	INTEGER NOT NULL
			REFERENCES contact (id) ON DELETE CASCADE,
	topic_id	INTEGER NOT NULL
			REFERENCES topic (id) ON DELETE CASCADE,
	PRIMARY KEY (contact_id, topic_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX contact_topic_topic ON contact_topic (topic_id, contact_id);

-- Articles: news (nyhet), press releases (pressmeddelande) and plain
-- pages (sida).  Public means status = 'published' AND publish_at <= now,
-- so a scheduled article is a published one with a future publish_at.
-- version is bumped on every save (optimistic locking: an UPDATE ...
-- WHERE id = ? AND version = ? that changes no row is a stale edit).
CREATE TABLE article (
	id		INTEGER PRIMARY KEY,
	kind		TEXT NOT NULL DEFAULT 'nyhet'
			CHECK (kind IN ('nyhet', 'pressmeddelande', 'sida')),
	slug		TEXT NOT NULL UNIQUE,
	title		TEXT NOT NULL,
	lead		TEXT NOT NULL DEFAULT '',
	body_md		TEXT NOT NULL DEFAULT '',
	lang		TEXT NOT NULL DEFAULT 'sv' CHECK (lang IN ('sv', 'en')),
	status		TEXT NOT NULL DEFAULT 'draft'
			CHECK (status IN ('draft', 'published', 'unpublished')),
	publish_at	INTEGER,
	created_at	INTEGER NOT NULL DEFAULT (unixepoch()),
	updated_at	INTEGER NOT NULL DEFAULT (unixepoch()),
	first_published_at INTEGER,
	author_id	INTEGER REFERENCES account (id) ON DELETE SET NULL,
	version		INTEGER NOT NULL DEFAULT 1,
	CHECK (status <> 'published' OR publish_at IS NOT NULL)
) STRICT;
CREATE INDEX article_public ON article (status, publish_at DESC, id DESC);
CREATE INDEX article_kind ON article (kind, status, publish_at DESC);
CREATE INDEX article_updated ON article (updated_at DESC);

CREATE TABLE article_topic (
	article_id	INTEGER NOT NULL
			REFERENCES article (id) ON DELETE CASCADE,
	topic_id	INTEGER NOT NULL
			REFERENCES topic (id) ON DELETE CASCADE,
	PRIMARY KEY (article_id, topic_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_topic_topic ON article_topic (topic_id, article_id);

-- Experts on an article ("Sakkunnig"), in the editor's order.
CREATE TABLE article_expert (
	article_id	INTEGER NOT NULL
			REFERENCES article (id) ON DELETE CASCADE,
	contact_id	INTEGER NOT NULL
			REFERENCES contact (id) ON DELETE CASCADE,
	position	INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, contact_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_expert_contact ON article_expert (contact_id);

-- Related links ("Läs vidare"), in the editor's order.  url is either a
-- site path ("/amnen/jamstalldhet") or an absolute http(s) URL.
CREATE TABLE article_link (
	id		INTEGER PRIMARY KEY,
	article_id	INTEGER NOT NULL
			REFERENCES article (id) ON DELETE CASCADE,
	position	INTEGER NOT NULL DEFAULT 0,
	title		TEXT NOT NULL,
	url		TEXT NOT NULL
) STRICT;
CREATE INDEX article_link_article ON article_link (article_id, position);

-- Every save of an article keeps a full copy.  topics_json is a JSON
-- array of topic ids, experts_json a JSON array of contact ids in order,
-- links_json a JSON array of {"title": .., "url": ..} in order.
CREATE TABLE article_revision (
	id		INTEGER PRIMARY KEY,
	article_id	INTEGER NOT NULL
			REFERENCES article (id) ON DELETE CASCADE,
	version		INTEGER NOT NULL,
	kind		TEXT NOT NULL,
	slug		TEXT NOT NULL,
	title		TEXT NOT NULL,
	lead		TEXT NOT NULL DEFAULT '',
	body_md		TEXT NOT NULL DEFAULT '',
	lang		TEXT NOT NULL,
	status		TEXT NOT NULL,
	publish_at	INTEGER,
	topics_json	TEXT NOT NULL DEFAULT '[]',
	experts_json	TEXT NOT NULL DEFAULT '[]',
	links_json	TEXT NOT NULL DEFAULT '[]',
	saved_at	INTEGER NOT NULL DEFAULT (unixepoch()),
	account_id	INTEGER REFERENCES account (id) ON DELETE SET NULL,
	UNIQUE (article_id, version)
) STRICT;

-- Secret preview links for unpublished articles (hash of the token only).
CREATE TABLE preview_link (
	id		INTEGER PRIMARY KEY,
	token_hash	TEXT NOT NULL UNIQUE,
	article_id	INTEGER NOT NULL
			REFERENCES article (id) ON DELETE CASCADE,
	expires_at	INTEGER NOT NULL,
	revoked		INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
	created_by	INTEGER REFERENCES account (id) ON DELETE SET NULL,
	created_at	INTEGER NOT NULL DEFAULT (unixepoch())
) STRICT;
CREATE INDEX preview_link_article ON preview_link (article_id);

-- Each time a preview link is opened.
CREATE TABLE preview_open (
	id		INTEGER PRIMARY KEY,
	link_id		INTEGER NOT NULL
			REFERENCES preview_link (id) ON DELETE CASCADE,
	at		INTEGER NOT NULL
) STRICT;
CREATE INDEX preview_open_link ON preview_open (link_id, at);

-- The site-wide banner.  active_to NULL: open-ended.
CREATE TABLE notice (
	id		INTEGER PRIMARY KEY,
	text		TEXT NOT NULL,
	link_text	TEXT NOT NULL DEFAULT '',
	link_url	TEXT NOT NULL DEFAULT '',
	active_from	INTEGER NOT NULL,
	active_to	INTEGER,
	created_at	INTEGER NOT NULL DEFAULT (unixepoch()),
	updated_at	INTEGER NOT NULL DEFAULT (unixepoch()),
	CHECK (active_to IS NULL OR active_to > active_from)
) STRICT;
CREATE INDEX notice_active ON notice (active_from);

-- Site settings: site_name, org_name, press_phone, press_email, ...
CREATE TABLE setting (
	key		TEXT PRIMARY KEY,
	value		TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Who did what to which thing, and when.  before_json / after_json hold
-- the object's state around the change (NULL for creation / deletion).
CREATE TABLE audit_log (
	id		INTEGER PRIMARY KEY,
	at		INTEGER NOT NULL DEFAULT (unixepoch()),
	account_id	INTEGER REFERENCES account (id) ON DELETE SET NULL,
	action		TEXT NOT NULL,
	object_type	TEXT NOT NULL,
	object_id	INTEGER,
	summary		TEXT NOT NULL DEFAULT '',
	before_json	TEXT,
	after_json	TEXT
) STRICT;
CREATE INDEX audit_log_at ON audit_log (at DESC);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id, at);
CREATE INDEX audit_log_account ON audit_log (account_id, at);

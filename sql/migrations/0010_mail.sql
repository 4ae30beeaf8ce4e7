-- 0010_mail.sql -- news by e-mail: subscribers (double opt-in), the
-- outbox the master's sender delivers from, and the sends ledger that
-- makes "one mail per subscriber and article" a constraint.

CREATE TABLE subscriber (
	id		INTEGER PRIMARY KEY,
	email		TEXT NOT NULL,
	scope		TEXT NOT NULL CHECK (scope IN ('alla', 'press', 'amnen')),
	frequency	TEXT NOT NULL CHECK (frequency IN ('direkt', 'dag')),
	remote_addr	TEXT NOT NULL DEFAULT '',
	created_at	INTEGER NOT NULL,	-- consent time
	confirm_hash	TEXT NOT NULL UNIQUE,	-- hash of the confirmation token
	confirmed_at	INTEGER,		-- NULL until confirmed
	-- The unsubscribe token itself: every mail to the subscriber
	-- carries it in List-Unsubscribe, and all it can do is end this row.
	unsub_token	TEXT NOT NULL UNIQUE
);
CREATE INDEX subscriber_email ON subscriber (email, created_at);
CREATE INDEX subscriber_remote ON subscriber (remote_addr, created_at);

CREATE TABLE subscriber_topic (
	subscriber_id	INTEGER NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
	topic_id	INTEGER NOT NULL REFERENCES topic (id) ON DELETE CASCADE,
	PRIMARY KEY (subscriber_id, topic_id)
) WITHOUT ROWID;

-- One row per mail.  message_id is stable per recipient and article
-- (or digest day), and UNIQUE: enqueueing twice cannot make two mails.
-- A row leaves 'ny' only by the sender ('skickad' or, after its last
-- try, 'misslyckad'); cancelling deletes rows still 'ny'.
CREATE TABLE outbox (
	id		INTEGER PRIMARY KEY,
	kind		TEXT NOT NULL DEFAULT 'bekraftelse' CHECK (kind IN
			    ('bekraftelse', 'artikel', 'uppdatering', 'sammanfattning', 'press')),
	article_id	INTEGER REFERENCES article (id) ON DELETE CASCADE,
	subscriber_id	INTEGER REFERENCES subscriber (id) ON DELETE CASCADE,
	recipient	TEXT NOT NULL,
	subject		TEXT NOT NULL,
	body_text	TEXT NOT NULL,
	body_html	TEXT NOT NULL DEFAULT '',
	unsub_token	TEXT NOT NULL DEFAULT '',
	message_id	TEXT NOT NULL UNIQUE,
	state		TEXT NOT NULL DEFAULT 'ny' CHECK (state IN ('ny', 'skickad', 'misslyckad')),
	attempts	INTEGER NOT NULL DEFAULT 0,
	next_try_at	INTEGER NOT NULL,
	last_error	TEXT NOT NULL DEFAULT '',
	created_at	INTEGER NOT NULL,
	sent_at		INTEGER
);
CREATE INDEX outbox_due ON outbox (state, next_try_at);
CREATE INDEX outbox_article ON outbox (article_id, state);
CREATE INDEX outbox_subscriber ON outbox (subscriber_id);

-- An article's mail to subscribers: 'vantar' until its publish time
-- (the master's mail process notices it), then 'klar' once the outbox
-- rows are in.  Unpublishing before the time deletes the row.
CREATE TABLE article_mail (
	article_id	INTEGER PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
	due_at		INTEGER NOT NULL,
	state		TEXT NOT NULL CHECK (state IN ('vantar', 'klar')),
	press		INTEGER NOT NULL DEFAULT 0	-- also to the press list
);
CREATE INDEX article_mail_due ON article_mail (state, due_at);

-- The press list: journalists the press officers keep (no consent
-- flow: they are professional contacts, ended by the same link).
CREATE TABLE journalist (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL,
	outlet		TEXT NOT NULL DEFAULT '',
	email		TEXT NOT NULL UNIQUE,
	created_at	INTEGER NOT NULL,
	unsub_token	TEXT NOT NULL UNIQUE
);
CREATE TABLE journalist_topic (
	journalist_id	INTEGER NOT NULL REFERENCES journalist (id) ON DELETE CASCADE,
	topic_id	INTEGER NOT NULL REFERENCES topic (id) ON DELETE CASCADE,
	PRIMARY KEY (journalist_id, topic_id)
) WITHOUT ROWID;

-- Daily digests made: one row per Stockholm day, so a restart never
-- makes a day's digest twice.
CREATE TABLE digest_run (
	day		TEXT PRIMARY KEY,	-- YYYY-MM-DD
	since		INTEGER NOT NULL,	-- articles published from
	until		INTEGER NOT NULL	-- .. up to (not including)
) WITHOUT ROWID;

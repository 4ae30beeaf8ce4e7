-- 0009_mail.sql -- news by e-mail: subscribers (double opt-in), the
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

CREATE TABLE outbox (
	id		INTEGER PRIMARY KEY,
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

CREATE TABLE subscriber_send (
	subscriber_id	INTEGER NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
	article_id	INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
	outbox_id	INTEGER REFERENCES outbox (id) ON DELETE SET NULL,
	UNIQUE (subscriber_id, article_id)
);

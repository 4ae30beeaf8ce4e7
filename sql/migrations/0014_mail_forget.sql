-- 0014_mail_forget.sql -- the outbox keeps no more of a person than
-- the subscriber and press-list rows do.
--
-- A confirmation mail is its subscriber's row (subscribe.sql sets
-- subscriber_id), so the seven-day prune of sign-ups never confirmed
-- takes it, token and all, by the foreign key's cascade.  When a
-- subscriber or a journalist goes (unsubscribed, removed by a press
-- officer, erased), their mail not yet sent goes with them and their
-- mail already sent keeps only that it was sent, so the staff's counts
-- stay right: the triggers below do it for every way a row is deleted.
-- A press mail names its journalist only in its Message-ID
-- ('a<article>.j<journalist>@host', mail.sql).  Mail sent is blanked
-- after a while anyway (person.sql mail_sweep_outbox, using the index
-- outbox_kept).

CREATE INDEX outbox_kept ON outbox (created_at) WHERE recipient <> '';

-- Not a confirmation mail: the cascade deletes those, sent or not.
CREATE TRIGGER subscriber_outbox_forget BEFORE DELETE ON subscriber BEGIN
	UPDATE outbox SET recipient = '', subscriber_id = NULL,
	       body_text = '', body_html = '', unsub_token = ''
	 WHERE subscriber_id = old.id AND state <> 'ny'
	   AND kind <> 'bekraftelse';
END;

CREATE TRIGGER journalist_outbox_forget AFTER DELETE ON journalist BEGIN
	DELETE FROM outbox WHERE kind = 'press' AND state = 'ny'
	   AND message_id LIKE '%.j' || old.id || '@%';
	UPDATE outbox SET recipient = '', body_text = '', body_html = '',
	       unsub_token = ''
	 WHERE kind = 'press' AND message_id LIKE '%.j' || old.id || '@%';
END;

-- What is already there: confirmation mails find their subscriber (made
-- in the same second, to the same address); those whose subscriber is
-- gone go.  Press mail of journalists no longer listed is forgotten.
UPDATE outbox SET subscriber_id = (SELECT s.id FROM subscriber s
	 WHERE s.email = outbox.recipient AND s.created_at = outbox.created_at
	 ORDER BY s.id DESC LIMIT 1)
 WHERE kind = 'bekraftelse' AND subscriber_id IS NULL AND recipient <> '';
DELETE FROM outbox WHERE kind = 'bekraftelse' AND subscriber_id IS NULL;
DELETE FROM outbox WHERE kind = 'press' AND state = 'ny'
   AND NOT EXISTS (SELECT 1 FROM journalist j
	 WHERE outbox.message_id LIKE '%.j' || j.id || '@%');
UPDATE outbox SET recipient = '', body_text = '', body_html = '',
       unsub_token = ''
 WHERE kind = 'press' AND recipient <> ''
   AND NOT EXISTS (SELECT 1 FROM journalist j
	 WHERE outbox.message_id LIKE '%.j' || j.id || '@%');

-- person.sql -- one person's data in the mail tables, for the admin's
-- export and erasure (GDPR art. 15, 17 and 20), and the sweep that
-- keeps no more than is needed (with subscribe.sql's subscriber_prune) (store/person.c).  Addresses compare
-- without regard to case, Å and Ä too (the collation fold, store/fold.c).

-- name: person_summary
SELECT (SELECT count(*) FROM subscriber WHERE email = :email COLLATE fold),
       (SELECT count(*) FROM journalist WHERE email = :email COLLATE fold),
       (SELECT count(*) FROM outbox WHERE recipient = :email COLLATE fold);

-- name: person_export
SELECT json_object(
  'epostadress', :email,
  'uttaget', strftime('%Y-%m-%dT%H:%M:%SZ', :now, 'unixepoch'),
  'prenumerationer', (SELECT json_group_array(json_object(
      'omfang', s.scope, 'takt', s.frequency,
      'samtycke', strftime('%Y-%m-%dT%H:%M:%SZ', s.created_at, 'unixepoch'),
      'bekraftad', strftime('%Y-%m-%dT%H:%M:%SZ', s.confirmed_at, 'unixepoch'),
      'avsandaradress', s.remote_addr,
      'amnen', (SELECT json_group_array(t.name) FROM subscriber_topic st
                 JOIN topic t ON t.id = st.topic_id
                WHERE st.subscriber_id = s.id)))
      FROM subscriber s WHERE s.email = :email COLLATE fold),
  'presslista', (SELECT json_group_array(json_object(
      'namn', j.name, 'redaktion', j.outlet,
      'tillagd', strftime('%Y-%m-%dT%H:%M:%SZ', j.created_at, 'unixepoch'),
      'amnen', (SELECT json_group_array(t.name) FROM journalist_topic jt
                 JOIN topic t ON t.id = jt.topic_id
                WHERE jt.journalist_id = j.id)))
      FROM journalist j WHERE j.email = :email COLLATE fold),
  'utskick', (SELECT json_group_array(json_object(
      'slag', o.kind, 'amnesrad', o.subject, 'status', o.state,
      'skapat', strftime('%Y-%m-%dT%H:%M:%SZ', o.created_at, 'unixepoch'),
      'skickat', strftime('%Y-%m-%dT%H:%M:%SZ', o.sent_at, 'unixepoch')))
      FROM outbox o WHERE o.recipient = :email COLLATE fold));

-- name: person_outbox_forget
-- Mail already sent stays counted, without the address or the text.
UPDATE outbox SET recipient = '', subscriber_id = NULL, body_text = '',
       body_html = '', unsub_token = ''
 WHERE recipient = :email COLLATE fold AND state <> 'ny';

-- name: person_outbox_cancel
DELETE FROM outbox WHERE recipient = :email COLLATE fold AND state = 'ny';

-- name: person_subscriber_erase
DELETE FROM subscriber WHERE email = :email COLLATE fold;

-- name: person_journalist_erase
DELETE FROM journalist WHERE email = :email COLLATE fold;

-- name: mail_sweep_outbox
-- Mail that has left (or was given up) keeps its address and text for
-- a while (person.c OUTBOX_KEPT), then only that it was sent.
UPDATE outbox SET recipient = '', subscriber_id = NULL, body_text = '',
       body_html = '', unsub_token = ''
 WHERE recipient <> '' AND created_at < :before AND state <> 'ny';

-- name: mail_sweep_due
-- 1 when the sweep has something to do (the three statements it runs,
-- as reads), so a sweep with nothing to do takes no write lock.
SELECT EXISTS (SELECT 1 FROM subscriber WHERE confirmed_at IS NULL
                  AND created_at < :unconfirmed)
    OR EXISTS (SELECT 1 FROM subscriber WHERE remote_addr <> ''
                  AND created_at < :addr)
    OR EXISTS (SELECT 1 FROM outbox WHERE recipient <> ''
                  AND created_at < :sent AND state <> 'ny');

-- name: mail_sweep_addr
-- The sender's address is kept a day, for the abuse limits only.
UPDATE subscriber SET remote_addr = ''
 WHERE remote_addr <> '' AND created_at < :before;

-- subscribe.sql -- e-mail subscribers and the outbox (store/subscribe.c).

-- name: subscriber_prune
DELETE FROM subscriber WHERE confirmed_at IS NULL AND created_at < :before;

-- name: subscriber_pending_count
-- "Åsa@Exempel.se" is "åsa@exempel.se" here (the collation fold,
-- store/fold.c): letter case cannot get round the limit.
SELECT count(*) FROM subscriber
 WHERE email = :email COLLATE fold AND confirmed_at IS NULL
   AND created_at >= :since;

-- name: subscriber_remote_count
SELECT count(*) FROM subscriber
 WHERE remote_addr = :remote AND created_at >= :since;

-- name: subscriber_insert
INSERT INTO subscriber (email, scope, frequency, remote_addr, created_at,
       confirm_hash, unsub_token)
VALUES (:email, :scope, :frequency, :remote, :now, :confirm_hash,
       :unsub_token);

-- name: subscriber_topic_insert
INSERT OR IGNORE INTO subscriber_topic (subscriber_id, topic_id)
SELECT :subscriber_id, id FROM topic WHERE id = :topic_id;

-- name: outbox_insert
-- The confirmation mail, its subscriber's: pruned with it.
INSERT INTO outbox (subscriber_id, recipient, subject, body_text,
       body_html, unsub_token, message_id, next_try_at, created_at)
VALUES (:subscriber_id, :recipient, :subject, :body_text, :body_html,
       :unsub_token, :message_id, :now, :now);

-- name: subscriber_by_confirm
SELECT id, email, confirmed_at IS NOT NULL FROM subscriber
 WHERE confirm_hash = :hash;

-- name: subscriber_confirm
UPDATE subscriber SET confirmed_at = :now
 WHERE confirm_hash = :hash AND confirmed_at IS NULL;

-- name: subscriber_by_unsub
-- A subscriber's or a press-list journalist's token (both end the same
-- way, by the link in every mail).
SELECT id, email, confirmed_at IS NOT NULL FROM subscriber
 WHERE unsub_token = :token
UNION ALL
SELECT id, email, 1 FROM journalist WHERE unsub_token = :token;

-- name: subscriber_delete
DELETE FROM subscriber WHERE unsub_token = :token;

-- name: journalist_delete_unsub
DELETE FROM journalist WHERE unsub_token = :token;

-- name: outbox_due
SELECT id, recipient, subject, body_text, body_html, unsub_token,
       message_id, attempts, created_at
  FROM outbox
 WHERE state = 'ny' AND next_try_at <= :now
 ORDER BY next_try_at, id
 LIMIT 1;

-- name: outbox_sent
UPDATE outbox SET state = 'skickad', sent_at = :now, attempts = attempts + 1,
       last_error = ''
 WHERE id = :id AND state = 'ny';

-- name: outbox_retry
UPDATE outbox SET attempts = attempts + 1, next_try_at = :next,
       last_error = :error,
       state = CASE WHEN attempts + 1 >= :max THEN 'misslyckad' ELSE 'ny' END
 WHERE id = :id AND state = 'ny';

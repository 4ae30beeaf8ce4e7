-- mail.sql -- an article's mail to subscribers and the press list,
-- planned at publish, made at its time, cancelled at unpublish
-- (store/mail_queue.c), and what the staff pages count.

-- name: article_mail_plan
INSERT INTO article_mail (article_id, due_at, state, press)
VALUES (:article_id, :due_at, 'vantar', :press)
ON CONFLICT (article_id) DO UPDATE SET due_at = excluded.due_at,
       press = max(press, excluded.press)
 WHERE state = 'vantar';

-- name: article_mail_state
SELECT state, press FROM article_mail WHERE article_id = :article_id;

-- name: article_mail_due
SELECT m.article_id, a.status = 'publicerad' AND a.publish_at <= :now
  FROM article_mail m JOIN article a ON a.id = m.article_id
 WHERE m.state = 'vantar' AND m.due_at <= :now
 ORDER BY m.due_at, m.article_id
 LIMIT 1;

-- name: article_mail_done
UPDATE article_mail SET state = 'klar' WHERE article_id = :article_id;

-- name: article_mail_forget
DELETE FROM article_mail WHERE article_id = :article_id;

-- name: outbox_cancel_article
DELETE FROM outbox WHERE article_id = :article_id AND state = 'ny';

-- name: mail_article
SELECT kind, slug, title, lead, status, coalesce(publish_at, 0)
  FROM article WHERE id = :article_id;

-- name: mail_enqueue_subscribers
-- The first mail (kind 'artikel'), or an update ('uppdatering'): that
-- goes only to those who got the first mail, or will (its row is there
-- by its Message-ID, sent or waiting, its address kept or not, and made
-- for this subscriber: not for an earlier one whose id was reused).
INSERT OR IGNORE INTO outbox (kind, article_id, subscriber_id, recipient,
       subject, body_text, body_html, unsub_token, message_id,
       next_try_at, created_at)
SELECT :kind, a.id, s.id, s.email, :subject, :body_text, :body_html,
       s.unsub_token, 'a' || a.id || '.s' || s.id || :suffix || '@' || :host,
       :now, :now
  FROM article a, subscriber s
 WHERE a.id = :article_id AND a.kind <> 'sida'
   AND s.confirmed_at IS NOT NULL AND s.frequency = 'direkt'
   AND (s.scope = 'alla'
        OR (s.scope = 'press' AND a.kind = 'pressmeddelande')
        OR (s.scope = 'amnen' AND EXISTS (
            SELECT 1 FROM subscriber_topic st
              JOIN article_topic t ON t.topic_id = st.topic_id
             WHERE st.subscriber_id = s.id AND t.article_id = a.id)))
   AND (:kind <> 'uppdatering' OR EXISTS (
        SELECT 1 FROM outbox o
         WHERE o.message_id = 'a' || a.id || '.s' || s.id || '@' || :host
           AND o.state <> 'misslyckad' AND o.created_at >= s.created_at));

-- name: mail_enqueue_press
INSERT OR IGNORE INTO outbox (kind, article_id, recipient, subject,
       body_text, body_html, unsub_token, message_id, next_try_at,
       created_at)
SELECT 'press', a.id, j.email, :subject, :body_text, :body_html,
       j.unsub_token, 'a' || a.id || '.j' || j.id || '@' || :host,
       :now, :now
  FROM article a, journalist j
 WHERE a.id = :article_id
   AND (NOT EXISTS (SELECT 1 FROM journalist_topic jt
                     WHERE jt.journalist_id = j.id)
        OR EXISTS (SELECT 1 FROM journalist_topic jt
              JOIN article_topic t ON t.topic_id = jt.topic_id
             WHERE jt.journalist_id = j.id AND t.article_id = a.id));

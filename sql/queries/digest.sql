-- digest.sql -- the daily digest (mail/digest.c via store/digest.c).

-- name: digest_last
SELECT (SELECT count(*) FROM digest_run WHERE day = :day),
       coalesce((SELECT max(until) FROM digest_run), 0);

-- name: digest_run_insert
INSERT INTO digest_run (day, since, until) VALUES (:day, :since, :until);

-- name: digest_subscribers
SELECT id, email, unsub_token FROM subscriber
 WHERE confirmed_at IS NOT NULL AND frequency = 'dag'
 ORDER BY id;

-- name: digest_articles
SELECT a.kind, a.slug, a.title, a.lead FROM article a, subscriber s
 WHERE s.id = :subscriber_id AND a.status = 'publicerad'
   AND a.publish_at >= :since AND a.publish_at < :until
   AND a.kind <> 'sida'
   AND (s.scope = 'alla'
        OR (s.scope = 'press' AND a.kind = 'pressmeddelande')
        OR (s.scope = 'amnen' AND EXISTS (
            SELECT 1 FROM subscriber_topic st
              JOIN article_topic t ON t.topic_id = st.topic_id
             WHERE st.subscriber_id = s.id AND t.article_id = a.id)))
 ORDER BY a.publish_at, a.id;

-- name: digest_outbox_insert
INSERT OR IGNORE INTO outbox (kind, subscriber_id, recipient, subject,
       body_text, body_html, unsub_token, message_id, next_try_at,
       created_at)
VALUES ('sammanfattning', :subscriber_id, :recipient, :subject, :body_text,
       :body_html, :unsub_token, :message_id, :now, :now);

-- 0015_subscriber_pending.sql -- the sign-ups not yet confirmed, by
-- time: what the abuse limit counts (one pending confirmation per
-- address a day) and the seven-day prune deletes.  The limit compares
-- addresses without regard to case (the collation fold, which only the
-- program has), so the old index by exact address served nothing.

DROP INDEX subscriber_email;
CREATE INDEX subscriber_pending ON subscriber (created_at)
 WHERE confirmed_at IS NULL;

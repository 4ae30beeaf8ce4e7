-- change.sql -- what the page cache keys on (store/change.c).

-- name: cache_state
-- The write counter (migrations/0004) and the next moment, after :now,
-- at which a public page changes by the clock alone: a scheduled
-- article's publish time, a notice's start or end.  NULL when there is
-- none.  Each part is one index seek or a scan of the few notices.
SELECT (SELECT seq FROM site_change WHERE id = 1),
       min(coalesce((SELECT min(publish_at) FROM article
                      WHERE status = 'publicerad' AND publish_at > :now),
                    9223372036854775807),
           coalesce((SELECT min(active_from) FROM notice
                      WHERE active_from > :now), 9223372036854775807),
           coalesce((SELECT min(active_to) FROM notice
                      WHERE active_to > :now), 9223372036854775807),
           coalesce((SELECT min(expires_at) FROM media
                      WHERE expires_at > :now), 9223372036854775807));

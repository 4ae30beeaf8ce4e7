-- setting.sql -- site settings (store/site.c).

-- name: setting_get
SELECT value FROM setting WHERE key = :key;

-- contact.sql -- contacts and press duty (store/contact.c).  Every query
-- returns the same columns, read by one helper.

-- name: contact_on_duty
SELECT id, name, title, unit, phone, email, press_officer, on_duty, active
  FROM contact
 WHERE active = 1 AND on_duty = 1
 ORDER BY name COLLATE sv, id;

-- name: contact_press_officers
SELECT id, name, title, unit, phone, email, press_officer, on_duty, active
  FROM contact
 WHERE active = 1 AND press_officer = 1
 ORDER BY name COLLATE sv, id;

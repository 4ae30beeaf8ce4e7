-- contact_admin.sql -- the staff side of contacts and press duty
-- (store/contact_admin.c).  Contact rows start with the nine columns
-- read_contact() reads.  Before/after JSON for the audit log is built
-- here with json_object(); its keys are Swedish because the audit page
-- shows them to people.

-- name: contact_admin_list
-- Every contact, hidden ones too, by name.
SELECT id, name, title, unit, phone, email, press_officer, on_duty, active
  FROM contact
 ORDER BY name COLLATE sv, id;

-- name: contact_admin_get
SELECT id, name, title, unit, phone, email, press_officer, on_duty, active,
       version
  FROM contact
 WHERE id = :id;

-- name: contact_admin_json
-- The contact as the audit log keeps it (work details only).
SELECT json_object(
	'namn', c.name,
	'titel', c.title,
	'enhet', c.unit,
	'telefon', c.phone,
	'e-post', c.email,
	'pressansvarig', json(CASE c.press_officer WHEN 1 THEN 'true'
	    ELSE 'false' END),
	'visas på webbplatsen', json(CASE c.active WHEN 1 THEN 'true'
	    ELSE 'false' END),
	'ämnen', (SELECT json_group_array(name) FROM
	    (SELECT t.name AS name FROM contact_topic AS ct
	       JOIN topic AS t ON t.id = ct.topic_id
	      WHERE ct.contact_id = c.id ORDER BY t.name COLLATE sv)),
	'version', c.version)
  FROM contact AS c
 WHERE c.id = :id;

-- name: contact_admin_insert
INSERT INTO contact (name, title, unit, phone, email, press_officer,
    active, created_at, updated_at)
VALUES (:name, :title, :unit, :phone, :email, :press_officer, :active,
    :now, :now);

-- name: contact_admin_update
-- Optimistic locking: no row changes when someone saved in between.
-- Showing and hiding is contact_admin_set_active's.
UPDATE contact
   SET name = :name, title = :title, unit = :unit, phone = :phone,
       email = :email, press_officer = :press_officer,
       on_duty = CASE WHEN :press_officer = 1 THEN on_duty ELSE 0 END,
       updated_at = :now, version = version + 1
 WHERE id = :id AND version = :version;

-- name: contact_admin_set_active
UPDATE contact
   SET active = :active, updated_at = :now, version = version + 1
 WHERE id = :id AND version = :version;

-- name: contact_admin_topics_clear
DELETE FROM contact_topic WHERE contact_id = :id;

-- name: contact_admin_topics_add
-- :topics is a JSON array of topic ids; unknown ids are ignored.
INSERT INTO contact_topic (contact_id, topic_id)
SELECT :id, t.id FROM topic AS t
 WHERE t.id IN (SELECT value FROM json_each(:topics));

-- name: contact_admin_topic_choices
-- Every topic (unpublished ones too), and whether the contact has it.
SELECT t.id, t.name,
       EXISTS (SELECT 1 FROM contact_topic AS ct
                WHERE ct.contact_id = :id AND ct.topic_id = t.id)
  FROM topic AS t
 ORDER BY t.name COLLATE sv, t.id;

-- name: duty_json
-- Press duty as the audit log keeps it.
SELECT json_object(
	'pressjourens telefon', coalesce((SELECT value FROM setting
	    WHERE key = 'press_phone'), ''),
	'pressjourens e-post', coalesce((SELECT value FROM setting
	    WHERE key = 'press_email'), ''),
	'har jour', (SELECT json_group_array(name) FROM
	    (SELECT name FROM contact WHERE active = 1 AND on_duty = 1
	      ORDER BY name COLLATE sv, id)));

-- name: duty_set_officers
-- On duty: exactly the active press officers whose ids are in the JSON
-- array :ids.  Only rows whose flag changes are written.
UPDATE contact
   SET on_duty = (id IN (SELECT value FROM json_each(:ids))
                  AND active = 1 AND press_officer = 1),
       updated_at = :now
 WHERE on_duty <> (id IN (SELECT value FROM json_each(:ids))
                   AND active = 1 AND press_officer = 1);

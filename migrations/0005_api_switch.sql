-- Switching a connector between the Nmbrs SOAP and REST APIs (docs/migrate-to-rest.md). The two APIs key people
-- differently (SOAP EmployeeId integers, REST GUIDs), so the sync records whose keys people.source_key holds; when the
-- connector's kind differs, the next run matches people across the APIs and keeps every SCIM id.

-- The connector kind whose person keys people.source_key holds; NULL until the first applied run.
ALTER TABLE connectors ADD COLUMN source_key_kind TEXT;

-- Every connector synced so far read people through its current kind (switching was not possible before).
UPDATE connectors SET source_key_kind = kind WHERE EXISTS (SELECT 1 FROM people WHERE people.connector_id = connectors.id);

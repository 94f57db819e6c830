-- A person whose data a mapping expression of the admin cannot evaluate (docs/mapping.md) is held with kind
-- 'mapping'. SQLite cannot change a CHECK constraint in place, so the table is rebuilt with the same rows.
CREATE TABLE person_holds_new (
  id             INTEGER PRIMARY KEY,
  connector_id   TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
  scim_id        TEXT NOT NULL,
  source_key     TEXT NOT NULL,
  company_number TEXT NOT NULL,
  label          TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('brake', 'no_email', 'no_name', 'conflict', 'email_domain', 'emptied', 'mapping')),
  fingerprint    TEXT NOT NULL,
  detail         TEXT NOT NULL,
  first_run_id   INTEGER NOT NULL,
  last_run_id    INTEGER NOT NULL,
  since          TEXT NOT NULL,
  status         TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  decided_by     TEXT,
  decided_at     TEXT,
  UNIQUE (connector_id, scim_id, kind, fingerprint)
);
INSERT INTO person_holds_new SELECT * FROM person_holds;
DROP TABLE person_holds;
ALTER TABLE person_holds_new RENAME TO person_holds;
CREATE INDEX person_holds_by_status ON person_holds(connector_id, status);

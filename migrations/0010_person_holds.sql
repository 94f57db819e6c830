-- Holds that stop one person's change instead of a whole run (docs/holds.md): a deactivation or removal held by the
-- brake, or bad data (no e-mail, no name, a userName claimed twice, an address moved to another domain, a watched
-- attribute emptied). Each applied run replaces the connector's list: a hold whose cause is gone disappears, one
-- that persists keeps its id, its first run and the admin's decision.
CREATE TABLE person_holds (
  id             INTEGER PRIMARY KEY,
  connector_id   TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
  scim_id        TEXT NOT NULL,
  source_key     TEXT NOT NULL,
  company_number TEXT NOT NULL,
  label          TEXT NOT NULL,                -- "Jan de Vries (1042, company 3)", as the problems list names people
  kind           TEXT NOT NULL CHECK (kind IN ('brake', 'no_email', 'no_name', 'conflict', 'email_domain', 'emptied')),
  fingerprint    TEXT NOT NULL,                -- what was held (the new address, the emptied attributes); '' when n/a
  detail         TEXT NOT NULL,
  first_run_id   INTEGER NOT NULL,
  last_run_id    INTEGER NOT NULL,
  since          TEXT NOT NULL,                -- when the first run held it
  status         TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  decided_by     TEXT,
  decided_at     TEXT,
  UNIQUE (connector_id, scim_id, kind, fingerprint)
);
CREATE INDEX person_holds_by_status ON person_holds(connector_id, status);

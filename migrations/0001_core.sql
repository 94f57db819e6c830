-- Core tables: connectors, the served SCIM directory, people and groups behind it, sync runs and their history.
-- Times are ISO-8601 UTC strings; calendar dates are YYYY-MM-DD.

-- A connector = one HR source (with its credentials and lifecycle settings) = one SCIM Base URL.
CREATE TABLE connectors (
  id            TEXT PRIMARY KEY,              -- slug, part of the SCIM Base URL /scim/v2/<id>
  kind          TEXT NOT NULL,                 -- nmbrs-soap | nmbrs-rest
  origin        TEXT NOT NULL CHECK (origin IN ('file', 'console')),
  settings      TEXT NOT NULL,                 -- JSON: validated connector settings, never secrets
  secrets       BLOB,                          -- AES-256-GCM sealed JSON of source secrets (console connectors, OAuth tokens)
  current_gen   INTEGER NOT NULL DEFAULT 0,    -- generation of scim_resources that Okta sees now
  attention     TEXT,                          -- why an admin must act (e.g. re-consent), NULL when fine
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

-- Credentials Okta uses for one connector's SCIM API. Only scrypt hashes are stored.
CREATE TABLE scim_credentials (
  id            INTEGER PRIMARY KEY,
  connector_id  TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
  scheme        TEXT NOT NULL CHECK (scheme IN ('basic', 'bearer')),
  username      TEXT,                          -- basic only
  secret_hash   TEXT NOT NULL,                 -- scrypt$N$r$p$salt$hash
  origin        TEXT NOT NULL CHECK (origin IN ('file', 'console')),
  created_at    TEXT NOT NULL,
  revoked_at    TEXT,
  last_used_at  TEXT
);
CREATE INDEX scim_credentials_by_connector ON scim_credentials(connector_id) WHERE revoked_at IS NULL;

-- Everything Okta can read, versioned by generation so an import that began before a sync keeps reading the
-- data as it was (import-consistent paging). A row is visible in generation G when gen_from <= G < gen_to.
CREATE TABLE scim_resources (
  row_id        INTEGER PRIMARY KEY,
  connector_id  TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
  resource_type TEXT NOT NULL CHECK (resource_type IN ('User', 'Group')),
  scim_id       TEXT NOT NULL,
  seq           INTEGER NOT NULL,              -- stable list order, assigned once per scim_id
  gen_from      INTEGER NOT NULL,
  gen_to        INTEGER,                       -- NULL: still current
  user_name     TEXT,                          -- Users: as served (case preserved)
  user_name_fold TEXT,                         -- Users: case-folded, for eq lookups
  external_id   TEXT,
  email_fold    TEXT,                          -- Users: primary e-mail, case-folded
  display_name_fold TEXT,                      -- Groups (and Users): case-folded display name
  active        INTEGER,                       -- Users: 1/0
  version       TEXT NOT NULL,                 -- weak ETag value, changes with the body
  created       TEXT NOT NULL,
  last_modified TEXT NOT NULL,
  body          TEXT NOT NULL                  -- the resource as JSON, meta without "location" (added when served)
);
-- Paging within a generation walks this index by seq (keyset, never OFFSET).
CREATE INDEX scim_resources_scan ON scim_resources(connector_id, resource_type, seq, gen_from, gen_to);
CREATE UNIQUE INDEX scim_resources_current_id ON scim_resources(connector_id, resource_type, scim_id) WHERE gen_to IS NULL;
CREATE INDEX scim_resources_current_user_name ON scim_resources(connector_id, user_name_fold) WHERE gen_to IS NULL;
CREATE INDEX scim_resources_current_external_id ON scim_resources(connector_id, external_id) WHERE gen_to IS NULL;
CREATE INDEX scim_resources_current_email ON scim_resources(connector_id, email_fold) WHERE gen_to IS NULL;
CREATE INDEX scim_resources_current_display_name ON scim_resources(connector_id, resource_type, display_name_fold) WHERE gen_to IS NULL;
CREATE INDEX scim_resources_superseded ON scim_resources(gen_to) WHERE gen_to IS NOT NULL;

-- One row per person a connector has ever seen: the link from the HR source key to the SCIM id, which never
-- changes and is never reused.
CREATE TABLE people (
  connector_id  TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
  source_key    TEXT NOT NULL,                 -- the source's person key (SOAP EmployeeId, REST GUID)
  scim_id       TEXT NOT NULL UNIQUE,
  seq           INTEGER NOT NULL,
  company_number TEXT NOT NULL,
  employee_number TEXT NOT NULL,
  birth_date_hash TEXT,                        -- keyed hash, only to confirm identity during an API migration
  email_fold    TEXT,
  state         TEXT NOT NULL,                 -- pending | active | inactive | removed | problem
  state_reason  TEXT NOT NULL,
  state_since   TEXT NOT NULL,
  last_seen_at  TEXT,                          -- last run in which the source listed this person
  missing_since TEXT,                          -- first run in which the source no longer listed them
  last_person   TEXT,                          -- JSON of the last HrPerson read (the console's "source fields")
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (connector_id, source_key)
);
CREATE INDEX people_by_number ON people(connector_id, company_number, employee_number);

-- Stable SCIM ids for groups (department, company, …), keyed by kind and source code.
CREATE TABLE scim_groups (
  connector_id  TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
  group_key     TEXT NOT NULL,                 -- e.g. "department:12"
  scim_id       TEXT NOT NULL UNIQUE,
  seq           INTEGER NOT NULL,
  created_at    TEXT NOT NULL,
  PRIMARY KEY (connector_id, group_key)
);

-- Per connector sequence counters for the stable list order of users and groups.
CREATE TABLE sequences (
  connector_id  TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
  name          TEXT NOT NULL,
  value         INTEGER NOT NULL,
  PRIMARY KEY (connector_id, name)
);

CREATE TABLE sync_runs (
  id            INTEGER PRIMARY KEY,
  connector_id  TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
  trigger       TEXT NOT NULL,                 -- schedule | daily | manual | cli | approval
  status        TEXT NOT NULL,                 -- running | succeeded | failed | held | approved | rejected | superseded
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  base_gen      INTEGER,                       -- generation the plan was computed against
  applied_gen   INTEGER,                       -- generation it produced, when applied
  stats         TEXT,                          -- JSON counters (companies, employees, calls, bytes, changes)
  error         TEXT,                          -- admin-readable reason of a failure or a hold
  plan          BLOB                           -- held runs: the computed plan, applied on approval
);
CREATE INDEX sync_runs_by_connector ON sync_runs(connector_id, id);

-- Per-person change history of applied runs: "why was Jan deactivated on 3 March?".
CREATE TABLE person_changes (
  id            INTEGER PRIMARY KEY,
  run_id        INTEGER NOT NULL REFERENCES sync_runs(id) ON DELETE CASCADE,
  connector_id  TEXT NOT NULL,
  scim_id       TEXT NOT NULL,
  at            TEXT NOT NULL,
  field         TEXT NOT NULL,                 -- attribute path, or "state" for lifecycle transitions
  old_value     TEXT,
  new_value     TEXT,
  reason        TEXT
);
CREATE INDEX person_changes_by_person ON person_changes(connector_id, scim_id, id);
CREATE INDEX person_changes_by_run ON person_changes(run_id);

-- Data problems found by the last completed run (no e-mail, userName conflict, unmatched manager…).
CREATE TABLE problems (
  id            INTEGER PRIMARY KEY,
  connector_id  TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
  run_id        INTEGER NOT NULL,
  kind          TEXT NOT NULL,
  source_key    TEXT,
  scim_id       TEXT,
  detail        TEXT NOT NULL
);
CREATE INDEX problems_by_connector ON problems(connector_id, kind);

-- Small process-wide values (e.g. the key check of the secret box).
CREATE TABLE settings (
  key           TEXT PRIMARY KEY,
  value         TEXT NOT NULL
);

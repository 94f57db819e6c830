-- The admin console: admins and their sessions, login throttling, the audit trail, the application log shown on
-- the Log page, and the search table behind the HR list (see src/console/ and src/logging/log-store.ts).

CREATE TABLE admins (
  id             INTEGER PRIMARY KEY,
  username       TEXT NOT NULL,                -- as typed at setup
  username_fold  TEXT NOT NULL UNIQUE,         -- lower-cased, what a login is matched on
  password_hash  TEXT NOT NULL,                -- scrypt$N$r$p$salt$hash
  created_at     TEXT NOT NULL,
  last_login_at  TEXT
);

-- The cookie holds a random id; only its SHA-256 is stored, so a copy of the database cannot be used to log in.
CREATE TABLE sessions (
  id_hash        TEXT PRIMARY KEY,
  admin_id       INTEGER NOT NULL REFERENCES admins(id) ON DELETE CASCADE,
  csrf_token     TEXT NOT NULL,                -- synchronizer token, sent back in every form and htmx request
  created_at     TEXT NOT NULL,
  last_seen_at   TEXT NOT NULL,                -- idle expiry counts from here
  expires_at     TEXT NOT NULL,                -- absolute expiry, whatever the activity
  address        TEXT
);
CREATE INDEX sessions_by_expiry ON sessions(expires_at);

-- Every login attempt, for throttling per address and per account name (also names that do not exist, so the
-- answer never tells whether an account exists). Rows older than the longest window are purged.
CREATE TABLE login_attempts (
  id             INTEGER PRIMARY KEY,
  at             TEXT NOT NULL,
  address        TEXT NOT NULL,
  username_fold  TEXT NOT NULL,
  succeeded      INTEGER NOT NULL
);
CREATE INDEX login_attempts_by_address ON login_attempts(address, at);
CREATE INDEX login_attempts_by_account ON login_attempts(username_fold, at);

-- What admins did. Append-only: the triggers below refuse updates and deletes, also from a hand-typed statement.
CREATE TABLE audit_log (
  id             INTEGER PRIMARY KEY,
  at             TEXT NOT NULL,
  actor          TEXT,                         -- admin username; the typed name for a failed login; NULL at setup
  address        TEXT,
  action         TEXT NOT NULL,                -- login, login_failed, logout, setup, connector_create, …
  connector_id   TEXT,                         -- no foreign key: the trail outlives a deleted connector
  detail         TEXT
);
CREATE INDEX audit_log_by_connector ON audit_log(connector_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- The application log (pino lines, debug included), newest rows by id; bounded by age and row count.
CREATE TABLE app_log (
  id             INTEGER PRIMARY KEY,
  at             TEXT NOT NULL,
  level          INTEGER NOT NULL,             -- pino's numbers: 20 debug, 30 info, 40 warn, 50 error
  connector_id   TEXT,
  msg            TEXT NOT NULL,
  fields         TEXT                          -- JSON of the other fields (already redacted by pino)
);
CREATE INDEX app_log_by_at ON app_log(at);
CREATE INDEX app_log_by_connector ON app_log(connector_id, id);
CREATE INDEX app_log_by_level ON app_log(level, id);

-- The HR list: one compact row per person with the values the list shows, sorts and searches, so a page of
-- 100,000 people is an index walk instead of parsing every people.last_person JSON. Kept current by the triggers
-- below, whatever writes `people` (server, CLI, a restore), and filled once here from what is already there.
CREATE TABLE hr_list (
  scim_id         TEXT PRIMARY KEY,
  connector_id    TEXT NOT NULL,
  state           TEXT NOT NULL,
  sort_name       TEXT NOT NULL,               -- lower(display_name): list order
  display_name    TEXT NOT NULL,
  email           TEXT,
  employee_number TEXT NOT NULL,
  company_name    TEXT,
  terms           TEXT NOT NULL                -- lower-cased name, e-mails and employee number, searched with LIKE
);
-- Covering indexes (terms included): a search that matches few people scans one index, not index + table.
CREATE INDEX hr_list_by_name ON hr_list(connector_id, sort_name, scim_id, terms);
CREATE INDEX hr_list_by_state ON hr_list(connector_id, state, sort_name, scim_id, terms);

CREATE VIEW hr_list_source AS
SELECT scim_id, connector_id, state, employee_number, display_name, email, company_name,
  lower(display_name || ' ' || coalesce(email, '') || ' ' || coalesce(private_email, '') || ' ' || employee_number) AS terms
FROM (
  SELECT p.scim_id, p.connector_id, p.state, p.employee_number,
    coalesce(
      nullif(trim(json_extract(p.last_person, '$.displayName')), ''),
      nullif(trim(
        coalesce(nullif(trim(json_extract(p.last_person, '$.nickname')), ''), nullif(trim(json_extract(p.last_person, '$.firstName')), ''),
          json_extract(p.last_person, '$.initials'), '')
        || ' ' || coalesce(json_extract(p.last_person, '$.prefix') || ' ', '') || coalesce(json_extract(p.last_person, '$.lastName'), '')
      ), ''),
      p.employee_number
    ) AS display_name,
    coalesce(json_extract(p.last_person, '$.workEmail'), json_extract(p.last_person, '$.privateEmail')) AS email,
    json_extract(p.last_person, '$.privateEmail') AS private_email,
    json_extract(p.last_person, '$.company.name') AS company_name
  FROM people p
);

CREATE TRIGGER hr_list_on_insert AFTER INSERT ON people BEGIN
  INSERT INTO hr_list (scim_id, connector_id, state, sort_name, display_name, email, employee_number, company_name, terms)
  SELECT scim_id, connector_id, state, lower(display_name), display_name, email, employee_number, company_name, terms
  FROM hr_list_source WHERE scim_id = new.scim_id;
END;
CREATE TRIGGER hr_list_on_update AFTER UPDATE OF state, employee_number, last_person ON people
WHEN new.state IS NOT old.state OR new.employee_number IS NOT old.employee_number OR new.last_person IS NOT old.last_person
BEGIN
  -- Delete and insert, not INSERT OR REPLACE: an upsert into people overrides a conflict clause inside its triggers.
  DELETE FROM hr_list WHERE scim_id = old.scim_id;
  INSERT INTO hr_list (scim_id, connector_id, state, sort_name, display_name, email, employee_number, company_name, terms)
  SELECT scim_id, connector_id, state, lower(display_name), display_name, email, employee_number, company_name, terms
  FROM hr_list_source WHERE scim_id = new.scim_id;
END;
CREATE TRIGGER hr_list_on_delete AFTER DELETE ON people BEGIN
  DELETE FROM hr_list WHERE scim_id = old.scim_id;
END;

INSERT INTO hr_list (scim_id, connector_id, state, sort_name, display_name, email, employee_number, company_name, terms)
SELECT scim_id, connector_id, state, lower(display_name), display_name, email, employee_number, company_name, terms FROM hr_list_source;

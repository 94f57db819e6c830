-- What the SCIM API saw: every request (the console's "SCIM request log") and every list scan from its first page
-- ("last Okta import seen"). Bookkeeping only: rows are written in batches and pruned, and no foreign key ties
-- them to a connector, so a log row never blocks deleting one (and is never lost to a batch that fails on it).

-- Bounded: the newest 10,000 rows, and nothing older than 14 days (src/scim/observe/request-log.ts).
CREATE TABLE scim_request_log (
  id            INTEGER PRIMARY KEY,
  at            TEXT NOT NULL,                 -- when the request arrived
  request_id    TEXT NOT NULL,                 -- also in the X-Request-Id header and the pino line
  connector_id  TEXT,                          -- from the path; NULL when the path names none
  method        TEXT NOT NULL,
  path          TEXT NOT NULL,                 -- e.g. /scim/v2/acme/Users, without the query string
  query         TEXT,                          -- the SCIM list parameters only (filter, startIndex, count, …)
  status        INTEGER NOT NULL,
  duration_ms   REAL NOT NULL,
  result_count  INTEGER,                       -- resources in the response (lists and single reads)
  total_results INTEGER,                       -- lists: totalResults
  credential_id INTEGER,                       -- the scim_credentials row that authenticated, NULL when none did
  client_address TEXT,
  user_agent    TEXT,
  error         TEXT                           -- scimType and detail of an error response
);
CREATE INDEX scim_request_log_by_connector ON scim_request_log(connector_id, id);
CREATE INDEX scim_request_log_by_at ON scim_request_log(at);

-- One row per unfiltered list scan that started at startIndex=1: an Okta import (count=100 pages) or a
-- "Test API Credentials" call (count=2). The newest 50 per connector and resource type are kept.
CREATE TABLE scim_imports (
  id            TEXT PRIMARY KEY,
  connector_id  TEXT NOT NULL,
  resource_type TEXT NOT NULL CHECK (resource_type IN ('User', 'Group')),
  kind          TEXT NOT NULL CHECK (kind IN ('import', 'connection-test')),
  credential_id INTEGER,
  user_agent    TEXT,
  client_address TEXT,
  generation    INTEGER NOT NULL,              -- the directory generation the scan was pinned to
  page_size     INTEGER NOT NULL,              -- count asked for on the first page
  total_results INTEGER NOT NULL,
  pages         INTEGER NOT NULL,
  resources_served INTEGER NOT NULL,
  started_at    TEXT NOT NULL,
  last_page_at  TEXT NOT NULL,
  completed_at  TEXT                           -- when the last page was served; NULL while running or abandoned
);
CREATE INDEX scim_imports_by_connector ON scim_imports(connector_id, resource_type, started_at);

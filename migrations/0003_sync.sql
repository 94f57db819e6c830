-- What the sync needs beyond the core tables (see docs/lifecycle.md and src/sync/).

-- First day of a grace period: a formerly active person kept inactive although no date says so (no longer listed
-- by the source, or dates moved out of every window). Removed retention_days after it. NULL: the dates decide.
ALTER TABLE people ADD COLUMN grace_since TEXT;
-- Hash of last_person, so a run rewrites a person's row only when the source data or a decision changed.
ALTER TABLE people ADD COLUMN person_hash TEXT;

-- The process running the sync, so a crash-left 'running' row can be told from a live run in another process
-- (the server and `npm run sync` share the database).
ALTER TABLE sync_runs ADD COLUMN pid INTEGER;
-- Held runs: JSON list of the served users the run would deactivate or remove (what the admin reviews).
ALTER TABLE sync_runs ADD COLUMN affected TEXT;
-- Who approved or rejected a held run, and when.
ALTER TABLE sync_runs ADD COLUMN decided_by TEXT;
ALTER TABLE sync_runs ADD COLUMN decided_at TEXT;
-- Held runs waiting for a decision, per connector (at most one is not superseded).
CREATE INDEX sync_runs_by_status ON sync_runs(connector_id, status);
-- Purging old history walks this index.
CREATE INDEX person_changes_by_time ON person_changes(connector_id, at);

-- Whole-run previews (dry runs): what a sync would change, stored with its date so an admin can compare it with the
-- run that applies after it (src/sync/preview/). Only the newest previews per connector are kept (preview-store.ts).
CREATE TABLE sync_previews (
  id            INTEGER PRIMARY KEY,
  connector_id  TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL,                 -- admin username, or "<os user> (cli)"
  base_gen      INTEGER NOT NULL,              -- the generation served when the preview was computed
  summary       TEXT NOT NULL,                 -- JSON counts, for lists without unpacking the report
  digest        TEXT NOT NULL,                 -- change-set digest (change-digest.ts)
  report        BLOB NOT NULL                  -- gzip JSON of the whole report
);
-- Listing and pruning a connector's previews, newest first.
CREATE INDEX sync_previews_by_connector ON sync_previews(connector_id, id);

-- The change-set digest of an applied run, written in the apply transaction (recordChangeDigest), so a preview can
-- be checked against exactly what the run applied, groups included.
CREATE TABLE sync_run_digests (
  run_id        INTEGER PRIMARY KEY REFERENCES sync_runs(id) ON DELETE CASCADE,
  digest        TEXT NOT NULL
);

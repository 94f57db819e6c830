-- The unchanged-run shortcut (docs/decisions.md, "A run that finds nothing changed"): per connector and company, a
-- digest of what the source returned for the company together with everything else that shapes the plan (the
-- connector's settings, today's date, the admins' decisions, the planner's version), stored by the run that applied
-- it. A later run whose every company has the same digest would plan exactly what is served: it skips planning and
-- the apply. Any apply (a run, an approved held run) replaces or clears the rows; a failed run never writes them.
CREATE TABLE read_digests (
  connector_id   TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
  company_number TEXT NOT NULL,
  run_id         INTEGER NOT NULL REFERENCES sync_runs(id) ON DELETE CASCADE,
  digest         TEXT NOT NULL,
  PRIMARY KEY (connector_id, company_number)
);

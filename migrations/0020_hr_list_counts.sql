-- People per connector and lifecycle state, as hr_list holds them, for /metrics' hrgw_users and the HR list's state
-- filter: counting them over hr_list_by_state walked every wide entry on each scrape (BENCHMARKS.md, "/metrics:
-- people per state without a walk per scrape"). Counted again for the connector by the one function that writes
-- hr_list (src/sync/people-store.ts, refreshHrList), in the same transaction: no per-row trigger (migration 0007
-- removed those for their cost) and no index to maintain on every write. A connector deleted takes its counts along.
CREATE TABLE hr_list_counts (
  connector_id TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
  state        TEXT NOT NULL,
  people       INTEGER NOT NULL,
  PRIMARY KEY (connector_id, state)
);
INSERT INTO hr_list_counts (connector_id, state, people)
SELECT connector_id, state, count(*) FROM hr_list WHERE connector_id IN (SELECT id FROM connectors) GROUP BY connector_id, state;

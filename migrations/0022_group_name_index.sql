-- Only groups are sought by displayName (Okta looks users up by userName; the gateway by id and externalId), yet
-- every user's folded display name was in this index too: one B-tree entry per user, at a random leaf, that a first
-- run's 100,000 inserts paid for (BENCHMARKS.md, "The directory's commit"). display_name_fold now holds groups' names
-- only, and the index keeps the rows that have one. A partial index on `resource_type = 'Group'` would have been
-- the plain way, but SQLite then prepares again, on every call, each statement that binds resource_type (every SCIM
-- read of this table): its plan depends on whether the bound type makes the index usable. A `displayName` filter on
-- Users reads the body, on the reader thread, like any filter no index answers (src/scim/filter/indexed-columns.ts).
DROP INDEX scim_resources_current_display_name;
UPDATE scim_resources SET display_name_fold = NULL WHERE resource_type = 'User' AND display_name_fold IS NOT NULL;
CREATE INDEX scim_resources_current_group_name ON scim_resources(connector_id, resource_type, display_name_fold)
  WHERE gen_to IS NULL AND display_name_fold IS NOT NULL;

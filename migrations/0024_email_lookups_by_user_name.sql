-- A served user has exactly one e-mail, and its value is the userName (src/lifecycle/user-resource.ts), so
-- email_fold repeated user_name_fold row for row and its index repeated the userName index: one more B-tree entry per
-- user, at a random leaf, that a first run's 100,000 inserts paid for (BENCHMARKS.md, "E-mail lookups through the
-- userName index"). `emails.value` filters now read user_name_fold (src/scim/filter/indexed-columns.ts), and the sync
-- refuses a user whose e-mail is anything else (src/sync/desired-resource.ts). The column goes with its index, so
-- nothing is left to fill or to drift.
DROP INDEX scim_resources_current_email;
ALTER TABLE scim_resources DROP COLUMN email_fold;

-- The HR list (hr_list, 0004_console.sql) is no longer kept current by per-row triggers on people: they made a first
-- run's 100,000 people inserts take 5.2 s instead of 0.85 s. Whoever changes the values it lists (state,
-- employee_number, last_person) now refreshes those people's rows in one statement from hr_list_source, after
-- writing them: src/sync/people-store.ts (refreshHrList), which the sync's apply step and the retention purge use.
-- Deleting people (a connector deleted, its people cascading) still removes their rows through the trigger that stays.
DROP TRIGGER hr_list_on_insert;
DROP TRIGGER hr_list_on_update;

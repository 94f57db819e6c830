-- The HR list's rows are computed in TypeScript by the one function that defines them (src/sync/hr-list-entry.ts,
-- hrListEntry), from the record the sync holds, and written in list order by src/sync/people-store.ts: the view
-- re-read people.last_person with json_extract and called two JavaScript functions per person, and nothing reads it
-- any more (BENCHMARKS.md, "The first run's writes: the HR list in list order"). hr_list keeps its columns, indexes
-- and values; search_fold() and hr_search_terms() stay registered for migration 0012 on older databases.
DROP VIEW hr_list_source;

-- people_by_number (connector_id, company_number, employee_number) was made for a lookup by company and employee
-- number that no statement makes: a person is found by source key (the primary key), by SCIM id (unique), or by a
-- reference that is a SCIM id or an employee number alone, which walks the connector's part of the primary key
-- (sync/hr-list-store.ts, peopleByReference; EXPLAIN QUERY PLAN never names this index). Every people row written
-- kept it up to date: a first run's 100,000 inserts spent a fifth of their SQLite time on it (BENCHMARKS.md,
-- "The first run's writes: people, HR list and history").
DROP INDEX people_by_number;

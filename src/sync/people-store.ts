import type { Sqlite } from "../db/open.js";
import { prepared } from "../db/statements.js";
import { currentById } from "../directory/read-generation.js";
import type { UserResource } from "../lifecycle/user-resource.js";
import type { KnownGroup, KnownPerson, NewGroup, PersonRow, PersonWrite } from "./plan-types.js";
import { storedPersonJson } from "./stored-person.js";

/**
 * The sync's rows besides the directory: people (source key → SCIM id and the last decision), stable group ids
 * and the sequences behind list order. Read once per run in bulk, written only where something changed.
 */

/** Every person the connector has seen; one scan of the people primary key. */
export function readKnownPeople(sqlite: Sqlite, connectorId: string): Map<string, KnownPerson> {
  const rows = prepared(
    sqlite,
    `SELECT source_key AS sourceKey, scim_id AS scimId, seq, company_number AS companyNumber,
       employee_number AS employeeNumber, email_fold AS emailFold, state, state_reason AS stateReason,
       state_since AS stateSince, grace_since AS graceSince, missing_since AS missingSince, person_hash AS personHash
     FROM people WHERE connector_id = ?`,
  ).iterate(connectorId) as IterableIterator<KnownPerson>;
  const known = new Map<string, KnownPerson>();
  for (const row of rows) known.set(row.sourceKey, row);
  return known;
}

export function readKnownGroups(sqlite: Sqlite, connectorId: string): Map<string, KnownGroup> {
  const rows = prepared(sqlite, "SELECT group_key AS key, scim_id AS scimId, seq FROM scim_groups WHERE connector_id = ?").all(
    connectorId,
  ) as NewGroup[];
  return new Map(rows.map((row) => [row.key, { scimId: row.scimId, seq: row.seq }]));
}

export function readSequences(sqlite: Sqlite, connectorId: string): { user: number; group: number } {
  const rows = prepared(sqlite, "SELECT name, value FROM sequences WHERE connector_id = ?").all(connectorId) as {
    name: string;
    value: number;
  }[];
  const value = (name: string) => rows.find((row) => row.name === name)?.value ?? 0;
  return { user: value("user"), group: value("group") };
}

/** The user served now, as the resource without `meta` (read for the few people kept as Okta saw them). */
export function servedUserReader(sqlite: Sqlite, connectorId: string): (scimId: string) => UserResource | undefined {
  return (scimId) => {
    const row = currentById(sqlite, connectorId, "User", scimId);
    return row && withoutMeta(row.body);
  };
}

/** A stored body without the `meta` the directory appends (the directory recomputes it on commit). */
export function withoutMeta(body: string): Record<string, unknown> {
  const { meta: _meta, ...resource } = JSON.parse(body) as Record<string, unknown>;
  return resource;
}

/** The row a plan's decision writes; the source record is serialised here, one person at a time. */
export function personRow(write: PersonWrite): PersonRow {
  const { person, ...row } = write;
  return { ...row, lastPerson: person && storedPersonJson(person) };
}

export function writePeople(sqlite: Sqlite, connectorId: string, people: Iterable<PersonRow>, now: string): void {
  // last_person is kept when the write carries none (a person no longer listed); last_seen_at is the last run
  // that listed them and wrote their row (a row is written when anything about the person changed).
  const upsert = prepared(
    sqlite,
    `INSERT INTO people (connector_id, source_key, scim_id, seq, company_number, employee_number, email_fold, state,
       state_reason, state_since, grace_since, missing_since, person_hash, last_person, last_seen_at, created_at, updated_at)
     VALUES (@connectorId, @sourceKey, @scimId, @seq, @companyNumber, @employeeNumber, @emailFold, @state,
       @stateReason, @stateSince, @graceSince, @missingSince, @personHash, @lastPerson, @lastSeenAt, @now, @now)
     ON CONFLICT (connector_id, source_key) DO UPDATE SET company_number = excluded.company_number,
       employee_number = excluded.employee_number, email_fold = excluded.email_fold, state = excluded.state,
       state_reason = excluded.state_reason, state_since = excluded.state_since, grace_since = excluded.grace_since,
       missing_since = excluded.missing_since, person_hash = excluded.person_hash,
       last_person = coalesce(excluded.last_person, people.last_person),
       last_seen_at = coalesce(excluded.last_seen_at, people.last_seen_at), updated_at = excluded.updated_at`,
  );
  for (const person of people) {
    upsert.run({ ...person, connectorId, now, lastSeenAt: person.lastPerson === null ? null : now });
  }
}

export function writeNewGroups(sqlite: Sqlite, connectorId: string, groups: Iterable<NewGroup>, now: string): void {
  const insert = prepared(
    sqlite,
    "INSERT INTO scim_groups (connector_id, group_key, scim_id, seq, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  for (const group of groups) insert.run(connectorId, group.key, group.scimId, group.seq, now);
}

export function writeSequences(sqlite: Sqlite, connectorId: string, sequences: { user: number; group: number }): void {
  const upsert = prepared(
    sqlite,
    "INSERT INTO sequences (connector_id, name, value) VALUES (?, ?, ?) ON CONFLICT (connector_id, name) DO UPDATE SET value = excluded.value",
  );
  upsert.run(connectorId, "user", sequences.user);
  upsert.run(connectorId, "group", sequences.group);
}

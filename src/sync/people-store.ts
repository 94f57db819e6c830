import type { Sqlite } from "../db/open.js";
import { prepared } from "../db/statements.js";
import { currentById } from "../directory/read-generation.js";
import type { UserResource } from "../lifecycle/user-resource.js";
import type { HrPerson } from "../sources/types.js";
import type { KnownGroup, KnownPerson, NewGroup, PersonRow, PersonWrite, Rekey } from "./plan-types.js";
import { hrListEntry, type ListedRecord, listedRecordOf, type ListPlace, listPlaceOf } from "./hr-list-entry.js";
import { StringPool } from "./shared-strings.js";
import { storedPersonHash, storedPersonJson } from "./stored-person.js";

// The run's bulk read and apply. Hot path: prepared statements, not drizzle's builder (BENCHMARKS.md, "drizzle's builder on hot paths").
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
       state_since AS stateSince, grace_since AS graceSince, missing_since AS missingSince, person_hash AS personHash,
       birth_date_hash AS birthDateHash
     FROM people WHERE connector_id = ?`,
  ).iterate(connectorId) as IterableIterator<KnownPerson>;
  const known = new Map<string, KnownPerson>();
  // SQLite hands out a new string per row; a run holds every row, and most share their state, reason and run time.
  const pool = new StringPool();
  const one = (text: string): string => pool.shared(text);
  // Each one literal, in the row's column order: a copy spread from the row held more heap per person (BENCHMARKS.md).
  for (const row of rows) {
    known.set(row.sourceKey, {
      sourceKey: row.sourceKey,
      scimId: row.scimId,
      seq: row.seq,
      companyNumber: one(row.companyNumber),
      employeeNumber: row.employeeNumber,
      emailFold: row.emailFold,
      state: one(row.state) as KnownPerson["state"],
      stateReason: one(row.stateReason),
      stateSince: one(row.stateSince),
      graceSince: row.graceSince,
      missingSince: row.missingSince,
      personHash: row.personHash,
      birthDateHash: row.birthDateHash,
    });
  }
  return known;
}

export function readKnownGroups(sqlite: Sqlite, connectorId: string): Map<string, KnownGroup> {
  const rows = prepared(
    sqlite,
    "SELECT group_key AS key, scim_id AS scimId, seq FROM scim_groups WHERE connector_id = ?",
  ).all(connectorId) as NewGroup[];
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

/** The last source record of a person (people.last_person), read one at a time for the few who need it. */
export function lastPersonReader(sqlite: Sqlite, connectorId: string): (sourceKey: string) => HrPerson | undefined {
  return (sourceKey) => {
    const json = prepared(sqlite, "SELECT last_person FROM people WHERE connector_id = ? AND source_key = ?")
      .pluck()
      .get(connectorId, sourceKey) as string | null | undefined;
    return json ? (JSON.parse(json) as HrPerson) : undefined;
  };
}

/** A stored body without the `meta` the directory appends (the directory recomputes it on commit). */
export function withoutMeta(body: string): Record<string, unknown> {
  const { meta: _meta, ...resource } = JSON.parse(body) as Record<string, unknown>;
  return resource;
}

/** The row a plan's decision writes; the source record is serialised here, one person at a time. */
export function personRow(write: PersonWrite): PersonRow {
  const lastPerson = write.person && storedPersonJson(write.person);
  // One literal in the row's order (a held plan stores it as JSON), not the write's rest spread with one more key.
  return {
    sourceKey: write.sourceKey,
    scimId: write.scimId,
    seq: write.seq,
    companyNumber: write.companyNumber,
    employeeNumber: write.employeeNumber,
    emailFold: write.emailFold,
    state: write.state,
    stateReason: write.stateReason,
    stateSince: write.stateSince,
    graceSince: write.graceSince,
    missingSince: write.missingSince,
    // A new person's record is serialised once per run, here: the plan left its hash to be taken from this JSON.
    personHash: write.personHash ?? (lastPerson && storedPersonHash(lastPerson)),
    birthDateHash: write.birthDateHash,
    lastPerson,
  };
}

/**
 * Writes people's rows, and their HR list rows, one person at a time ({@link write} each, then {@link finish} once): the
 * apply writes each person's row as it goes (apply-plan.ts). A run hands over its decisions (PersonWrite), whose source
 * records are still in hand for the list; an approved held plan hands over the rows it stored (PersonRow), whose
 * records are read back from their JSON.
 */
export class PeopleWrites {
  private readonly upsert;
  private readonly stored;
  private readonly listed: HrListWrites;

  constructor(
    sqlite: Sqlite,
    private readonly connectorId: string,
    private readonly now: string,
  ) {
    // last_person is kept when the write carries none (a person no longer listed); last_seen_at is the last run
    // that listed them and wrote their row (a row is written when anything about the person changed). Positional
    // parameters: better-sqlite3 binds named ones by looking each name up on an object built per row, which cost
    // more than the insert itself in a first run's 100,000 rows (BENCHMARKS.md, issue #24).
    this.upsert = prepared(
      sqlite,
      `INSERT INTO people (connector_id, source_key, scim_id, seq, company_number, employee_number, email_fold, state,
         state_reason, state_since, grace_since, missing_since, person_hash, birth_date_hash, last_person, last_seen_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (connector_id, source_key) DO UPDATE SET company_number = excluded.company_number,
         employee_number = excluded.employee_number, email_fold = excluded.email_fold, state = excluded.state,
         state_reason = excluded.state_reason, state_since = excluded.state_since, grace_since = excluded.grace_since,
         missing_since = excluded.missing_since, person_hash = excluded.person_hash, birth_date_hash = excluded.birth_date_hash,
         last_person = coalesce(excluded.last_person, people.last_person),
         last_seen_at = coalesce(excluded.last_seen_at, people.last_seen_at), updated_at = excluded.updated_at`,
    );
    this.stored = prepared(sqlite, "SELECT last_person FROM people WHERE connector_id = ? AND source_key = ?").pluck();
    this.listed = new HrListWrites(sqlite, connectorId);
  }

  write(write: PersonWrite | PersonRow): void {
    const { connectorId, now } = this;
    // Each row made as it is written: a first run's 100,000 JSON copies never exist at once.
    const person = "person" in write ? personRow(write) : write;
    this.upsert.run(
      connectorId,
      person.sourceKey,
      person.scimId,
      person.seq,
      person.companyNumber,
      person.employeeNumber,
      person.emailFold,
      person.state,
      person.stateReason,
      person.stateSince,
      person.graceSince,
      person.missingSince,
      person.personHash,
      // Plans held before the column was filled carry none.
      person.birthDateHash ?? null,
      person.lastPerson,
      person.lastPerson === null ? null : now,
      now,
      now,
    );
    const record = "person" in write ? write.person : parsedRecord(person.lastPerson);
    // A person no longer listed keeps the stored record, which the list goes on showing.
    this.listed.add(person, record ?? parsedRecord(this.stored.get(connectorId, person.sourceKey) as string | null));
  }

  finish(): void {
    this.listed.finish();
  }
}

function parsedRecord(json: string | null): ListedRecord | null {
  return json === null ? null : listedRecordOf(json);
}

/**
 * Writes people's rows of the console's HR list (hr_list) and, at the end, counts the connector's people per state
 * again (hr_list_counts). The rows are computed in TypeScript (hr-list-entry.ts, the one definition of a row) and
 * written in list order a batch at a time: the two covering indexes (by name, by state and name) then fill from
 * left to right instead of at a random place per row (BENCHMARKS.md, "The first run's writes: the HR list in list order").
 * A batch holds each person's place and record, and each row is made as it is written: rows held for the sort
 * outlived the young generation and were most of what the apply's people step left to the full collections
 * (BENCHMARKS.md, "The apply's garbage and the run's peak").
 */
class HrListWrites {
  private readonly insert;
  private batch: ListPlace[] = [];

  constructor(
    private readonly sqlite: Sqlite,
    private readonly connectorId: string,
  ) {
    this.insert = prepared(
      sqlite,
      `INSERT OR REPLACE INTO hr_list (scim_id, connector_id, state, sort_name, display_name, email, employee_number, company_name, terms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  add(
    person: { readonly scimId: string; readonly state: string; readonly employeeNumber: string },
    record: ListedRecord | null,
  ): void {
    this.batch.push(listPlaceOf(person, record));
    if (this.batch.length === HR_LIST_BATCH) this.flush();
  }

  finish(): void {
    this.flush();
    recountHrStates(this.sqlite, this.connectorId);
  }

  private flush(): void {
    this.batch.sort(inListOrder);
    for (const place of this.batch) {
      const entry = hrListEntry(place);
      this.insert.run(
        entry.scimId,
        this.connectorId,
        entry.state,
        entry.sortName,
        entry.displayName,
        entry.email,
        entry.employeeNumber,
        entry.companyName,
        entry.terms,
      );
    }
    this.batch = [];
  }
}

const HR_LIST_BATCH = 10_000;

function inListOrder(a: ListPlace, b: ListPlace): number {
  if (a.sortName !== b.sortName) return a.sortName < b.sortName ? -1 : 1;
  return a.scimId < b.scimId ? -1 : a.scimId > b.scimId ? 1 : 0;
}

/**
 * The connector's people per state, counted again over its part of hr_list_by_state: once per refresh, so the
 * counts are exactly what hr_list holds by construction, and /metrics and the HR list's filter read a few rows
 * instead of walking the index on every scrape (migrations/0020_hr_list_counts.sql).
 */
function recountHrStates(sqlite: Sqlite, connectorId: string): void {
  prepared(sqlite, "DELETE FROM hr_list_counts WHERE connector_id = ?").run(connectorId);
  prepared(
    sqlite,
    `INSERT INTO hr_list_counts (connector_id, state, people)
     SELECT connector_id, state, count(*) FROM hr_list WHERE connector_id = ? GROUP BY connector_id, state`,
  ).run(connectorId);
}

/**
 * Moves matched people to the keys of the source the connector reads now. Runs before the plan's people are written,
 * which already carry the new keys.
 */
export function rekeyPeople(sqlite: Sqlite, connectorId: string, rekeys: Iterable<Rekey>): void {
  // Primary key (connector_id, source_key); the plan never maps onto a key that is still in use.
  const move = prepared(sqlite, "UPDATE people SET source_key = ? WHERE connector_id = ? AND source_key = ?");
  for (const rekey of rekeys) move.run(rekey.to, connectorId, rekey.from);
}

/**
 * The connector kind whose person keys `people.source_key` holds (null before the first applied run). When it
 * differs from the connector's kind, the next run matches people across the two APIs (sync/api-switch/match.ts).
 */
export function readSourceKeyKind(sqlite: Sqlite, connectorId: string): string | null {
  return (
    (prepared(sqlite, "SELECT source_key_kind FROM connectors WHERE id = ?").pluck().get(connectorId) as
      | string
      | null
      | undefined) ?? null
  );
}

export function writeSourceKeyKind(sqlite: Sqlite, connectorId: string, kind: string): void {
  prepared(sqlite, "UPDATE connectors SET source_key_kind = ? WHERE id = ? AND source_key_kind IS NOT ?").run(
    kind,
    connectorId,
    kind,
  );
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

/**
 * Data minimisation: `retention_days` after a person was removed (no longer served), their source record and their
 * change history are deleted. The identity row stays (source key → SCIM id, company and employee number, state), so
 * a rehire years later is the same Okta user again and never a duplicate. Nothing is rewritten for people already
 * purged, and the sync writes no new source record for them unless HR changes it (their row hash is kept).
 */
export function purgeRemovedPeople(sqlite: Sqlite, connectorId: string, removedBefore: string): number {
  // One scan of the connector's people (primary key prefix); few rows match after the first run that purges.
  const purged = prepared(
    sqlite,
    `SELECT scim_id AS scimId, state, employee_number AS employeeNumber FROM people
     WHERE connector_id = ? AND state = 'removed' AND state_since < ?
       AND (last_person IS NOT NULL OR birth_date_hash IS NOT NULL
         OR EXISTS (SELECT 1 FROM person_changes c WHERE c.connector_id = people.connector_id AND c.scim_id = people.scim_id))`,
  ).all(connectorId, removedBefore) as { scimId: string; state: string; employeeNumber: string }[];
  const forget = prepared(
    sqlite,
    "UPDATE people SET last_person = NULL, birth_date_hash = NULL WHERE connector_id = ? AND scim_id = ?",
  );
  // person_changes_by_person (connector_id, scim_id, id)
  const dropHistory = prepared(sqlite, "DELETE FROM person_changes WHERE connector_id = ? AND scim_id = ?");
  const listed = new HrListWrites(sqlite, connectorId);
  for (const person of purged) {
    forget.run(connectorId, person.scimId);
    dropHistory.run(connectorId, person.scimId);
    listed.add(person, null);
  }
  if (purged.length > 0) listed.finish();
  return purged.length;
}

/** A stored person's lifecycle standing, by SCIM id (people.scim_id is unique: one index seek each). */
export function storedStanding(
  sqlite: Sqlite,
  connectorId: string,
): (scimId: string) => { sourceKey: string; state: string; reason: string | null } | undefined {
  const stored = prepared(
    sqlite,
    "SELECT source_key AS sourceKey, state, state_reason AS reason FROM people WHERE connector_id = ? AND scim_id = ?",
  );
  return (scimId) =>
    stored.get(connectorId, scimId) as { sourceKey: string; state: string; reason: string | null } | undefined;
}

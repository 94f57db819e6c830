import type { Sqlite } from "../../db/open.js";
import { foldForSearch } from "../../db/fold-search.js";
import { prepared } from "../../db/statements.js";
import { currentById } from "../../directory/read-generation.js";
import type { StoredResource } from "../../directory/resource.js";
import { signsInWithPrivateAddress } from "../../lifecycle/user-resource.js";

/** The states the HR list filters by (people.state). */
export const HR_STATES = ["active", "pending", "inactive", "problem", "removed"] as const;
export type HrState = (typeof HR_STATES)[number];

export const PAGE_SIZE = 50;
/** A search counts its matches up to here ("10,000+"): counting all of them would cost a full scan per keystroke. */
export const COUNT_CAP = 10_000;

/** Position in the list: the (sort_name, scim_id) of a row, for keyset paging. */
export interface Cursor {
  readonly sortName: string;
  readonly scimId: string;
}

export interface HrListQuery {
  readonly connectorId: string;
  /** Part of a name, e-mail address or employee number. */
  readonly text?: string;
  readonly state?: HrState;
  /** Rows after this one (next page) or before it (previous page). */
  readonly after?: Cursor;
  readonly before?: Cursor;
}

export interface HrListRow {
  readonly scimId: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly employeeNumber: string;
  readonly companyName: string | null;
  readonly state: string;
  readonly sortName: string;
  /** What Okta gets, when served. */
  readonly userName: string | null;
  readonly active: number | null;
  /** The Okta login is the person's private e-mail address (marked in the list: docs/decisions.md). */
  readonly privateLogin: boolean;
}

export interface HrListPage {
  readonly rows: HrListRow[];
  readonly hasNext: boolean;
  readonly hasPrevious: boolean;
  /** Matches, exact up to COUNT_CAP. */
  readonly total: number;
  readonly capped: boolean;
}

/**
 * One page of the HR list. Every statement walks a covering index of hr_list (hr_list_by_state with a state,
 * hr_list_by_name without) in list order and stops after a page, so page 2,000 costs what page 1 costs; a search
 * that matches few people scans that index once (about 10 ms for 100,000 people).
 */
export function hrListPage(sqlite: Sqlite, query: HrListQuery): HrListPage {
  const where = ["h.connector_id = ?"];
  const params: unknown[] = [query.connectorId];
  if (query.state) {
    where.push("h.state = ?");
    params.push(query.state);
  }
  const text = searchTerm(query.text);
  if (text) {
    where.push("h.terms LIKE ? ESCAPE '\\'");
    params.push(`%${text.replace(/[\\%_]/g, "\\$&")}%`);
  }
  const backwards = query.before !== undefined && query.after === undefined;
  const cursor = query.after ?? query.before;
  const pageWhere = [...where];
  const pageParams = [...params];
  if (cursor) {
    pageWhere.push(`(h.sort_name, h.scim_id) ${backwards ? "<" : ">"} (?, ?)`);
    pageParams.push(cursor.sortName, cursor.scimId);
  }
  const direction = backwards ? "DESC" : "ASC";
  const fetched = prepared(
    sqlite,
    `SELECT h.scim_id AS scimId, h.display_name AS displayName, h.email, h.employee_number AS employeeNumber,
       h.company_name AS companyName, h.state, h.sort_name AS sortName, r.user_name AS userName, r.active,
       json_extract(r.body, '$.emails') AS servedEmails
     FROM hr_list h
     LEFT JOIN scim_resources r ON r.connector_id = h.connector_id AND r.resource_type = 'User' AND r.scim_id = h.scim_id AND r.gen_to IS NULL
     WHERE ${pageWhere.join(" AND ")} ORDER BY h.sort_name ${direction}, h.scim_id ${direction} LIMIT ?`,
  ).all(...pageParams, PAGE_SIZE + 1) as (Omit<HrListRow, "privateLogin"> & { servedEmails: string | null })[];
  const more = fetched.length > PAGE_SIZE;
  const rows: HrListRow[] = fetched.slice(0, PAGE_SIZE).map(({ servedEmails, ...row }) => ({
    ...row,
    privateLogin: servedEmails !== null && signsInWithPrivateAddress({ emails: JSON.parse(servedEmails) }),
  }));
  if (backwards) rows.reverse();
  const total = text
    ? (prepared(
        sqlite,
        `SELECT count(*) FROM (SELECT 1 FROM hr_list h WHERE ${where.join(" AND ")} LIMIT ${COUNT_CAP + 1})`,
      )
        .pluck()
        .get(...params) as number)
    : (prepared(sqlite, `SELECT count(*) FROM hr_list h WHERE ${where.join(" AND ")}`)
        .pluck()
        .get(...params) as number);
  return {
    rows,
    hasNext: backwards ? cursor !== undefined : more,
    hasPrevious: backwards ? more : cursor !== undefined,
    total: Math.min(total, COUNT_CAP),
    capped: total > COUNT_CAP,
  };
}

/** People per state, for the filter's counts (one scan of hr_list_by_state's keys). */
export function stateCounts(sqlite: Sqlite, connectorId: string): Readonly<Record<string, number>> {
  const rows = prepared(
    sqlite,
    "SELECT state, count(*) AS count FROM hr_list WHERE connector_id = ? GROUP BY state",
  ).all(connectorId) as {
    state: string;
    count: number;
  }[];
  return Object.fromEntries(rows.map((row) => [row.state, row.count]));
}

/** Folded as the terms column is (accents, case, apostrophes: foldForSearch), bounded. */
export function searchTerm(text: string | undefined): string {
  return foldForSearch((text ?? "").slice(0, 100));
}

export function encodeCursor(row: Pick<HrListRow, "sortName" | "scimId">): string {
  return Buffer.from(JSON.stringify([row.sortName, row.scimId])).toString("base64url");
}

export function decodeCursor(value: string | undefined): Cursor | undefined {
  if (!value) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((item) => typeof item === "string")) {
      return { sortName: parsed[0] as string, scimId: parsed[1] as string };
    }
  } catch {
    // A mangled cursor (edited URL) starts the list from the top.
  }
  return undefined;
}

export interface PersonDetail {
  readonly scimId: string;
  readonly connectorId: string;
  readonly sourceKey: string;
  readonly companyNumber: string;
  readonly employeeNumber: string;
  readonly state: string;
  readonly stateReason: string;
  readonly stateSince: string;
  readonly lastSeenAt: string | null;
  readonly missingSince: string | null;
  readonly graceSince: string | null;
  readonly lastPerson: string | null;
  readonly displayName: string | null;
}

export function personDetail(sqlite: Sqlite, connectorId: string, scimId: string): PersonDetail | undefined {
  return prepared(
    sqlite,
    `SELECT p.scim_id AS scimId, p.connector_id AS connectorId, p.source_key AS sourceKey, p.company_number AS companyNumber,
       p.employee_number AS employeeNumber, p.state, p.state_reason AS stateReason, p.state_since AS stateSince,
       p.last_seen_at AS lastSeenAt, p.missing_since AS missingSince, p.grace_since AS graceSince, p.last_person AS lastPerson,
       h.display_name AS displayName
     FROM people p LEFT JOIN hr_list h ON h.scim_id = p.scim_id WHERE p.scim_id = ? AND p.connector_id = ?`,
  ).get(scimId, connectorId) as PersonDetail | undefined;
}

export function servedUser(sqlite: Sqlite, connectorId: string, scimId: string): StoredResource | undefined {
  return currentById(sqlite, connectorId, "User", scimId);
}

/** Display names of the served groups that list the person as a member. */
export function groupsOf(sqlite: Sqlite, connectorId: string, scimId: string): string[] {
  // Member values are SCIM ids (uuids), so this text match cannot hit another attribute by accident.
  const bodies = prepared(
    sqlite,
    "SELECT body FROM scim_resources WHERE connector_id = ? AND resource_type = 'Group' AND gen_to IS NULL AND instr(members, ?) > 0",
  )
    .pluck()
    .all(connectorId, `"value":${JSON.stringify(scimId)}`) as string[];
  return bodies
    .map((body) => String((JSON.parse(body) as { displayName?: unknown }).displayName ?? ""))
    .sort((a, b) => a.localeCompare(b));
}

export interface PersonChange {
  readonly id: number;
  readonly runId: number;
  readonly at: string;
  readonly field: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly reason: string | null;
}

/** Newest first (person_changes_by_person). */
export function personHistory(sqlite: Sqlite, connectorId: string, scimId: string, limit: number): PersonChange[] {
  return prepared(
    sqlite,
    `SELECT id, run_id AS runId, at, field, old_value AS oldValue, new_value AS newValue, reason
     FROM person_changes WHERE connector_id = ? AND scim_id = ? ORDER BY id DESC LIMIT ?`,
  ).all(connectorId, scimId, limit) as PersonChange[];
}

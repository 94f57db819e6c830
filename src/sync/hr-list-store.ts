import { and, asc, count, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { drizzleOf, type Sqlite } from "../db/open.js";
import { foldForSearch } from "../db/fold-search.js";
import { hrList, hrListCounts, people, scimResources } from "../db/schema.js";
import { signsInWithPrivateAddress } from "../lifecycle/user-resource.js";

/*
 * The console's reads of the people aggregate: the HR list (hr_list and its counts per state, kept current by
 * people-store.ts when it writes people), one person's record, names by SCIM id.
 */

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
 * that matches few people scans that index once (BENCHMARKS.md, benchmark 6).
 */
export function hrListPage(sqlite: Sqlite, query: HrListQuery): HrListPage {
  const h = hrList;
  const r = scimResources;
  const text = searchTerm(query.text);
  const matches = and(
    eq(h.connectorId, query.connectorId),
    query.state ? eq(h.state, query.state) : undefined,
    text ? sql`${h.terms} LIKE ${`%${text.replace(/[\\%_]/g, "\\$&")}%`} ESCAPE '\\'` : undefined,
  );
  const backwards = query.before !== undefined && query.after === undefined;
  const cursor = query.after ?? query.before;
  const order = backwards ? desc : asc;
  const orm = drizzleOf(sqlite);
  const fetched = orm
    .select({
      scimId: h.scimId,
      displayName: h.displayName,
      email: h.email,
      employeeNumber: h.employeeNumber,
      companyName: h.companyName,
      state: h.state,
      sortName: h.sortName,
      userName: r.userName,
      active: r.active,
      servedEmails: sql<string | null>`json_extract(${r.body}, '$.emails')`,
    })
    .from(h)
    .leftJoin(
      r,
      and(eq(r.connectorId, h.connectorId), eq(r.resourceType, "User"), eq(r.scimId, h.scimId), isNull(r.genTo)),
    )
    .where(
      and(
        matches,
        cursor
          ? sql`(${h.sortName}, ${h.scimId}) ${backwards ? sql`<` : sql`>`} (${cursor.sortName}, ${cursor.scimId})`
          : undefined,
      ),
    )
    .orderBy(order(h.sortName), order(h.scimId))
    .limit(PAGE_SIZE + 1)
    .all();
  const more = fetched.length > PAGE_SIZE;
  const rows: HrListRow[] = fetched.slice(0, PAGE_SIZE).map(({ servedEmails, ...row }) => ({
    ...row,
    privateLogin: servedEmails !== null && signsInWithPrivateAddress({ emails: JSON.parse(servedEmails) }),
  }));
  if (backwards) rows.reverse();
  const total = text
    ? (orm
        .select({ total: count() })
        .from(
          orm
            .select({ one: sql`1` })
            .from(h)
            .where(matches)
            .limit(COUNT_CAP + 1)
            .as("capped"),
        )
        .get()?.total ?? 0)
    : (orm.select({ total: count() }).from(h).where(matches).get()?.total ?? 0);
  return {
    rows,
    hasNext: backwards ? cursor !== undefined : more,
    hasPrevious: backwards ? more : cursor !== undefined,
    total: Math.min(total, COUNT_CAP),
    capped: total > COUNT_CAP,
  };
}

/** People per state, for the filter's counts (hr_list_counts: a handful of rows, not a scan of the list). */
export function stateCounts(sqlite: Sqlite, connectorId: string): Readonly<Record<string, number>> {
  const rows = drizzleOf(sqlite)
    .select({ state: hrListCounts.state, people: hrListCounts.people })
    .from(hrListCounts)
    .where(eq(hrListCounts.connectorId, connectorId))
    .all();
  return Object.fromEntries(rows.map((row) => [row.state, row.people]));
}

/** People per connector and state, for the metrics (hr_list_counts, read whole on every scrape). */
export function peoplePerState(sqlite: Sqlite): { connector: string; state: string; people: number }[] {
  return drizzleOf(sqlite)
    .select({ connector: hrListCounts.connectorId, state: hrListCounts.state, people: hrListCounts.people })
    .from(hrListCounts)
    .all();
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
  const p = people;
  return drizzleOf(sqlite)
    .select({
      scimId: p.scimId,
      connectorId: p.connectorId,
      sourceKey: p.sourceKey,
      companyNumber: p.companyNumber,
      employeeNumber: p.employeeNumber,
      state: p.state,
      stateReason: p.stateReason,
      stateSince: p.stateSince,
      lastSeenAt: p.lastSeenAt,
      missingSince: p.missingSince,
      graceSince: p.graceSince,
      lastPerson: p.lastPerson,
      displayName: hrList.displayName,
    })
    .from(p)
    .leftJoin(hrList, eq(hrList.scimId, p.scimId))
    .where(and(eq(p.scimId, scimId), eq(p.connectorId, connectorId)))
    .get();
}

/** What lists that carry only SCIM ids show of each person (hr_list primary key). */
export interface ListedPerson {
  readonly name: string;
  readonly employeeNumber: string;
  readonly companyName: string | null;
}

/** Names, employee numbers and company names by SCIM id; ids of people no longer listed are left out. */
export function listedPeople(sqlite: Sqlite, scimIds: readonly string[]): Map<string, ListedPerson> {
  const rows =
    scimIds.length === 0
      ? []
      : drizzleOf(sqlite)
          .select({
            scimId: hrList.scimId,
            name: hrList.displayName,
            employeeNumber: hrList.employeeNumber,
            companyName: hrList.companyName,
          })
          .from(hrList)
          .where(inArray(hrList.scimId, sql`(SELECT value FROM json_each(${JSON.stringify(scimIds)}))`))
          .all();
  return new Map(rows.map(({ scimId, ...person }) => [scimId, person]));
}

/**
 * The people of a connector a reference names: a SCIM id, or an employee number (which repeats per company). The
 * primary key of people is (connector_id, source_key); scim_id is UNIQUE.
 */
export function peopleByReference(
  sqlite: Sqlite,
  connectorId: string,
  ref: string,
): { scimId: string; company: string }[] {
  return drizzleOf(sqlite)
    .select({ scimId: people.scimId, company: people.companyNumber })
    .from(people)
    .where(and(eq(people.connectorId, connectorId), or(eq(people.scimId, ref), eq(people.employeeNumber, ref))))
    .all();
}

/** Display names by SCIM id, for lists that carry only ids and labels. */
export function displayNames(sqlite: Sqlite, scimIds: readonly string[]): Map<string, string> {
  return new Map([...listedPeople(sqlite, scimIds)].map(([scimId, person]) => [scimId, person.name]));
}

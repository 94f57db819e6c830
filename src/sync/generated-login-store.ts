import { and, asc, count, desc, eq } from "drizzle-orm";
import { foldCase } from "../directory/fold-case.js";
import { drizzleOf, type Sqlite } from "../db/open.js";
import { generatedLogins } from "../db/schema.js";

/** The logins a connector ever generated: the one each person keeps, and every one that can never be given again. */
export interface GeneratedLogins {
  /** SCIM id → the login that person signs in with: the one given first, or the last one an admin approved. */
  readonly byPerson: ReadonlyMap<string, string>;
  /** Every login ever generated, case-folded, whoever had it. */
  readonly taken: ReadonlySet<string>;
}

export const NO_GENERATED_LOGINS: GeneratedLogins = { byPerson: new Map(), taken: new Set() };

export function readGeneratedLogins(sqlite: Sqlite, connectorId: string): GeneratedLogins {
  const rows = drizzleOf(sqlite)
    .select({ userName: generatedLogins.userName, scimId: generatedLogins.scimId })
    .from(generatedLogins)
    .where(eq(generatedLogins.connectorId, connectorId))
    // Given order: a later row of a person is a new login an admin approved (after the run that suggested it).
    .orderBy(asc(generatedLogins.givenAt))
    .all();
  const byPerson = new Map<string, string>();
  const taken = new Set<string>();
  for (const row of rows) {
    byPerson.set(row.scimId, row.userName);
    taken.add(foldCase(row.userName));
  }
  return { byPerson, taken };
}

/** Stores the logins a run gave, inside the run's transaction: from then on they belong to their person. */
export function recordGeneratedLogins(
  sqlite: Sqlite,
  connectorId: string,
  given: readonly { readonly scimId: string; readonly userName: string }[],
  at: string,
): void {
  const orm = drizzleOf(sqlite);
  for (const login of given)
    orm
      .insert(generatedLogins)
      .values({
        connectorId,
        userNameFold: foldCase(login.userName),
        userName: login.userName,
        scimId: login.scimId,
        givenAt: at,
      })
      .run();
}

/**
 * Makes an approved suggestion the person's login from the next run on; the old one stays stored, so nobody gets it
 * again. False, storing nothing, when the login was ever generated for anyone of the connector.
 */
export function approveGeneratedLogin(
  sqlite: Sqlite,
  connectorId: string,
  login: { readonly scimId: string; readonly userName: string },
  at: string,
): boolean {
  const orm = drizzleOf(sqlite);
  const fold = foldCase(login.userName);
  const had = orm
    .select({ scimId: generatedLogins.scimId })
    .from(generatedLogins)
    .where(and(eq(generatedLogins.connectorId, connectorId), eq(generatedLogins.userNameFold, fold)))
    .get();
  if (had) return false;
  recordGeneratedLogins(sqlite, connectorId, [login], at);
  return true;
}

/** The generated login a person signs in with from the next run on (see readGeneratedLogins), or null. */
export function generatedLoginOf(sqlite: Sqlite, connectorId: string, scimId: string): string | null {
  const row = drizzleOf(sqlite)
    .select({ userName: generatedLogins.userName })
    .from(generatedLogins)
    .where(and(eq(generatedLogins.connectorId, connectorId), eq(generatedLogins.scimId, scimId)))
    .orderBy(desc(generatedLogins.givenAt))
    .limit(1)
    .get();
  return row?.userName ?? null;
}

/** How many logins the connector ever generated (each stays taken for good). */
export function countGeneratedLogins(sqlite: Sqlite, connectorId: string): number {
  return drizzleOf(sqlite)
    .select({ logins: count() })
    .from(generatedLogins)
    .where(eq(generatedLogins.connectorId, connectorId))
    .get()!.logins;
}

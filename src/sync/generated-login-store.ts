import { asc, eq } from "drizzle-orm";
import { foldCase } from "../directory/fold-case.js";
import { drizzleOf, type Sqlite } from "../db/open.js";
import { generatedLogins } from "../db/schema.js";

/** The logins a connector ever generated: the one each person keeps, and every one that can never be given again. */
export interface GeneratedLogins {
  /** SCIM id → the login given to that person (the first one: it is kept for good). */
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
    .orderBy(asc(generatedLogins.givenAt))
    .all();
  const byPerson = new Map<string, string>();
  const taken = new Set<string>();
  for (const row of rows) {
    if (!byPerson.has(row.scimId)) byPerson.set(row.scimId, row.userName);
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

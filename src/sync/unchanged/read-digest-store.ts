import { and, eq } from "drizzle-orm";
import { drizzleOf, type Sqlite } from "../../db/open.js";
import { readDigests } from "../../db/schema.js";

// The one owner of `read_digests` (migrations/0018_read_digests.sql, 0019_raw_read_digests.sql); one row per company,
// so drizzle's builder.

/** What the last applied run read: company number → digest (read-digest.ts), and that run's id. */
export interface StoredDigests {
  readonly runId: number;
  readonly byCompany: ReadonlyMap<string, string>;
  /** The digests of the companies' raw answers (null for a company whose source hashed none). */
  readonly rawByCompany: ReadonlyMap<string, string | null>;
}

/** Which of a company's digests: of its records, or of the raw answers they were read from. */
export type DigestKind = "records" | "raw";

/** The digests the connector's last applied run stored, or null when there are none to compare with. */
export function readStoredDigests(sqlite: Sqlite, connectorId: string): StoredDigests | null {
  const rows = drizzleOf(sqlite)
    .select({
      companyNumber: readDigests.companyNumber,
      runId: readDigests.runId,
      digest: readDigests.digest,
      rawDigest: readDigests.rawDigest,
    })
    .from(readDigests)
    .where(eq(readDigests.connectorId, connectorId))
    .all();
  const first = rows[0];
  // Written together by one run; rows of two runs would mean a write this module does not make.
  if (!first || rows.some((row) => row.runId !== first.runId)) return null;
  return {
    runId: first.runId,
    byCompany: new Map(rows.map((row) => [row.companyNumber, row.digest])),
    rawByCompany: new Map(rows.map((row) => [row.companyNumber, row.rawDigest])),
  };
}

/**
 * Replaces the connector's digests with those of the run that just applied (`raw`: of the companies whose answers
 * were hashed). Call inside the apply transaction, so the digests exist exactly when what they describe was applied.
 */
export function replaceStoredDigests(
  sqlite: Sqlite,
  connectorId: string,
  runId: number,
  byCompany: ReadonlyMap<string, string>,
  raw: ReadonlyMap<string, string>,
): void {
  forgetStoredDigests(sqlite, connectorId);
  const rows = [...byCompany].map(([companyNumber, digest]) => ({
    connectorId,
    companyNumber,
    runId,
    digest,
    rawDigest: raw.get(companyNumber) ?? null,
  }));
  if (rows.length > 0) drizzleOf(sqlite).insert(readDigests).values(rows).run();
}

/**
 * Stores the raw digests of answers whose records equal those stored (a run that parsed them and found nothing
 * changed), so the next run with the same answers skips their parse too.
 */
export function replaceRawDigests(sqlite: Sqlite, connectorId: string, raw: ReadonlyMap<string, string>): void {
  for (const [companyNumber, rawDigest] of raw)
    drizzleOf(sqlite)
      .update(readDigests)
      .set({ rawDigest })
      .where(and(eq(readDigests.connectorId, connectorId), eq(readDigests.companyNumber, companyNumber)))
      .run();
}

/** Drops the connector's digests: whatever applies next was not planned from them (an approved held run). */
export function forgetStoredDigests(sqlite: Sqlite, connectorId: string): void {
  drizzleOf(sqlite).delete(readDigests).where(eq(readDigests.connectorId, connectorId)).run();
}

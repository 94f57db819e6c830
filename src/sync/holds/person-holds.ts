import type { Sqlite } from "../../db/open.js";
import { prepared } from "../../db/statements.js";
import { holdKey } from "./person-hold-rules.js";
import type { HoldKind, PersonHold } from "../plan-types.js";

export type HoldStatus = "pending" | "approved" | "rejected";

/** A hold as stored and shown: the person, why, since when, and the admin's decision. */
export interface StoredHold extends PersonHold {
  readonly id: number;
  readonly firstRunId: number;
  readonly lastRunId: number;
  readonly since: string;
  readonly status: HoldStatus;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
}

/** What the next run must respect from the admins' decisions. */
export interface HoldVerdicts {
  /** holdKey()s of approved holds: their change goes through. */
  readonly approved: ReadonlySet<string>;
  /** People whose brake hold is approved: their deactivation or removal applies, whatever the brake says. */
  readonly brakeApproved: ReadonlySet<string>;
  /** People whose brake hold is pending or rejected: they stay frozen until an admin approves, even when the brake would not trip again. */
  readonly brakeOpen: ReadonlySet<string>;
}

const COLUMNS = `id, scim_id AS scimId, source_key AS sourceKey, company_number AS companyNumber, label, kind, fingerprint, detail,
  first_run_id AS firstRunId, last_run_id AS lastRunId, since, status, decided_by AS decidedBy, decided_at AS decidedAt`;

export function readHolds(sqlite: Sqlite, connectorId: string, status?: HoldStatus): StoredHold[] {
  const where = status ? "connector_id = ? AND status = ?" : "connector_id = ?";
  const params = status ? [connectorId, status] : [connectorId];
  return prepared(
    sqlite,
    `SELECT ${COLUMNS} FROM person_holds WHERE ${where} ORDER BY kind, company_number, label, id`,
  ).all(...params) as StoredHold[];
}

export function readHoldVerdicts(sqlite: Sqlite, connectorId: string): HoldVerdicts {
  const approved = new Set<string>();
  const brakeApproved = new Set<string>();
  const brakeOpen = new Set<string>();
  for (const hold of readHolds(sqlite, connectorId)) {
    if (hold.status === "approved") approved.add(holdKey(hold));
    if (hold.kind !== "brake") continue;
    (hold.status === "approved" ? brakeApproved : brakeOpen).add(hold.scimId);
  }
  return { approved, brakeApproved, brakeOpen };
}

/** Pending holds per connector, for the dashboard and the run's exit code. */
export function countPendingHolds(sqlite: Sqlite, connectorId: string): number {
  return prepared(sqlite, "SELECT count(*) FROM person_holds WHERE connector_id = ? AND status = 'pending'")
    .pluck()
    .get(connectorId) as number;
}

/**
 * Replaces the connector's holds with those of an applied run, in its transaction. A hold that persists keeps its
 * row (id, first run, decision); a new one starts pending; one whose cause is gone is deleted. Returns the number of
 * holds this run added.
 */
export function replaceHolds(
  sqlite: Sqlite,
  connectorId: string,
  runId: number,
  holds: readonly PersonHold[],
  at: string,
): number {
  const existing = new Map(readHolds(sqlite, connectorId).map((hold) => [holdKey(hold), hold]));
  const update = prepared(
    sqlite,
    "UPDATE person_holds SET label = ?, company_number = ?, detail = ?, last_run_id = ? WHERE id = ?",
  );
  const insert = prepared(
    sqlite,
    `INSERT INTO person_holds (connector_id, scim_id, source_key, company_number, label, kind, fingerprint, detail, first_run_id, last_run_id, since)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let added = 0;
  for (const hold of holds) {
    const key = holdKey(hold);
    const stored = existing.get(key);
    if (stored) {
      existing.delete(key);
      update.run(hold.label, hold.companyNumber, hold.detail, runId, stored.id);
      continue;
    }
    insert.run(
      connectorId,
      hold.scimId,
      hold.sourceKey,
      hold.companyNumber,
      hold.label,
      hold.kind,
      hold.fingerprint,
      hold.detail,
      runId,
      runId,
      at,
    );
    added++;
  }
  const remove = prepared(sqlite, "DELETE FROM person_holds WHERE id = ?");
  for (const gone of existing.values()) remove.run(gone.id);
  return added;
}

/** Which holds a decision covers: these ids, or every open one of a kind and/or company. */
export type HoldSelection =
  | { readonly ids: readonly number[] }
  | { readonly all: true; readonly kind?: HoldKind | undefined; readonly companyNumber?: string | undefined };

/** The open holds a decision would take (selectHolds), read from the store. */
export function openHoldsMatching(
  sqlite: Sqlite,
  connectorId: string,
  selection: HoldSelection,
  status: "approved" | "rejected",
): StoredHold[] {
  return selectHolds(readHolds(sqlite, connectorId), selection, status);
}

/**
 * Records an admin's decision. Approving applies at the next run (the caller starts one); rejecting keeps the
 * person held as they are and stops asking. Only open holds can be decided (selectHolds). Returns the holds decided.
 */
export function decideHolds(
  sqlite: Sqlite,
  connectorId: string,
  selection: HoldSelection,
  decision: { readonly status: "approved" | "rejected"; readonly by: string; readonly at: string },
): StoredHold[] {
  const chosen = openHoldsMatching(sqlite, connectorId, selection, decision.status);
  const set = prepared(sqlite, "UPDATE person_holds SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?");
  for (const hold of chosen) set.run(decision.status, decision.by, decision.at, hold.id);
  return chosen.map((hold) => ({ ...hold, status: decision.status, decidedBy: decision.by, decidedAt: decision.at }));
}

/**
 * The holds a decision would cover: those selected that are still open for it (approve takes pending and rejected
 * ones, reject takes pending ones). The console counts with it before asking the admin to confirm, so the number
 * confirmed is the number decided.
 */
export function selectHolds(
  holds: readonly StoredHold[],
  selection: HoldSelection,
  status: "approved" | "rejected",
): StoredHold[] {
  const open: readonly HoldStatus[] = status === "approved" ? ["pending", "rejected"] : ["pending"];
  return holds.filter((hold) => {
    if (!open.includes(hold.status)) return false;
    if ("ids" in selection) return selection.ids.includes(hold.id);
    return (
      (selection.kind === undefined || hold.kind === selection.kind) &&
      (selection.companyNumber === undefined || hold.companyNumber === selection.companyNumber)
    );
  });
}

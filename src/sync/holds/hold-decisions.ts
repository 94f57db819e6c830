import type { HoldSelection, StoredHold } from "./person-holds.js";
import { HOLD_KINDS, type HoldKind } from "../plan-types.js";

/**
 * A selection typed on the command line: "all" (optionally narrowed by kind and company) or hold ids separated by
 * commas. A kind or company with ids is refused: the ids already say who.
 */
export function parseHoldSelection(
  value: string,
  kind: string | undefined,
  companyNumber: string | undefined,
): HoldSelection | { error: string } {
  if (kind !== undefined && !(HOLD_KINDS as readonly string[]).includes(kind))
    return { error: `--kind is one of ${HOLD_KINDS.join(", ")}` };
  if (value === "all") return { all: true, kind: kind as HoldKind | undefined, companyNumber };
  if (kind !== undefined || companyNumber !== undefined)
    return { error: "--kind and --company go with all, not with hold ids" };
  const ids = value.split(",").map((id) => id.trim());
  if (ids.some((id) => !/^\d{1,15}$/.test(id)))
    return { error: 'holds are "all" or ids separated by commas, e.g. 12,13' };
  return { ids: ids.map(Number) };
}

/** The audit trail's line for a decision, the same from the console and the command line. */
export function decisionAuditDetail(decided: readonly StoredHold[]): string {
  return `${decided.length} decided: ${decided.map((hold) => `#${hold.id} ${hold.kind} ${hold.label}`).join("; ")}`;
}

/** The holds as the command line lists them, one per line. */
export function holdsText(holds: readonly StoredHold[]): string {
  if (holds.length === 0) return "nobody is held";
  return holds
    .map(
      (hold) =>
        `#${hold.id}\t${hold.status}${hold.decidedBy ? ` by ${hold.decidedBy}` : ""}\t${hold.kind}\tcompany ${hold.companyNumber}\t${hold.label}: ${hold.detail}`,
    )
    .join("\n");
}

import type { EmploymentRow } from "../rows.js";

/**
 * The row that places a Medewerker (the AFAS spec §2): it gives the employer, department, function, cost
 * centre, employee type and manager. Current contracts before future before ended; among current ones a line in
 * force first, then the later contract and line start; among future ones the earliest start (the next job); among
 * ended ones the latest end. Ties: the higher contract sequence number, then the lower employer code, so the choice
 * never depends on the order Profit returned the rows in.
 */
export function primaryRow(rows: readonly EmploymentRow[], today: string): EmploymentRow | null {
  let best: EmploymentRow | null = null;
  for (const row of rows) {
    if (row.contractStart === null) continue;
    if (best === null || comparePrimary(row, best, today) < 0) best = row;
  }
  return best;
}

type Status = 0 | 1 | 2;
const CURRENT: Status = 0;
const FUTURE: Status = 1;

function status(row: EmploymentRow, today: string): Status {
  const start = row.contractStart as string;
  if (start > today) return FUTURE;
  return row.contractEnd === null || today <= row.contractEnd ? CURRENT : 2;
}

function lineInForce(row: EmploymentRow, today: string): boolean {
  return row.lineStart !== null && row.lineStart <= today && (row.lineEnd === null || today <= row.lineEnd);
}

/** Negative when `a` ranks before `b`. */
function comparePrimary(a: EmploymentRow, b: EmploymentRow, today: string): number {
  const statusA = status(a, today);
  const byStatus = statusA - status(b, today);
  if (byStatus !== 0) return byStatus;
  const byRule =
    statusA === CURRENT
      ? Number(lineInForce(b, today)) - Number(lineInForce(a, today)) ||
        later(a.contractStart, b.contractStart) ||
        later(a.lineStart, b.lineStart)
      : statusA === FUTURE
        ? -later(a.contractStart, b.contractStart)
        : later(a.contractEnd, b.contractEnd) || later(a.lineStart, b.lineStart);
  if (byRule !== 0) return byRule;
  return (b.volgnummer ?? -1) - (a.volgnummer ?? -1) || compareText(a.werkgever, b.werkgever);
}

/** Negative when `a` is the later date; a missing date is the earliest. */
function later(a: string | null, b: string | null): number {
  return compareText(b ?? "", a ?? "");
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import type { LoketOrgEntity } from "../records.js";

/**
 * The organizational entity line that places a person today (the Loket spec §2): the line valid today (the later
 * start when several are), else the latest that started before today (the last place they had), else the earliest
 * future one (where they will start). A line without a start counts as valid from the beginning. Ties: the lower id.
 */
export function entityOnDay(lines: readonly LoketOrgEntity[], today: string): LoketOrgEntity | null {
  let best: LoketOrgEntity | null = null;
  for (const line of lines) if (best === null || compare(line, best, today) < 0) best = line;
  return best;
}

const VALID = 0;
const PAST = 1;

function status(line: LoketOrgEntity, today: string): number {
  const start = line.start ?? "";
  if (start > today) return 2;
  return line.end === null || today <= line.end ? VALID : PAST;
}

function compare(a: LoketOrgEntity, b: LoketOrgEntity, today: string): number {
  const statusA = status(a, today);
  const byStatus = statusA - status(b, today);
  if (byStatus !== 0) return byStatus;
  // Valid and past: the later start; future: the earlier start.
  const byStart = statusA === VALID || statusA === PAST ? order(b.start, a.start) : order(a.start, b.start);
  return byStart || order(a.id, b.id);
}

function order(a: string | null, b: string | null): number {
  const left = a ?? "";
  const right = b ?? "";
  return left < right ? -1 : left > right ? 1 : 0;
}

import type { LoketEmployment } from "../records.js";

/**
 * The employment that gives a person's employee type and organizational entities (the Loket spec §2): current
 * (`start ≤ today ≤ end`, or open) before future before ended; among current ones the later start (the newest job),
 * among future ones the earlier start (the next job), among ended ones the later end (the last job); the lower id
 * last, so the choice never depends on the order Loket returned them in. Employments without a start are ignored.
 */
export function primaryEmployment(employments: readonly LoketEmployment[], today: string): LoketEmployment | null {
  let best: LoketEmployment | null = null;
  for (const employment of employments) {
    if (employment.start === null) continue;
    if (best === null || compare(employment, best, today) < 0) best = employment;
  }
  return best;
}

const CURRENT = 0;
const FUTURE = 1;
const ENDED = 2;

function status(employment: LoketEmployment, today: string): number {
  if ((employment.start as string) > today) return FUTURE;
  return employment.end === null || today <= employment.end ? CURRENT : ENDED;
}

/** Negative when `a` ranks before `b`. */
function compare(a: LoketEmployment, b: LoketEmployment, today: string): number {
  const statusA = status(a, today);
  const byStatus = statusA - status(b, today);
  if (byStatus !== 0) return byStatus;
  const byRule =
    statusA === CURRENT ? order(b.start, a.start) : statusA === FUTURE ? order(a.start, b.start) : order(b.end, a.end);
  return byRule || order(a.id, b.id);
}

function order(a: string | null, b: string | null): number {
  const left = a ?? "";
  const right = b ?? "";
  return left < right ? -1 : left > right ? 1 : 0;
}

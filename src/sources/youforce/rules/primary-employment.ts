import type { EmploymentRecord } from "../records.js";

/**
 * The employment that places a person (the Youforce spec §2): it gives the company, department, function, cost
 * centre, employee type and manager. Current (hireDate ≤ today ≤ dischargeDate or open) before future before ended;
 * among current the later hireDate, among future the earlier, among ended the later dischargeDate; then the lower
 * employmentCode, then the lower id, so the choice never depends on the order Youforce returned them in.
 * Employments without a hireDate cannot make anyone active and place nobody.
 */
export function primaryEmployment(employments: readonly EmploymentRecord[], today: string): EmploymentRecord | null {
  let best: EmploymentRecord | null = null;
  for (const employment of employments) {
    if (employment.hireDate === null) continue;
    if (best === null || compare(employment, best, today) < 0) best = employment;
  }
  return best;
}

const CURRENT = 0;
const FUTURE = 1;

function status(employment: EmploymentRecord, today: string): number {
  if ((employment.hireDate as string) > today) return FUTURE;
  return employment.dischargeDate === null || today <= employment.dischargeDate ? CURRENT : 2;
}

/** Negative when `a` ranks before `b`. */
function compare(a: EmploymentRecord, b: EmploymentRecord, today: string): number {
  const statusA = status(a, today);
  const byStatus = statusA - status(b, today);
  if (byStatus !== 0) return byStatus;
  const byRule =
    statusA === CURRENT
      ? order(b.hireDate, a.hireDate)
      : statusA === FUTURE
        ? order(a.hireDate, b.hireDate)
        : order(b.dischargeDate ?? "", a.dischargeDate ?? "");
  return byRule || order(a.employmentCode ?? "", b.employmentCode ?? "") || order(a.id, b.id);
}

function order(a: string | null, b: string | null): number {
  const left = a ?? "";
  const right = b ?? "";
  return left < right ? -1 : left > right ? 1 : 0;
}

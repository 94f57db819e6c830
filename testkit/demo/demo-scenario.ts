import { currentPersonalInfo, type SimDataset, type SimEmployee } from "../nmbrs-sim/dataset.js";
import { addDays } from "../nmbrs-sim/dates.js";
import { endEmployment, setPersonalInfo, setWorkEmail } from "../nmbrs-sim/dataset-mutations.js";

/** Demo scenarios, applied to the simulator's dataset after the first sync: `--scenario brake`. */
export const DEMO_SCENARIOS = ["brake"] as const;
export type DemoScenario = (typeof DEMO_SCENARIOS)[number];

/**
 * Share of the working staff that leaves at once: above the default 10 % hold threshold, so the brake trips, and not
 * so far above that the demo stops looking like a plausible bad day in HR.
 */
const LEAVER_SHARE = 0.15;

export interface BrakeScenario {
  readonly leavers: number;
  /** "Name: old@… → new@…" */
  readonly movedDomain: string;
  /** The name of the person whose e-mail addresses were cleared. */
  readonly withoutEmail: string;
}

/**
 * What HR "did" since the first sync, so the second one shows every kind of hold: 15 % of the working staff left a
 * month ago (more than the hold threshold: the brake holds those deactivations), one work e-mail moved to a private
 * domain and one person's addresses were cleared (each held alone, keeping what Okta saw).
 */
export function applyBrakeScenario(dataset: SimDataset, today: string): BrakeScenario {
  // A month ago is past any days_after the demo uses (7), so each leaver would be deactivated now; only people
  // employed then and now can have left then.
  const leftOn = addDays(today, -30);
  const working = dataset.employees.filter(
    (employee) => isWorking(employee, leftOn) && isWorking(employee, today) && currentPersonalInfo(employee)?.emailWork,
  );
  const [moved, cleared, ...others] = working;
  if (!moved || !cleared) throw new Error("the demo dataset has too few employees for the brake scenario");
  const leavers = others.slice(0, Math.ceil(working.length * LEAVER_SHARE));
  for (const leaver of leavers) endEmployment(dataset, leaver.employeeId, leftOn);

  const oldAddress = currentPersonalInfo(moved)!.emailWork!;
  const newAddress = `${oldAddress.slice(0, oldAddress.indexOf("@"))}@gmail.com`;
  setWorkEmail(dataset, moved.employeeId, newAddress);
  // Both addresses: with only the work one gone, the sign-in would fall back to the private one (a moved domain again).
  setPersonalInfo(dataset, cleared.employeeId, { emailWork: null, emailPrivate: null });
  return {
    leavers: leavers.length,
    movedDomain: `${nameOf(moved)}: ${oldAddress} → ${newAddress}`,
    withoutEmail: nameOf(cleared),
  };
}

function isWorking(employee: SimEmployee, today: string): boolean {
  const employment = employee.employments.at(-1);
  return (
    employment !== undefined &&
    employment.startDate <= today &&
    (employment.endDate === null || employment.endDate >= today)
  );
}

function nameOf(employee: SimEmployee): string {
  const info = currentPersonalInfo(employee)!;
  return [info.nickname ?? info.firstName, info.prefix, info.lastName].filter(Boolean).join(" ");
}

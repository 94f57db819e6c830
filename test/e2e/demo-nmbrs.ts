import { todayIn } from "../../src/lifecycle/calendar.js";
import type { SimDataset } from "../../testkit/nmbrs-sim/dataset.js";
import { generateDataset } from "../../testkit/nmbrs-sim/generator.js";
import { startNmbrsSimulator, type NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";

/** The Nmbrs user the browser tests and screenshots type into the connector form. */
export const DEMO_NMBRS_USER = { username: "api@acme.nl", domain: "acme" } as const;

export interface DemoNmbrs {
  readonly dataset: SimDataset;
  readonly sim: NmbrsSimulator;
  readonly today: string;
}

/**
 * The Nmbrs that browser tests and screenshots connect to: the simulator serving a generated environment of three
 * companies (Dutch names with tussenvoegsels, pre-hires, leavers, rehires, people without e-mail). The gateway in
 * these runs keeps the real clock, so the data is anchored on today in Amsterdam, and so is the simulator's today.
 */
export async function startDemoNmbrs(options: {
  employeesPerCompany: number;
  token: string;
  conflicts?: number;
}): Promise<DemoNmbrs> {
  const today = todayIn("Europe/Amsterdam", new Date());
  const dataset = generateDataset({
    seed: 2026,
    companies: 3,
    employeesPerCompany: options.employeesPerCompany,
    today,
    conflicts: options.conflicts ?? 0,
  });
  const sim = await startNmbrsSimulator({ dataset, credentials: { ...DEMO_NMBRS_USER, token: options.token }, today });
  return { dataset, sim, today };
}

import { ACME, BETA, connectorConfig, hrPerson } from "./hr-data.js";
import { ScriptedSource } from "./scripted-source.js";

export const CRASH_TEAM_SIZE = 20_000;

/** The data of the crash-safety test: the first run's, or a second run's that is killed mid-fetch or mid-write. */
export function crashScenario(mode: "first" | "fetch" | "write") {
  const department = mode === "write" ? { code: "20", name: "Finance" } : { code: "10", name: "Sales" };
  const team = (prefix: string) =>
    Array.from({ length: CRASH_TEAM_SIZE / 2 }, (_, i) => hrPerson({ sourceKey: `${prefix}${i}`, lastName: `${prefix}${i}`, department }));
  const source = new ScriptedSource([ACME, BETA]).set(ACME, team("a")).set(BETA, team("b"));
  if (mode === "fetch") source.gates.set(BETA.number, new Promise<void>(() => undefined));
  return { source, connector: connectorConfig({ groups: { kinds: ["department"] }, max_deactivation_percent: 100 }) };
}

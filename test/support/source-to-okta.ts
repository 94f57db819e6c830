import { expect } from "vitest";
import type { ConnectorConfig } from "../../src/config/types.js";
import type { ConnectorRegistry } from "../../src/connectors/registry.js";
import type { RunOutcome } from "../../src/sync/run-sync.js";
import { addDays } from "../../testkit/nmbrs-sim/dates.js";
import { OktaImportSimulator } from "../../testkit/okta-sim/import-simulator.js";
import { ENTERPRISE_USER } from "../../src/directory/schema-urns.js";
import type { ScimResource } from "../../src/forecast/okta-model/scim-resource.js";
import { syncThroughProcesses } from "./process-sync.js";
import { startScimServer } from "./scim-server.js";
import { TestClock } from "./sync-fixture.js";

/** The scenario's first day (the clock starts on it at 08:00 UTC) and the day after. */
export const DAY_1 = "2026-01-10";
export const DAY_2 = "2026-01-11";
/**
 * For a test whose run fails: the sync process waits out the source's retries as production does (2 s, then 8 s, or
 * the Retry-After a fault asks for) before the run fails, on top of starting the process on a busy machine.
 */
export const FAILED_RUN_TIMEOUT_MS = 60_000;
/** The lifecycle window every source's scenario declares, as its tests' expectations read it. */
export const WINDOW = { daysBefore: 14, daysAfter: 7 } as const;
/** The same window as config.toml's connector settings. */
export const WINDOW_SETTINGS = { days_before: WINDOW.daysBefore, days_after: WINDOW.daysAfter } as const;

/** What a source's own harness hands in: its running simulator and its connector. */
export interface SourceUnderTest<Sim extends { close(): Promise<void> }> {
  readonly sim: Sim;
  /** Connector "acme" on the simulator, declared as config.toml would declare it. */
  readonly connector: ConnectorConfig;
}

export interface SourceToOkta<Sim> {
  /** One simulated day at 08:00 UTC, then a run of connector "acme". */
  sync(date: string): Promise<RunOutcome>;
  /** The scenario's first day: a run that must succeed, then Okta imports its users and groups. */
  firstImport(date: string): Promise<void>;
  /** The logins Okta holds as ACTIVE, sorted. */
  activeLogins(): string[];
  readonly okta: OktaImportSimulator;
  readonly sim: Sim;
  readonly registry: ConnectorRegistry;
  readonly clock: TestClock;
  /** Every row of the served directory, for "nothing changed" comparisons. */
  directoryRows(): unknown[];
  close(): Promise<void>;
}

/**
 * The whole way from an HR system to Okta on this machine, on the path production takes: the system's simulator,
 * connector "acme" declared as config.toml would declare it, each run in a sync process of its own that builds the
 * real source from the connector's settings and sealed secrets (process-sync.ts) and writes a real SQLite file, the
 * SCIM API on a real HTTP server, and the Okta import simulator. A run waits as production's does (retries, a
 * source's pacing): see FAILED_RUN_TIMEOUT_MS. The clock starts at 2026-01-10 08:00 UTC.
 */
export async function startSourceToOkta<Sim extends { close(): Promise<void> }>(
  dir: string,
  source: SourceUnderTest<Sim>,
): Promise<SourceToOkta<Sim>> {
  const server = await startScimServer({ dir });
  const clock = new TestClock(new Date(`${DAY_1}T08:00:00Z`));
  const { service, registry } = syncThroughProcesses(server, clock, [source.connector]);
  const okta = new OktaImportSimulator({ baseUrl: server.base(), authorization: server.bearer });
  const sync = (date: string) => {
    clock.set(`${date}T08:00:00Z`);
    return service.runNow("acme", "daily");
  };
  return {
    sync,
    firstImport: async (date) => {
      const first = await sync(date);
      expect(first.status, first.message).toBe("succeeded");
      await okta.importUsers();
      await okta.importGroups();
    },
    activeLogins: () =>
      [...okta.directory.users.values()]
        .filter((user) => user.status === "ACTIVE")
        .map((user) => user.profile.login)
        .sort(),
    okta,
    sim: source.sim,
    registry,
    clock,
    directoryRows: () =>
      server.db.sqlite.prepare("SELECT * FROM scim_resources WHERE connector_id = 'acme' ORDER BY row_id").all(),
    close: async () => {
      okta.close();
      await server.close();
      await source.sim.close();
    },
  };
}

/**
 * Runs `date` after `breakIt` has broken the source, expects the run to fail and the served directory to be exactly
 * as before, and returns the failed outcome for the source's own checks of its message.
 */
export async function expectFailedRunKeepsDirectory(
  chain: Pick<SourceToOkta<unknown>, "sync" | "directoryRows">,
  date: string,
  breakIt: () => void,
): Promise<RunOutcome> {
  const before = chain.directoryRows();
  breakIt();
  const outcome = await chain.sync(date);
  expect(outcome.status).toBe("failed");
  expect(chain.directoryRows()).toEqual(before);
  return outcome;
}

/** An organisation as the source's simulator moves people to it: its code there and the name Okta is served. */
export interface Organisation {
  readonly code: string;
  readonly name: string;
}

/**
 * Moves the person who signs in as `login` from one of `organisations` to the other (`move` changes the simulator's
 * data from DAY_2), syncs DAY_2 and has Okta import: the person keeps their SCIM id, stays active and is served in the
 * new organisation. Returns Okta's view of the person before the move, for the source's own checks.
 */
export async function expectMoveKeepsScimId(
  chain: Pick<SourceToOkta<unknown>, "sync" | "okta">,
  login: string,
  organisations: readonly [Organisation, Organisation],
  move: (target: Organisation) => void,
): Promise<ScimResource | undefined> {
  const organisationOf = (user: ScimResource | undefined) =>
    (user?.[ENTERPRISE_USER] as { organization?: string } | undefined)?.organization;
  const before = await chain.okta.findUserByUserName(login);
  const [first, second] = organisations;
  const target = organisationOf(before) === first.name ? second : first;
  move(target);
  const outcome = await chain.sync(DAY_2);
  expect(outcome.status, outcome.message).toBe("succeeded");
  await chain.okta.importUsers();
  const after = await chain.okta.findUserByUserName(login);
  expect(after?.id).toBe(before?.id);
  expect(organisationOf(after)).toBe(target.name);
  expect(after?.active).toBe(true);
  return before;
}

/** Whether the lifecycle makes a contract from `start` to `end` (null: open) active on `today`, with WINDOW. */
export function activeInWindow(today: string, start: string, end: string | null): boolean {
  return addDays(start, -WINDOW.daysBefore) <= today && (end === null || today <= addDays(end, WINDOW.daysAfter));
}

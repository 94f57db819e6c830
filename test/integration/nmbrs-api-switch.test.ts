import { createServer } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Clock } from "../../src/clock.js";
import { parseConfig } from "../../src/config/load.js";
import type { ConnectorConfig } from "../../src/config/types.js";
import { keyedForecast, type KeyedForecast } from "../../src/forecast/next-import.js";
import { startGateway, type Gateway } from "../../src/gateway.js";
import { OktaImportSimulator } from "../../testkit/okta-sim/import-simulator.js";
import { setPersonalInfo } from "../../testkit/nmbrs-sim/dataset-mutations.js";
import { currentPersonalInfo, type SimDataset, type SimEmployee } from "../../testkit/nmbrs-sim/dataset.js";
import { generateDataset } from "../../testkit/nmbrs-sim/generator.js";
import { startNmbrsSimulator, type NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { apiSwitchReportText } from "../../src/sync/api-switch/report-text.js";
import { readRun } from "../../src/sync/run-store.js";
import { SyncError } from "../../src/sync/sync-error.js";
import { approveInProcess } from "../../src/sync/process/sync-process.js";
import { bothApisConnector, connectToSimulator } from "../support/nmbrs-rest.js";
import { SIM_CREDENTIALS, SIM_TODAY } from "../support/nmbrs-sim.js";
import { TestClock } from "../support/sync-fixture.js";
import { SIMULATED_DAYS_TIMEOUT_MS } from "../support/hr-to-okta.js";
import { syncChildBundle } from "../support/sync-child-bundle.js";
import { threadDepsOf } from "../support/sync-process-deps.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * Moving a connector from the Nmbrs SOAP API to the REST API in place, as an admin does it: REST settings added next
 * to the SOAP ones, "Connect to Nmbrs", a dry run, `kind` changed in config.toml and the gateway restarted. Okta
 * imports before and after through the Okta import simulator. The people are the same in both APIs (one simulator
 * dataset), their ids are not (integers vs GUIDs).
 */
const tempDir = useTempDir();
const OKTA_TOKEN = "okta-bearer-token-for-the-migration-test-5d1f";
let gateway: Gateway | undefined;
let sim: NmbrsSimulator | undefined;
let okta: OktaImportSimulator | undefined;
afterEach(async () => {
  okta?.close();
  await gateway?.close();
  await sim?.close();
  okta = gateway = sim = undefined;
});

interface Setup {
  readonly dataset: SimDataset;
  readonly clock: TestClock;
  /** Starts (or restarts, on the same port and database) the gateway with connector "acme" reading `kind`. */
  restart(kind: "nmbrs-soap" | "nmbrs-rest"): Promise<Gateway>;
}

async function setUp(size: { companies: number; employeesPerCompany: number }): Promise<Setup> {
  const dataset = generateDataset({ seed: 3, today: SIM_TODAY, ...size });
  const clock = new TestClock(new Date(`${SIM_TODAY}T08:00:00Z`));
  sim = await startNmbrsSimulator({ dataset, credentials: SIM_CREDENTIALS, today: SIM_TODAY });
  const dir = tempDir();
  const port = await freePort();
  return {
    dataset,
    clock,
    restart: async (kind) => {
      await gateway?.close();
      // The hold threshold is set high: the switch must hold for unmatched people on its own, whatever the share.
      const connector: ConnectorConfig = {
        ...bothApisConnector(sim!, kind, { max_deactivation_percent: 100 }),
        scim: { username: null, password: null, bearerToken: OKTA_TOKEN },
      };
      gateway = await startGatewayAt(dir, port, [connector], clock.now);
      okta ??= new OktaImportSimulator({
        baseUrl: `${gateway.url}/scim/v2/acme`,
        authorization: `Bearer ${OKTA_TOKEN}`,
      });
      return gateway;
    },
  };
}

function startGatewayAt(dir: string, port: number, connectors: ConnectorConfig[], clock: Clock): Promise<Gateway> {
  const base = parseConfig(
    { server: { listen: `127.0.0.1:${port}` }, storage: { path: join(dir, "gateway.db") } },
    null,
    {},
  );
  // Runs, dry runs and approvals go to sync processes (the bundle: no tsx loader), each at the clock's instant.
  return startGateway({
    config: { ...base, connectors },
    clock,
    stdoutLevel: "silent",
    schedule: false,
    syncChildModule: syncChildBundle(),
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once("error", reject);
  });
}

function servedUserIds(gateway: Gateway): string[] {
  return gateway.db.sqlite
    .prepare(
      "SELECT scim_id FROM scim_resources WHERE connector_id = 'acme' AND resource_type = 'User' AND gen_to IS NULL ORDER BY scim_id",
    )
    .pluck()
    .all() as string[];
}

/** The source keys of the people Okta sees. */
function servedKeys(gateway: Gateway): string[] {
  return gateway.db.sqlite
    .prepare(
      "SELECT source_key FROM people WHERE connector_id = 'acme' AND scim_id IN (SELECT scim_id FROM scim_resources WHERE connector_id = 'acme' AND resource_type = 'User' AND gen_to IS NULL)",
    )
    .pluck()
    .all() as string[];
}

function sourceKeys(gateway: Gateway): string[] {
  return gateway.db.sqlite
    .prepare("SELECT source_key FROM people WHERE connector_id = 'acme'")
    .pluck()
    .all() as string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("switching a connector from the Nmbrs SOAP API to the REST API", () => {
  it(
    "names in the dry run the employee types a switch would still rename (an environment with English SOAP labels)",
    async () => {
      const setup = await setUp({ companies: 1, employeesPerCompany: 60 });
      const english: Record<string, string> = {
        payroll: "Payroll",
        newHire: "New hire",
        external: "External",
        formerPayroll: "Former payroll",
      };
      setup.dataset.employeeTypes = setup.dataset.employeeTypes.map((type) => ({
        ...type,
        description: english[type.code] ?? type.description,
      }));
      const gw = await setup.restart("nmbrs-soap");
      expect((await gw.sync.runNow("acme", "manual")).status).toBe("succeeded");
      await connectToSimulator(gw.registry, "acme", sim!, setup.clock.now);

      const report = await gw.sync.dryRunApiSwitch("acme");
      const served = (code: string) =>
        setup.dataset.employees.filter(
          (employee) => setup.dataset.employeeTypes.find((type) => type.id === employee.employeeTypeId)?.code === code,
        );
      expect(report.userTypeRenames[0]).toEqual({ from: "Payroll", to: "Loondienst", users: expect.any(Number) });
      expect(report.userTypeRenames[0]!.users).toBeGreaterThan(0);
      expect(report.userTypeRenames[0]!.users).toBeLessThanOrEqual(served("payroll").length);
      expect(
        report.userTypeRenames.every(
          (rename) => rename.from !== rename.to && Object.values(english).includes(rename.from!),
        ),
      ).toBe(true);
      expect(apiSwitchReportText(report)).toContain("employee type renamed for");
    },
    SIMULATED_DAYS_TIMEOUT_MS,
  );

  it(
    "keeps every SCIM id of 1,000 people: Okta's next import has 0 new and 0 removed users, and so has the way back",
    async () => {
      const setup = await setUp({ companies: 2, employeesPerCompany: 500 });
      let gw = await setup.restart("nmbrs-soap");
      expect((await gw.sync.runNow("acme", "manual")).status).toBe("succeeded");
      const first = await okta!.importUsers();
      expect(first.new).toBeGreaterThan(700);
      expect((await okta!.importGroups()).new).toBeGreaterThan(0);
      const idsOverSoap = servedUserIds(gw);
      expect(sourceKeys(gw)).toHaveLength(1000);
      expect(sourceKeys(gw).every((key) => /^\d+$/.test(key))).toBe(true);

      await connectToSimulator(gw.registry, "acme", sim!, setup.clock.now);
      const report = await gw.sync.dryRunApiSwitch("acme");
      expect(report).toMatchObject({
        from: "nmbrs-soap",
        to: "nmbrs-rest",
        listed: 1000,
        unmatchedServed: [],
        newServed: [],
        holdReason: null,
        withoutBirthDateHash: 0,
      });
      // REST's type codes come back as SOAP's labels: no userType or employee-type group is renamed.
      expect(report.userTypeRenames).toEqual([]);
      expect(report.okta).toMatchObject({ created: 0, removed: 0 });
      // Everyone Okta sees matches on number and birth date; people no longer served keep no birth-date check
      // (data minimisation) and match by e-mail, or stay under their old key.
      expect(report.matchedBy["birth date"]).toBeGreaterThanOrEqual(idsOverSoap.length);
      expect(servedUserIds(gw)).toEqual(idsOverSoap); // the dry run changed nothing

      gw = await setup.restart("nmbrs-rest");
      const switched = await gw.sync.runNow("acme", "manual");
      expect(switched).toMatchObject({ status: "succeeded", stats: { created: 0, removed: 0 } });
      expect(servedUserIds(gw)).toEqual(idsOverSoap);
      expect(servedKeys(gw).every((key) => GUID.test(key))).toBe(true);
      // REST has no display name, so each served user's displayName becomes "First Last" once: updated, never new.
      const afterSwitch = await okta!.importUsers();
      expect(afterSwitch).toMatchObject({
        new: 0,
        matched: 0,
        removed: 0,
        deactivated: 0,
        reactivated: 0,
        paused: false,
      });
      expect(afterSwitch.updated).toBeGreaterThan(0);
      expect(afterSwitch.updated).toBeLessThanOrEqual(idsOverSoap.length);
      expect(await okta!.importGroups()).toMatchObject({ new: 0, removed: 0 });

      // Rolling back before 1 March 2027 is the same move the other way.
      gw = await setup.restart("nmbrs-soap");
      expect((await gw.sync.runNow("acme", "manual")).status).toBe("succeeded");
      expect(servedUserIds(gw)).toEqual(idsOverSoap);
      expect(servedKeys(gw).every((key) => /^\d+$/.test(key))).toBe(true);
      expect(await okta!.importUsers()).toMatchObject({ new: 0, removed: 0, deactivated: 0 });
    },
    SIMULATED_DAYS_TIMEOUT_MS,
  );

  // The gateway approves in a sync process at the test's clock; one started here has none (the system clock). Both
  // must apply the same stored plan.
  it.each(["the gateway's sync process", "a sync process of the test's"])(
    "matches by e-mail when the birth date was corrected, and holds the switch for people it cannot match, listed for approval (approved on %s)",
    async (where) => {
      const setup = await setUp({ companies: 1, employeesPerCompany: 30 });
      let gw = await setup.restart("nmbrs-soap");
      expect((await gw.sync.runNow("acme", "manual")).status).toBe("succeeded");
      await okta!.importUsers();
      const served = new Set(servedUserIds(gw));
      const people = servedPeople(gw, setup.dataset).filter(
        (person) => served.has(person.scimId) && currentPersonalInfo(person.employee)?.emailWork,
      );
      const corrected = people[0]!;
      const reentered = people[1]!;
      setPersonalInfo(setup.dataset, corrected.employee.employeeId, { birthday: "1970-01-01" });
      // HR re-entered someone: another number, another birth date, another e-mail. Nothing ties the two records.
      reentered.employee.employeeNumber = 900;
      setPersonalInfo(setup.dataset, reentered.employee.employeeId, {
        birthday: "1971-02-03",
        emailWork: "someone.new@example.nl",
        emailPrivate: null,
      });

      await connectToSimulator(gw.registry, "acme", sim!, setup.clock.now);
      const report = await gw.sync.dryRunApiSwitch("acme");
      expect(report.matchedBy["e-mail"]).toBeGreaterThanOrEqual(1);
      expect(report.unmatchedServed.map((person) => person.scimId)).toEqual([reentered.scimId]);
      expect(report.newServed.map((person) => person.label)).toEqual([expect.stringMatching(/^900 /)]);
      expect(report.okta).toMatchObject({ created: 1 });
      expect(report.holdReason).toMatch(
        /could not match 2 people \(1 Okta sees would be deactivated, 1 would reach Okta as new users\)/,
      );

      gw = await setup.restart("nmbrs-rest");
      const before = servedUserIds(gw);
      const held = await gw.sync.runNow("acme", "manual");
      expect(held.status).toBe("held");
      expect(held.message).toContain(
        "switches the connector from nmbrs-soap to nmbrs-rest and could not match 2 people",
      );
      const run = readRun(gw.db.sqlite, held.runId)!;
      expect(run.affected!.map((person) => [person.from, person.reason.slice(0, 20)])).toEqual(
        expect.arrayContaining([
          [expect.stringMatching(/active|inactive/), expect.any(String)],
          ["pending", "matches no one Okta "],
        ]),
      );
      expect(servedUserIds(gw)).toEqual(before);
      expect(sourceKeys(gw).every((key) => /^\d+$/.test(key))).toBe(true);

      const forecasts: KeyedForecast[] = [];
      const onThread = approveInProcess({
        ...threadDepsOf(gw),
        onForecast: (_connectorId, keyed) => forecasts.push(keyed),
      });
      const approve = () =>
        where === "a sync process of the test's"
          ? onThread(gw.registry.resolve("acme")!, held.runId, "beheer")
          : gw.sync.approve(held.runId, "beheer");
      expect(await approve()).toMatchObject({
        id: held.runId,
        status: "approved",
        decidedBy: "beheer",
        appliedGen: expect.any(Number) as number,
      });
      if (where === "a sync process of the test's") expect(forecasts).toEqual([keyedForecast(gw.db.sqlite, "acme")]);
      const refused = await approve().catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(SyncError);
      expect(refused).toMatchObject({
        message: `run ${held.runId} is approved, not held: there is nothing to approve`,
        details: { connectorId: "acme", runId: held.runId },
      });
      const keyOf = (scimId: string) =>
        gw.db.sqlite.prepare("SELECT source_key FROM people WHERE scim_id = ?").pluck().get(scimId) as string;
      expect(keyOf(corrected.scimId)).toMatch(GUID);
      expect(keyOf(reentered.scimId)).toBe(String(reentered.employee.employeeId));
      expect((await gw.sync.runNow("acme", "manual")).status).toBe("succeeded");
      expect(await okta!.importUsers()).toMatchObject({ new: 1, removed: 0 });
    },
    SIMULATED_DAYS_TIMEOUT_MS,
  );
});

/** Served people with the employee they are in the simulator (matched by company and employee number). */
function servedPeople(gateway: Gateway, dataset: SimDataset): { scimId: string; employee: SimEmployee }[] {
  const rows = gateway.db.sqlite
    .prepare("SELECT scim_id AS scimId, source_key AS sourceKey FROM people WHERE connector_id = 'acme' ORDER BY seq")
    .all() as { scimId: string; sourceKey: string }[];
  return rows.map((row) => ({
    scimId: row.scimId,
    employee: dataset.employees.find((employee) => String(employee.employeeId) === row.sourceKey)!,
  }));
}

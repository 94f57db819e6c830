import { writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.js";
import { exportPerson } from "../../src/ops/export-person.js";
import { OpsError } from "../../src/ops/ops-error.js";
import { generateDataset } from "../../testkit/nmbrs-sim/generator.js";
import { startNmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { spawnTs } from "../support/child-process.js";
import { rehire, setPersonalInfo } from "../../testkit/nmbrs-sim/dataset-mutations.js";
import { connectorConfig } from "../support/hr-data.js";
import {
  BETA_NMBRS,
  hire,
  keyOf,
  scenarioDataset,
  simConnector,
  startScenarioSimulator,
} from "../support/nmbrs-scenario.js";
import { syncFixture, type SyncFixture } from "../support/sync-fixture.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir("hrgw-minimal-");
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Nine-digit numbers that pass the BSN "elfproef", as Nmbrs would send them. */
function validBsns(count: number): string[] {
  const found: string[] = [];
  for (let n = 111_222_330; found.length < count; n++) {
    const digits = String(n).split("").map(Number);
    const sum = digits.slice(0, 8).reduce((total, digit, i) => total + digit * (9 - i), 0) - digits[8]!;
    if (sum % 11 === 0) found.push(String(n));
  }
  return found;
}

/**
 * Between the gateway and the simulator: records every request, and adds a <BSN> to every personal-info record
 * in the answers, as if Nmbrs started sending it unasked (an API change, a misconfigured template).
 */
async function bsnInjectingProxy(target: string, bsns: string[]) {
  const requests: { action: string; body: string }[] = [];
  let next = 0;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    requests.push({ action: String(req.headers.soapaction ?? req.headers["content-type"] ?? ""), body });
    const upstream = await fetch(`${new URL(target).origin}${req.url}`, {
      method: "POST",
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(([name]) => ["content-type", "soapaction"].includes(name)),
      ) as Record<string, string>,
      body,
    });
    const text = (await upstream.text()).replace(
      /<PersonalInfo_V2>/g,
      () => `<PersonalInfo_V2><BSN>${bsns[next++ % bsns.length]}</BSN>`,
    );
    res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "text/xml" });
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${new URL(target).pathname}`, requests, injected: () => next };
}

describe("no BSN is requested or stored", () => {
  it("asks Nmbrs only for personal info without BSN, and keeps none that is sent anyway", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const credentials = { username: "api@acme.nl", token: "minimisation-token-1", domain: "acme" };
    const sim = await startNmbrsSimulator({
      dataset: generateDataset({ seed: 3, companies: 2, employeesPerCompany: 20, today }),
      credentials,
      today,
    });
    cleanups.push(() => sim.close());
    const bsns = validBsns(40);
    const proxy = await bsnInjectingProxy(sim.url, bsns);
    const connector = connectorConfig({
      max_deactivation_percent: 100,
      managers: true,
      groups: { kinds: ["department", "cost_center"] },
    });
    const gw: TestGateway = await startTestGateway({
      dir: tempDir(),
      // The real SOAP source, in a sync process as in production, reads Nmbrs through the proxy.
      connectors: [{ ...connector, nmbrs: { ...connector.nmbrs!, endpoint: proxy.url, ...credentials } }],
    });
    cleanups.push(() => gw.close());
    expect((await gw.sync.runNow("acme", "manual")).status).toBe("succeeded");
    gw.logStore.flush();
    gw.scim.flush();

    // Requested: every operation named in a request body or SOAPAction that mentions BSN is the WithoutBSN one.
    const operations = new Set([...sim.stats.operations.keys()]);
    expect(operations).toContain("EmployeeService.PersonalInfoWithoutBSN_Get_GetAllEmployeesByCompany");
    expect([...operations].filter((operation) => /bsn/i.test(operation) && !operation.includes("WithoutBSN"))).toEqual(
      [],
    );
    const mentions = proxy.requests.flatMap(({ action, body }) => `${action} ${body}`.match(/\w*BSN\w*/gi) ?? []);
    expect(new Set(mentions)).toEqual(new Set(["PersonalInfoWithoutBSN_Get_GetAllEmployeesByCompany"]));

    // Stored: none of the injected numbers anywhere in the database, and no BSN field in what is kept of a person.
    expect(proxy.injected()).toBeGreaterThanOrEqual(40);
    const tables = gw.db.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all() as string[];
    const everything = tables
      .map((table) => JSON.stringify(gw.db.sqlite.prepare(`SELECT * FROM "${table}"`).raw().all()))
      .join("\n");
    expect(bsns.filter((bsn) => everything.includes(bsn))).toEqual([]);
    const people = gw.db.sqlite.prepare("SELECT last_person FROM people").pluck().all() as string[];
    expect(people.length).toBe(40);
    expect(people.filter((json) => /bsn/i.test(json))).toEqual([]);
  });
});

describe("retention: people removed from Okta are purged", () => {
  const purgeFixture = async () => {
    const dataset = scenarioDataset();
    hire(dataset);
    const leaver = hire(dataset, { lastName: "Leaver", start: "2020-01-01", end: "2026-01-31" });
    const sim = await startScenarioSimulator(dataset);
    cleanups.push(() => sim.close());
    // retention_days = 90: served inactive for 90 days, removed, then purged 90 days after the removal.
    const fixture = syncFixture({
      connector: simConnector(sim, { max_deactivation_percent: 100 }),
      start: "2026-01-20T08:00:00Z",
    });
    cleanups.push(() => fixture.db.close());
    const row = () =>
      fixture.db.sqlite
        .prepare("SELECT scim_id AS scimId, state, last_person AS lastPerson FROM people WHERE source_key = ?")
        .get(keyOf(leaver)) as {
        scimId: string;
        state: string;
        lastPerson: string | null;
      };
    return { fixture, dataset, sim, leaver, row };
  };
  const history = (fixture: SyncFixture, scimId: string) =>
    fixture.db.sqlite.prepare("SELECT count(*) FROM person_changes WHERE scim_id = ?").pluck().get(scimId) as number;
  const runAt = async (
    { fixture, sim }: { fixture: SyncFixture; sim: { settings: { today: string } } },
    iso: string,
  ) => {
    fixture.clock.set(iso);
    sim.settings.today = iso.slice(0, 10);
    expect((await fixture.service.runNow("acme", "schedule")).status).toBe("succeeded");
  };

  it("keeps the source record and history while removed less than retention_days, then deletes both but keeps the identity", async () => {
    const scenario = await purgeFixture();
    const { fixture, row } = scenario;
    await runAt(scenario, "2026-01-20T08:00:00Z");
    await runAt(scenario, "2026-02-10T08:00:00Z");
    await runAt(scenario, "2026-05-20T08:00:00Z");
    const removed = row();
    expect(removed.state).toBe("removed");
    expect(removed.lastPerson).toContain("Leaver");
    expect(history(fixture, removed.scimId)).toBeGreaterThanOrEqual(3);

    // Removed on 2026-05-20 (the first run after the grace period ended on 2026-05-08): purged 90 days later.
    await runAt(scenario, "2026-08-17T08:00:00Z");
    expect(row().lastPerson).not.toBeNull();
    await runAt(scenario, "2026-08-19T08:00:00Z");
    expect(row()).toEqual({ scimId: removed.scimId, state: "removed", lastPerson: null });
    expect(history(fixture, removed.scimId)).toBe(0);
    // The next run neither rewrites the record (the source still lists them, unchanged) nor brings history back.
    await runAt(scenario, "2026-08-20T08:00:00Z");
    expect(row().lastPerson).toBeNull();
    expect(history(fixture, removed.scimId)).toBe(0);
  });

  it("a rehire after the purge is the same Okta user again", async () => {
    const scenario = await purgeFixture();
    const { dataset, leaver, row } = scenario;
    for (const day of ["2026-01-20", "2026-02-10", "2026-05-20", "2026-08-19"])
      await runAt(scenario, `${day}T08:00:00Z`);
    const purged = row();
    expect(purged.lastPerson).toBeNull();
    rehire(dataset, leaver.employeeId, "2026-09-01");
    await runAt(scenario, "2026-08-25T08:00:00Z");
    expect(row()).toMatchObject({
      scimId: purged.scimId,
      state: "active",
      lastPerson: expect.stringContaining("Leaver"),
    });
  });
});

describe("npm run export-person", () => {
  async function exported() {
    const dir = tempDir();
    const path = join(dir, "gateway.db");
    const dataset = scenarioDataset();
    const jan = hire(dataset, { employeeNumber: 42, lastName: "Jansen", privateEmail: "jan@home.nl" });
    hire(dataset, { company: BETA_NMBRS, employeeNumber: 42, lastName: "Smit" });
    const visser = hire(dataset, { company: BETA_NMBRS, employeeNumber: 7, lastName: "Visser" });
    const sim = await startScenarioSimulator(dataset, { today: "2026-01-10" });
    cleanups.push(() => sim.close());
    const fixture = syncFixture({ connector: simConnector(sim, { groups: { kinds: ["department"] } }), path });
    await fixture.service.runNow("acme", "schedule");
    setPersonalInfo(dataset, jan.employeeId, { lastName: "Jansen-de Boer" }, "2026-01-10T12:00:00");
    fixture.clock.set("2026-01-11T08:00:00Z");
    sim.settings.today = "2026-01-11";
    await fixture.service.runNow("acme", "schedule");
    const scimId = fixture.db.sqlite
      .prepare("SELECT scim_id FROM people WHERE source_key = ?")
      .pluck()
      .get(keyOf(jan)) as string;
    const userName = fixture.db.sqlite
      .prepare("SELECT user_name FROM scim_resources WHERE scim_id = ? AND gen_to IS NULL")
      .pluck()
      .get(scimId) as string;
    // Okta looked this person up by id and by userName; and listed everyone (not a lookup of this person).
    const log = fixture.db.sqlite.prepare(
      "INSERT INTO scim_request_log (at, request_id, connector_id, method, path, query, status, duration_ms) VALUES (?, ?, 'acme', 'GET', ?, ?, 200, 1)",
    );
    log.run("2026-01-11T09:00:00Z", "r1", `/scim/v2/acme/Users/${scimId}`, null);
    log.run(
      "2026-01-11T09:01:00Z",
      "r2",
      "/scim/v2/acme/Users",
      new URLSearchParams({ filter: `userName eq "${userName}"` }).toString(),
    );
    log.run("2026-01-11T09:02:00Z", "r3", "/scim/v2/acme/Users", "startIndex=1&count=100");
    fixture.db.close();
    return { dir, path, scimId, janKey: keyOf(jan), visserKey: keyOf(visser) };
  }

  it("collects identity, state, source fields, the served user, groups, history and Okta's lookups; and audits the export", async () => {
    const { path, scimId, janKey } = await exported();
    const db = openDatabase(path);
    cleanups.push(() => db.close());
    const result = exportPerson(db.sqlite, {
      connectorId: "acme",
      ref: scimId,
      actor: "dpo (cli)",
      clock: () => new Date("2026-01-12T10:00:00Z"),
    });
    expect(result).toMatchObject({
      connector: "acme",
      person: { scimId, sourceKey: janKey, companyNumber: "1", employeeNumber: "42", state: "active" },
      sourceFields: { lastName: "Jansen-de Boer", privateEmail: "jan@home.nl" },
      servedToOkta: { id: scimId, name: expect.objectContaining({ familyName: "Jansen-de Boer" }) },
      groups: ["Sales"],
    });
    expect(result.sourceFields).not.toHaveProperty("birthDate");
    expect(result.history.map((change) => change.field)).toEqual(expect.arrayContaining(["state", "name.familyName"]));
    expect(result.oktaLookups.map((lookup) => lookup.at)).toEqual(["2026-01-11T09:00:00Z", "2026-01-11T09:01:00Z"]);
    expect(db.sqlite.prepare("SELECT actor, action, connector_id AS connectorId, detail FROM audit_log").all()).toEqual(
      [{ actor: "dpo (cli)", action: "person_export", connectorId: "acme", detail: `scim id ${scimId}` }],
    );
  });

  it("finds a person by employee number, and asks for the SCIM id when the number is used in two companies", async () => {
    const { path, visserKey } = await exported();
    const db = openDatabase(path);
    cleanups.push(() => db.close());
    const request = { connectorId: "acme", actor: "dpo", clock: () => new Date() };
    expect(exportPerson(db.sqlite, { ...request, ref: "7" }).person.sourceKey).toBe(visserKey);
    expect(() => exportPerson(db.sqlite, { ...request, ref: "42" })).toThrow(
      /exists in several companies \(company 1: .+, company 2: .+\); give the SCIM id/,
    );
    expect(() => exportPerson(db.sqlite, { ...request, ref: "999" })).toThrow(OpsError);
    expect(() => exportPerson(db.sqlite, { ...request, connectorId: "nope", ref: "7" })).toThrow(
      /there is no connector "nope"/,
    );
  });

  it("prints the export as JSON from the command line", async () => {
    const { dir, path, scimId } = await exported();
    const config = join(dir, "config.toml");
    writeFileSync(config, `[storage]\npath = ${JSON.stringify(path)}\n`);
    const cli = spawnTs("src/cli.ts", ["export-person", "acme", scimId, "--config", config]);
    expect((await cli.exited).code, cli.stderr()).toBe(0);
    expect(JSON.parse(cli.stdout())).toMatchObject({ person: { scimId, employeeNumber: "42" } });
  });
});

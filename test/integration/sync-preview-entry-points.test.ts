import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open.js";
import { assignFunction } from "../../testkit/nmbrs-sim/dataset-mutations.js";
import type { NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import type { PreviewReport } from "../../src/sync/preview/preview-types.js";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { spawnTs } from "../support/child-process.js";
import { ConsoleClient } from "../support/console-client.js";
import { hire, keyOf, scenarioDataset, simConnector, startScenarioSimulator } from "../support/nmbrs-scenario.js";
import { SIM_CREDENTIALS } from "../support/nmbrs-sim.js";
import { useTempDir } from "../support/temp-dir.js";

/** The preview's two doors, the command line and the console, on the real gateway reading the Nmbrs simulator. */
const tempDir = useTempDir("hrgw-preview-entry-");
let sim: NmbrsSimulator | undefined;
let gw: TestGateway | undefined;
afterEach(async () => {
  await gw?.close();
  await sim?.close();
  gw = sim = undefined;
});

const ADVISEUR = { code: 2, description: "Adviseur" };
const today = () => new Date().toISOString().slice(0, 10);

/** Five people in Nmbrs, served by a first sync; then one new hire and one new job title in HR. */
async function changedHr() {
  const nmbrs = scenarioDataset();
  const people = Array.from({ length: 5 }, (_, i) => hire(nmbrs, { lastName: `Vast${i}` }));
  sim = await startScenarioSimulator(nmbrs, { today: today() });
  return {
    nmbrs,
    people,
    change: () => {
      hire(nmbrs, { lastName: "Nieuw" });
      assignFunction(nmbrs, people[0]!.employeeId, ADVISEUR, "2020-01-01");
    },
  };
}

describe("npm run sync -- --connector <id> --dry-run", () => {
  it("prints the report as JSON, exits 0, applies nothing and leaves an audit entry", async () => {
    const { people, change } = await changedHr();
    const dir = tempDir();
    const path = join(dir, "gateway.db");
    const config = join(dir, "config.toml");
    writeFileSync(
      config,
      `[storage]\npath = ${JSON.stringify(path)}\n[[connectors]]\nid = "acme"\nkind = "nmbrs-soap"\nschedule = "0 0 1 1 *"\n` +
        `[connectors.nmbrs]\nendpoint = ${JSON.stringify(sim!.url)}\nusername = "${SIM_CREDENTIALS.username}"\ntoken = "${SIM_CREDENTIALS.token}"\ndomain = "${SIM_CREDENTIALS.domain}"\n`,
    );
    const first = spawnTs("src/cli.ts", ["sync", "--connector", "acme", "--config", config]);
    expect((await first.exited).code, first.stderr()).toBe(0);
    change();
    const generation = () => {
      const db = openDatabase(path);
      try {
        return db.sqlite.prepare("SELECT current_gen FROM connectors WHERE id = 'acme'").pluck().get();
      } finally {
        db.close();
      }
    };
    const served = generation();

    const cli = spawnTs("src/cli.ts", [
      "sync",
      "--connector",
      "acme",
      "--dry-run",
      "--format",
      "json",
      "--config",
      config,
    ]);
    expect((await cli.exited).code, cli.stderr()).toBe(0);
    const report = JSON.parse(cli.stdout()) as PreviewReport;
    // Department and company groups (the defaults) each gain the new hire: 1 user created, 1 user and 2 groups updated.
    expect(report.summary).toMatchObject({
      appears: 1,
      changes: 1,
      deactivates: 0,
      disappears: 0,
      created: 1,
      updated: 3,
    });
    expect(report.people.find((person) => person.externalId === keyOf(people[0]!))?.fields).toEqual([
      { field: "title", old: "Accountmanager", new: "Adviseur" },
    ]);
    expect(cli.stdout()).not.toContain(SIM_CREDENTIALS.token);
    expect(cli.stderr()).toMatch(/preview \d+ stored/);
    expect(generation()).toBe(served);

    const db = openDatabase(path);
    try {
      expect(
        db.sqlite
          .prepare("SELECT action, connector_id AS connectorId FROM audit_log WHERE action = 'sync_preview'")
          .all(),
      ).toEqual([{ action: "sync_preview", connectorId: "acme" }]);
    } finally {
      db.close();
    }

    const csv = spawnTs("src/cli.ts", [
      "sync",
      "--connector",
      "acme",
      "--dry-run",
      "--format",
      "csv",
      "--config",
      config,
    ]);
    expect((await csv.exited).code, csv.stderr()).toBe(0);
    expect(csv.stdout().split("\r\n")[0]).toBe(
      "section,change,scim_id,external_id,name,user_name,field,old,new,reason",
    );

    const wrong = spawnTs("src/cli.ts", [
      "sync",
      "--connector",
      "acme",
      "--dry-run",
      "--format",
      "xml",
      "--config",
      config,
    ]);
    expect((await wrong.exited).code).toBe(64);
    expect(wrong.stderr()).toContain("--format is text, json or csv");
  });
});

describe("the console's Preview button", () => {
  it("makes a preview page with CSV and JSON downloads, and says whether the run after it matched", async () => {
    const { change } = await changedHr();
    gw = await startTestGateway({
      dir: tempDir(),
      connectors: [simConnector(sim!, { groups: { kinds: ["department"] } })],
    });
    const client = new ConsoleClient(gw.url);
    await client.setup();
    expect((await gw.sync.runNow("acme", "manual")).status).toBe("succeeded");
    change();

    const connectorPage = await client.get("/connectors/acme");
    expect(connectorPage.text).toContain('action="/connectors/acme/previews"');
    const made = await client.post("/connectors/acme/previews");
    expect(made.status).toBe(303);
    const previewPath = made.location!;
    expect(previewPath).toMatch(/^\/connectors\/acme\/previews\/\d+$/);

    const page = await client.get(previewPath);
    expect(page.status).toBe(200);
    expect(page.text).toContain("No run has applied since this preview.");
    expect(page.text).toContain("Jan Nieuw");
    expect(page.text).toContain("title: Accountmanager → Adviseur");

    const csv = await client.get(`${previewPath}/report.csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="preview-acme-\d+\.csv"$/);
    expect(csv.text).toContain("person,appears,");
    const json = await client.get(`${previewPath}/report.json`);
    expect(json.headers.get("content-disposition")).toMatch(/^attachment; filename="preview-acme-\d+\.json"$/);
    const report = JSON.parse(json.text) as PreviewReport;
    expect(report.summary).toMatchObject({ appears: 1, changes: 1 });
    for (const text of [page.text, csv.text, json.text]) expect(text).not.toContain(SIM_CREDENTIALS.token);

    expect((await client.get("/connectors/acme/previews")).text).toContain(previewPath);
    expect((await client.get("/audit")).text).toContain("Sync preview (dry run)");

    expect((await gw.sync.runNow("acme", "manual")).status).toBe("succeeded");
    const after = await client.get(previewPath);
    expect(after.text).toMatch(/Applied by <a href="\/runs\/\d+">run #\d+<\/a>: matches/);
  });
});

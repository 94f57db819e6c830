import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logging/logger.js";
import { removeCompanyEmployees, removeEmployee } from "../../testkit/nmbrs-sim/dataset-mutations.js";
import type { SimDataset } from "../../testkit/nmbrs-sim/dataset.js";
import { startNmbrsSimulator, type NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import type { ConnectorConfig } from "../../src/config/types.js";
import { connectorConfig } from "../support/hr-data.js";
import { ACME_NMBRS, BETA_NMBRS, hire, scenarioDataset } from "../support/nmbrs-scenario.js";
import { useTempDir } from "../support/temp-dir.js";
import { waitFor } from "../support/wait-for.js";

const tempDir = useTempDir("hrgw-console-");

/** Secrets typed into forms in these tests: none may ever come back in a page. */
const NMBRS_TOKEN = "nmbrs-token-7f3a9c1e5b";
const CLIENT_SECRET = "rest-client-secret-2d8e4a";
const SUBSCRIPTION_KEY = "subscription-key-9b1f6c";
const FILE_TOKEN = "file-declared-token-44e1";

const SCRIPT = "<script>alert(1)</script>";
const IMG = '"><img src=x onerror=alert(1)>';

let gw: TestGateway;
let client: ConsoleClient;
let nmbrs: SimDataset;
let sim: NmbrsSimulator;
let soapForm: Record<string, string | string[]>;
let gwDir: string;
let fileConnectors: ConnectorConfig[];

/** The real gateway with its own source factory: a connector created in the console reads the simulator over SOAP. */
beforeEach(async () => {
  nmbrs = scenarioDataset();
  hire(nmbrs, { lastName: "de Vries" });
  hire(nmbrs, { lastName: SCRIPT, workEmail: "script@acme.nl" });
  hire(nmbrs, { firstName: IMG, lastName: "Jansen", workEmail: "img@acme.nl" });
  hire(nmbrs, { lastName: "Bakker" });
  hire(nmbrs, { company: BETA_NMBRS, lastName: "Smit" });
  sim = await startNmbrsSimulator({
    dataset: nmbrs,
    credentials: { username: "api@acme.nl", token: NMBRS_TOKEN, domain: "acme" },
  });
  soapForm = { ...SOAP_FORM, "nmbrs.endpoint": sim.url };
  const fileConnector = connectorConfig({ id: "declared", name: "Declared in file" });
  gwDir = tempDir();
  fileConnectors = [{ ...fileConnector, nmbrs: { ...fileConnector.nmbrs!, token: FILE_TOKEN } }];
  gw = await startTestGateway({ dir: gwDir, connectors: fileConnectors });
  client = new ConsoleClient(gw.url);
  await client.setup();
  await client.get("/connectors/new");
});

afterEach(async () => {
  await gw.close();
  await sim.close();
});

/** The console form of a SOAP connector; its endpoint is the simulator of the current test. */
const SOAP_FORM = {
  id: "acme",
  name: "Acme",
  kind: "nmbrs-soap",
  "nmbrs.username": "api@acme.nl",
  "nmbrs.token": NMBRS_TOKEN,
  "nmbrs.domain": "acme",
  days_before: "14",
  days_after: "7",
  retention_days: "90",
  max_deactivation_percent: "10",
  schedule: "15 * * * *",
  timezone: "Europe/Amsterdam",
  "groups.kinds": ["department", "company"],
};

/** The dashboard's connector cards by connector id. */
function cardsOf(html: string): Record<string, string> {
  return Object.fromEntries(
    html
      .split("<article")
      .slice(1)
      .map((card) => [/aria-labelledby="card-([^"]+)"/.exec(card)?.[1] ?? "", card]),
  );
}

/** Approving holds starts a run that applies them; resolves once it has finished. */
function approvalRunFinished(): Promise<void> {
  const finished = () =>
    gw.db.sqlite.prepare("SELECT 1 FROM sync_runs WHERE trigger = 'approval' AND status <> 'running'").get() !==
    undefined;
  return waitFor(() => !gw.sync.isRunning("acme") && finished(), "the approval's run to finish", 30_000, 10);
}

async function syncNow(connectorId: string): Promise<void> {
  const started = await client.post(`/connectors/${connectorId}/sync`, {}, { headers: { "hx-request": "true" } });
  expect(started.status).toBe(200);
  await waitFor(() => !gw.sync.isRunning(connectorId), `the sync of ${connectorId} to finish`, 30_000, 10);
}

describe("connectors", () => {
  it("keeps typed values and shows each validation problem next to its field", async () => {
    const page = await client.post("/connectors", {
      ...soapForm,
      id: "Not An Id",
      days_before: "soon",
      timezone: "Mars/Olympus",
      schedule: "every hour",
    });
    expect(page.status).toBe(422);
    for (const field of ["id", "days_before", "timezone", "schedule"]) {
      expect(page.text, field).toContain(`id="f-${field}-error"`);
    }
    expect(page.text).toContain('value="soon"');
    expect(page.text).toContain('value="Mars/Olympus"');
    expect(page.text).toContain("Must be lowercase letters, digits and dashes");
    expect(page.text).not.toContain(NMBRS_TOKEN);
    expect(gw.registry.list().map((record) => record.settings.id)).toEqual(["declared"]);
  });

  it("speaks to the admin, not in valibot's or config.toml's words, and checks the Nmbrs user and domain", async () => {
    const page = await client.post("/connectors", {
      ...soapForm,
      days_before: "-5",
      days_after: "2.5",
      max_deactivation_percent: "150",
      "nmbrs.username": "api",
      "nmbrs.domain": "acme.nmbrs.nl",
    });
    expect(page.status).toBe(422);
    const errorOf = (field: string) => new RegExp(`id="f-${field}-error"[^>]*>([^<]*)<`).exec(page.text)?.[1];
    expect(errorOf("days_before")).toBe("Must be 0 or more.");
    expect(errorOf("days_after")).toBe("Must be a whole number.");
    expect(errorOf("max_deactivation_percent")).toBe("Must be at most 100.");
    expect(errorOf("nmbrs-username")).toBe("Must be the e-mail address of the Nmbrs user.");
    expect(errorOf("nmbrs-domain")).toBe("Must be only the part before .nmbrs.nl, e.g. &quot;acme&quot;.");
    expect(page.text).not.toMatch(/Invalid (value|type)|Expected/);
    // Secrets are checked once the rest is valid (config.toml's second step); a file's token_env means nothing here.
    const noToken = await client.post("/connectors", { ...soapForm, "nmbrs.token": "" });
    expect(/id="f-nmbrs-token-error"[^>]*>([^<]*)</.exec(noToken.text)?.[1]).toBe("Enter the API token.");
    expect(noToken.text).not.toMatch(/token_env|token_file/);
    expect(gw.registry.list().map((record) => record.settings.id)).toEqual(["declared"]);
  });

  it.each([
    ["61 * * * *", "the minute must be 0–59"],
    ["0 24 * * *", "the hour must be 0–23"],
  ])("refuses the schedule %j next to its field and saves nothing, on create and on edit", async (schedule, reason) => {
    const created = await client.post("/connectors", { ...soapForm, schedule });
    expect(created.status).toBe(422);
    expect(created.text).toContain('id="f-schedule-error"');
    expect(created.text).toContain(reason);
    expect(created.text).not.toContain("CronPattern");
    expect(gw.registry.list().map((record) => record.settings.id)).toEqual(["declared"]);

    await client.post("/connectors", soapForm);
    const edited = await client.post("/connectors/acme", { ...soapForm, "nmbrs.token": "", schedule });
    expect(edited.status).toBe(422);
    expect(edited.text).toContain(reason);
    expect(gw.registry.get("acme")?.settings.schedule).toBe("15 * * * *");
    expect(gw.scheduler.nextRuns("acme")?.schedule).toBeInstanceOf(Date);
    expect(gw.scheduler.nextRuns("declared")?.schedule).toBeInstanceOf(Date);
  });

  it("a schedule an older version stored marks only its own connector red, with the reason, and survives a restart", async () => {
    await client.post("/connectors", soapForm);
    await client.post("/connectors", { ...soapForm, id: "beta", name: "Beta" });
    await syncNow("acme");
    await syncNow("beta");
    // What the field-count check of older versions let through, written where they wrote it.
    gw.db.sqlite
      .prepare(
        "UPDATE connectors SET settings = json_set(settings, '$.settings.schedule', '61 * * * *') WHERE id = 'acme'",
      )
      .run();
    await gw.close();
    gw = await startTestGateway({ dir: gwDir, connectors: fileConnectors });
    client = new ConsoleClient(gw.url);
    await client.login();

    expect(gw.scheduler.nextRuns("acme")).toMatchObject({
      schedule: null,
      problem: expect.stringContaining("the minute must be 0–59"),
    });
    expect(gw.scheduler.nextRuns("beta")?.schedule).toBeInstanceOf(Date);
    expect(gw.scheduler.nextRuns("declared")?.schedule).toBeInstanceOf(Date);
    const cards = cardsOf((await client.get("/")).text);
    expect(cards.acme).toContain("health-attention");
    expect(cards.acme).toContain("Needs attention");
    expect(cards.acme).toContain(
      "Not scheduled: the schedule &quot;61 * * * *&quot; cannot run: the minute must be 0–59",
    );
    expect(cards.acme).not.toContain("Healthy");
    expect(cards.beta).toContain("Healthy");
    expect(cards.beta).not.toContain("not scheduled");
    expect(cards.declared).not.toContain("not scheduled");
    expect((await client.get("/connectors")).text).toContain("the minute must be 0–59");
  });

  it("is Healthy only with a successful last run and a next run scheduled", async () => {
    await client.post("/connectors", soapForm);
    await syncNow("acme");
    expect(cardsOf((await client.get("/")).text).acme).toContain("Healthy");
    gw.scheduler.stop(); // as when nothing is scheduled, for whatever reason
    const card = cardsOf((await client.get("/")).text).acme;
    expect(card).not.toContain("Healthy");
    expect(card).toContain("no next run is scheduled");
  });

  it("asks for the API token of a new SOAP connector, and keeps the stored one when an edit leaves it empty", async () => {
    const missing = await client.post("/connectors", { ...soapForm, "nmbrs.token": "" });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('id="f-nmbrs-token-error"');
    expect((await client.post("/connectors", soapForm)).location).toBe("/connectors/acme/okta");
    const edit = await client.get("/connectors/acme/edit");
    expect(edit.text).toContain("•••• stored; leave empty to keep.");
    expect((await client.post("/connectors/acme", { ...soapForm, "nmbrs.token": "", days_before: "21" })).status).toBe(
      303,
    );
    expect(gw.registry.resolve("acme")?.nmbrs?.token).toBe(NMBRS_TOKEN);
    expect(gw.registry.resolve("acme")?.settings.daysBefore).toBe(21);
  });

  it("sends a stored token only to the endpoint it was saved for", async () => {
    await client.post("/connectors", soapForm);
    const moved = { ...soapForm, "nmbrs.token": "", "nmbrs.endpoint": "https://collector.example/soap/v3" };
    const test = await client.post("/connectors/test", moved, { headers: { "hx-request": "true" } });
    expect(test.text).toContain("enter it again: the address it is sent to changed");
    expect((await client.post("/connectors/acme", moved)).status).toBe(422);
    expect(gw.registry.resolve("acme")?.nmbrs?.endpoint).toBe(sim.url);
  });

  it("lists the companies a connection test finds as checkboxes", async () => {
    const page = await client.post("/connectors/test", soapForm, { headers: { "hx-request": "true" } });
    expect(page.text).toContain("Connected: 2 companies found");
    expect(page.text).toContain('name="companies" value="1"');
    expect(page.text).toContain("2 · Beta Services BV");
  });

  it("shows a connector declared in config.toml read-only and refuses changes to it", async () => {
    const edit = await client.get("/connectors/declared/edit");
    expect(edit.text).toContain("Declared in config.toml");
    expect(edit.text).toContain('<fieldset class="plain" disabled="">');
    expect(edit.text).not.toContain(">Save changes<");
    expect((await client.post("/connectors/declared", { ...soapForm, id: "declared" })).status).toBe(403);
    expect((await client.post("/connectors/declared/delete")).status).toBe(403);
  });

  it("deletes a console connector after confirmation and records it in the audit trail", async () => {
    await client.post("/connectors", soapForm);
    expect((await client.get("/connectors/acme/delete")).text).toContain("This cannot be undone");
    expect((await client.post("/connectors/acme/delete")).location).toBe("/connectors?deleted=acme");
    expect(gw.registry.get("acme")).toBeUndefined();
    const actions = gw.db.sqlite.prepare("SELECT action FROM audit_log ORDER BY id").pluck().all();
    expect(actions).toEqual(["setup", "connector_create", "connector_delete"]);
  });
});

describe("what pages may contain", () => {
  it("renders HR names and log lines with markup in them as text", async () => {
    await client.post("/connectors", soapForm);
    await syncNow("acme");
    gw.logStore.flush();
    const list = await client.get("/hr?connector=acme");
    const scimIds = gw.db.sqlite
      .prepare("SELECT scim_id FROM people WHERE connector_id = 'acme' ORDER BY source_key")
      .pluck()
      .all() as string[];
    const person2 = await client.get(`/hr/acme/${scimIds[1]}`);
    const person3 = await client.get(`/hr/acme/${scimIds[2]}`);
    for (const page of [list, person2, person3]) {
      expect(page.text).not.toContain(SCRIPT);
      expect(page.text).not.toContain("<img src=x");
    }
    expect(list.text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(person3.text).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");

    // What a log line quoting HR data looks like, written through a logger as the gateway's own.
    const logger = createLogger({ level: "silent", also: { stream: gw.logStore.stream, level: "debug" } });
    logger.warn({ connector: "acme", employee: IMG }, `employee ${SCRIPT} has no e-mail`);
    gw.logStore.flush();
    const log = await client.get("/log?level=debug");
    expect(log.text).toContain("employee &lt;script&gt;alert(1)&lt;/script&gt; has no e-mail");
    expect(log.text).not.toContain(SCRIPT);
    expect(log.text).not.toContain("<img src=x");
  });

  it("sends CSP, X-Frame-Options and the other security headers with every console response", async () => {
    await client.post("/connectors", soapForm);
    await syncNow("acme");
    const scimId = gw.db.sqlite
      .prepare("SELECT scim_id FROM people WHERE connector_id = 'acme' LIMIT 1")
      .pluck()
      .get() as string;
    const paths = [
      "/",
      "/connectors",
      "/connectors/new",
      "/connectors/acme",
      "/connectors/acme/edit",
      "/connectors/acme/okta",
      "/connectors/acme/delete",
      "/connectors/schedule-preview?schedule=*/5+*+*+*+*&timezone=Europe/Amsterdam",
      "/hr?connector=acme",
      `/hr/acme/${scimId}`,
      "/hr/acme/does-not-exist",
      "/runs",
      "/runs/1",
      "/log",
      "/log?tab=scim",
      "/log/tail?tab=app&after=0",
      "/audit",
      "/static/console.css",
      "/static/console.js",
      "/static/vendor/htmx.min.js",
      "/static/vendor/.hidden.txt",
      "/static/nothing-here.css",
    ];
    for (const path of paths) {
      const page = await client.get(path);
      const headers = Object.fromEntries(
        ["content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy"].map((name) => [
          name,
          page.headers.get(name),
        ]),
      );
      expect({ path, ...headers }).toEqual({
        path,
        "content-security-policy":
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
        "x-frame-options": "DENY",
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
      });
      if (path.startsWith("/static/")) continue;
      expect(page.headers.get("cache-control"), path).toBe("no-store");
      // No inline code at all: scripts only by src, no <style>, no style= or on…= attributes (text is escaped, so a
      // "<" can only start a real tag).
      expect(
        /<script(?![^>]*\ssrc=)[^>]*>|<style|<[^>]+\sstyle=|<[^>]+\son[a-z]+=/i.test(page.text),
        `inline code in ${path}`,
      ).toBe(false);
    }
    for (const path of ["/login", "/setup"]) {
      const signedOut = await new ConsoleClient(gw.url).get(path);
      expect(signedOut.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
    }
  });

  it("answers a browser's /favicon.ico with the console's icon, so pages without an icon link log no 404", async () => {
    const favicon = await client.get("/favicon.ico");
    expect([favicon.status, favicon.location]).toEqual([301, "/static/favicon.svg"]);
    const icon = await client.get("/static/favicon.svg");
    expect([icon.status, icon.headers.get("content-type")]).toEqual([200, "image/svg+xml"]);
  });

  it("serves htmx from the htmx.org package, the version package.json names, under the path the layout uses", async () => {
    const htmx = await client.get("/static/vendor/htmx.min.js");
    const installed = readFileSync(createRequire(import.meta.url).resolve("htmx.org/dist/htmx.min.js"), "utf8");
    const { version } = JSON.parse(
      readFileSync(createRequire(import.meta.url).resolve("htmx.org/package.json"), "utf8"),
    ) as { version: string };
    const { dependencies } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect([htmx.status, htmx.headers.get("content-type")]).toEqual([200, "text/javascript; charset=utf-8"]);
    expect(htmx.text).toBe(installed);
    expect(htmx.text).toContain(`version:"${version}"`);
    expect(dependencies["htmx.org"]).toBe(version);
  });

  it("never puts a stored secret into any page", async () => {
    await client.post("/connectors", soapForm);
    await client.post("/connectors", {
      ...soapForm,
      id: "rest",
      kind: "nmbrs-rest",
      "nmbrs_rest.client_id": "client-1",
      "nmbrs_rest.client_secret": CLIENT_SECRET,
      "nmbrs_rest.subscription_key": SUBSCRIPTION_KEY,
    });
    await client.post("/connectors/test", { ...soapForm, "nmbrs.token": "" }, { headers: { "hx-request": "true" } });
    await syncNow("acme");
    await client.post("/connectors/acme", { ...soapForm, "nmbrs.token": "" });
    gw.logStore.flush();
    const pages = [
      "/",
      "/connectors",
      "/connectors/acme",
      "/connectors/acme/edit",
      "/connectors/rest/edit",
      "/connectors/declared/edit",
      "/connectors/acme/okta",
      "/hr?connector=acme",
      "/runs",
      "/runs/1",
      "/log?level=debug",
      "/audit",
    ];
    for (const path of pages) {
      const page = await client.get(path);
      expect(page.status, path).toBe(200);
      for (const secret of [NMBRS_TOKEN, CLIENT_SECRET, SUBSCRIPTION_KEY, FILE_TOKEN])
        expect(page.text, `${path} shows ${secret}`).not.toContain(secret);
    }
    const stored =
      JSON.stringify(gw.db.sqlite.prepare("SELECT * FROM app_log").all()) +
      JSON.stringify(gw.db.sqlite.prepare("SELECT * FROM audit_log").all());
    for (const secret of [NMBRS_TOKEN, CLIENT_SECRET, SUBSCRIPTION_KEY]) expect(stored).not.toContain(secret);
  });
});

describe("sync, held runs and Okta credentials", () => {
  it("runs a sync from the console and shows its result", async () => {
    await client.post("/connectors", soapForm);
    const started = await client.post("/connectors/acme/sync", {}, { headers: { "hx-request": "true" } });
    expect(started.text).toMatch(/Reading companies|Run 1/);
    await waitFor(() => !gw.sync.isRunning("acme"), "the sync to finish", 30_000, 10);
    const result = await client.get("/connectors/acme/sync/progress?since=0", { "hx-request": "true" });
    expect(result.text).toContain("succeeded");
    expect(result.text).not.toContain("hx-trigger");
    expect((await client.get("/")).text).toContain("Healthy");
  });

  it("lists the deactivations the brake holds, and decides them per person and as a whole", async () => {
    await client.post("/connectors", soapForm);
    await syncNow("acme");
    removeCompanyEmployees(nmbrs, ACME_NMBRS.id, 1);
    // The preview says beforehand whom the run would hold, by the name Okta knows them by.
    const preview = await client.get((await client.post("/connectors/acme/previews")).location!);
    expect(preview.text).toContain("Held for approval (");
    expect(preview.text).toContain("Bakker, J. (Jan)");
    await syncNow("acme");
    expect(gw.db.sqlite.prepare("SELECT status FROM sync_runs ORDER BY id DESC LIMIT 1").pluck().get()).toBe(
      "succeeded",
    );
    const page = await client.get("/connectors/acme/holds");
    expect(page.text).toContain("Deactivations held by the brake");
    expect(page.text).toContain("Bakker, J. (Jan)"); // Nmbrs' DisplayName of the leaver, as Okta sees it
    const ids = [...page.text.matchAll(/name="id" value="(\d+)"/g)].map((match) => match[1]!);
    expect(ids.length).toBeGreaterThan(1);
    const dashboard = (await client.get("/")).text;
    expect(dashboard).toContain("Held for approval");
    expect(dashboard).toContain(`Review ${ids.length} held people`);

    expect((await client.post("/connectors/acme/holds", { decision: "approve" })).status).toBe(400);
    const one = await client.post("/connectors/acme/holds", { decision: "approve", id: ids[0]!, confirm: "1" });
    expect(one.location).toBe("/connectors/acme/holds?done=approved&n=1");
    await approvalRunFinished();
    const after = await client.get("/connectors/acme/holds");
    expect([...after.text.matchAll(/name="id" value="(\d+)"/g)].map((match) => match[1])).toEqual(ids.slice(1));

    const rest = await client.post("/connectors/acme/holds", {
      decision: "reject",
      scope: "all",
      kind: "brake",
      confirm: String(ids.length - 1),
    });
    expect(rest.location).toBe(`/connectors/acme/holds?done=rejected&n=${ids.length - 1}`);
    expect(
      gw.db.sqlite.prepare("SELECT action, actor, detail FROM audit_log WHERE action LIKE 'hold_%' ORDER BY id").all(),
    ).toMatchObject([
      { action: "hold_approve", actor: "admin", detail: expect.stringMatching(/^1 decided: #\d+ brake /) },
      {
        action: "hold_reject",
        actor: "admin",
        detail: expect.stringMatching(new RegExp(`^${ids.length - 1} decided: `)),
      },
    ]);
  });

  /** Acme (employee numbers 9, 10, 100 leave) and Beta (12 leaves): 4 of 9 served users trip the brake. */
  async function brakeInTwoCompanies(): Promise<string> {
    const leavers = [
      hire(nmbrs, { lastName: "Tien", employeeNumber: 10 }),
      hire(nmbrs, { lastName: "Honderd", employeeNumber: 100 }),
      hire(nmbrs, { lastName: "Negen", employeeNumber: 9 }),
      hire(nmbrs, { company: BETA_NMBRS, lastName: "Twaalf", employeeNumber: 12 }),
    ];
    hire(nmbrs, { company: BETA_NMBRS, lastName: "Dertien", employeeNumber: 13 });
    await client.post("/connectors", soapForm);
    await syncNow("acme");
    for (const leaver of leavers) removeEmployee(nmbrs, leaver.employeeId);
    await syncNow("acme");
    return (await client.get("/connectors/acme/holds")).text;
  }

  it("says why the brake tripped, with its numbers and limit, on the Holds page and the run's page", async () => {
    const page = await brakeInTwoCompanies();
    expect(page).toContain("Why the brake tripped");
    expect(page).toContain("the run would deactivate or remove 4 of 9 served users (44.4%, more than the allowed 10%)");
    const run = gw.db.sqlite.prepare("SELECT id FROM sync_runs ORDER BY id DESC LIMIT 1").pluck().get() as number;
    expect((await client.get(`/runs/${run}`)).text).toContain(
      // The reason is the gateway's own English, marked lang="en" inside the translated sentence.
      'The brake tripped: <span lang="en">the run would deactivate or remove 4 of 9 served users',
    );
  });

  it("names the companies of held people with their counts, and orders employee numbers as numbers", async () => {
    const page = await brakeInTwoCompanies();
    expect(page).toMatch(/<td>Acme BV<\/td><td>1<\/td><td>3<\/td>/);
    expect(page).toMatch(/<td>Beta Services BV<\/td><td>2<\/td><td>1<\/td>/);
    expect(page).toContain('aria-label="Approve all of Beta Services BV"');
    const order = ["Negen", "Tien", "Honderd", "Twaalf"].map((name) => page.indexOf(`${name}, J.`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b)); // 9, 10, 100 of Acme, then Beta's 12
    expect(page).toMatch(/<input type="checkbox" data-select-all="true" hidden=""/); // shown by console.js only
  });

  it("decides nothing until the admin confirms the count, and refuses a count that no longer matches", async () => {
    const page = await brakeInTwoCompanies();
    const pending = () =>
      gw.db.sqlite.prepare("SELECT count(*) FROM person_holds WHERE status = 'pending'").pluck().get();
    const beta = await client.post("/connectors/acme/holds", {
      decision: "approve",
      scope: "all",
      kind: "brake",
      company: "2",
    });
    expect(beta.status).toBe(200);
    expect(beta.text).toContain("Approve 1 hold?");
    expect(beta.text).toContain("Twaalf, J.");
    expect(beta.text).not.toContain("Negen, J.");
    expect(beta.text).toContain('name="confirm" value="1"');
    expect(pending()).toBe(4);
    const ids = [...page.matchAll(/name="id" value="(\d+)"/g)].map((match) => match[1]!);
    const stale = await client.post("/connectors/acme/holds", {
      decision: "reject",
      id: ids.slice(0, 2),
      confirm: "3",
    });
    expect(stale.status).toBe(200);
    expect(stale.text).toContain("The holds changed");
    expect(stale.text).toContain("Reject 2 holds?");
    expect(pending()).toBe(4);

    const decided = await client.post("/connectors/acme/holds", {
      decision: "approve",
      scope: "all",
      kind: "brake",
      company: "2",
      confirm: "1",
    });
    expect(decided.location).toBe("/connectors/acme/holds?done=approved&n=1");
    expect(pending()).toBe(3);
    expect(gw.db.sqlite.prepare("SELECT detail FROM audit_log WHERE action = 'hold_approve'").pluck().all()).toEqual([
      expect.stringMatching(/^1 decided: #\d+ brake /),
    ]);
    await approvalRunFinished();
  });

  it("shows a new SCIM secret once after a redirect, so a reload never rotates again; a live one is rotated only after confirmation", async () => {
    await client.post("/connectors", soapForm);
    await syncNow("acme");
    await client.get("/connectors/acme/okta");
    const rotations = () =>
      gw.db.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'scim_secret_rotate'").pluck().get();
    const secretIn = (html: string) =>
      /id="new-secret"[^>]*value="([^"]+)"/.exec(html)?.[1] ?? /value="([^"]+)"[^>]*id="new-secret"/.exec(html)?.[1];
    const basic = (secret: string) => `Basic ${Buffer.from(`okta-acme:${secret}`).toString("base64")}`;
    const scimStatus = async (secret: string) =>
      (await fetch(`${gw.url}/scim/v2/acme/Users?count=2`, { headers: { authorization: basic(secret) } })).status;

    const generated = await client.post("/connectors/acme/okta/credentials", {
      scheme: "basic",
      username: "okta-acme",
    });
    expect(generated.status).toBe(303);
    const oldSecret = secretIn((await client.get(generated.location!)).text);
    expect(oldSecret).toBeTruthy();
    expect(generated.location).not.toContain(oldSecret);
    expect(await scimStatus(oldSecret!)).toBe(200);
    const reloaded = await client.get(generated.location!);
    expect(reloaded.text).not.toContain(oldSecret);
    expect(reloaded.text).toContain("was shown once");
    expect(rotations()).toBe(1);

    // A credential Okta may be using: the first post only asks.
    const asked = await client.post("/connectors/acme/okta/credentials", { scheme: "basic", username: "okta-acme" });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain("Rotate the SCIM password of okta-acme?");
    expect(asked.text).toContain('name="confirm" value="rotate"');
    expect(rotations()).toBe(1);
    expect(await scimStatus(oldSecret!)).toBe(200);

    const confirmed = await client.post("/connectors/acme/okta/credentials", {
      scheme: "basic",
      username: "okta-acme",
      confirm: "rotate",
    });
    expect(confirmed.status).toBe(303);
    // Another admin's session cannot pick up the secret from the address.
    const other = new ConsoleClient(gw.url);
    await other.login();
    expect(secretIn((await other.get(confirmed.location!)).text)).toBeUndefined();
    const newSecret = secretIn((await client.get(confirmed.location!)).text);
    expect(newSecret).toBeTruthy();
    expect(newSecret).not.toBe(oldSecret);
    expect(await scimStatus(oldSecret!)).toBe(401);
    expect(await scimStatus(newSecret!)).toBe(200);
    expect(rotations()).toBe(2);
    expect((await client.get("/connectors/acme/okta")).text).toContain("Password for okta-acme set on");
  });
});

describe("audit trail", () => {
  it("is append-only, also for a hand-typed statement", () => {
    expect(() => gw.db.sqlite.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => gw.db.sqlite.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
  });
});

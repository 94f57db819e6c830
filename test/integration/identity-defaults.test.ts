import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SimDataset } from "../../testkit/nmbrs-sim/dataset.js";
import { startNmbrsSimulator, type NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { connectorConfig } from "../support/hr-data.js";
import { BETA_NMBRS, hire, scenarioDataset } from "../support/nmbrs-scenario.js";
import { useTempDir } from "../support/temp-dir.js";
import { waitFor } from "../support/wait-for.js";

/** Issue #19 finding 4: where the Okta login and the group names come from is visible and can be chosen in the console. */
const tempDir = useTempDir("hrgw-identity-");

const NMBRS_TOKEN = "nmbrs-token-identity-51c2";

let gw: TestGateway;
let client: ConsoleClient;
let nmbrs: SimDataset;
let sim: NmbrsSimulator;
let form: Record<string, string | string[]>;

beforeEach(async () => {
  nmbrs = scenarioDataset();
  hire(nmbrs, { lastName: "Werk" });
  hire(nmbrs, { lastName: "Prive", workEmail: null, privateEmail: "prive@gmail.com" });
  hire(nmbrs, { company: BETA_NMBRS, lastName: "Smit", workEmail: "smit@beta.nl" });
  sim = await startNmbrsSimulator({
    dataset: nmbrs,
    credentials: { username: "api@acme.nl", token: NMBRS_TOKEN, domain: "acme" },
  });
  form = {
    id: "acme",
    kind: "nmbrs-soap",
    "nmbrs.username": "api@acme.nl",
    "nmbrs.token": NMBRS_TOKEN,
    "nmbrs.domain": "acme",
    "nmbrs.endpoint": sim.url,
    schedule: "15 * * * *",
    "groups.kinds": ["department", "company"],
  };
  gw = await startTestGateway({
    dir: tempDir(),
    connectors: [
      connectorConfig({ id: "declared" }),
      connectorConfig({
        id: "declared-generated",
        identity: { user_name_from: ["work", "generated"], generated_domain: "Acme.nl", generated_format: "'x'" },
      }),
    ],
  });
  client = new ConsoleClient(gw.url);
  await client.setup();
  await client.get("/connectors/new");
});

afterEach(async () => {
  await gw.close();
  await sim.close();
});

const selectedOption = (html: string, name: string) =>
  new RegExp(`<select[^>]*name="${name.replace(/\./g, "\\.")}"[^>]*>[\\s\\S]*?<option value="([^"]*)" selected`).exec(
    html,
  )?.[1];
const inputValue = (html: string, name: string) =>
  new RegExp(`<input[^>]*name="${name.replace(/\./g, "\\.")}"[^>]*value="([^"]*)"`).exec(html)?.[1];
const errorOf = (html: string, field: string) => new RegExp(`id="f-${field}-error"[^>]*>([^<]*)<`).exec(html)?.[1];

async function syncNow(connectorId: string): Promise<void> {
  const started = await client.post(`/connectors/${connectorId}/sync`, {}, { headers: { "hx-request": "true" } });
  expect(started.status).toBe(200);
  await waitFor(() => !gw.sync.isRunning(connectorId), `the sync of ${connectorId} to finish`, 30_000, 10);
}

describe("the connector form shows and takes the identity defaults", () => {
  it("offers user_name_from, hold_scope and a name template per group kind, starting from the console's defaults", async () => {
    const page = await client.get("/connectors/new");
    expect(selectedOption(page.text, "identity.user_name_from")).toBe("work");
    expect(selectedOption(page.text, "hold_scope")).toBe("connector");
    for (const kind of ["department", "company", "function", "employee_type", "cost_center"]) {
      expect(page.text, kind).toContain(`name="groups.templates.${kind}"`);
    }
    expect(page.text).toContain('name="private_contact"');
    // No group kind is ticked: large attribute groups are better built by Okta group rules (docs/groups.md).
    expect(page.text).not.toMatch(/<input[^>]*name="groups\.kinds"[^>]*checked/);
    expect(page.text).toMatch(/<input[^>]*name="groups\.kinds"[^>]*value="department"/);
    // The name a group would get is on the form: with no company chosen (every company), departments name theirs.
    expect(page.text).toContain("Sales of Acme BV → &quot;Sales (Acme BV)&quot;");
  });

  it("a new connector reading several companies names them in its department groups and takes only work addresses", async () => {
    expect((await client.post("/connectors", form)).status).toBe(303);
    const settings = gw.registry.get("acme")!.settings;
    expect(settings.identity.userNameFrom).toEqual(["work"]);
    expect(settings.groups.templates).toMatchObject({
      department: "{name} ({company})",
      function: "{name} ({company})",
      cost_center: "{name} ({company})",
      company: "{name}",
    });
    const edit = await client.get("/connectors/acme/edit");
    expect(inputValue(edit.text, "groups.templates.department")).toBe("{name} ({company})");

    await syncNow("acme");
    const groups = gw.db.sqlite
      .prepare(
        "SELECT json_extract(body, '$.displayName') FROM scim_resources WHERE connector_id = 'acme' AND resource_type = 'Group' AND gen_to IS NULL",
      )
      .pluck()
      .all();
    expect(groups).toEqual(expect.arrayContaining(["Sales (Acme BV)", "Sales (Beta Services BV)"]));
    // The person with only a private address is not given it as a login: a problem to fix in HR instead.
    expect((await client.get("/connectors/acme")).text).toContain(
      "no usable e-mail address (none in HR); the private address is not used as Okta login (identity.user_name_from)",
    );
  });

  it("a new connector reading one company keeps the plain HR names", async () => {
    expect((await client.post("/connectors", { ...form, companies: ["1"] })).status).toBe(303);
    expect(gw.registry.get("acme")!.settings.groups.templates).toMatchObject({ department: "{name}" });
  });

  it("stores what the admin chose, shows it again on edit, and keeps it when an edit does not post it", async () => {
    const chosen = {
      ...form,
      "identity.user_name_from": "work,private",
      hold_scope: "company",
      "groups.templates.department": "Afdeling {name}",
    };
    expect((await client.post("/connectors", chosen)).status).toBe(303);
    const settings = gw.registry.get("acme")!.settings;
    expect(settings.identity.userNameFrom).toEqual(["work", "private"]);
    expect(settings.holdScope).toBe("company");
    expect(settings.groups.templates.department).toBe("Afdeling {name}");

    const edit = await client.get("/connectors/acme/edit");
    expect(selectedOption(edit.text, "identity.user_name_from")).toBe("work,private");
    expect(selectedOption(edit.text, "hold_scope")).toBe("company");
    expect(inputValue(edit.text, "groups.templates.department")).toBe("Afdeling {name}");
    expect(edit.text).toContain("Sales of Acme BV → &quot;Afdeling Sales&quot;");

    // An older page (or a script) that does not post the new fields changes none of them.
    const {
      "identity.user_name_from": _from,
      hold_scope: _scope,
      "groups.templates.department": _template,
      ...older
    } = chosen;
    expect((await client.post("/connectors/acme", { ...older, "nmbrs.token": "" })).status).toBe(303);
    expect(gw.registry.get("acme")!.settings).toMatchObject({
      holdScope: "company",
      identity: { userNameFrom: ["work", "private"] },
      groups: { templates: { department: "Afdeling {name}" } },
    });
    // Emptying a template field goes back to the HR name.
    expect(
      (await client.post("/connectors/acme", { ...chosen, "nmbrs.token": "", "groups.templates.department": "" }))
        .status,
    ).toBe(303);
    expect(gw.registry.get("acme")!.settings.groups.templates.department).toBeUndefined();
  });

  it("refuses a misspelt placeholder next to its field, in words, and saves nothing", async () => {
    const page = await client.post("/connectors", {
      ...form,
      "groups.templates.department": "{nmae} ({company})",
      "identity.user_name_from": "work,work",
    });
    expect(page.status).toBe(422);
    expect(errorOf(page.text, "groups-templates-department")).toBe(
      "{nmae} is not a placeholder: use {name}, {code} or {company}.",
    );
    expect(errorOf(page.text, "identity-user_name_from")).toBe("Must name each address once.");
    expect(page.text).toContain('value="{nmae} ({company})"');
    expect(gw.registry.get("acme")).toBeUndefined();
  });

  it("shows a config.toml connector's identity settings read-only: work, then private by default", async () => {
    const page = await client.get("/connectors/declared/edit");
    expect(selectedOption(page.text, "identity.user_name_from")).toBe("work,private");
    expect(inputValue(page.text, "identity.generated_domain")).toBe("");
  });

  it("shows a config.toml connector's generated logins read-only, as its file sets them", async () => {
    const page = await client.get("/connectors/declared-generated/edit");
    expect(selectedOption(page.text, "identity.user_name_from")).toBe("work,generated");
    expect(inputValue(page.text, "identity.generated_domain")).toBe("acme.nl");
    expect(inputValue(page.text, "identity.generated_format")).toBe("&#39;x&#39;");
  });
});

describe("a console connector can choose generated logins", () => {
  it("stores the domain and format as config.toml's load shapes them, and serves a generated login to someone without a work address", async () => {
    const chosen = { ...form, "identity.user_name_from": "work,generated", "identity.generated_domain": "Acme.nl" };
    expect((await client.post("/connectors", chosen)).status).toBe(303);
    expect(gw.registry.get("acme")!.settings.identity).toMatchObject({
      userNameFrom: ["work", "generated"],
      generated: { domain: "acme.nl", format: null },
    });
    const edit = await client.get("/connectors/acme/edit");
    expect(selectedOption(edit.text, "identity.user_name_from")).toBe("work,generated");
    expect(inputValue(edit.text, "identity.generated_domain")).toBe("acme.nl");

    await syncNow("acme");
    const userNames = gw.db.sqlite
      .prepare(
        "SELECT json_extract(body, '$.userName') FROM scim_resources WHERE connector_id = 'acme' AND resource_type = 'User' AND gen_to IS NULL",
      )
      .pluck()
      .all();
    // Jan Prive has only a private address: the generated login, not the gmail one; Jan Werk keeps his work address.
    expect(userNames).toEqual(expect.arrayContaining(["jan.prive@acme.nl", "jan.werk@acme.nl"]));
    expect(userNames).not.toContain("prive@gmail.com");
  });

  it("keeps the generated-login settings when an edit does not post them, and takes an own format", async () => {
    const chosen = {
      ...form,
      "identity.user_name_from": "generated",
      "identity.generated_domain": "acme.nl",
      "identity.generated_format": "lower(person.lastName)",
    };
    expect((await client.post("/connectors", chosen)).status).toBe(303);
    const { "identity.generated_domain": _domain, "identity.generated_format": _format, ...older } = chosen;
    expect((await client.post("/connectors/acme", { ...older, "nmbrs.token": "" })).status).toBe(303);
    expect(gw.registry.get("acme")!.settings.identity.generated).toEqual({
      domain: "acme.nl",
      format: "lower(person.lastName)",
    });
  });

  it("refuses a missing domain next to its field and saves nothing", async () => {
    const page = await client.post("/connectors", { ...form, "identity.user_name_from": "work,generated" });
    expect(page.status).toBe(422);
    expect(errorOf(page.text, "identity-generated_domain")).toBe(
      "Enter the domain of the generated logins, e.g. &quot;acme.nl&quot;.",
    );
    expect(gw.registry.get("acme")).toBeUndefined();
  });

  it("refuses a bad domain and a format that does not compile next to their fields, in Dutch too, and saves nothing", async () => {
    const bad = {
      ...form,
      "identity.user_name_from": "work,private,generated",
      "identity.generated_domain": "acme",
      "identity.generated_format": "lower(person.lastName",
    };
    const domain = await client.post("/connectors", bad);
    expect(domain.status).toBe(422);
    expect(errorOf(domain.text, "identity-generated_domain")).toBe("Must be a domain such as &quot;acme.nl&quot;.");
    expect(domain.text).toContain('value="lower(person.lastName"');

    const format = await client.post("/connectors", { ...bad, "identity.generated_domain": "acme.nl" });
    expect(format.status).toBe(422);
    expect(errorOf(format.text, "identity-generated_format")).toBe("Expected RPAREN, got EOF (line 1, column 22).");
    expect(gw.registry.get("acme")).toBeUndefined();

    const dutch = await client.post(
      "/connectors",
      { ...bad, "identity.generated_domain": "acme.nl" },
      { headers: { "accept-language": "nl-NL,nl;q=0.9" } },
    );
    expect(dutch.status).toBe(422);
    expect(errorOf(dutch.text, "identity-generated_format")).toBe("Expected RPAREN, got EOF (regel 1, kolom 22).");
    expect(gw.registry.get("acme")).toBeUndefined();
  });
});

describe("a private address as Okta login is counted and marked wherever it matters", () => {
  beforeEach(async () => {
    expect((await client.post("/connectors", { ...form, "identity.user_name_from": "work,private" })).status).toBe(303);
  });

  it("in the sync preview, the run, the dashboard and connector page, and next to the person in the HR list", async () => {
    const made = await client.post("/connectors/acme/previews");
    const preview = await client.get(made.location!);
    expect(preview.text).toContain("1 person gets a private e-mail address as their Okta login");

    await syncNow("acme");
    const runId = gw.db.sqlite
      .prepare("SELECT max(id) FROM sync_runs WHERE connector_id = 'acme'")
      .pluck()
      .get() as number;
    expect((await client.get(`/runs/${runId}`)).text).toContain(
      "1 person gets a private e-mail address as their Okta login",
    );
    for (const path of ["/", "/connectors/acme"]) {
      expect((await client.get(path)).text, path).toContain(
        "1 person gets a private e-mail address as their Okta login",
      );
    }

    const list = await client.get("/hr?connector=acme");
    const rowOf = (name: string) => list.text.split("<tr>").find((row) => row.includes(name)) ?? "";
    expect(rowOf("prive@gmail.com")).toContain("private e-mail");
    expect(rowOf("jan.werk@acme.nl")).not.toContain("private e-mail");
  });

  it("says nothing on the dashboard when everyone signs in with a work address", async () => {
    const edit = { ...form, "identity.user_name_from": "work", "nmbrs.token": "" };
    expect((await client.post("/connectors/acme", edit)).status).toBe(303);
    await syncNow("acme");
    expect((await client.get("/")).text).not.toContain("private e-mail address as their Okta login");
  });
});

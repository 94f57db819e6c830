import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAudit } from "../../src/audit/audit-store.js";
import { BUILT_IN_MAPPING } from "../../src/mapping/connector-mapping.js";
import { connectorFormOf } from "../../src/console/connectors/connector-form.js";
import { parseConnectorForm } from "../../src/console/connectors/connector-parse.js";
import { storedParts } from "../../src/console/connectors/stored-parts.js";
import type { NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { hire, scenarioDataset, simConnector, startScenarioSimulator } from "../support/nmbrs-scenario.js";
import { useTempDir } from "../support/temp-dir.js";

/** The console's Mapping page (issue #22, item 7; docs/mapping.md): a real gateway on 127.0.0.1 reading the simulator. */
const tempDir = useTempDir("hrgw-mapping-page-");
const FILE_TITLE = 'person.function.name + " bij " + company.name';

let gw: TestGateway;
let sim: NmbrsSimulator;
let client: ConsoleClient;
let nmbrs: ReturnType<typeof scenarioDataset>;

beforeEach(async () => {
  nmbrs = scenarioDataset();
  hire(nmbrs, { firstName: "Zoë", lastName: "Berg", prefix: "van der", employeeNumber: 4711 });
  hire(nmbrs, { firstName: "Piet", lastName: "Smit", employeeNumber: 4712 });
  sim = await startScenarioSimulator(nmbrs);
  const declared = simConnector(sim, {
    id: "declared",
    mapping: { title: FILE_TITLE },
    identity: { user_name_from: ["work", "generated"], generated_domain: "acme.nl" },
  });
  gw = await startTestGateway({ dir: tempDir(), connectors: [declared] });
  const { stored, secrets } = storedParts(simConnector(sim, { id: "acme", name: "Acme" }));
  gw.registry.saveConsoleConnector(stored, secrets);
  expect((await gw.sync.runNow("acme", "manual")).status).toBe("succeeded");
  client = new ConsoleClient(gw.url);
  await client.setup();
});

afterEach(async () => {
  await gw.close();
  await sim.close();
});

const mappingOf = (id: string) => gw.registry.get(id)?.settings.mapping;
const htmx = { headers: { "hx-request": "true" } };

describe("the Mapping page", () => {
  it("lists every attribute with its built-in source, linked from the connector page, in English and Dutch", async () => {
    expect((await client.get("/connectors/acme")).text).toContain('href="/connectors/acme/mapping"');
    const en = await client.get("/connectors/acme/mapping");
    expect(en.status).toBe(200);
    expect(en.text).toContain("Mapping of Acme");
    expect(en.text).toContain("Built-in source");
    // The README table's wording for the built-in mapping of title and givenName.
    expect(en.text).toMatch(/<code>title<\/code><\/td><td>Function<\/td>/);
    expect(en.text).toContain("Nickname (roepnaam), else first name");
    expect(en.text).toContain('action="/connectors/acme/mapping"');
    const nl = await client.get("/connectors/acme/mapping", { "accept-language": "nl" });
    expect(nl.text).toContain("Mapping van Acme");
    expect(nl.text).toContain("Ingebouwde bron");
    expect(nl.text).toContain("Groepsregels");
  });

  it("shows a config.toml connector's expressions read-only, and refuses to save them", async () => {
    const page = await client.get("/connectors/declared/mapping");
    expect(page.status).toBe(200);
    expect(page.text).toContain("Change [connectors.mapping]");
    expect(page.text).toContain(FILE_TITLE.replaceAll('"', "&quot;"));
    expect(page.text).not.toContain('action="/connectors/declared/mapping"');
    expect(page.text).not.toContain("/mapping/check");
    const refused = await client.post("/connectors/declared/mapping", { "mapping.title": "person.lastName" });
    expect(refused.status).toBe(403);
    expect(mappingOf("declared")?.attributes).toEqual({ title: FILE_TITLE });
  });

  it("shows where logins come from, the generated-login settings and counts, and links to the excluded people", async () => {
    const plain = await client.get("/connectors/acme/mapping");
    expect(plain.text).toContain('<section class="card" id="logins">');
    expect(plain.text).toContain("Not used: &quot;generated&quot; is not in identity.user_name_from");
    expect(plain.text).toContain(
      'href="/hr/exclusions?connector=acme">0 people excluded from this connector&#39;s syncs',
    );

    hire(nmbrs, { firstName: "Jan-Willem", prefix: "van 't", lastName: "Hof", workEmail: null, employeeNumber: 4713 });
    expect((await gw.sync.runNow("declared", "manual")).status).toBe("succeeded");
    const scimId = gw.db.sqlite
      .prepare("SELECT scim_id FROM people WHERE connector_id = 'declared' AND employee_number = '4711'")
      .pluck()
      .get() as string;
    await client.get(`/hr/declared/${scimId}`);
    expect((await client.post(`/hr/declared/${scimId}/exclude`, { reason: "Detachering" })).status).toBe(303);

    const generated = await client.get("/connectors/declared/mapping");
    expect(generated.text).toContain("<code>work, generated</code>");
    expect(generated.text).toContain("<code>acme.nl</code>");
    expect(generated.text).toContain("Built in: nickname (roepnaam), else first name");
    expect(generated.text).toMatch(/Logins generated so far \(never given again\)<\/dt><dd>1<\/dd>/);
    expect(generated.text).toContain(
      'href="/hr/exclusions?connector=declared">1 person excluded from this connector&#39;s syncs',
    );
    const nl = await client.get("/connectors/declared/mapping", { "accept-language": "nl" });
    expect(nl.text).toContain("Ingebouwd: roepnaam, anders voornaam");
    expect(nl.text).toContain("1 persoon uitgesloten van de synchronisatie van deze koppeling");
  });

  it("checks an expression as it is typed and names the position of its problem, saving nothing", async () => {
    await client.get("/connectors/acme/mapping");
    const bad = await client.post(
      "/connectors/acme/mapping/check",
      { field: "mapping.title", "mapping.title": "person.fristName" },
      htmx,
    );
    expect(bad.status).toBe(200);
    expect(bad.text).toContain("fristName");
    expect(bad.text).toContain("line 1, column 8");
    const wrongKind = await client.post(
      "/connectors/acme/mapping/check",
      { field: "scope.include", "scope.include": '"Stagiair"' },
      htmx,
    );
    expect(wrongKind.text).toContain("must give true or false");
    const good = await client.post(
      "/connectors/acme/mapping/check",
      { field: "rule.0.when", "rule.0.when": 'person.employeeType == "Stagiair"' },
      { headers: { ...htmx.headers, "accept-language": "nl" } },
    );
    expect(good.text).toContain("Geldige expressie");
    expect(mappingOf("acme")).toEqual(BUILT_IN_MAPPING);
  });

  it("saves valid expressions with an audit entry, then offers the whole-run Preview", async () => {
    await client.get("/connectors/acme/mapping");
    const saved = await client.post("/connectors/acme/mapping", {
      "mapping.title": FILE_TITLE,
      "custom.0.name": "costCenterCode",
      "custom.0.expression": '"CC-" + person.employeeNumber',
      "scope.include": 'person.employeeType != "Uitzendkracht"',
      "rule.0.name": "Iedereen",
      "rule.0.when": "true",
      "rule.1.name": "",
      "rule.1.when": "",
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe("/connectors/acme/mapping?saved=1");
    expect(mappingOf("acme")).toEqual({
      attributes: { title: FILE_TITLE, costCenterCode: '"CC-" + person.employeeNumber' },
      include: 'person.employeeType != "Uitzendkracht"',
      groupRules: [{ name: "Iedereen", when: "true" }],
    });
    const [entry] = listAudit(gw.db.sqlite, { action: "mapping_change", connectorId: "acme", limit: 5 });
    expect(entry).toMatchObject({ actor: "admin", detail: expect.stringContaining("title, costCenterCode") });
    const after = await client.get(saved.location!);
    expect(after.text).toContain("Mapping saved");
    expect(after.text).toContain('action="/connectors/acme/previews"');
    // The saved values are the form's values again, with a fresh empty row for the next rule.
    expect(after.text).toContain('name="rule.1.name"');
    expect(after.text).toContain('value="Iedereen"');

    // Saving the connector's own settings form later keeps the mapping: that form does not show it.
    const record = gw.registry.get("acme")!;
    const edited = parseConnectorForm(connectorFormOf(record), gw.registry.secretsOf("acme"), record);
    expect("config" in edited && edited.config.settings.mapping).toEqual(mappingOf("acme"));
  });

  it("never saves an invalid expression: the page shows the problem next to its field and keeps what was typed", async () => {
    await client.get("/connectors/acme/mapping");
    const refused = await client.post("/connectors/acme/mapping", {
      "mapping.title": "person.function.name",
      "rule.0.name": "Stagiairs",
      "rule.0.when": '"Stagiair"',
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain("Not saved");
    const slot = /id="f-rule-0-when-check"[^>]*>(.*?)<\/div>/s.exec(refused.text)?.[1] ?? "";
    expect(slot).toContain("must give true or false (line 1, column 1)");
    expect(refused.text).toContain('value="person.function.name"');
    expect(mappingOf("acme")).toEqual(BUILT_IN_MAPPING);
    expect(listAudit(gw.db.sqlite, { action: "mapping_change", limit: 5 })).toEqual([]);
  });

  it("tries the typed mapping on a person picked by employee number or name: each value before → after", async () => {
    await client.get("/connectors/acme/mapping");
    const typed = {
      "mapping.title": FILE_TITLE,
      "mapping.givenName": "upper(person.firstName)",
      "custom.0.name": "loginName",
      "custom.0.expression": 'ascii(lower(person.firstName)) + "." + lower(person.lastName)',
    };
    const byNumber = await client.post("/connectors/acme/mapping/try", { ...typed, person: "4711" }, htmx);
    expect(byNumber.status).toBe(200);
    const rows = rowsOf(byNumber.text);
    expect(rows.title).toEqual(["Accountmanager", "Accountmanager bij Acme BV"]);
    expect(rows.givenName).toEqual(["Zoë", "ZOË"]);
    expect(rows.familyName).toEqual(["van der Berg", "van der Berg"]);
    expect(rows.loginName).toEqual(["(left out)", "zoe.berg"]);
    expect(byNumber.text).not.toContain("1990-01-01");
    const byName = await client.post("/connectors/acme/mapping/try", { ...typed, person: "smit" }, htmx);
    expect(rowsOf(byName.text).givenName).toEqual(["Piet", "PIET"]);
    const nobody = await client.post("/connectors/acme/mapping/try", { ...typed, person: "nobody" }, htmx);
    expect(nobody.text).toContain("Nobody in the HR list matches");
    const broken = await client.post("/connectors/acme/mapping/try", { "mapping.title": "1 +", person: "4711" }, htmx);
    expect(broken.text).toContain("Fix the expressions marked in the form first.");
    expect(mappingOf("acme")).toEqual(BUILT_IN_MAPPING);
  });
});

/** The try-it table as attribute → [before, after]. */
function rowsOf(html: string): Record<string, [string, string]> {
  const rows: Record<string, [string, string]> = {};
  for (const [, name = "", before = "", after = ""] of html.matchAll(
    /<tr[^>]*><td><code>([^<]+)<\/code><\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g,
  ))
    rows[name] = [before, after];
  return rows;
}

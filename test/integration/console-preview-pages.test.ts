import { afterEach, describe, expect, it } from "vitest";
import { knownSecrets } from "../../src/secrets/known-secrets.js";
import { savePreview } from "../../src/sync/preview/preview-store.js";
import type { PersonPreview, PreviewReport } from "../../src/sync/preview/preview-types.js";
import { formatCount } from "../../src/console/views/format.js";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { connectorConfig } from "../support/hr-data.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * Issue #20, finding 8, for previews: a stored preview of a first sync holds everyone, and unzipping, parsing and
 * rendering it on the serving thread held up /healthz and Okta's pages for seconds. The page and the downloads are
 * now made on the console's reader thread (src/reader/), and the page shows the first entries of each section only.
 */
const tempDir = useTempDir();
const BEARER = "console-preview-pages-token-4c1d";
const PEOPLE = 30_000;
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

function appearing(index: number): PersonPreview {
  const fields: [string, string][] = [
    ["userName", `person${index}@acme.nl`],
    ["name.givenName", `Given${index}`],
    ["name.familyName", `Family${index}`],
    ["displayName", `Given${index} Family${index}`],
    ["title", "Adviseur"],
    ["emails.value", `person${index}@acme.nl`],
    ["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "Finance"],
    ["active", "true"],
  ];
  return {
    change: "appears",
    scimId: null,
    externalId: `1:${index}`,
    userName: `person${index}@acme.nl`,
    displayName: `Given${index} Family${index}`,
    state: { from: null, to: "active" },
    reason: "employed",
    fields: fields.map(([field, value]) => ({ field, old: null, new: value })),
  };
}

/** A first sync's preview: everyone appears, and one group gets everyone. The first person's name holds a secret. */
function firstSyncPreview(): PreviewReport {
  const people = Array.from({ length: PEOPLE }, (_, index) => appearing(index + 1));
  people[0] = { ...people[0]!, displayName: `Leaked ${BEARER}` };
  const counts = {
    listed: PEOPLE,
    servedBefore: 0,
    activeBefore: 0,
    served: PEOPLE,
    active: PEOPLE,
    inactive: 0,
    groups: 1,
    problems: 0,
  };
  return {
    connectorId: "acme",
    createdAt: "2026-02-01T10:00:00.000Z",
    baseGen: 0,
    summary: {
      ...counts,
      appears: PEOPLE,
      changes: 0,
      deactivates: 0,
      reactivates: 0,
      disappears: 0,
      lifecycleOnly: 0,
      groupsCreated: 1,
      groupsChanged: 0,
      groupsRemoved: 0,
      created: PEOPLE + 1,
      updated: 0,
      removed: 0,
      held: 0,
      privateLogins: 0,
    },
    people,
    groups: [
      {
        change: "created",
        scimId: null,
        displayName: "Everyone",
        membersAdded: people.map((person) => person.displayName!),
        membersRemoved: [],
        fields: [],
      },
    ],
    held: [],
    brakeReason: null,
    digest: "first-sync",
  };
}

async function gatewayWithLargePreview(): Promise<{ gw: TestGateway; client: ConsoleClient; path: string }> {
  const connector = connectorConfig({ id: "acme" });
  const gw = await startTestGateway({
    dir: tempDir(),
    connectors: [{ ...connector, scim: { username: null, password: null, bearerToken: BEARER } }],
  });
  closers.push(() => gw.close());
  // What the config resolver does with a secret of config.toml; the harness hands the config over already resolved.
  knownSecrets.register(BEARER);
  const id = savePreview(gw.db.sqlite, firstSyncPreview(), "admin");
  const client = new ConsoleClient(gw.url);
  await client.setup();
  return { gw, client, path: `/connectors/acme/previews/${id}` };
}

/**
 * Asks for `path` and counts the /healthz answers that come back before its answer starts (its headers): the work
 * is done by then, so a serving thread busy with it answers none in between.
 */
async function healthzAnsweredDuring(
  gw: TestGateway,
  client: ConsoleClient,
  path: string,
): Promise<{ rounds: number; page: { status: number; text: string } }> {
  let started = false;
  const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  const answered = fetch(`${gw.url}${path}`, { headers: { cookie } }).finally(() => {
    started = true;
  });
  let rounds = 0;
  while (!started && rounds < 20) {
    expect((await fetch(`${gw.url}/healthz`)).status).toBe(200);
    rounds += 1;
  }
  const response = await answered;
  return { rounds, page: { status: response.status, text: await response.text() } };
}

describe("a stored preview cannot stall the gateway", () => {
  it("/healthz answers while a preview of 30,000 people is read for its page, which shows the first 200 of each section and the totals", async () => {
    const { gw, client, path } = await gatewayWithLargePreview();
    const { rounds, page } = await healthzAnsweredDuring(gw, client, path);
    expect(rounds).toBeGreaterThanOrEqual(10);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`People (${formatCount(PEOPLE, "en")})`);
    expect(page.text).toContain(
      `Showing the first 200 of ${formatCount(PEOPLE, "en")} people; the CSV and JSON downloads hold all of them.`,
    );
    expect(page.text).toContain("Given200 Family200");
    expect(page.text).not.toContain("Given201 Family201");
    expect(page.text).toContain(`and ${PEOPLE - 200} more`);
    expect(page.text).not.toContain(BEARER);
    // The whole preview rendered was tens of megabytes.
    expect(page.text.length).toBeLessThan(1_000_000);
  });

  it("/healthz answers while the CSV of a preview of 30,000 people is made, which holds everyone, cleaned of secrets", async () => {
    const { gw, client, path } = await gatewayWithLargePreview();
    const { rounds, page } = await healthzAnsweredDuring(gw, client, `${path}/report.csv`);
    expect(rounds).toBeGreaterThanOrEqual(10);
    expect(page.status).toBe(200);
    const rows = page.text.split("\r\n");
    expect(rows.filter((row) => row.startsWith("person,appears,")).length).toBe(PEOPLE * 9);
    expect(rows.filter((row) => row.startsWith("group,created,,,Everyone,,member added,")).length).toBe(PEOPLE);
    expect(page.text).toContain(
      `person,appears,,1:${PEOPLE},Given${PEOPLE} Family${PEOPLE},person${PEOPLE}@acme.nl,title,,Adviseur,`,
    );
    expect(page.text).toContain("Leaked [redacted]");
    expect(page.text).not.toContain(BEARER);
  });

  it("/healthz answers while the JSON of a preview of 30,000 people is made, which holds everyone, cleaned of secrets", async () => {
    const { gw, client, path } = await gatewayWithLargePreview();
    const { rounds, page } = await healthzAnsweredDuring(gw, client, `${path}/report.json`);
    expect(rounds).toBeGreaterThanOrEqual(10);
    expect(page.status).toBe(200);
    const report = JSON.parse(page.text) as PreviewReport;
    expect(report.people).toHaveLength(PEOPLE);
    expect(report.groups[0]!.membersAdded).toHaveLength(PEOPLE);
    expect(report.people[0]!.displayName).toBe("Leaked [redacted]");
    expect(page.text).not.toContain(BEARER);
  });

  it("refuses a download with 503 and Retry-After when the reader already has one running and two waiting", async () => {
    const { client, path } = await gatewayWithLargePreview();
    const answers = await Promise.all(Array.from({ length: 4 }, () => client.get(`${path}/report.json`)));
    const refused = answers.filter((answer) => answer.status === 503);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const answer of refused) expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
    for (const answer of answers.filter((each) => each.status !== 503)) {
      expect(answer.status).toBe(200);
      expect((JSON.parse(answer.text) as PreviewReport).people).toHaveLength(PEOPLE);
    }
  });

  it("answers 404 for a preview that does not exist or an id that is not a number", async () => {
    const { client, path } = await gatewayWithLargePreview();
    expect((await client.get("/connectors/acme/previews/999999")).status).toBe(404);
    expect((await client.get("/connectors/acme/previews/abc/report.csv")).status).toBe(404);
    expect((await client.get(`${path.replace("/acme/", "/other/")}/report.json`)).status).toBe(404);
  });
});

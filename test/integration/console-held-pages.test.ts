import { afterEach, describe, expect, it } from "vitest";
import { replaceHolds } from "../../src/sync/holds/person-holds.js";
import type { AffectedPerson, PersonHold } from "../../src/sync/plan-types.js";
import { finishRun, startRun } from "../../src/sync/run-store.js";
import { formatCount } from "../../src/console/views/format.js";
import { startTestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { connectorConfig } from "../support/hr-data.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * Issue #20, finding 8, for held runs and holds: both lists grow with the number of people (an API switch nobody
 * matched, a brake that holds everyone), and rendered whole they took seconds on the serving thread at 52,000
 * people. The pages show the first 200 and say that the decision covers the rest.
 */
const tempDir = useTempDir();
const PEOPLE = 1_000;
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

function affectedPerson(index: number): AffectedPerson {
  return {
    scimId: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
    sourceKey: `1:${index}`,
    companyNumber: String(1 + (index % 3)),
    label: `Person ${String(index).padStart(4, "0")}`,
    from: "active",
    to: "inactive",
    reason: "not matched by the other API",
  };
}

function brakeHold(person: AffectedPerson): PersonHold {
  return {
    scimId: person.scimId,
    sourceKey: person.sourceKey,
    companyNumber: person.companyNumber,
    label: person.label,
    kind: "brake",
    fingerprint: "deactivates",
    detail: "would be deactivated",
  };
}

async function gatewayWithManyHeld(): Promise<{ client: ConsoleClient; runId: number }> {
  const gw = await startTestGateway({ dir: tempDir(), connectors: [connectorConfig({ id: "acme" })] });
  closers.push(() => gw.close());
  const { sqlite } = gw.db;
  const people = Array.from({ length: PEOPLE }, (_, index) => affectedPerson(index));
  const runId = startRun(sqlite, "acme", "manual", "2026-02-01T10:00:00.000Z");
  finishRun(sqlite, runId, { status: "held", finishedAt: "2026-02-01T10:01:00.000Z", affected: people });
  const brakeRun = startRun(sqlite, "acme", "manual", "2026-02-01T11:00:00.000Z");
  sqlite.transaction(() => replaceHolds(sqlite, "acme", brakeRun, people.map(brakeHold), "2026-02-01T11:01:00.000Z"))();
  const client = new ConsoleClient(gw.url);
  await client.setup();
  return { client, runId };
}

function rowsOf(html: string): number {
  return html.match(/<a href="\/hr\/acme\//g)?.length ?? 0;
}

describe("pages of held people are bounded", () => {
  it("a held run's page lists the first 200 people it affects and says that the decision covers all of them", async () => {
    const { client, runId } = await gatewayWithManyHeld();
    const page = await client.get(`/runs/${runId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`${formatCount(PEOPLE, "en")} people could`);
    expect(page.text).toContain(
      `Showing the first 200 of ${formatCount(PEOPLE, "en")} people; approving or rejecting decides for all of them.`,
    );
    expect(rowsOf(page.text)).toBe(200);
    expect(page.text).toContain("Person 0199");
    expect(page.text).not.toContain("Person 0200");
  });

  it("the holds page lists the first 200 holds of a kind, and its buttons still decide all of them", async () => {
    const { client } = await gatewayWithManyHeld();
    const page = await client.get("/connectors/acme/holds");
    expect(page.status).toBe(200);
    expect(page.text).toContain(
      `Showing the first 200 of ${formatCount(PEOPLE, "en")} holds; the buttons per company and for all of them decide every one.`,
    );
    expect(rowsOf(page.text)).toBe(200);
    // The decision asks first, with the count of everyone it covers, not of the rows shown.
    const asked = await client.post("/connectors/acme/holds", { scope: "all", kind: "brake", decision: "reject" });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain(`name="confirm" value="${PEOPLE}"`);
    expect(rowsOf(asked.text)).toBe(200);
    const decided = await client.post("/connectors/acme/holds", {
      scope: "all",
      kind: "brake",
      decision: "reject",
      confirm: String(PEOPLE),
    });
    expect(decided.status).toBe(303);
    expect(decided.location).toBe(`/connectors/acme/holds?done=rejected&n=${PEOPLE}`);
  });
});

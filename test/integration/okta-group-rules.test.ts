import { afterEach, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { connectorConfig } from "../support/hr-data.js";
import { commit, user } from "../support/scim-fixtures.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * The Okta setup page's group rules (docs/groups.md): for each attribute group the connector serves, the Okta
 * Expression Language rule that builds it in Okta, with a Copy button, and all of them as a JSON download.
 */
const tempDir = useTempDir("hrgw-okta-rules-");
let gateway: TestGateway | undefined;
afterEach(async () => gateway?.close());

async function servedGateway(groups: Record<string, unknown>) {
  gateway = await startTestGateway({ dir: tempDir(), connectors: [connectorConfig({ name: "Acme BV", groups })] });
  commit(
    gateway.db,
    "acme",
    [
      user(1, { department: "Sales" }),
      user(2, { department: "Sales" }),
      user(3, { department: 'R&D "Lab"' }),
      user(4, { department: "Finance", active: false }),
    ],
    new Date("2026-03-02T09:00:00Z"),
  );
  const client = new ConsoleClient(gateway.url);
  await client.setup();
  return client;
}

describe("the Okta setup page's group rules", () => {
  it("gives each served department and company its Okta rule, with a Copy button, and explains the choice", async () => {
    const client = await servedGateway({ kinds: ["department", "company"] });
    const page = (await client.get("/connectors/acme/okta")).text;
    expect(page).toContain('id="group-rules"');
    expect(page).toContain("Okta group rule builds the same group inside Okta");
    expect(page).toContain("user.department == &quot;Sales&quot;");
    // A quote inside an Okta Expression Language string is written twice.
    expect(page).toContain("user.department == &quot;R&amp;D &quot;&quot;Lab&quot;&quot;&quot;");
    expect(page).toContain("user.organization == &quot;Acme BV&quot;");
    // Only active users are imported by Okta: nobody is in Finance for Okta.
    expect(page).not.toContain("Finance");
    const copies = [...page.matchAll(/data-copy="#(group-rule-\d+)"/g)].map((match) => match[1]);
    expect(copies).toHaveLength(3);
    for (const id of copies) expect(page).toContain(`id="${id}"`);
    expect(page).toContain('href="/connectors/acme/okta/group-rules.json"');
  });

  it("exports every rule as JSON, with the group name and how many users it matches now", async () => {
    const client = await servedGateway({ kinds: ["department"], templates: { department: "{name} ({company})" } });
    const download = await client.get("/connectors/acme/okta/group-rules.json");
    expect(download.status).toBe(200);
    expect(JSON.parse(download.text)).toEqual({
      connector: "acme",
      rules: [
        {
          kind: "department",
          groupName: 'R&D "Lab" (Acme BV)',
          expression: 'user.department == "R&D ""Lab""" AND user.organization == "Acme BV"',
          users: 1,
        },
        {
          kind: "department",
          groupName: "Sales (Acme BV)",
          expression: 'user.department == "Sales" AND user.organization == "Acme BV"',
          users: 2,
        },
      ],
    });
  });

  it("speaks Dutch to a Dutch admin", async () => {
    const client = await servedGateway({ kinds: ["department"] });
    const page = (await client.get("/connectors/acme/okta", { "accept-language": "nl" })).text;
    expect(page).toContain("Groepsregels in Okta");
    expect(page).toContain("Een soort groepen overzetten van import naar Okta-regels");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { connectorConfig } from "../support/hr-data.js";
import { useFileTempDir } from "../support/temp-dir.js";

const BEARER = "console-navigation-bearer-7c1f2a";

const tempDir = useFileTempDir("hrgw-console-nav-");

let gw: TestGateway;
let client: ConsoleClient;

beforeAll(async () => {
  gw = await startTestGateway({
    dir: tempDir(),
    connectors: [
      {
        ...connectorConfig({ id: "acme", name: "Acme" }),
        scim: { username: null, password: null, bearerToken: BEARER },
      },
    ],
  });
  client = new ConsoleClient(gw.url);
  await client.setup();
});

afterAll(async () => {
  await gw.close();
});

/** The page's <h1>. */
const heading = (html: string) => /<h1>([^<]*)<\/h1>/.exec(html)?.[1];

describe("addresses that lead nowhere", () => {
  it.each(["/nope", "/connectors/acme/nope", "/hr/acme", "/runs/nope/deeper", "/static-not-really"])(
    "%s answers the console's own 404 page, with the navigation",
    async (path) => {
      const page = await client.get(path);
      expect(page.status).toBe(404);
      expect(page.headers.get("content-type")).toContain("text/html");
      expect(heading(page.text)).toBe("Page not found");
      expect(page.text).toContain('<nav class="mainnav"');
      expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    },
  );

  it("answers a signed-out visitor with the 404 page too, without the navigation", async () => {
    const page = await fetch(`${gw.url}/nope`);
    expect(page.status).toBe(404);
    const html = await page.text();
    expect(heading(html)).toBe("Page not found");
    expect(html).not.toContain('<nav class="mainnav"');
  });

  it.each(["/scim/v2/acme/Nope", "/scim/v2/nope", "/scim/v2/"])("%s keeps its SCIM error body", async (path) => {
    const response = await fetch(`${gw.url}${path}`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.headers.get("content-type")).toContain("application/scim+json");
    expect(((await response.json()) as { schemas: string[] }).schemas).toEqual([
      "urn:ietf:params:scim:api:messages:2.0:Error",
    ]);
  });

  it("says that a connector named in the HR list's address does not exist, instead of 'no connectors yet'", async () => {
    const page = await client.get("/hr?connector=nope");
    expect(page.status).toBe(404);
    expect(heading(page.text)).toBe("No such connector");
    expect(page.text).toContain("There is no connector &quot;nope&quot;");
    expect(page.text).not.toContain("no connectors yet");
  });
});

describe("the log page", () => {
  it("names the connector of a warning and shows its time year first, in Amsterdam time with the zone", async () => {
    // A write from Okta's Push is refused with a warning naming the connector (a failed authentication is only
    // summarised per address, without a connector: docs/security.md).
    const refused = await fetch(`${gw.url}/scim/v2/acme/Users`, {
      method: "POST",
      headers: { authorization: `Bearer ${BEARER}`, "content-type": "application/scim+json" },
      body: "{}",
    });
    expect(refused.status).toBe(501);
    gw.logStore.flush();
    const page = await client.get("/log?level=warn");
    const row = page.text.split("<tr").find((html) => html.includes("refused a SCIM write"));
    expect(row).toBeDefined();
    const cells = [...row!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((match) => match[1]!);
    expect(cells[2]).toBe("acme");
    expect(cells[0]).toMatch(/>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} CES?T</);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { OktaImportSimulator } from "../../testkit/okta-sim/import-simulator.js";
import { startTestGateway } from "../e2e/harness.js";
import { ConsoleClient } from "../support/console-client.js";
import { SIM_CREDENTIALS } from "../support/nmbrs-sim.js";
import { hire, scenarioDataset, simConnector, startScenarioSimulator } from "../support/nmbrs-scenario.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * The dashboard's per-connector setup checklist: source connection tested, Okta credential generated, first Okta
 * import seen. Each open step links to where it is done; the checklist disappears when all three are done. Real
 * gateway, Nmbrs simulator over SOAP, Okta import simulator over HTTP.
 */
const tempDir = useTempDir("hrgw-setup-checklist-");
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function simulator() {
  const nmbrs = scenarioDataset();
  for (let i = 0; i < 3; i++) hire(nmbrs, { lastName: `Mens${i}` });
  const sim = await startScenarioSimulator(nmbrs);
  closers.push(() => sim.close());
  return sim;
}

/** The checklist of connector `id` on the dashboard: its heading and each step's state and link, or null when gone. */
async function checklist(client: ConsoleClient, id: string) {
  const html = (await client.get("/")).text;
  const block = new RegExp(`<div class="setup-checklist" id="setup-${id}">(.*?)</div>`).exec(html)?.[1];
  if (!block) return null;
  const steps = Object.fromEntries(
    [...block.matchAll(/<li class="setup-(done|open)" data-step="(\w+)">(.*?)<\/li>/g)].map(
      ([, state, key, body = ""]) => [key, { state, href: /<a href="([^"]+)"/.exec(body)?.[1] ?? null }],
    ),
  );
  return { heading: /<h3>(.*?)<\/h3>/.exec(block)?.[1], steps };
}

describe("the dashboard's setup checklist", () => {
  it("ticks off a console connector's source test, Okta credential and Okta's first import, then disappears", async () => {
    const sim = await simulator();
    const gw = await startTestGateway({ dir: tempDir() });
    closers.push(() => gw.close());
    const client = new ConsoleClient(gw.url);
    await client.setup();
    const form = {
      id: "acme",
      name: "Acme",
      kind: "nmbrs-soap",
      "nmbrs.endpoint": sim.url,
      "nmbrs.username": SIM_CREDENTIALS.username,
      "nmbrs.token": SIM_CREDENTIALS.token,
      "nmbrs.domain": SIM_CREDENTIALS.domain,
      days_before: "14",
      days_after: "7",
      retention_days: "90",
      max_deactivation_percent: "10",
      schedule: "15 * * * *",
      timezone: "Europe/Amsterdam",
      "groups.kinds": ["department", "company"],
    };
    await client.get("/connectors/new");
    const failed = await client.post(
      "/connectors/test",
      { ...form, "nmbrs.token": "wrong-token" },
      { headers: { "hx-request": "true" } },
    );
    expect(failed.text).toContain("Connection failed");
    expect((await client.post("/connectors", form)).status).toBe(303);

    expect(await checklist(client, "acme")).toEqual({
      heading: "Setup: 0 of 3 done",
      steps: {
        source: { state: "open", href: "/connectors/acme/edit" },
        credential: { state: "open", href: "/connectors/acme/okta#credentials" },
        import: { state: "open", href: "/connectors/acme/okta#step-import" },
      },
    });

    await client.get("/connectors/acme/edit");
    const tested = await client.post(
      "/connectors/test",
      { ...form, "nmbrs.token": "" },
      { headers: { "hx-request": "true" } },
    );
    expect(tested.text).toContain("Connected:");
    expect((await checklist(client, "acme"))?.steps.source?.state).toBe("done");

    await client.get("/connectors/acme/okta");
    const issued = await client.post("/connectors/acme/okta/credentials", { scheme: "bearer" });
    const bearer = /id="new-secret"[^>]*value="([^"]+)"/.exec((await client.get(issued.location!)).text)?.[1];
    expect(bearer).toBeTruthy();
    const afterCredential = await checklist(client, "acme");
    expect(afterCredential?.heading).toBe("Setup: 2 of 3 done");
    expect(afterCredential?.steps.credential?.state).toBe("done");

    expect((await gw.sync.runNow("acme", "manual")).status).toBe("succeeded");
    const base = `${gw.url}/scim/v2/acme`;
    // An admin's curl reading every user is not Okta's first import.
    const curl = await fetch(`${base}/Users?startIndex=1&count=100`, {
      headers: { authorization: `Bearer ${bearer}`, "user-agent": "curl/8.5.0" },
    });
    expect(curl.status).toBe(200);
    expect((await checklist(client, "acme"))?.steps.import?.state).toBe("open");

    const okta = new OktaImportSimulator({ baseUrl: base, authorization: `Bearer ${bearer}` });
    closers.push(() => okta.close());
    expect(await okta.importUsers()).toMatchObject({ new: 3 });
    expect(await checklist(client, "acme")).toBeNull();
  });

  it("counts a config.toml connector's successful sync as its source test, and points at config.toml for the credential", async () => {
    const sim = await simulator();
    const gw = await startTestGateway({ dir: tempDir(), connectors: [simConnector(sim)] });
    closers.push(() => gw.close());
    const client = new ConsoleClient(gw.url);
    await client.setup();
    const before = await checklist(client, "acme");
    expect(before?.steps.source).toEqual({ state: "open", href: "/connectors/acme" });

    expect((await gw.sync.runNow("acme", "manual")).status).toBe("succeeded");
    const after = await checklist(client, "acme");
    expect(after?.heading).toBe("Setup: 1 of 3 done");
    expect(after?.steps.source?.state).toBe("done");
    expect((await client.get("/")).text).toContain(
      "declare [connectors.scim] password_env or bearer_token_env in config.toml",
    );
  });
});

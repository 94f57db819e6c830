import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { generateDataset } from "../../testkit/nmbrs-sim/generator.js";
import { SIM_REST_CLIENT } from "../../testkit/nmbrs-sim/rest/rest-simulator.js";
import { startNmbrsSimulator, type NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { spawnTs, type Child } from "../support/child-process.js";
import { ConsoleClient } from "../support/console-client.js";
import { freePort } from "../support/gateway-process.js";
import { consentAtSimulator } from "../support/nmbrs-rest.js";
import { useTempDir } from "../support/temp-dir.js";
import { everyValue } from "../support/database-text.js";
import { waitFor } from "../support/wait-for.js";

const tempDir = useTempDir("hrgw-echoed-");
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const SECRET = {
  nmbrsToken: "soap-token-echoed-4d1f9a7c2e",
  clientSecret: "rest-client-secret-echoed-8b3e",
  subscriptionKey: "subscription-key-echoed-6f0a2d",
  adminPassword: "correct horse battery staple 91",
  typedToken: "typed-in-connection-test-9e2b7d",
} as const;

const TODAY = new Date().toISOString().slice(0, 10);

async function simulator(options: Partial<Parameters<typeof startNmbrsSimulator>[0]>): Promise<NmbrsSimulator> {
  const sim = await startNmbrsSimulator({
    dataset: generateDataset({ seed: 3, companies: 1, employeesPerCompany: 5, today: TODAY }),
    credentials: { username: "api@acme.nl", token: SECRET.nmbrsToken, domain: "acme" },
    today: TODAY,
    ...options,
  });
  cleanups.push(() => sim.close());
  return sim;
}

function query<T>(dbPath: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

describe("secrets an HR system echoes back", () => {
  it("a token quoted in a SOAP fault or a REST problem reaches no run record, audit row, log line, stdout or page", async () => {
    const dir = tempDir();
    const dbPath = join(dir, "gateway.db");
    // Nmbrs servers that quote the request they could not handle: SOAP with its AuthHeader, REST with its headers.
    const soap = await simulator({
      faults: [{ fault: { kind: "nmbrs", code: 9999, message: "Internal error", echoRequest: true } }],
    });
    const rest = await simulator({
      rest: {
        clients: [{ ...SIM_REST_CLIENT, clientSecret: SECRET.clientSecret }],
        subscriptionKey: SECRET.subscriptionKey,
        faults: [
          { operation: "companies", fault: { kind: "problem", status: 400, title: "Bad Request", echoRequest: true } },
        ],
      },
    });
    const port = await freePort();
    const configPath = join(dir, "config.toml");
    writeFileSync(
      configPath,
      `[server]\nlisten = "127.0.0.1:${port}"\n[storage]\npath = ${JSON.stringify(dbPath)}\n[log]\nlevel = "trace"\n` +
        `[[connectors]]\nid = "soap"\nkind = "nmbrs-soap"\nschedule = "0 0 1 1 *"\n` +
        `[connectors.nmbrs]\nendpoint = "${soap.url}"\nusername = "api@acme.nl"\ntoken_env = "NMBRS_TOKEN"\ndomain = "acme"\n` +
        `[[connectors]]\nid = "rest"\nkind = "nmbrs-rest"\nschedule = "0 0 1 1 *"\n` +
        `[connectors.nmbrs_rest]\napi_url = "${rest.rest.apiUrl}"\nidentity_url = "${rest.rest.identityUrl}"\nclient_id = "${SIM_REST_CLIENT.clientId}"\n` +
        `client_secret_env = "NMBRS_CLIENT_SECRET"\nsubscription_key_env = "NMBRS_SUBSCRIPTION_KEY"\n`,
    );
    const env = {
      NMBRS_TOKEN: SECRET.nmbrsToken,
      NMBRS_CLIENT_SECRET: SECRET.clientSecret,
      NMBRS_SUBSCRIPTION_KEY: SECRET.subscriptionKey,
    };
    const gateway: Child = spawnTs("src/main.ts", ["--config", configPath], { env });
    cleanups.push(() => gateway.kill());
    await gateway.waitFor("HR Gateway listening");
    const url = `http://127.0.0.1:${port}`;
    const client = new ConsoleClient(url);
    await client.setup("admin", SECRET.adminPassword);

    // "Connect to Nmbrs" for the REST connector: consent at the simulator, tokens sealed in the database.
    await client.get("/connectors/rest");
    const htmx = { "hx-request": "true", "x-csrf-token": client.csrf };
    const connect = await client.post("/connectors/rest/nmbrs/connect", {}, { csrf: null, headers: htmx });
    const back = await consentAtSimulator(connect.headers.get("hx-redirect")!);
    expect((await client.get(`${back.pathname}${back.search}`)).status).toBe(200);

    // "Test connection" with a token typed into the form and not saved: the answer is shown and audited.
    await client.get("/connectors/new");
    const tested = await client.post("/connectors/test", {
      id: "probe",
      kind: "nmbrs-soap",
      "nmbrs.endpoint": soap.url,
      "nmbrs.username": "api@acme.nl",
      "nmbrs.token": SECRET.typedToken,
      "nmbrs.domain": "acme",
    });
    expect(tested.text).toMatch(/Nmbrs fault 9999 .*&lt;Token&gt;\[redacted\]&lt;\/Token&gt;/);

    for (const id of ["soap", "rest"]) {
      await client.get(`/connectors/${id}`);
      await client.post(`/connectors/${id}/sync`);
      await waitFor(
        () =>
          query<{ status: string }>(
            dbPath,
            "SELECT status FROM sync_runs WHERE connector_id = ? ORDER BY id DESC LIMIT 1",
            id,
          )[0]?.status === "failed",
        `the failed ${id} sync`,
      );
    }
    const runs = query<{ id: number; connector_id: string; error: string }>(
      dbPath,
      "SELECT id, connector_id, error FROM sync_runs ORDER BY id",
    );
    // The faults were echoed and are in the record, with the secrets cut out.
    expect(runs.find((run) => run.connector_id === "soap")?.error).toMatch(
      /Nmbrs fault 9999 .*<Token>\[redacted\]<\/Token>/,
    );
    expect(runs.find((run) => run.connector_id === "rest")?.error).toMatch(/Bearer \[redacted\]/);
    expect(runs.find((run) => run.connector_id === "rest")?.error).toMatch(/"x-subscription-key":"\[redacted\]"/);

    const pages: string[] = [tested.text];
    for (const path of [
      "/",
      "/connectors",
      "/connectors/soap",
      "/connectors/rest",
      "/runs",
      ...runs.map((run) => `/runs/${run.id}`),
      "/log?level=trace",
      "/audit",
    ]) {
      const page = await client.get(path);
      expect(page.status, path).toBe(200);
      pages.push(page.text);
    }
    gateway.kill("SIGTERM");
    expect((await gateway.exited).code).toBe(0);

    const secrets: Record<string, string> = {
      ...SECRET,
      ...Object.fromEntries(rest.rest.oauth.issuedTokens().map((token, index) => [`oauth token ${index + 1}`, token])),
    };
    expect(Object.keys(secrets).length).toBeGreaterThanOrEqual(6);
    const places: Record<string, string> = {
      "database file": ["", "-wal", "-shm"]
        .map((suffix) =>
          existsSync(`${dbPath}${suffix}`) ? readFileSync(`${dbPath}${suffix}`).toString("latin1") : "",
        )
        .join(""),
      "database values": everyValue(dbPath),
      "stdout and stderr": gateway.stdout() + gateway.stderr(),
      "console pages": pages.join("\n"),
    };
    expect(places["database values"]).toMatch(/Nmbrs fault 9999/);
    expect(places["stdout and stderr"]).toMatch(/Nmbrs fault 9999/);
    expect(places["console pages"]).toMatch(/Nmbrs fault 9999/);
    const found = Object.entries(places).flatMap(([place, text]) =>
      Object.entries(secrets)
        .filter(([, secret]) => text.includes(secret))
        .map(([name]) => `${name} in ${place}`),
    );
    expect(found).toEqual([]);
  }, 60_000);
});

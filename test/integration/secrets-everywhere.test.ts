import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { generateDataset } from "../../testkit/nmbrs-sim/generator.js";
import { startNmbrsSimulator, type NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { spawnTs, type Child } from "../support/child-process.js";
import { ConsoleClient } from "../support/console-client.js";
import { freePort } from "../support/gateway-process.js";
import { useTempDir } from "../support/temp-dir.js";
import { everyValue } from "../support/database-text.js";
import { waitFor } from "../support/wait-for.js";

const tempDir = useTempDir("hrgw-secrets-");
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Every secret this flow handles, each distinctive enough to be found anywhere it should not be. */
const SECRET = {
  fileNmbrsToken: "file-nmbrs-token-8c2e61f0d4",
  consoleNmbrsToken: "console-nmbrs-token-51b9a7e3",
  scimBearer: "scim-bearer-from-file-0f4d2b9e77",
  scimPassword: "scim-password-from-env-6a1c3e",
  metricsToken: "metrics-token-3e9b0c7d21",
  adminPassword: "correct horse battery staple 91",
  wrongPassword: "typed-wrong-password-2b7f",
  wrongBearer: "guessed-bearer-token-7c3a1e",
} as const;

const TODAY = new Date().toISOString().slice(0, 10);

async function simulator(token: string): Promise<NmbrsSimulator> {
  const sim = await startNmbrsSimulator({
    dataset: generateDataset({ seed: token.length, companies: 1, employeesPerCompany: 15, today: TODAY }),
    credentials: { username: "api@acme.nl", token, domain: "acme" },
    today: TODAY,
  });
  cleanups.push(() => sim.close());
  return sim;
}

function latestRunStatus(dbPath: string, connectorId: string): string | undefined {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db
      .prepare("SELECT status FROM sync_runs WHERE connector_id = ? ORDER BY id DESC LIMIT 1")
      .pluck()
      .get(connectorId) as string | undefined;
  } finally {
    db.close();
  }
}

describe("secrets never appear unencrypted", () => {
  it("after a full flow: not in the database file, the backup, the log store, stdout, or any page", async () => {
    const dir = tempDir();
    const dbPath = join(dir, "gateway.db");
    const simA = await simulator(SECRET.fileNmbrsToken);
    const simB = await simulator(SECRET.consoleNmbrsToken);
    writeFileSync(join(dir, "scim-bearer"), `${SECRET.scimBearer}\n`);
    const port = await freePort();
    const configPath = join(dir, "config.toml");
    writeFileSync(
      configPath,
      `[server]\nlisten = "127.0.0.1:${port}"\n[storage]\npath = ${JSON.stringify(dbPath)}\n[log]\nlevel = "trace"\n` +
        `[metrics]\ntoken_env = "METRICS_TOKEN"\n` +
        `[[connectors]]\nid = "acme"\nkind = "nmbrs-soap"\nschedule = "0 0 1 1 *"\nmax_deactivation_percent = 100\n` +
        `[connectors.nmbrs]\nendpoint = "${simA.url}"\nusername = "api@acme.nl"\ntoken_env = "NMBRS_TOKEN"\ndomain = "acme"\n` +
        `[connectors.scim]\nusername = "okta"\npassword_env = "SCIM_PASSWORD"\nbearer_token_file = ${JSON.stringify(join(dir, "scim-bearer"))}\n`,
    );
    const env = {
      NMBRS_TOKEN: SECRET.fileNmbrsToken,
      SCIM_PASSWORD: SECRET.scimPassword,
      METRICS_TOKEN: SECRET.metricsToken,
    };
    const gateway: Child = spawnTs("src/main.ts", ["--config", configPath], { env });
    cleanups.push(() => gateway.kill());
    await gateway.waitFor("HR Gateway listening");
    const url = `http://127.0.0.1:${port}`;
    const pages: string[] = [];
    const client = new ConsoleClient(url);
    const visit = async (path: string) => pages.push((await client.get(path)).text);

    // Console: setup, a failed and a good sign-in, a connector made with its token typed in, SCIM secret issued.
    pages.push((await client.setup("admin", SECRET.adminPassword)).text);
    await client.post("/logout");
    await client.get("/login");
    pages.push((await client.post("/login", { username: "admin", password: SECRET.wrongPassword })).text);
    pages.push((await client.login("admin", SECRET.adminPassword)).text);
    await visit("/connectors/new");
    const created = await client.post("/connectors", {
      id: "hr2",
      kind: "nmbrs-soap",
      "nmbrs.endpoint": simB.url,
      "nmbrs.username": "api@acme.nl",
      "nmbrs.domain": "acme",
      "nmbrs.token": SECRET.consoleNmbrsToken,
      max_deactivation_percent: "100",
      "groups.kinds": ["department"],
    });
    expect(created.status).toBe(303);
    await visit("/connectors/hr2/okta");
    const issued = await client.get(
      (await client.post("/connectors/hr2/okta/credentials", { scheme: "bearer" })).location!,
    );
    const rotated = /id="new-secret"[^>]* value="([^"]+)"/.exec(issued.text)?.[1];
    expect(rotated, "the new SCIM secret is shown once").toBeDefined();

    // Both connectors synced from their simulators (each with its own Nmbrs token).
    for (const id of ["acme", "hr2"]) {
      await client.get(`/connectors/${id}`);
      await client.post(`/connectors/${id}/sync`);
      await waitFor(
        () => ["succeeded", "failed", "held"].includes(latestRunStatus(dbPath, id) ?? "running"),
        `the ${id} sync`,
      );
      expect(latestRunStatus(dbPath, id), id).toBe("succeeded");
    }
    for (const path of [
      "/",
      "/connectors",
      "/connectors/acme",
      "/connectors/hr2",
      "/connectors/hr2/edit",
      "/connectors/acme/okta",
      "/hr",
      "/runs",
      "/log",
      "/log?level=trace",
      "/audit",
    ]) {
      await visit(path);
    }

    // Okta with every credential, right and wrong; Prometheus with its token.
    const scim = async (connector: string, authorization: string) =>
      (await fetch(`${url}/scim/v2/${connector}/Users?count=5`, { headers: { authorization } })).status;
    expect(await scim("acme", `Bearer ${SECRET.scimBearer}`)).toBe(200);
    expect(await scim("acme", `Basic ${Buffer.from(`okta:${SECRET.scimPassword}`).toString("base64")}`)).toBe(200);
    expect(await scim("hr2", `Bearer ${rotated}`)).toBe(200);
    expect(await scim("acme", `Bearer ${SECRET.wrongBearer}`)).toBe(401);
    expect(
      (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${SECRET.metricsToken}` } })).status,
    ).toBe(200);
    await visit("/log?level=trace");

    // An online backup while it runs, then a graceful stop.
    const backupFile = join(tempDir(), "backup.db");
    const backup = spawnTs("src/cli.ts", ["backup", backupFile, "--config", configPath], { env });
    expect((await backup.exited).code, backup.stderr()).toBe(0);
    // Files at rest: readable by the gateway's user only (the key was generated into the data directory).
    for (const file of ["gateway.db", "gateway.db-wal", "encryption.key"]) {
      expect(statSync(join(dir, file)).mode & 0o777, file).toBe(0o600);
    }
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    gateway.kill("SIGTERM");
    expect((await gateway.exited).code).toBe(0);

    const key = readFileSync(join(dir, "encryption.key"), "utf8").trim();
    const secrets: Record<string, string> = {
      ...SECRET,
      rotatedScimSecret: rotated!,
      scimBasicHeader: Buffer.from(`okta:${SECRET.scimPassword}`).toString("base64"),
      encryptionKeyBase64: key,
      encryptionKeyHex: Buffer.from(key, "base64").toString("hex"),
    };
    const places: Record<string, string> = {
      "database file": ["", "-wal", "-shm"]
        .map((suffix) =>
          existsSync(`${dbPath}${suffix}`) ? readFileSync(`${dbPath}${suffix}`).toString("latin1") : "",
        )
        .join(""),
      "database values": everyValue(dbPath),
      "backup file": readFileSync(backupFile).toString("latin1"),
      "backup values": everyValue(backupFile),
      "stdout and stderr": gateway.stdout() + gateway.stderr() + backup.stdout() + backup.stderr(),
      "console pages": pages.join("\n"),
    };
    // The flow did produce what is scanned: logs with debug lines, sealed secrets, a request log.
    expect(places["stdout and stderr"]).toMatch(/"msg":"nmbrs call"/);
    expect(places["database values"]).toMatch(/scim request/);
    const found = Object.entries(places).flatMap(([place, text]) =>
      Object.entries(secrets)
        .filter(([, secret]) => text.includes(secret))
        .map(([name]) => `${name} in ${place}`),
    );
    expect(found).toEqual([]);
    // The one place a generated SCIM secret is shown: the page that issued it, once.
    expect(issued.text).toContain(rotated);
  }, 60_000);
});

import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO } from "../../testkit/demo/demo-credentials.js";
import { spawnTs, type Child } from "../support/child-process.js";
import { ConsoleClient } from "../support/console-client.js";
import { logInAtLoketSim } from "../support/loket-oauth.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir();
let demo: Child | undefined;
afterEach(async () => {
  demo?.kill("SIGTERM");
  await demo?.exited;
});

/** The demo on free ports (the fixed 8080/8081 may be taken on a test machine), waiting until it is ready. */
async function startDemo(data: string, extra: readonly string[] = []): Promise<string> {
  demo = spawnTs("testkit/demo/demo.ts", [
    "--port",
    "0",
    "--sim-port",
    "0",
    "--employees",
    "40",
    "--data",
    data,
    ...extra,
  ]);
  await demo.waitFor("Press Ctrl+C to stop.", 60_000);
  return demo.stdout();
}

/** `npm run sync -- …` as a user types it, run to its end. */
async function cli(args: readonly string[]): Promise<{ code: number | null; output: string }> {
  const child = spawnTs("src/cli.ts", ["sync", ...args]);
  const { code } = await child.exited;
  return { code, output: child.stdout() + child.stderr() };
}

describe("npm run demo", () => {
  it("starts the simulator and the gateway, syncs, and serves the demo employees at the printed Base URL", async () => {
    const output = await startDemo(tempDir());
    expect(output).toMatch(/First sync:\s+succeeded/);
    const base = /SCIM Base URL for Okta:\s+(\S+)/.exec(output)?.[1];
    const [, username, password] = /SCIM username\/password:\s+(\S+) \/ (\S+)/.exec(output) ?? [];
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/scim\/v2\/demo$/);

    const auth = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
    const response = await fetch(`${base}/Users?startIndex=1&count=100`, { headers: { authorization: auth } });
    expect(response.status).toBe(200);
    const list = (await response.json()) as {
      totalResults: number;
      Resources: { userName: string; active: boolean }[];
    };
    expect(list.totalResults).toBeGreaterThan(80);
    expect(list.Resources.length).toBe(Math.min(100, list.totalResults));
    expect(list.Resources.every((user) => user.userName.includes("@"))).toBe(true);

    const console = await fetch(/Admin console:\s+(\S+)/.exec(output)![1]!, { redirect: "manual" });
    expect(console.status).toBe(303);
    expect(console.headers.get("location")).toMatch(/\/login/);
  });

  it("--source afas: the same product on the AFAS Profit simulator, synced and served", async () => {
    const output = await startDemo(tempDir(), ["--source", "afas"]);
    expect(output).toContain("AFAS Profit simulator: http://127.0.0.1:");
    expect(output).toMatch(/First sync:\s+succeeded/);
    const base = /SCIM Base URL for Okta:\s+(\S+)/.exec(output)?.[1];
    const [, username, password] = /SCIM username\/password:\s+(\S+) \/ (\S+)/.exec(output) ?? [];
    const auth = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
    const response = await fetch(`${base}/Users?startIndex=1&count=100`, { headers: { authorization: auth } });
    const list = (await response.json()) as { totalResults: number; Resources: { userName: string }[] };
    expect(list.totalResults).toBeGreaterThan(80);
    expect(list.Resources.every((user) => user.userName.includes("@"))).toBe(true);
  });

  it("--source youforce: the same product on the Youforce simulator, synced and served", async () => {
    const output = await startDemo(tempDir(), ["--source", "youforce", "--employees", "30"]);
    expect(output).toContain("Youforce simulator: http://127.0.0.1:");
    expect(output).toMatch(/First sync:\s+succeeded/);
    const base = /SCIM Base URL for Okta:\s+(\S+)/.exec(output)?.[1];
    const [, username, password] = /SCIM username\/password:\s+(\S+) \/ (\S+)/.exec(output) ?? [];
    const auth = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
    const response = await fetch(`${base}/Users?startIndex=1&count=100`, { headers: { authorization: auth } });
    const list = (await response.json()) as { totalResults: number; Resources: { userName: string }[] };
    expect(list.totalResults).toBeGreaterThan(50);
    expect(list.Resources.every((user) => user.userName.includes("@"))).toBe(true);
  }, 120_000);

  it("--source loket: synced and served, and Connect to Loket works against the simulator with the printed user", async () => {
    const output = await startDemo(tempDir(), ["--source", "loket", "--employees", "20"]);
    expect(output).toContain("Loket simulator: http://127.0.0.1:");
    expect(output).toMatch(/First sync:\s+succeeded/);
    const [, connectorPage] = /Connect to Loket works against the simulator: (\S+)/.exec(output) ?? [];
    const [, username, password] = /at the simulated Loket as (\S+) \/ password (\S+)/.exec(output) ?? [];
    const gatewayUrl = new URL(connectorPage!).origin;
    const base = /SCIM Base URL for Okta:\s+(\S+)/.exec(output)?.[1];
    const [, scimUser, scimPassword] = /SCIM username\/password:\s+(\S+) \/ (\S+)/.exec(output) ?? [];
    const auth = `Basic ${Buffer.from(`${scimUser}:${scimPassword}`).toString("base64")}`;
    const served = await fetch(`${base}/Users?startIndex=1&count=1`, { headers: { authorization: auth } });
    expect(((await served.json()) as { totalResults: number }).totalResults).toBeGreaterThan(30);

    const admin = new ConsoleClient(gatewayUrl);
    expect((await admin.login(DEMO.adminUsername, DEMO.adminPassword)).status).toBe(303);
    await admin.get("/connectors/demo");
    const started = await admin.post(
      "/connectors/demo/loket/connect",
      {},
      { csrf: null, headers: { "hx-request": "true", "x-csrf-token": admin.csrf } },
    );
    const back = await logInAtLoketSim(started.headers.get("hx-redirect")!, "login", {
      username: username!,
      password: password!,
    });
    expect((await admin.get(`${back.pathname}${back.search}`)).status).toBe(200);
    expect((await admin.get("/connectors/demo?connected=1")).text).toContain("Connected to Loket");
  }, 120_000);

  it("writes the config file it runs from, and the CLI syncs the running demo's simulator with it", async () => {
    const data = tempDir();
    const output = await startDemo(data);
    const configPath = join(data, "config.toml");
    expect(existsSync(configPath)).toBe(true);
    expect(output).toContain(`npm run sync -- --config ${configPath} --connector demo`);

    const sync = await cli(["--config", configPath, "--connector", "demo"]);
    expect(sync.output).toMatch(/run \d+ succeeded: \d+ users served/);
    expect(sync.code).toBe(0);

    // Nothing is held in the plain demo: approving "all" is a decision with nothing to do, not a failure.
    const approve = await cli(["--config", configPath, "--approve-holds", "all", "--connector", "demo"]);
    expect(approve.output).toContain("nothing to approve: no open hold of demo matches");
    expect(approve.code).toBe(0);
  });

  it("--scenario brake: the second sync holds the leavers (the brake trips), a moved e-mail domain and a person without e-mail", async () => {
    const data = tempDir();
    const output = await startDemo(data, ["--scenario", "brake"]);
    expect(output).toMatch(
      /Second sync:\s+succeeded — .*held for approval \(the run would deactivate or remove \d+ of \d+ served users/,
    );

    const holds = await cli(["--config", join(data, "config.toml"), "--holds", "--connector", "demo"]);
    expect(holds.code).toBe(2);
    const kinds = holds.output.split("\n").flatMap((line) => /^#\d+\tpending\t(\w+)\t/.exec(line)?.[1] ?? []);
    expect(kinds.filter((kind) => kind === "brake").length).toBeGreaterThan(10);
    expect(kinds.filter((kind) => kind === "email_domain")).toHaveLength(1);
    expect(kinds.filter((kind) => kind === "no_email")).toHaveLength(1);
  });

  it("refuses an unknown scenario with the known ones, before starting anything", async () => {
    const data = join(tempDir(), "demo");
    demo = spawnTs("testkit/demo/demo.ts", ["--port", "0", "--sim-port", "0", "--data", data, "--scenario", "nope"]);
    const { code } = await demo.exited;
    expect(demo.stderr()).toContain('unknown --scenario "nope" (known: brake)');
    expect(code).toBe(64);
    expect(existsSync(data)).toBe(false);
  });
});

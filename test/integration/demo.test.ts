import { afterEach, describe, expect, it } from "vitest";
import { spawnTs, type Child } from "../support/child-process.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir();
let demo: Child | undefined;
afterEach(async () => {
  demo?.kill("SIGTERM");
  await demo?.exited;
});

describe("npm run demo", () => {
  it("starts the simulator and the gateway, syncs, and serves the demo employees at the printed Base URL", async () => {
    demo = spawnTs("src/demo.ts", ["--port", "0", "--employees", "40", "--data", tempDir()]);
    await demo.waitFor("Press Ctrl+C to stop.", 60_000);
    const output = demo.stdout();
    expect(output).toMatch(/First sync:\s+succeeded/);
    const base = /SCIM Base URL for Okta:\s+(\S+)/.exec(output)?.[1];
    const [, username, password] = /SCIM username\/password:\s+(\S+) \/ (\S+)/.exec(output) ?? [];
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/scim\/v2\/demo$/);

    const auth = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
    const response = await fetch(`${base}/Users?startIndex=1&count=100`, { headers: { authorization: auth } });
    expect(response.status).toBe(200);
    const list = (await response.json()) as { totalResults: number; Resources: { userName: string; active: boolean }[] };
    expect(list.totalResults).toBeGreaterThan(80);
    expect(list.Resources.length).toBe(Math.min(100, list.totalResults));
    expect(list.Resources.every((user) => user.userName.includes("@"))).toBe(true);

    const console = await fetch(/Admin console:\s+(\S+)/.exec(output)![1]!, { redirect: "manual" });
    expect(console.status).toBe(303);
    expect(console.headers.get("location")).toMatch(/\/login/);
  });
});

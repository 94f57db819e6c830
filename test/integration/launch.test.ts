import { existsSync, readdirSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { spawnTs, type Child } from "../support/child-process.js";
import { freePort, writeGatewayConfig } from "../support/gateway-process.js";
import { useTempDir } from "../support/temp-dir.js";
import { waitFor } from "../support/wait-for.js";

const tempDir = useTempDir("hrgw-launch-");
const children: Child[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    child.kill("SIGTERM");
    await child.exited;
  }
});

/** The process that runs src/main.ts: the launcher itself (Node ≥ 22.15 replaces it) or, on an older Node, its child. */
function gatewayProcessOf(launcher: number): number {
  const children = readdirSync(`/proc/${launcher}/task`).flatMap((task) =>
    readFileSync(`/proc/${launcher}/task/${task}/children`, "utf8").split(" ").filter(Boolean).map(Number),
  );
  return children[0] ?? launcher;
}

const argvOf = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
const envOf = (pid: number) => readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");

describe.runIf(process.platform === "linux")("the launcher (src/runtime/launch.ts)", () => {
  it("starts the gateway with the gateway's node flags and allocator settings, and passes SIGTERM on", async () => {
    const dir = tempDir();
    const port = await freePort();
    const config = writeGatewayConfig({ dir, port });
    const launcher = spawnTs("src/runtime/launch.ts", ["--config", config]);
    children.push(launcher);
    await waitFor(() => existsSync(`${dir}/gateway.db`), "the gateway to open its database");
    let ready = false;
    await waitFor(() => {
      void fetch(`http://127.0.0.1:${port}/healthz`).then(
        (response) => (ready = response.ok),
        () => undefined,
      );
      return ready;
    }, "/healthz to answer");

    const gateway = gatewayProcessOf(launcher.pid);
    expect(argvOf(gateway)).toEqual(
      expect.arrayContaining([
        "--max-semi-space-size=4",
        "--v8-pool-size=1",
        "--heap-growing-percent=100",
        "--no-memory-reducer",
      ]),
    );
    expect(argvOf(gateway).some((arg) => arg.endsWith("src/main.ts"))).toBe(true);
    expect(envOf(gateway)).toContain("MALLOC_MMAP_THRESHOLD_=131072");

    launcher.kill("SIGTERM");
    expect(await launcher.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(`/proc/${gateway}`)).toBe(false);
  });

  it("starts the command line with `cli`, whose arguments reach src/cli.ts", async () => {
    const launcher = spawnTs("src/runtime/launch.ts", ["cli", "sync", "--no-such-option"]);
    children.push(launcher);
    const { code } = await launcher.exited;
    expect(code).toBe(64); // the command line's own usage error, so it ran
    expect(launcher.stderr()).toContain("usage:");
  });
});

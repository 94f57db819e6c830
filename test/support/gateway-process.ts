import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterEach } from "vitest";
import { spawnTs, type Child } from "./child-process.js";
import { waitFor } from "./wait-for.js";

/** The real `src/main.ts` in its own process, so that its exit code, output and memory are its own. */
export interface GatewayProcess {
  readonly url: string;
  readonly child: Child;
  readonly configPath: string;
  /** Resident set size of the gateway process now, from /proc (Linux). */
  rssBytes(): number;
}

export interface GatewayProcessOptions {
  readonly dir: string;
  /**
   * config.toml after the `[server] listen = …` line written here (begin with more [server] keys if needed, e.g.
   * trusted_proxies); [storage] path is appended (the database is `<dir>/gateway.db`).
   */
  readonly toml?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** A TCP port free right now (the gateway is started on it a moment later). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function writeGatewayConfig(options: { dir: string; port: number; toml?: string }): string {
  const path = join(options.dir, "config.toml");
  const storage = `[storage]\npath = ${JSON.stringify(join(options.dir, "gateway.db"))}\n`;
  writeFileSync(path, `[server]\nlisten = "127.0.0.1:${options.port}"\n${options.toml ?? ""}\n${storage}`);
  return path;
}

/** Starts the gateway and resolves once /readyz answers 200 (rejects with its output if it exits first). */
export async function startGatewayProcess(options: GatewayProcessOptions): Promise<GatewayProcess> {
  const port = await freePort();
  const configPath = writeGatewayConfig({ dir: options.dir, port, toml: options.toml ?? "" });
  const child = spawnTs("src/main.ts", ["--config", configPath], { env: options.env ?? {} });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (child.process.exitCode !== null)
        throw new Error(`the gateway exited (${child.process.exitCode}):\n${child.stdout()}\n${child.stderr()}`);
      return fetch(`${url}/readyz`).then(
        (response) => response.ok,
        () => false,
      );
    },
    () => `the gateway to get ready:\n${child.stdout()}\n${child.stderr()}`,
    30_000,
    100,
  );
  return { url, child, configPath, rssBytes: () => rssOf(child.pid) };
}

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

/**
 * Gateway processes stopped (SIGTERM, then waited for) after each test, so a failing test leaves none running:
 * call at the top of a test file, after useTempDir (hooks run in reverse, so the gateway stops before its directory
 * is removed).
 */
export function useGatewayProcesses(): {
  start(options: GatewayProcessOptions): Promise<GatewayProcess>;
  /** Stops one gateway now; resolves with how it exited. */
  stop(gateway: GatewayProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
} {
  const running = new Set<GatewayProcess>();
  const stop = async (gateway: GatewayProcess) => {
    running.delete(gateway);
    gateway.child.kill("SIGTERM");
    return gateway.child.exited;
  };
  afterEach(async () => {
    for (const gateway of [...running]) await stop(gateway);
  });
  return {
    async start(options) {
      const gateway = await startGatewayProcess(options);
      running.add(gateway);
      return gateway;
    },
    stop,
  };
}

import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { spawnTs, type Child } from "./child-process.js";

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
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.process.exitCode !== null)
      throw new Error(`the gateway exited (${child.process.exitCode}):\n${child.stdout()}\n${child.stderr()}`);
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`the gateway did not get ready:\n${child.stdout()}\n${child.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, child, configPath, rssBytes: () => rssOf(child.pid) };
}

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

import { spawn, type ChildProcess } from "node:child_process";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { createInterface } from "node:readline";

/** The repository root: every child runs from here, so relative paths (dist/, src/, migrations/) resolve. */
export const ROOT = new URL("../../", import.meta.url).pathname;

/** A Node child process of the benchmark: the simulator, a gateway, a sync, a peer server. */
export interface NodeChild {
  readonly process: ChildProcess;
  readonly pid: number;
  /** Resolves with the exit code. */
  readonly exited: Promise<number>;
}

/**
 * Starts `node <args>` from the repository root. TypeScript children get `--import tsx` from the caller; the
 * production build (dist/) runs without it, so that nothing but the gateway is measured.
 */
export function startNode(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; stdout?: "pipe" | "ignore"; stderr?: "inherit" | "ignore" } = {},
): NodeChild {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", options.stdout ?? "pipe", options.stderr ?? "inherit"],
  });
  const exited = new Promise<number>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1))),
  );
  return { process: child, pid: child.pid!, exited };
}

/** The first line a child prints, parsed as JSON (the simulator's and the peer server's "listening" line). */
export async function firstJsonLine<T>(child: NodeChild): Promise<T> {
  const lines = createInterface({ input: child.process.stdout! });
  const line = await Promise.race([
    new Promise<string>((resolve) => lines.once("line", resolve)),
    child.exited.then((code) =>
      Promise.reject(new Error(`child ${child.pid} exited (${code}) before it printed its address`)),
    ),
  ]);
  // Keep draining stdout, so that a chatty child never blocks on a full pipe.
  lines.on("line", () => undefined);
  return JSON.parse(line) as T;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child is gone. */
export async function stopChild(child: NodeChild, graceMs = 5000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill("SIGTERM");
  const timer = setTimeout(() => child.process.kill("SIGKILL"), graceMs);
  await child.exited;
  clearTimeout(timer);
}

/** A free TCP port on 127.0.0.1 (for children that take a port in their config file). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const CLOCK_TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

/**
 * CPU time (user + system) a process has used so far, in ms, from /proc (10 ms resolution); with `thread`, that one
 * thread's (a process's main thread has the process's id). A whole process's time includes its children's, ended
 * (the kernel adds them when they are reaped) or running: a gateway that syncs in a child process is measured with
 * its sync, as one that syncs on a thread.
 */
export function cpuMsOf(pid: number, thread?: number): number {
  if (thread !== undefined) return ticksToMs(statFields(`/proc/${pid}/task/${thread}/stat`).slice(11, 13));
  const own = ticksToMs(statFields(`/proc/${pid}/stat`).slice(11, 15));
  return own + childrenOf(pid).reduce((sum, child) => sum + cpuMsOf(child), 0);
}

function statFields(path: string): string[] {
  const stat = readFileSync(path, "utf8");
  // Fields after the command name (which may contain spaces): state is field 3, utime 14, stime 15, cutime 16,
  // cstime 17.
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

function ticksToMs(ticks: readonly string[]): number {
  return clockTicksToMs(ticks.reduce((sum, tick) => sum + Number(tick), 0));
}

/** CPU clock ticks (as /proc counts them) in milliseconds. */
export function clockTicksToMs(ticks: number): number {
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** The running children of a process (any of its threads may have started them); none once it has ended. */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean).map(Number),
    );
  } catch {
    return []; // it ended between the listing and the read
  }
}

/** Resident set size of a process and its running children now, in MB (VmRSS). */
export function rssMbOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const own = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024;
    return own + childrenOf(pid).reduce((sum, child) => sum + rssMbOf(child), 0);
  } catch {
    return 0; // a child that ended between the listing and the read holds nothing
  }
}

/** Polls `url` until it answers 200; resolves with the time it took from `since` (performance.now()). */
export async function untilOk(url: string, since: number, child: NodeChild, timeoutMs = 60_000): Promise<number> {
  let exited = false;
  void child.exited.then(() => (exited = true));
  for (;;) {
    if (exited) throw new Error(`child ${child.pid} exited before ${url} answered`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - since;
    } catch {
      // Not listening yet.
    }
    if (performance.now() - since > timeoutMs)
      throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

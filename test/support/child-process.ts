import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

export const REPO = resolve(import.meta.dirname, "../..");

/** tsx's loader by its full path: `--import tsx` would be looked up from the child's cwd, which a test may move. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

export interface Child {
  readonly process: ChildProcess;
  readonly pid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves when a line of stdout (or stderr) contains `text`; rejects when the child exits first or time runs out. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Exit code (null when killed by a signal) and signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): void;
}

/** Runs a TypeScript file of this repository in its own Node process (through tsx), capturing its output. */
export function spawnTs(
  script: string,
  args: readonly string[] = [],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Child {
  const child = spawn(process.execPath, ["--import", TSX, resolve(REPO, script), ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  const listeners = new Set<() => void>();
  child.stdout!.on("data", (chunk: Buffer) => {
    out += chunk.toString("utf8");
    for (const listener of listeners) listener();
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    err += chunk.toString("utf8");
    for (const listener of listeners) listener();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once("exit", (code, signal) => {
      for (const listener of listeners) listener();
      done({ code, signal });
    }),
  );
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const matches = (text: string | RegExp) => {
    const all = out + err;
    return typeof text === "string" ? all.includes(text) : text.test(all);
  };
  return {
    process: child,
    pid: child.pid!,
    stdout: () => out,
    stderr: () => err,
    exited,
    kill: (signal = "SIGKILL") => {
      if (!hasExited) child.kill(signal);
    },
    waitFor: (text, timeoutMs = 60_000) =>
      new Promise<void>((resolvePromise, reject) => {
        const check = () => {
          if (matches(text)) finish(null);
          else if (hasExited || child.exitCode !== null)
            finish(new Error(`the child exited before printing ${String(text)}:\n${out}\n${err}`));
        };
        const timer = setTimeout(
          () => finish(new Error(`timed out waiting for ${String(text)}:\n${out}\n${err}`)),
          timeoutMs,
        );
        const finish = (error: Error | null) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else resolvePromise();
        };
        listeners.add(check);
        check();
      }),
  };
}

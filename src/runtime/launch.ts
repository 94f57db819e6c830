import { spawn } from "node:child_process";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { nodeFlagsFor, tunedEnv } from "./tuning.js";

/**
 * How HR Gateway is started, everywhere (the image's CMD, `npm start`, `npm run sync`, the benchmarks):
 *
 *   node dist/runtime/launch.js [--config path]        the gateway (dist/main.js)
 *   node dist/runtime/launch.js cli <command> [...]    the command line (dist/cli.js)
 *
 * It starts the program with the node flags and allocator settings of runtime/tuning.ts. glibc reads its settings
 * only when a process starts, and Node documents V8 flags changed at run time as unsafe, so both
 * must be given at the start of a new program.
 */
const [first, ...rest] = process.argv.slice(2);
const cli = first === "cli";
const entry = fileURLToPath(new URL(`../${cli ? "cli" : "main"}${extname(import.meta.url)}`, import.meta.url));
const program = cli ? "sync" : "gateway";
const args = [...nodeFlagsFor(program, entry), entry, ...(cli ? rest : process.argv.slice(2))];
const env = Object.fromEntries(
  Object.entries(tunedEnv(program)).filter((entry): entry is [string, string] => entry[1] !== undefined),
);

type Execve = (file: string, args: readonly string[], env: Record<string, string>) => never;
const execve = (process as { execve?: Execve }).execve;
if (execve) {
  // Node 22.15 and later (the image's Node 24): the program replaces this one in the same process, so the gateway
  // keeps the container's PID 1 and receives Docker's signals itself.
  execve(process.execPath, [process.execPath, ...args], env);
} else {
  // An older Node (a developer's Node 20): the program runs as this process's child, which passes signals on and
  // ends with the child's exit code.
  const child = spawn(process.execPath, args, { env, stdio: "inherit" });
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
}

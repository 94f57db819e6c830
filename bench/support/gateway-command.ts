import { nodeFlagsFor, tunedEnv, type Program } from "../../src/runtime/tuning.js";
import { startNode, type NodeChild } from "./processes.js";

/**
 * `node <flags> dist/<entry>.js <args>` with the flags and allocator settings the launcher (src/runtime/launch.ts)
 * gives the image's processes: the benchmarks measure the gateway and the sync command as customers run them. The
 * command is started directly, not through the launcher, so that on a Node without `process.execve` the figures
 * are the program's alone and not a launcher's beside it.
 */
export function startTuned(
  program: Program,
  entry: "main" | "cli",
  args: readonly string[],
  options: {
    preload?: string;
    env?: NodeJS.ProcessEnv;
    stdout?: "pipe" | "ignore";
    stderr?: "inherit" | "ignore";
    extraFlags?: readonly string[];
  },
): NodeChild {
  const file = `dist/${entry}.js`;
  const preload = options.preload ? ["--import", options.preload] : [];
  return startNode([...nodeFlagsFor(program, file), ...(options.extraFlags ?? []), ...preload, file, ...args], {
    ...options,
    env: { ...tunedEnv(program, {}), ...options.env },
  });
}

/**
 * The gateway as the image starts it, with the config file at `configPath`; `extraFlags` (node flags after the
 * launcher's) only for an A/B of a flag before it goes into src/runtime/tuning.ts.
 */
export function startGateway(configPath: string, extraFlags: readonly string[] = []): NodeChild {
  return startTuned("gateway", "main", ["--config", configPath], { stdout: "ignore", extraFlags });
}

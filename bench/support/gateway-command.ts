import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, startNode, type NodeChild } from "./processes.js";

function dockerfile(): string {
  return readFileSync(join(ROOT, "Dockerfile"), "utf8");
}

/**
 * The node flags of the image's start command (the Dockerfile's `CMD ["node", …flags, "dist/main.js"]`): the
 * benchmarks start the gateway with exactly these, so they measure it as customers run it.
 */
export function imageNodeFlags(): string[] {
  const cmd = /^CMD (\[.*\])\s*$/m.exec(dockerfile());
  if (!cmd) throw new Error('the Dockerfile has no CMD ["node", …] line');
  const args = JSON.parse(cmd[1]!) as string[];
  const main = args.indexOf("dist/main.js");
  if (args[0] !== "node" || main < 0)
    throw new Error(`the Dockerfile's CMD does not start node dist/main.js: ${cmd[1]}`);
  return args.slice(1, main);
}

/**
 * The image's settings of glibc's allocator (`ENV MALLOC_…=…` lines), which every process of the image inherits:
 * the gateway and `node dist/cli.js sync` alike. Its other variables (listen address, storage path) are the
 * container's, not the benchmark's.
 */
export function imageAllocatorEnv(): Record<string, string> {
  const settings = [...dockerfile().matchAll(/^ENV (MALLOC_[A-Z_]+)=(\S+)\s*$/gm)].map(
    (line) => [line[1]!, line[2]!] as const,
  );
  return Object.fromEntries(settings);
}

/** The gateway as the image starts it: `node <the image's flags> dist/main.js --config <path>`, in its environment. */
export function startGateway(configPath: string): NodeChild {
  return startNode([...imageNodeFlags(), "dist/main.js", "--config", configPath], {
    stdout: "ignore",
    env: imageAllocatorEnv(),
  });
}

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./processes.js";

/**
 * The node flags of the image's start command (the Dockerfile's `CMD ["node", …flags, "dist/main.js"]`): the
 * benchmarks start the gateway with exactly these, so they measure it as customers run it.
 */
export function imageNodeFlags(): string[] {
  const dockerfile = readFileSync(join(ROOT, "Dockerfile"), "utf8");
  const cmd = /^CMD (\[.*\])\s*$/m.exec(dockerfile);
  if (!cmd) throw new Error("the Dockerfile has no CMD [\"node\", …] line");
  const args = JSON.parse(cmd[1]!) as string[];
  const main = args.indexOf("dist/main.js");
  if (args[0] !== "node" || main < 0) throw new Error(`the Dockerfile's CMD does not start node dist/main.js: ${cmd[1]}`);
  return args.slice(1, main);
}

/** `node <the image's flags> dist/main.js --config <path>`, as arguments to startNode. */
export function gatewayArgs(configPath: string): string[] {
  return [...imageNodeFlags(), "dist/main.js", "--config", configPath];
}

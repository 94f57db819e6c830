import { type ParseArgsConfig, parseArgs } from "node:util";

/**
 * The options every simulator's CLI takes (--seed, --today, --port) beside its own `options`, read from the command
 * line; `seed` is the simulator's default seed.
 */
export function simulatorArgs<Options extends NonNullable<ParseArgsConfig["options"]>>(seed: number, options: Options) {
  return parseArgs({
    options: {
      seed: { type: "string", default: String(seed) },
      today: { type: "string", default: new Date().toISOString().slice(0, 10) },
      port: { type: "string", default: "0" },
      ...options,
    },
  }).values;
}

/**
 * Prints the running simulator's one JSON `line` (what a benchmark reads to find it), then serves until SIGINT or
 * SIGTERM, when it closes the simulator and exits.
 */
export function serveUntilSignalled(simulator: { close(): Promise<void> }, line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void simulator.close().then(() => process.exit(0)));
  }
}

import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "./config/load.js";
import { StorageError } from "./db/open.js";
import { startGateway, type Gateway } from "./gateway.js";

/**
 * The gateway: `npm start` / `node dist/runtime/launch.js [--config path]`, which starts this file with the
 * process's tuning (runtime/tuning.ts). Start-up only. Problems an operator can fix (config, database
 * file) end the process with their own readable message and exit code 78 (EX_CONFIG), without a stack trace.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { config: { type: "string" } }, allowPositionals: false });
  let gateway: Gateway;
  try {
    gateway = await startGateway({ config: loadConfig({ path: values.config }) });
  } catch (error) {
    if (error instanceof ConfigError) return fail(`HR Gateway cannot start: invalid configuration in ${error.message}`);
    if (error instanceof StorageError) return fail(`HR Gateway cannot start: ${error.message}`);
    if (LISTEN_ERRORS.has((error as NodeJS.ErrnoException).code ?? ""))
      return fail(`HR Gateway cannot start: ${(error as Error).message}`);
    throw error;
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    gateway.logger.info({ signal }, "stopping: finishing in-flight requests and the running sync");
    // Docker waits 10 s after SIGTERM before SIGKILL; the gateway cuts lingering connections at 8 s.
    const deadline = setTimeout(() => process.exit(1), 9500);
    deadline.unref();
    gateway.close().then(
      () => process.exit(0),
      (error: unknown) => {
        gateway.logger.error({ err: error }, "error while stopping");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

/**
 * Listen addresses that pass validation but that this machine refuses (taken, not one of its addresses, a host name
 * that does not resolve, a privileged port): the operator fixes [server].listen, so no stack trace.
 */
const LISTEN_ERRORS = new Set(["EADDRINUSE", "EADDRNOTAVAIL", "ENOTFOUND", "EAI_AGAIN", "EACCES"]);

function fail(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 78;
}

await main();

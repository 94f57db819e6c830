/**
 * A sync in a separate process, for the crash-safety test to kill with SIGKILL. Usage:
 *   node --import tsx test/support/crash-child.ts <db path> fetch|write
 * fetch: reads company 1, then waits forever for company 2 (killed mid-fetch);
 * write: every employee changed, so the run writes a large transaction (killed mid-write).
 */
import { crashScenario } from "./crash-scenario.js";
import { syncFixture } from "./sync-fixture.js";

const [path, mode] = process.argv.slice(2) as [string, "fetch" | "write"];
const scenario = crashScenario(mode);
const fixture = syncFixture({ connector: scenario.connector, source: () => scenario.source, path, start: "2026-01-11T08:00:00Z" });
fixture.service.on("progress", (progress) => process.stdout.write(`${JSON.stringify(progress)}\n`));
await fixture.service.runNow("acme", "schedule");
process.stdout.write("finished\n");

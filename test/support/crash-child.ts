/**
 * A sync in a separate process, for the crash-safety test to kill with SIGKILL. Usage:
 *   node --import tsx test/support/crash-child.ts <db path> fetch|write <team size>
 * The child serves its own Nmbrs simulator (see crash-scenario.ts) and syncs from it over SOAP with the real
 * source, printing every progress event as a JSON line and "finished" at the end.
 */
import { startCrashSimulator, type CrashMode } from "./crash-scenario.js";
import { syncFixture } from "./sync-fixture.js";

const [path, mode, teamSize] = process.argv.slice(2) as [string, Exclude<CrashMode, "first">, string];
const { sim, connector } = await startCrashSimulator(mode, Number(teamSize));
const fixture = syncFixture({ connector, path, start: "2026-01-11T08:00:00Z" });
fixture.service.on("progress", (progress) => process.stdout.write(`${JSON.stringify(progress)}\n`));
await fixture.service.runNow("acme", "schedule");
await sim.close();
process.stdout.write("finished\n");

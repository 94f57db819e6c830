/**
 * `tsx bench/cold-import.ts <database> [idle seconds] [cycles] [node flag …]` (after `npm run build`; the database
 * is one bench/children/seed-directory.ts wrote): Okta's import of every served user, after the gateway idled and
 * warm. The gateway (`node dist/main.js` with the launcher's flags, plus any given here for an A/B before a flag goes
 * into src/runtime/tuning.ts) runs 4 imports back to back, while V8 compiles the serving path, then `cycles` times:
 * idle `idle seconds` (default 60: V8's memory reducer waits ~8 s of quiet, then collects), the import Okta meets
 * when it imports on a schedule, and right after it another import, warm. Each cold import is compared with the
 * warm one right after it: on a machine shared with other work the two run under nearly the same load, which
 * single figures taken minutes apart do not. One JSON line: server CPU per page and wall time of every import, the
 * ratios, and the gateway's RSS at the end of each idle.
 */
import { join } from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { startGateway } from "./support/gateway-command.js";
import { CONNECTOR, SCIM_TOKEN, writeGatewayConfig } from "./support/gateway-config.js";
import { importCost, type ImportCost } from "./support/okta-scan.js";
import { freePort, rssMbOf, stopChild, untilOk } from "./support/processes.js";
import { median } from "./support/results.js";

const [dbPath, idleArgument = "60", cyclesArgument = "3", ...flags] = process.argv.slice(2);
if (!dbPath) throw new Error("usage: tsx bench/cold-import.ts <database> [idle seconds] [cycles] [node flag …]");
const IDLE_MS = Number(idleArgument) * 1000;
const CYCLES = Number(cyclesArgument);
const WARM_UP_IMPORTS = 4;

const workDir = mkdtempSync(join(tmpdir(), "hrgw-cold-import-"));
try {
  const port = await freePort();
  const gateway = startGateway(writeGatewayConfig(join(workDir, "config.toml"), { dbPath, port }), flags);
  try {
    await untilOk(`http://127.0.0.1:${port}/readyz`, performance.now(), gateway);
    const base = `http://127.0.0.1:${port}/scim/v2/${CONNECTOR}`;
    const importOnce = async (): Promise<ImportCost> => {
      const cost = await importCost(base, `Bearer ${SCIM_TOKEN}`, gateway.pid);
      return { cpuPerPageMs: round(cost.cpuPerPageMs), wallMs: Math.round(cost.wallMs) };
    };
    const warmUp: ImportCost[] = [];
    for (let run = 0; run < WARM_UP_IMPORTS; run++) warmUp.push(await importOnce());
    const cycles: { idleRssMb: number; cold: ImportCost; warm: ImportCost }[] = [];
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
      const idleRssMb = Math.round(rssMbOf(gateway.pid));
      const cold = await importOnce();
      cycles.push({ idleRssMb, cold, warm: await importOnce() });
    }
    const cpuRatios = cycles.map(({ cold, warm }) => round(cold.cpuPerPageMs / warm.cpuPerPageMs));
    console.log(
      JSON.stringify({
        flags,
        idleSeconds: IDLE_MS / 1000,
        warmUp,
        cycles,
        coldOverWarmCpu: cpuRatios,
        coldOverWarmCpuMedian: round(median(cpuRatios)),
        coldOverWarmWall: cycles.map(({ cold, warm }) => round(cold.wallMs / warm.wallMs)),
      }),
    );
  } finally {
    await stopChild(gateway);
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { addSyncFigures, measuredSync, type SyncFigures } from "./measured-sync.js";
import { firstJsonLine, startNode, stopChild } from "./processes.js";
import type { Results, Section } from "./results.js";

/** What one HR source's sync benchmark says of itself; the rest is the same for every source. */
export interface SourceSyncBench<Sim> {
  /** Its simulator's CLI and scale arguments, run with tsx; it prints one JSON line (`Sim`) once it listens. */
  readonly simulator: readonly string[];
  /** The stem of its database and config file names in the work directory. */
  readonly name: string;
  /** Extra `[storage]` lines (an encryption key), if any. */
  readonly storage?: string;
  /** Its connector's lines after the shared ones (id, schedule, time zone, no brake): kind, groups, its section. */
  connector(sim: Sim): string;
  /** The results section's title. */
  title(sim: Sim): string;
  /** How many people the cast holds (for the per-person figures). */
  readonly people: number;
  /** Runs once the config is written, before the first sync (e.g. a consent sealed into the connector). */
  prepare?(configPath: string, sim: Sim): void;
  /** One measured sync; `measuredSync` (`node dist/cli.js sync`) unless the source needs its own child. */
  sync?(workDir: string, configPath: string, dbPath: string): Promise<SyncFigures>;
  /** The source's own lines of one run (its wall time, its calls), before the shared figures. */
  addRun(section: Section, run: string, figures: SyncFigures): void;
}

/**
 * A first sync and a second with nothing changed, of connector "bench" reading the source's simulator in a process of
 * its own, each measured like benchmark 1 (peak RSS and CPU from report-usage.mjs, calls and bytes from the run record).
 */
export async function sourceSyncBench<Sim>(
  results: Results,
  bench: SourceSyncBench<Sim>,
  workDir: string,
): Promise<void> {
  const simulator = startNode(["--import", "tsx", ...bench.simulator]);
  try {
    const sim = await firstJsonLine<Sim>(simulator);
    const dbPath = join(workDir, `${bench.name}.db`);
    const configPath = join(workDir, `${bench.name}.toml`);
    writeFileSync(
      configPath,
      `[storage]
path = ${JSON.stringify(dbPath)}
${bench.storage ?? ""}
[log]
level = "warn"
[[connectors]]
id = "bench"
schedule = "0 0 1 1 *"
timezone = "UTC"
max_deactivation_percent = 100
${bench.connector(sim)}`,
    );
    bench.prepare?.(configPath, sim);
    const section = results.section(bench.title(sim));
    for (const run of ["first sync", "second sync (nothing changed)"]) {
      const figures = await (bench.sync ?? measuredSync)(workDir, configPath, dbPath);
      bench.addRun(section, run, figures);
      addSyncFigures(section, run, figures, bench.people);
    }
  } finally {
    await stopChild(simulator);
  }
}

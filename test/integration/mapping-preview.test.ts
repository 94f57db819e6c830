import { afterEach, describe, expect, it } from "vitest";
import { createSourceFor } from "../../src/connectors/source-for.js";
import { silentLogger } from "../../src/logging/logger.js";
import { appliedRunAfter } from "../../src/sync/preview/applied-run.js";
import { compareWithRun } from "../../src/sync/preview/compare-with-run.js";
import { createPreview, type PreviewDeps } from "../../src/sync/preview/create-preview.js";
import { readPreview } from "../../src/sync/preview/preview-store.js";
import type { NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import {
  hire,
  scenarioDataset,
  simConnector,
  simulatedDay,
  startScenarioSimulator,
} from "../support/nmbrs-scenario.js";
import { syncFixture, type SyncFixture } from "../support/sync-fixture.js";
import { useTempDir } from "../support/temp-dir.js";

/** A mapping change is previewed like any other change (docs/mapping.md), and the run then applies exactly that. */
const tempDir = useTempDir("hrgw-mapping-preview-");
let sim: NmbrsSimulator | undefined;
let fixture: SyncFixture | undefined;
afterEach(async () => {
  fixture?.db.close();
  await sim?.close();
  sim = fixture = undefined;
});

describe("a mapping change in the Preview", () => {
  it("shows every changed title and the new rule group, and the run that follows matches it", async () => {
    const nmbrs = scenarioDataset();
    for (const lastName of ["Een", "Twee", "Drie"]) hire(nmbrs, { lastName });
    sim = await startScenarioSimulator(nmbrs, { today: "2026-01-10" });
    const raw = { groups: { kinds: [] } };
    fixture = syncFixture({ connector: simConnector(sim, raw), path: `${tempDir()}/gateway.db` });
    const f = fixture;
    expect((await f.service.runNow("acme", "daily")).status).toBe("succeeded");

    // The admin changes config.toml: a title with the company in it, and a group of everyone.
    f.registry.declareFromConfig([
      simConnector(sim, {
        ...raw,
        mapping: { title: 'person.function.name + " (" + company.name + ")"' },
        groups: { kinds: [], rules: [{ name: "Iedereen", when: "true" }] },
      }),
    ]);
    simulatedDay(f.clock, sim, "2026-01-11");
    const deps: PreviewDeps = {
      sqlite: f.db.sqlite,
      clock: f.clock.now,
      connector: (id) => f.registry.resolve(id),
      sourceFor: (c) => createSourceFor(c, { logger: silentLogger() }),
    };
    const { id, report } = await createPreview(deps, "acme", "admin");
    expect(report.summary).toMatchObject({ changes: 3, groupsCreated: 1 });
    expect(report.people.map((person) => person.fields)).toEqual(
      Array(3).fill([{ field: "title", old: "Accountmanager", new: "Accountmanager (Acme BV)" }]),
    );
    expect(report.groups).toEqual([expect.objectContaining({ change: "created", displayName: "Iedereen" })]);

    expect((await f.service.runNow("acme", "daily")).status).toBe("succeeded");
    const stored = readPreview(f.db.sqlite, "acme", id)!;
    expect(compareWithRun(report, appliedRunAfter(f.db.sqlite, stored.record)!)).toMatchObject({
      verdict: "matches",
      differences: [],
    });
  });
});

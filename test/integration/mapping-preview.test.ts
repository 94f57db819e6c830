import { afterEach, describe, expect, it } from "vitest";
import { appliedRunAfter } from "../../src/sync/preview/applied-run.js";
import { compareWithRun } from "../../src/sync/preview/compare-with-run.js";
import { readPreview } from "../../src/sync/preview/preview-store.js";
import { previewInProcess } from "../../src/sync/process/sync-process.js";
import type { NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { startTestGateway, type TestGateway } from "../e2e/harness.js";
import {
  hire,
  scenarioDataset,
  simConnector,
  simulatedDay,
  startScenarioSimulator,
} from "../support/nmbrs-scenario.js";
import { syncChildBundle } from "../support/sync-child-bundle.js";
import { TestClock } from "../support/sync-fixture.js";
import { threadDepsOf } from "../support/sync-process-deps.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * A mapping change is previewed like any other change (docs/mapping.md), and the run then applies exactly that. The
 * runs and the preview each go to a sync process, as the gateway sends them, at the test's simulated day.
 */
const tempDir = useTempDir("hrgw-mapping-preview-");
let sim: NmbrsSimulator | undefined;
let gw: TestGateway | undefined;
afterEach(async () => {
  await gw?.close();
  await sim?.close();
  sim = gw = undefined;
});

describe("a mapping change in the Preview", () => {
  it("shows every changed title and the new rule group, and the run that follows matches it", async () => {
    const nmbrs = scenarioDataset();
    for (const lastName of ["Een", "Twee", "Drie"]) hire(nmbrs, { lastName });
    sim = await startScenarioSimulator(nmbrs, { today: "2026-01-10" });
    const raw = { groups: { kinds: [] } };
    const clock = new TestClock(new Date("2026-01-10T08:00:00Z"));
    gw = await startTestGateway({ dir: tempDir(), clock: clock.now, connectors: [simConnector(sim, raw)] });
    expect((await gw.sync.runNow("acme", "daily")).status).toBe("succeeded");

    // The admin changes config.toml: a title with the company in it, and a group of everyone.
    gw.registry.declareFromConfig([
      simConnector(sim, {
        ...raw,
        mapping: { title: 'person.function.name + " (" + company.name + ")"' },
        groups: { kinds: [], rules: [{ name: "Iedereen", when: "true" }] },
      }),
    ]);
    simulatedDay(clock, sim, "2026-01-11");
    const preview = previewInProcess({ ...threadDepsOf(gw), testClock: clock.now, childModule: syncChildBundle() });
    const { id, report } = await preview(gw.registry.resolve("acme")!, "admin");
    expect(report.summary).toMatchObject({ changes: 3, groupsCreated: 1 });
    expect(report.people.map((person) => person.fields)).toEqual(
      Array(3).fill([{ field: "title", old: "Accountmanager", new: "Accountmanager (Acme BV)" }]),
    );
    expect(report.groups).toEqual([expect.objectContaining({ change: "created", displayName: "Iedereen" })]);

    expect((await gw.sync.runNow("acme", "daily")).status).toBe("succeeded");
    const stored = readPreview(gw.db.sqlite, "acme", id)!;
    expect(compareWithRun(report, appliedRunAfter(gw.db.sqlite, stored.record)!)).toMatchObject({
      verdict: "matches",
      differences: [],
    });
  });
});

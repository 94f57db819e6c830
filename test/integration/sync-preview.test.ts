import { afterEach, describe, expect, it } from "vitest";
import type { ChangedResource } from "../../src/directory/resource.js";
import {
  assignDepartment,
  assignFunction,
  endEmployment,
  removeEmployee,
  setWorkEmail,
} from "../../testkit/nmbrs-sim/dataset-mutations.js";
import type { NmbrsSimulator } from "../../testkit/nmbrs-sim/soap/simulator.js";
import { appliedRunAfter } from "../../src/sync/preview/applied-run.js";
import { changeSetDigest } from "../../src/sync/preview/change-digest.js";
import { compareWithRun } from "../../src/sync/preview/compare-with-run.js";
import { fieldChanges, memberChanges } from "../../src/sync/preview/field-changes.js";
import { listPreviews, readPreview } from "../../src/sync/preview/preview-store.js";
import { previewCsv } from "../../src/sync/preview/preview-csv.js";
import { previewText } from "../../src/sync/preview/preview-text.js";
import { readRunDigest } from "../../src/sync/preview/run-digest.js";
import { readHolds } from "../../src/sync/holds/person-holds.js";
import {
  BETA_NMBRS,
  hire,
  keyOf,
  scenarioDataset,
  simConnector,
  simulatedDay,
  startScenarioSimulator,
} from "../support/nmbrs-scenario.js";
import { syncFixture, type SyncFixture } from "../support/sync-fixture.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir("hrgw-preview-");
let sim: NmbrsSimulator | undefined;
let fixture: SyncFixture | undefined;
afterEach(async () => {
  fixture?.db.close();
  await sim?.close();
  sim = fixture = undefined;
});

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const FINANCE = { code: 20, description: "Finance" };
const ADVISEUR = { code: 2, description: "Adviseur" };
const RAW = {
  days_before: 14,
  days_after: 7,
  retention_days: 5,
  max_deactivation_percent: 50,
  groups: { kinds: ["department"] },
};

interface Row {
  resource_type: "User" | "Group";
  scim_id: string;
  body: string;
  gen_to: number | null;
}

/** Everything the sync writes besides history, to show a preview leaves it byte-identical. */
function servedState(f: SyncFixture) {
  const all = (sql: string) => f.db.sqlite.prepare(sql).all();
  return {
    directory: f.directoryRows(),
    connector: all("SELECT current_gen, updated_at, source_key_kind FROM connectors"),
    people: all("SELECT * FROM people ORDER BY source_key"),
    groups: all("SELECT * FROM scim_groups ORDER BY group_key"),
    sequences: all("SELECT * FROM sequences ORDER BY name"),
    runs: all("SELECT id, status FROM sync_runs"),
    history: all("SELECT count(*) AS n FROM person_changes"),
  };
}

/** What the run changed, worked out independently from the served rows before and after it (not from the run). */
function servedDiff(
  before: readonly Row[],
  after: readonly Row[],
): { created: ChangedResource[]; updated: ChangedResource[]; removed: ChangedResource[] } {
  const current = (rows: readonly Row[]) =>
    new Map(rows.filter((row) => row.gen_to === null).map((row) => [`${row.resource_type}:${row.scim_id}`, row]));
  const old = current(before);
  const now = current(after);
  const content = (body: string) => JSON.stringify({ ...JSON.parse(body), meta: undefined });
  const created: ChangedResource[] = [];
  const updated: ChangedResource[] = [];
  for (const [key, row] of now) {
    const was = old.get(key);
    if (!was) created.push({ type: row.resource_type, scimId: row.scim_id, before: null, after: row.body });
    else if (content(was.body) !== content(row.body))
      updated.push({ type: row.resource_type, scimId: row.scim_id, before: was.body, after: row.body });
  }
  const removed = [...old]
    .filter(([key]) => !now.has(key))
    .map(([, row]) => ({ type: row.resource_type, scimId: row.scim_id, before: null, after: null }));
  return { created, updated, removed };
}

describe("a whole-run preview on the Nmbrs simulator", () => {
  it("changes nothing, and the run that follows applies exactly what it reported", async () => {
    const nmbrs = scenarioDataset();
    const stayers = Array.from({ length: 12 }, (_, i) => hire(nmbrs, { lastName: `Vast${i}` }));
    const leaver = hire(nmbrs, { lastName: "Vertrekker" });
    const gone = hire(nmbrs, { lastName: "Verdwenen" });
    const oldLeaver = hire(nmbrs, { lastName: "Oud", start: "2018-01-01", end: "2025-12-31" });
    const promoted = stayers[0]!;
    const mover = stayers[1]!;
    sim = await startScenarioSimulator(nmbrs, { today: "2026-01-10" });
    const connector = simConnector(sim, RAW);
    fixture = syncFixture({ connector, path: `${tempDir()}/gateway.db`, inSyncProcesses: true });
    const f = fixture;
    expect((await f.service.runNow("acme", "daily")).status).toBe("succeeded");

    // HR's changes before the next day's run: a new hire, a leaver, someone deleted from Nmbrs, a new job title and
    // a move to another department (a group that does not exist yet); the old leaver's retention runs out.
    const newHire = hire(nmbrs, { lastName: "Nieuw", start: "2026-01-20" });
    endEmployment(nmbrs, leaver.employeeId, "2026-01-05");
    removeEmployee(nmbrs, gone.employeeId);
    assignFunction(nmbrs, promoted.employeeId, ADVISEUR, "2026-01-12");
    assignDepartment(nmbrs, mover.employeeId, FINANCE, "2026-01-12");
    simulatedDay(f.clock, sim, "2026-01-15");

    const before = servedState(f);
    const rowsBefore = f.directoryRows() as Row[];
    const { id, report } = await f.preview();
    expect(servedState(f)).toEqual(before);

    const person = (employee: { employeeId: number }) =>
      report.people.find((entry) => entry.externalId === keyOf(employee as never));
    expect(report.summary).toMatchObject({
      appears: 1,
      changes: 2,
      deactivates: 2,
      reactivates: 0,
      disappears: 1,
      groupsCreated: 1,
      groupsChanged: 1,
    });
    expect(person(newHire)).toMatchObject({ change: "appears", scimId: null, state: { from: null, to: "active" } });
    expect(person(leaver)).toMatchObject({ change: "deactivates", state: { from: "active", to: "inactive" } });
    expect(person(leaver)!.reason).toMatch(/employment ended 2026-01-05/);
    expect(person(leaver)!.fields).toContainEqual({ field: "active", old: "true", new: "false" });
    expect(person(gone)).toMatchObject({ change: "deactivates", state: { from: "active", to: "inactive" } });
    expect(person(oldLeaver)).toMatchObject({ change: "disappears", state: { from: "inactive", to: "removed" } });
    expect(person(promoted)!.fields).toEqual([{ field: "title", old: "Accountmanager", new: "Adviseur" }]);
    expect(person(mover)!.fields).toEqual([{ field: `${ENTERPRISE}:department`, old: "Sales", new: "Finance" }]);
    const moverName = person(mover)!.displayName!;
    expect(report.groups).toEqual([
      {
        change: "created",
        scimId: null,
        displayName: "Finance",
        membersAdded: [moverName],
        membersRemoved: [],
        fields: [],
      },
      expect.objectContaining({
        change: "changes",
        displayName: "Sales",
        membersAdded: [person(newHire)!.displayName],
        fields: [],
      }),
    ]);
    expect([...report.groups[1]!.membersRemoved].sort()).toEqual(
      [person(leaver)!.displayName, person(gone)!.displayName, moverName].sort(),
    );

    const run = await f.service.runNow("acme", "daily");
    expect(run.status).toBe("succeeded");
    const rowsAfter = f.directoryRows() as Row[];
    const applied = servedDiff(rowsBefore, rowsAfter);

    // Every created, updated and removed resource, with its content, is what the preview said: the digest covers the
    // bodies (new ids normalised), the counts and per-resource changes are checked one by one as well.
    expect(changeSetDigest(applied)).toBe(report.digest);
    expect(run.stats).toMatchObject({
      created: report.summary.created,
      updated: report.summary.updated,
      removed: report.summary.removed,
    });
    for (const change of applied.updated.filter((change) => change.type === "User")) {
      const previewed = report.people.find((entry) => entry.scimId === change.scimId);
      expect(previewed?.fields, change.scimId).toEqual(
        fieldChanges(JSON.parse(change.before!), JSON.parse(change.after!)),
      );
    }
    for (const change of applied.created.filter((change) => change.type === "User")) {
      const body = JSON.parse(change.after!);
      expect(report.people.find((entry) => entry.externalId === body.externalId)?.fields).toEqual(
        fieldChanges(null, body),
      );
    }
    expect(applied.removed.map((change) => change.scimId)).toEqual(
      report.people.filter((entry) => entry.change === "disappears").map((entry) => entry.scimId),
    );
    for (const change of applied.updated.filter((change) => change.type === "Group")) {
      const members = memberChanges(JSON.parse(change.before!), JSON.parse(change.after!));
      const previewed = report.groups.find((group) => group.scimId === change.scimId)!;
      expect([...previewed.membersAdded].sort()).toEqual(members.added.sort());
      expect([...previewed.membersRemoved].sort()).toEqual(members.removed.sort());
    }

    // The stored preview against what the run recorded: the run after a preview records its change-set digest (the
    // first run, which nobody previewed, did not have to), so the comparison covers every body, groups included.
    const stored = readPreview(f.db.sqlite, "acme", id)!;
    expect(stored.report).toEqual(report);
    expect(readRunDigest(f.db.sqlite, run.runId)).toBe(report.digest);
    expect(readRunDigest(f.db.sqlite, run.runId - 1)).toBeNull();
    expect(compareWithRun(report, appliedRunAfter(f.db.sqlite, stored.record)!)).toMatchObject({
      runId: run.runId,
      verdict: "matches",
      differences: [],
      basis: expect.stringContaining("digest"),
    });
    expect(listPreviews(f.db.sqlite, "acme").map((preview) => preview.id)).toEqual([id]);
  });

  it("shows whom the brake and bad data would hold, and the run then holds exactly them and applies the rest", async () => {
    const nmbrs = scenarioDataset();
    Array.from({ length: 20 }, (_, i) => hire(nmbrs, { lastName: `Acme${i}` }));
    const beta = Array.from({ length: 10 }, (_, i) =>
      hire(nmbrs, { company: BETA_NMBRS, lastName: `Beta${i}`, workEmail: `jan.beta${i}@beta.nl` }),
    );
    sim = await startScenarioSimulator(nmbrs, { today: "2026-01-10" });
    fixture = syncFixture({
      connector: simConnector(sim, { hold_scope: "company" }),
      path: `${tempDir()}/gateway.db`,
      inSyncProcesses: true,
    });
    const f = fixture;
    await f.service.runNow("acme", "daily");

    hire(nmbrs, { lastName: "Nieuw", workEmail: "jan.nieuw@acme.nl" });
    for (const gone of beta.slice(5)) removeEmployee(nmbrs, gone.employeeId);
    setWorkEmail(nmbrs, beta[0]!.employeeId, "jan.beta0@gmail.com");
    simulatedDay(f.clock, sim, "2026-01-11");
    const { id, report } = await f.preview();
    expect(report.summary).toMatchObject({ appears: 1, deactivates: 0, disappears: 0, held: 6 });
    expect(report.brakeReason).toContain("held for the companies over 10% (company 2: 5 of 10)");
    expect(report.held.filter((hold) => hold.kind === "brake")).toHaveLength(5);
    expect(report.held.filter((hold) => hold.kind === "email_domain")).toMatchObject([
      { sourceKey: keyOf(beta[0]!), detail: expect.stringContaining("from domain beta.nl to gmail.com") },
    ]);
    expect(previewText(report)).toContain(
      "held for approval: 6 (the run would deactivate or remove 5 of 30 served users",
    );
    expect(previewCsv(report)).toContain(`held,email_domain,`);

    const run = await f.service.runNow("acme", "daily");
    expect(run.holds).toEqual({ pending: 6, added: 6 });
    const holdKeys = (holds: readonly { scimId: string; kind: string; fingerprint: string }[]) =>
      holds.map((hold) => `${hold.kind} ${hold.scimId} ${hold.fingerprint}`).sort();
    expect(holdKeys(readHolds(f.db.sqlite, "acme"))).toEqual(holdKeys(report.held));
    const stored = readPreview(f.db.sqlite, "acme", id)!;
    expect(compareWithRun(report, appliedRunAfter(f.db.sqlite, stored.record)!)).toMatchObject({
      verdict: "matches",
      basis: expect.stringContaining("digest"),
    });
  });

  it("a preview taken after HR changed again no longer matches the run, and says what differs", async () => {
    const nmbrs = scenarioDataset();
    const people = Array.from({ length: 5 }, (_, i) => hire(nmbrs, { lastName: `Vast${i}` }));
    sim = await startScenarioSimulator(nmbrs, { today: "2026-01-10" });
    fixture = syncFixture({
      connector: simConnector(sim, RAW),
      path: `${tempDir()}/gateway.db`,
      inSyncProcesses: true,
    });
    const f = fixture;
    await f.service.runNow("acme", "daily");
    assignFunction(nmbrs, people[0]!.employeeId, ADVISEUR, "2026-01-01");
    const { id, report } = await f.preview();
    assignFunction(nmbrs, people[1]!.employeeId, ADVISEUR, "2026-01-01");
    await f.service.runNow("acme", "daily");
    const comparison = compareWithRun(
      report,
      appliedRunAfter(f.db.sqlite, readPreview(f.db.sqlite, "acme", id)!.record)!,
    );
    expect(comparison.verdict).toBe("differs");
    expect(comparison.differences).toEqual([
      "updated resources: preview 1, run 2",
      `applied, not in the preview: ${keyOf(people[1]!)} title: Accountmanager → Adviseur`,
      "the change-set digests differ: some resource was served with other content than previewed",
    ]);
  });

  it("keeps the newest previews of a connector only", async () => {
    const nmbrs = scenarioDataset();
    hire(nmbrs);
    sim = await startScenarioSimulator(nmbrs, { today: "2026-01-10" });
    // On the test's thread: a rule of the preview store, which 22 sync processes would only make slow.
    fixture = syncFixture({ connector: simConnector(sim, RAW), path: `${tempDir()}/gateway.db` });
    const f = fixture;
    const ids: number[] = [];
    for (let i = 0; i < 22; i += 1) ids.push((await f.preview()).id);
    expect(listPreviews(f.db.sqlite, "acme").map((preview) => preview.id)).toEqual(ids.slice(2).reverse());
  });
});

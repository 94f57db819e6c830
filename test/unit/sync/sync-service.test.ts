import { afterEach, describe, expect, it } from "vitest";
import { SourceError } from "../../../src/sources/types.js";
import { readProblems } from "../../../src/sync/problems.js";
import { readHolds } from "../../../src/sync/holds/person-holds.js";
import { finishRun, newestRunId, readRun, startRun, type RunRecord } from "../../../src/sync/run-store.js";
import { ScriptedSource } from "../../support/scripted-source.js";
import { syncFixture, type SyncFixture } from "../../support/sync-fixture.js";
import { ACME, BETA, connectorConfig, employment, hrPerson } from "../../support/hr-data.js";

const team = (count: number, prefix = "e") =>
  Array.from({ length: count }, (_, i) => hrPerson({ sourceKey: `${prefix}${i}`, lastName: `${prefix}${i}` }));

let fixture: SyncFixture | undefined;
afterEach(() => fixture?.db.close());

function setUp(source: ScriptedSource, raw: Record<string, unknown> = {}, companies: string[] = []) {
  fixture = syncFixture({ connector: connectorConfig(raw, companies), source: () => source });
  return fixture;
}

const servedUsers = (f: SyncFixture) =>
  f.db.sqlite
    .prepare(
      "SELECT external_id, active FROM scim_resources WHERE resource_type = 'User' AND gen_to IS NULL ORDER BY seq",
    )
    .all() as {
    external_id: string;
    active: number;
  }[];

describe("SyncService", () => {
  it("applies a first run and records it", async () => {
    const source = new ScriptedSource([ACME, BETA]).set(ACME, team(3, "a")).set(BETA, team(2, "b"));
    const f = setUp(source, { groups: { kinds: ["company"] } });
    const outcome = await f.service.runNow("acme", "manual");
    expect(outcome).toMatchObject({
      status: "succeeded",
      message: "5 users served (5 active), 2 groups; 7 created, 0 updated, 0 removed; 0 problems",
    });
    expect(readRun(f.db.sqlite, outcome.runId)).toMatchObject({
      status: "succeeded",
      trigger: "manual",
      appliedGen: 1,
      stats: { companies: 2, employees: 5, calls: 3, served: 5, created: 7 },
    });
    expect(servedUsers(f)).toHaveLength(5);
  });

  it("fails the whole run when one company fails, names it, and leaves what Okta sees byte-identical", async () => {
    const source = new ScriptedSource([ACME, BETA]).set(ACME, team(3, "a")).set(BETA, team(2, "b"));
    const f = setUp(source);
    await f.service.runNow("acme", "manual");
    const before = f.directoryRows();
    const people = f.db.sqlite.prepare("SELECT * FROM people").all();
    source.set(ACME, team(1, "a"));
    source.failures.set("2", new SourceError("Nmbrs did not answer within 60 s", { company: "2", transient: true }));
    const outcome = await f.service.runNow("acme", "manual");
    expect(outcome).toMatchObject({
      status: "failed",
      message: "company 2 (Beta Services BV): Nmbrs did not answer within 60 s",
    });
    expect(f.directoryRows()).toEqual(before);
    expect(f.db.sqlite.prepare("SELECT * FROM people").all()).toEqual(people);
    expect(readRun(f.db.sqlite, outcome.runId)).toMatchObject({ status: "failed", error: outcome.message });
  });

  it("fails when a configured company is not visible, instead of deactivating its employees", async () => {
    const f = setUp(new ScriptedSource([ACME]).set(ACME, team(2)), {}, ["1", "9"]);
    const outcome = await f.service.runNow("acme", "manual");
    expect(outcome.status).toBe("failed");
    expect(outcome.message).toBe("configured companies not visible to these credentials: 9 (visible: 1 Acme BV)");
    expect(f.registry.get("acme")?.attention).toBe(outcome.message);
  });

  it("reads only the configured companies, by id or number", async () => {
    const source = new ScriptedSource([ACME, BETA]).set(ACME, team(3, "a")).set(BETA, team(2, "b"));
    const f = setUp(source, {}, ["202"]);
    expect((await f.service.runNow("acme", "manual")).stats).toMatchObject({ companies: 1, employees: 2 });
  });

  it("holds only the deactivations of a run that would deactivate most users: the hire still applies", async () => {
    const source = new ScriptedSource([ACME]).set(ACME, team(10));
    const f = setUp(source);
    await f.service.runNow("acme", "schedule");
    source.set(ACME, [...team(2), hrPerson({ sourceKey: "hire", lastName: "Hire" })]);
    const run = await f.service.runNow("acme", "schedule");
    expect(run).toMatchObject({ status: "succeeded", holds: { pending: 8, added: 8 }, stats: { created: 1, held: 8 } });
    expect(run.message).toContain(
      "8 held for approval (the run would deactivate or remove 8 of 10 served users (80%, more than the allowed 10%))",
    );
    expect(servedUsers(f)).toHaveLength(11);
    expect(servedUsers(f).every((user) => user.active === 1)).toBe(true);
    const holds = readHolds(f.db.sqlite, "acme");
    expect(holds.map((hold) => [hold.kind, hold.status, hold.detail])).toEqual(
      Array.from({ length: 8 }, () => [
        "brake",
        "pending",
        expect.stringMatching(/^active → inactive: no longer listed by the HR system since 2026-01-10/),
      ]),
    );

    f.clock.set("2026-01-10T09:00:00Z");
    const { decided, applied } = f.service.decideHolds("acme", { all: true }, "approved", "admin@acme.nl");
    expect(decided).toHaveLength(8);
    const approvalRun = await applied!;
    expect(approvalRun).toMatchObject({ status: "succeeded", holds: { pending: 0, added: 0 } });
    expect(readRun(f.db.sqlite, approvalRun.runId)?.trigger).toBe("approval");
    expect(servedUsers(f).filter((user) => user.active === 0)).toHaveLength(8);
    const history = f.db.sqlite
      .prepare("SELECT field, old_value, new_value FROM person_changes WHERE run_id = ? AND field = 'state'")
      .all(approvalRun.runId);
    expect(history).toEqual(
      Array.from({ length: 8 }, () => ({ field: "state", old_value: "active", new_value: "inactive" })),
    );
    expect(readHolds(f.db.sqlite, "acme")).toEqual([]);
  });

  it("counts a held run's approval as a run in progress: a run asked for meanwhile starts after it, and decisions wait", async () => {
    const source = new ScriptedSource([ACME]).set(ACME, team(2));
    let finish: (run: RunRecord) => void = () => {};
    const approving: number[] = [];
    fixture = syncFixture({
      connector: connectorConfig(),
      source: () => source,
      approver: (_connector, runId) => {
        approving.push(runId);
        return new Promise((resolve) => (finish = resolve));
      },
    });
    const f = fixture;
    const heldRunId = startRun(f.db.sqlite, "acme", "manual", "2026-01-10T07:00:00Z");
    finishRun(f.db.sqlite, heldRunId, {
      status: "held",
      finishedAt: "2026-01-10T07:01:00Z",
      stats: { companies: 1, employees: 2, calls: 2, bytes: 0 },
      error: "held",
    });

    const approval = f.service.approve(heldRunId, "admin");
    expect(approving).toEqual([heldRunId]);
    expect(f.service.isRunning("acme")).toBe(true);
    expect(f.service.progress("acme")).toMatchObject({ runId: heldRunId, trigger: "approval", phase: "applying" });
    expect(() => f.service.reject(heldRunId, "admin")).toThrow(
      `a sync of acme is running; decide on run ${heldRunId} when it has finished`,
    );
    const run = f.service.runNow("acme", "manual");
    // A full turn of the event loop: a run that did not wait for the approval would have called its source by now.
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.stats.calls).toBe(0); // the run has not started
    expect(newestRunId(f.db.sqlite, "acme")).toBe(heldRunId);

    finish(readRun(f.db.sqlite, heldRunId)!);
    expect(await approval).toMatchObject({ id: heldRunId });
    expect(await run).toMatchObject({ status: "succeeded", runId: heldRunId + 1 });
    expect(f.service.isRunning("acme")).toBe(false);
  });

  it("approves per person: only the chosen deactivations apply, the others keep waiting", async () => {
    const source = new ScriptedSource([ACME]).set(ACME, team(10));
    const f = setUp(source);
    await f.service.runNow("acme", "schedule");
    source.set(ACME, team(5));
    await f.service.runNow("acme", "schedule");
    const [first, second] = readHolds(f.db.sqlite, "acme");
    await f.service.decideHolds("acme", { ids: [first!.id, second!.id] }, "approved", "admin").applied;
    expect(servedUsers(f).filter((user) => user.active === 0)).toHaveLength(2);
    const left = readHolds(f.db.sqlite, "acme");
    expect(left.map((hold) => hold.status)).toEqual(["pending", "pending", "pending"]);
    expect(left.map((hold) => hold.id)).not.toContain(first!.id);
  });

  it("keeps a held deactivation waiting for a decision when the next run no longer trips the brake", async () => {
    const source = new ScriptedSource([ACME]).set(ACME, team(20));
    const f = setUp(source);
    await f.service.runNow("acme", "schedule");
    source.set(ACME, team(15));
    expect((await f.service.runNow("acme", "schedule")).holds).toEqual({ pending: 5, added: 5 });
    // Four come back: one missing of 20 (5%) would not trip the brake, but that one was held and still waits.
    source.set(ACME, team(19));
    const next = await f.service.runNow("acme", "schedule");
    expect(next.holds).toEqual({ pending: 1, added: 0 });
    expect(next.message).toContain("1 held for approval (deactivations held earlier still wait for a decision)");
    expect(servedUsers(f).every((user) => user.active === 1)).toBe(true);
  });

  it("keeps a rejected deactivation served as it was, and does not ask again", async () => {
    const source = new ScriptedSource([ACME]).set(ACME, team(10));
    const f = setUp(source);
    await f.service.runNow("acme", "schedule");
    const before = f.directoryRows();
    source.set(ACME, []);
    const emptied = await f.service.runNow("acme", "schedule");
    expect(emptied.message).toContain("would leave no active users (10 active now)");
    expect(f.directoryRows()).toEqual(before);
    expect(f.service.decideHolds("acme", { all: true, kind: "brake" }, "rejected", "admin").applied).toBeNull();
    const again = await f.service.runNow("acme", "schedule");
    expect(again.holds).toEqual({ pending: 0, added: 0 });
    expect(f.directoryRows()).toEqual(before);
    expect(readHolds(f.db.sqlite, "acme").map((hold) => [hold.status, hold.decidedBy])).toEqual(
      Array.from({ length: 10 }, () => ["rejected", "admin"]),
    );
    expect(() => f.service.decideHolds("acme", { all: true }, "rejected", "admin")).toThrow(
      "no open hold of acme matches; nothing to reject",
    );
  });

  it("with hold_scope company, holds only the company that lost half its people", async () => {
    const source = new ScriptedSource([ACME, BETA]).set(ACME, team(10, "a")).set(
      BETA,
      team(10, "b").map((person) => ({ ...person, company: BETA })),
    );
    const f = setUp(source, { hold_scope: "company" });
    await f.service.runNow("acme", "schedule");
    source.set(ACME, team(5, "a")).set(
      BETA,
      team(9, "b").map((person) => ({ ...person, company: BETA })),
    );
    const run = await f.service.runNow("acme", "schedule");
    expect(run.message).toContain("held for the companies over 10% (company 1: 5 of 10)");
    const holds = readHolds(f.db.sqlite, "acme");
    expect(holds).toHaveLength(5);
    expect(new Set(holds.map((hold) => hold.companyNumber))).toEqual(new Set(["1"]));
    expect(
      servedUsers(f)
        .filter((user) => user.active === 0)
        .map((user) => user.external_id),
    ).toEqual(["b9"]);
  });

  it("records why a person was deactivated", async () => {
    const source = new ScriptedSource([ACME]).set(ACME, [
      ...team(20),
      hrPerson({ sourceKey: "jan", periods: [employment("2020-01-01", "2026-02-24")] }),
    ]);
    const f = setUp(source);
    await f.service.runNow("acme", "schedule");
    f.clock.set("2026-03-03T23:10:00Z");
    await f.service.runNow("acme", "daily");
    const rows = f.db.sqlite
      .prepare(
        "SELECT p.at, p.field, p.old_value, p.new_value, p.reason FROM person_changes p JOIN people USING (scim_id) WHERE people.source_key = 'jan' ORDER BY p.id",
      )
      .all();
    expect(rows).toEqual([
      {
        at: "2026-01-10T08:00:00.000Z",
        field: "state",
        old_value: null,
        new_value: "active",
        reason: "active: employment 2020-01-01–2026-02-24; active until 2026-03-03 (7 days after end)",
      },
      {
        at: "2026-03-03T23:10:00.000Z",
        field: "state",
        old_value: "active",
        new_value: "inactive",
        reason:
          "inactive: employment ended 2026-02-24, 7 days after end passed on 2026-03-03; removed after 2026-06-01",
      },
    ]);
  });

  it("re-evaluates dates without any change in the source (the daily run)", async () => {
    const source = new ScriptedSource([ACME]).set(ACME, [
      ...team(2),
      hrPerson({ sourceKey: "starter", periods: [employment("2026-02-01")] }),
    ]);
    const f = setUp(source);
    await f.service.runNow("acme", "schedule");
    expect(servedUsers(f).map((user) => user.external_id)).not.toContain("starter");
    f.clock.set("2026-01-17T23:05:00Z"); // 00:05 on 18 January in Amsterdam: 14 days before 1 February
    await f.service.runNow("acme", "daily");
    expect(servedUsers(f).map((user) => user.external_id)).toContain("starter");
  });

  it("records field changes of updated users in the history", async () => {
    const source = new ScriptedSource([ACME]).set(ACME, [
      hrPerson({ sourceKey: "a", department: { code: "10", name: "Sales" } }),
    ]);
    const f = setUp(source);
    await f.service.runNow("acme", "schedule");
    source.set(ACME, [hrPerson({ sourceKey: "a", department: { code: "20", name: "Finance" } })]);
    const outcome = await f.service.runNow("acme", "schedule");
    expect(
      f.db.sqlite.prepare("SELECT field, old_value, new_value FROM person_changes WHERE run_id = ?").all(outcome.runId),
    ).toEqual([
      {
        field: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
        old_value: "Sales",
        new_value: "Finance",
      },
    ]);
  });

  it("replaces the problem list on each completed run", async () => {
    const source = new ScriptedSource([ACME]).set(ACME, [hrPerson({ sourceKey: "x", workEmail: null })]);
    const f = setUp(source);
    await f.service.runNow("acme", "schedule");
    expect(readProblems(f.db.sqlite, "acme").map((problem) => problem.kind)).toEqual(["no_email"]);
    source.set(ACME, [hrPerson({ sourceKey: "x", workEmail: "x@acme.nl" })]);
    await f.service.runNow("acme", "schedule");
    expect(readProblems(f.db.sqlite, "acme")).toEqual([]);
  });

  it("joins a second request while a run is in progress and shows its progress", async () => {
    let release!: () => void;
    const source = new ScriptedSource([ACME, BETA]).set(ACME, team(2, "a")).set(BETA, team(1, "b"));
    const gate = new Promise<void>((resolve) => (release = resolve));
    source.gates.set("1", gate).set("2", gate);
    const f = setUp(source);
    const progressSeen = new Promise<void>((resolve) =>
      f.service.on("progress", (progress) => progress.companiesTotal === 2 && resolve()),
    );
    const first = f.service.runNow("acme", "schedule");
    const second = f.service.runNow("acme", "manual");
    expect(second).toBe(first);
    await progressSeen;
    expect(f.service.progress("acme")).toMatchObject({
      connectorId: "acme",
      trigger: "schedule",
      phase: "reading",
      companiesDone: 0,
      companiesTotal: 2,
    });
    release();
    expect((await first).status).toBe("succeeded");
    expect(f.service.isRunning("acme")).toBe(false);
  });

  it("prunes superseded directory rows unless an import still reads them", async () => {
    let pinned: number | undefined = 1;
    const source = new ScriptedSource([ACME]).set(ACME, [
      hrPerson({ sourceKey: "a", lastName: "Een", workEmail: "a@acme.nl" }),
    ]);
    fixture = syncFixture({
      connector: connectorConfig({ groups: { kinds: [] } }),
      source: () => source,
      pinned: () => pinned,
    });
    await fixture.service.runNow("acme", "schedule");
    source.set(ACME, [hrPerson({ sourceKey: "a", lastName: "Twee", workEmail: "a@acme.nl" })]);
    await fixture.service.runNow("acme", "schedule");
    const superseded = () =>
      fixture!.db.sqlite.prepare("SELECT count(*) FROM scim_resources WHERE gen_to IS NOT NULL").pluck().get();
    expect(superseded()).toBe(1);
    pinned = undefined;
    source.set(ACME, [hrPerson({ sourceKey: "a", lastName: "Drie", workEmail: "a@acme.nl" })]);
    await fixture.service.runNow("acme", "schedule");
    expect(superseded()).toBe(0);
  });

  it("stops a run in progress on shutdown and records why", async () => {
    const source = new ScriptedSource([ACME]).set(ACME, team(2));
    source.gates.set("1", new Promise<void>(() => undefined));
    const f = setUp(source);
    const run = f.service.runNow("acme", "schedule");
    await f.service.close();
    expect(await run).toMatchObject({ status: "failed", message: "stopped: the gateway is shutting down" });
  });

  it("marks runs left running by a dead process as interrupted at start-up", async () => {
    const f = setUp(new ScriptedSource([ACME]).set(ACME, team(1)));
    f.db.sqlite
      .prepare(
        "INSERT INTO sync_runs (connector_id, trigger, status, started_at, pid) VALUES ('acme', 'schedule', 'running', '2026-01-01T00:00:00Z', ?)",
      )
      .run(process.pid);
    expect(f.service.recoverInterruptedRuns()).toBe(1);
    expect(readRun(f.db.sqlite, 1)).toMatchObject({ status: "failed", error: expect.stringMatching(/^interrupted/) });
  });
});

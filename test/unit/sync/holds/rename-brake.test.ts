import { afterEach, describe, expect, it } from "vitest";
import { renameDecision } from "../../../../src/lifecycle/hold-policy.js";
import { readHolds } from "../../../../src/sync/holds/person-holds.js";
import { ScriptedSource } from "../../../support/scripted-source.js";
import { syncFixture, type SyncFixture } from "../../../support/sync-fixture.js";
import { ACME, connectorConfig, hrPerson } from "../../../support/hr-data.js";

/** Mass userName changes trip the brake like mass deactivations (issue #22): Okta would rename every account. */
let fixture: SyncFixture | undefined;
afterEach(() => fixture?.db.close());

const team = (count: number, renamed = 0) =>
  Array.from({ length: count }, (_, i) =>
    hrPerson({
      sourceKey: `e${i}`,
      lastName: `e${i}`,
      workEmail: i < renamed ? `new.e${i}@acme.nl` : `jan.e${i}@acme.nl`,
    }),
  );

const userNames = (f: SyncFixture) =>
  (
    f.db.sqlite
      .prepare("SELECT user_name FROM scim_resources WHERE resource_type = 'User' AND gen_to IS NULL ORDER BY seq")
      .pluck()
      .all() as string[]
  ).filter((name) => name.startsWith("new."));

describe("renameDecision", () => {
  it.each([
    [{ servedBefore: 10, renamed: 1, maxDeactivationPercent: 10 }, false],
    [{ servedBefore: 10, renamed: 2, maxDeactivationPercent: 10 }, true],
    [{ servedBefore: 0, renamed: 5, maxDeactivationPercent: 10 }, false],
    [{ servedBefore: 10, renamed: 10, maxDeactivationPercent: 100 }, false],
  ])("%o holds: %s", (input, hold) => {
    expect(renameDecision(input).hold).toBe(hold);
  });
});

describe("the brake on renames", () => {
  it("holds a run's mass userName change, keeps what Okta has, and applies the renames an admin approves", async () => {
    const source = new ScriptedSource([ACME]).set(ACME, team(10));
    fixture = syncFixture({ connector: connectorConfig(), source: () => source });
    const f = fixture;
    await f.service.runNow("acme", "schedule");

    source.set(ACME, team(10, 5));
    const outcome = await f.service.runNow("acme", "schedule");
    expect(outcome.holds).toEqual({ pending: 5, added: 5 });
    expect(outcome.message).toContain("would change the userName of 5 of 10 served users");
    expect(userNames(f)).toEqual([]);
    const holds = readHolds(f.db.sqlite, "acme");
    expect(holds.map((hold) => [hold.kind, hold.detail])).toContainEqual([
      "brake",
      "userName jan.e0@acme.nl → new.e0@acme.nl",
    ]);

    await f.service.decideHolds("acme", { ids: holds.map((hold) => hold.id) }, "approved", "admin").applied;
    expect(userNames(f)).toHaveLength(5);
  });

  it("lets a rename through when few people change", async () => {
    const source = new ScriptedSource([ACME]).set(ACME, team(10));
    fixture = syncFixture({ connector: connectorConfig(), source: () => source });
    await fixture.service.runNow("acme", "schedule");
    source.set(ACME, team(10, 1));
    expect((await fixture.service.runNow("acme", "schedule")).holds).toEqual({ pending: 0, added: 0 });
    expect(userNames(fixture)).toEqual(["new.e0@acme.nl"]);
  });
});

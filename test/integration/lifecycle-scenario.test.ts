import { afterEach, describe, expect, it } from "vitest";
import type { HrPerson } from "../../src/sources/types.js";
import { SourceError } from "../../src/sources/types.js";
import { readProblems } from "../../src/sync/problems.js";
import { ACME, BETA, connectorConfig, employment, hrPerson } from "../support/hr-data.js";
import { ScriptedSource } from "../support/scripted-source.js";
import { syncFixture, type SyncFixture } from "../support/sync-fixture.js";

/**
 * Weeks in the life of one connector, one run per simulated day (days_before 14, days_after 7, retention 30):
 * every lifecycle rule meets the others in the same data, the way they do at a customer.
 */
const regulars = Array.from({ length: 20 }, (_, i) => hrPerson({ sourceKey: `r${i}`, lastName: `Vast${i}` }));
const piet = hrPerson({ sourceKey: "piet", lastName: "Nieuw", periods: [employment("2026-02-01")] });
const kees = hrPerson({ sourceKey: "kees", lastName: "Weg", periods: [employment("2019-05-01", "2026-01-20")] });
const rehire = (periods = [employment("2018-01-01", "2025-12-31")]) => hrPerson({ sourceKey: "rehire", lastName: "Terug", periods });
const twin1 = hrPerson({ sourceKey: "twin1", lastName: "Tweeling", workEmail: "j.tweeling@acme.nl" });
const twin2 = (workEmail = "J.Tweeling@acme.nl") => hrPerson({ sourceKey: "twin2", company: BETA, lastName: "Tweeling", workEmail });

let fixture: SyncFixture | undefined;
afterEach(() => fixture?.db.close());

describe("a connector over several simulated days", () => {
  it("applies every lifecycle rule on the right day", async () => {
    const source = new ScriptedSource([ACME, BETA]);
    const hr = (acme: HrPerson[], beta: HrPerson[] = []) => source.set(ACME, acme).set(BETA, beta);
    fixture = syncFixture({ connector: connectorConfig({ retention_days: 30, groups: { kinds: ["department"] } }), source: () => source });
    const f = fixture;
    const day = async (date: string) => {
      f.clock.set(`${date}T08:00:00Z`);
      return f.service.runNow("acme", "daily");
    };
    const served = () =>
      new Map(
        (f.db.sqlite.prepare("SELECT external_id, scim_id, active FROM scim_resources WHERE resource_type = 'User' AND gen_to IS NULL").all() as {
          external_id: string;
          scim_id: string;
          active: number;
        }[]).map((row) => [row.external_id, { id: row.scim_id, active: row.active === 1 }]),
      );

    hr([...regulars, piet, kees, rehire(), twin1]);
    expect((await day("2026-01-10")).status).toBe("succeeded");
    const first = served();
    expect(first.has("piet")).toBe(false);
    expect(first.get("kees")?.active).toBe(true);
    expect(first.get("rehire")?.active).toBe(false); // ended 2025-12-31: inactive for 30 days after 2026-01-07

    await day("2026-01-17");
    expect(served().has("piet")).toBe(false);
    await day("2026-01-18"); // 1 February − 14 days
    expect(served().get("piet")?.active).toBe(true);

    hr([...regulars, piet, kees, rehire(), twin1], [twin2()]);
    await day("2026-01-19");
    expect(served().get("twin1")).toEqual(first.get("twin1"));
    expect(served().has("twin2")).toBe(false);
    expect(readProblems(f.db.sqlite, "acme").map((problem) => `${problem.kind} ${problem.sourceKey}`)).toEqual(["conflict twin1", "conflict twin2"]);

    await day("2026-01-27"); // 20 January + 7 days: still active
    expect(served().get("kees")?.active).toBe(true);
    await day("2026-01-28");
    expect(served().get("kees")?.active).toBe(false);

    hr([...regulars, piet, kees, rehire([employment("2018-01-01", "2025-12-31"), employment("2026-02-15")]), twin1], [twin2("jan.tweeling@beta.nl")]);
    await day("2026-02-01");
    expect(served().get("rehire")).toEqual({ id: first.get("rehire")?.id, active: true });
    expect(served().get("twin2")?.active).toBe(true);
    expect(readProblems(f.db.sqlite, "acme")).toEqual([]);

    source.failures.set(BETA.number, new SourceError("the answer was not XML (HTML error page from a proxy)"));
    const before = f.directoryRows();
    const failed = await day("2026-02-10");
    expect(failed).toMatchObject({ status: "failed", message: "company 2 (Beta Services BV): the answer was not XML (HTML error page from a proxy)" });
    expect(f.directoryRows()).toEqual(before);
    source.failures.clear();

    await day("2026-02-26"); // kees: 27 January + 30 days of retention
    expect(served().has("kees")).toBe(true);
    await day("2026-02-27");
    expect(served().has("kees")).toBe(false);

    hr(regulars.slice(0, 4));
    const beforeHold = f.directoryRows();
    const held = await day("2026-03-02");
    expect(held.status).toBe("held");
    expect(f.directoryRows()).toEqual(beforeHold);
    f.service.reject(held.runId, "admin@acme.nl");
    expect([...served().values()].filter((user) => user.active)).toHaveLength(24);

    const heldAgain = await day("2026-03-03");
    f.service.approve(heldAgain.runId, "admin@acme.nl");
    expect([...served().values()].filter((user) => user.active)).toHaveLength(4);

    const history = f.db.sqlite
      .prepare(
        `SELECT c.at, c.old_value, c.new_value, c.reason FROM person_changes c JOIN people p ON p.scim_id = c.scim_id
         WHERE p.source_key = 'kees' AND c.field = 'state' ORDER BY c.id`,
      )
      .all();
    expect(history).toEqual([
      { at: "2026-01-10T08:00:00.000Z", old_value: null, new_value: "active", reason: "active: employment 2019-05-01–2026-01-20; active until 2026-01-27 (7 days after end)" },
      {
        at: "2026-01-28T08:00:00.000Z",
        old_value: "active",
        new_value: "inactive",
        reason: "inactive: employment ended 2026-01-20, 7 days after end passed on 2026-01-27; removed after 2026-02-26",
      },
      { at: "2026-02-27T08:00:00.000Z", old_value: "inactive", new_value: "removed", reason: "removed: employment ended 2026-01-20; removed after 2026-02-26" },
    ]);
  });
});

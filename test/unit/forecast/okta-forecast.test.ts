import { describe, expect, it } from "vitest";
import { forecastUserImport, type ForecastCategory } from "../../../src/forecast/okta-forecast.js";
import type { ScimResource } from "../../../testkit/okta-sim/list-pager.js";
import { user, type UserFixture } from "../../support/scim-fixtures.js";

/** The n-th employee as Okta reads them (the SCIM body the gateway serves). */
const served = (n: number, fixture: UserFixture = {}) => user(n, fixture).resource as ScimResource;
const team = (count: number) => Array.from({ length: count }, (_, i) => served(i + 1));

/** The one category a change lands in, or null when Okta would report it unchanged (or not import it at all). */
function categoryOf(seen: ScimResource[], now: ScimResource[]): ForecastCategory | null {
  const { counts } = forecastUserImport(seen, now);
  const hit = Object.entries(counts).filter(([, count]) => count > 0);
  expect(hit.length).toBeLessThanOrEqual(1);
  return (hit[0]?.[0] as ForecastCategory | undefined) ?? null;
}

describe("the next Okta import, forecast", () => {
  it.each([
    ["a hire Okta has not seen is new", [served(1)], [served(1), served(2)], "new"],
    ["a changed attribute Okta maps (title) is an update", [served(1)], [served(1, { title: "Lead" })], "updated"],
    [
      "a userName change is an update of the same Okta user",
      [served(1)],
      [served(1, { userName: "jan@acme.nl" })],
      "updated",
    ],
    [
      "a change Okta does not map (a phone number) changes nothing",
      [served(1)],
      [served(1, { phone: "+31612345678" })],
      null,
    ],
    ["a leaver served active=false is deactivated", [served(1)], [served(1, { active: false })], "deactivated"],
    ["a person no longer served is removed", [served(1), served(2)], [served(1)], "removed"],
    ["an inactive user Okta skipped becomes new once active", [served(1, { active: false })], [served(1)], "new"],
    [
      "an inactive user Okta skipped stays out of every count",
      [served(1, { active: false })],
      [served(1, { active: false, title: "x" })],
      null,
    ],
  ] as const)("%s", (_rule, seen, now, expected) => {
    expect(categoryOf([...seen], [...now])).toBe(expected);
  });

  it.each([
    [
      "a user Okta linked earlier and deactivated is reactivated when active again",
      [served(1, { active: false })],
      [served(1)],
      "reactivated",
    ],
    [
      "a deactivated linked user whose mapped attributes change is updated",
      [served(1, { active: false })],
      [served(1, { active: false, title: "x" })],
      "updated",
    ],
    [
      "a deactivated linked user who stays the same is unchanged",
      [served(1, { active: false })],
      [served(1, { active: false })],
      null,
    ],
    ["a linked user the last import did not list is reactivated when back", [], [served(1)], "reactivated"],
    [
      "a linked user active in the last import is treated as any other",
      [served(1)],
      [served(1, { active: false })],
      "deactivated",
    ],
  ] as const)("%s", (_rule, seen, now, expected) => {
    const { counts } = forecastUserImport([...seen], [...now], { linked: ["u-000001"] });
    expect(Object.entries(counts).find(([, count]) => count > 0)?.[0] ?? null).toBe(expected);
  });

  it("names the people behind each number with the userName and displayName Okta will have", () => {
    const seen = [served(1), served(2), served(3), served(4)];
    const now = [served(1, { title: "Lead" }), served(2, { active: false }), served(4), served(5)];
    const forecast = forecastUserImport(seen, now);
    expect(forecast.counts).toEqual({ new: 1, updated: 1, deactivated: 1, reactivated: 0, removed: 1 });
    expect(forecast.people).toEqual({
      new: [{ scimId: "u-000005", userName: "Jan5.de.Vries@acme.nl", displayName: "Jan5 de Vries" }],
      updated: [{ scimId: "u-000001", userName: "Jan1.de.Vries@acme.nl", displayName: "Jan1 de Vries" }],
      deactivated: [{ scimId: "u-000002", userName: "Jan2.de.Vries@acme.nl", displayName: "Jan2 de Vries" }],
      reactivated: [],
      removed: [{ scimId: "u-000003", userName: "Jan3.de.Vries@acme.nl", displayName: "Jan3 de Vries" }],
    });
    expect(forecast).toMatchObject({ unchanged: 1, scanned: 4, assigned: 4, leaving: 2, safeguardTrips: false });
  });

  it("accounts for every user the next import lists: inactive users Okta never linked are counted as not imported", () => {
    const seen = [served(1), served(2), served(3), served(4, { active: false })];
    const now = [
      served(1, { title: "Lead" }),
      served(2, { active: false }),
      served(4, { active: false }),
      served(5),
      served(6, { active: false }),
    ];
    const forecast = forecastUserImport(seen, now);
    expect(forecast).toMatchObject({ scanned: 5, unchanged: 0, inactiveNotImported: 2 });
    const { new: created, updated, deactivated, reactivated } = forecast.counts;
    expect(created + updated + deactivated + reactivated + forecast.unchanged + forecast.inactiveNotImported).toBe(
      forecast.scanned,
    );
  });

  it("counts a user that takes over a login Okta already holds as new, as Okta's summary does", () => {
    const seen = [served(1, { userName: "shared@acme.nl" })];
    const now = [served(1, { userName: "moved@acme.nl" }), served(2, { userName: "shared@acme.nl" })];
    expect(forecastUserImport(seen, now).counts).toMatchObject({ new: 1, updated: 1 });
  });

  it.each([
    ["more than 20% of 100 assigned users leaving trips the safeguard", 100, 21, true],
    ["exactly 20% does not", 100, 20, false],
    ["fewer than 100 assigned users never trip it", 99, 60, false],
  ])("%s", (_rule, assigned, leaving, trips) => {
    const seen = team(assigned);
    const now = seen.slice(leaving);
    const forecast = forecastUserImport(seen, now);
    expect(forecast).toMatchObject({ assigned, leaving, safeguardTrips: trips });
    expect(forecast.counts.removed).toBe(leaving);
  });

  it("counts deactivations and removals together against the safeguard", () => {
    const seen = team(100);
    const now = [
      ...seen.slice(0, 79).map((_, i) => served(i + 1)),
      ...[80, 81, 82, 83, 84, 85, 86, 87, 88, 89].map((n) => served(n, { active: false })),
    ];
    expect(forecastUserImport(seen, now)).toMatchObject({
      leaving: 21,
      safeguardTrips: true,
      counts: { deactivated: 10, removed: 11 },
    });
  });
});

import { describe, expect, it } from "vitest";
import {
  busiestDayRuns,
  youforceScheduleWarning,
  youforceStartupWarnings,
} from "../../../src/config/youforce-quota.js";
import { youforceConnector } from "../../support/youforce-sim.js";
import type { YouforceSimulator } from "../../../testkit/youforce-sim/youforce-simulator.js";

describe("the Youforce token quota and schedules", () => {
  it.each([
    ["15 */2 * * *", 12],
    ["15 * * * *", 13],
    ["0 6-18 * * *", 13],
    ["0 7 * * 1-5", 1],
    ["*/5 * * * 1", 13],
    ["0 0,12 * * *", 2],
  ])("%s fires at most %i times a day (counting stops past 12)", (schedule, runs) => {
    expect(busiestDayRuns(schedule, "Europe/Amsterdam")).toBe(runs);
  });

  it("warns only above 12 runs a day, naming the quota", () => {
    expect(youforceScheduleWarning("15 */2 * * *", "Europe/Amsterdam")).toBeNull();
    expect(youforceScheduleWarning("15 * * * *", "Europe/Amsterdam")).toMatch(
      /more than 12 times a day.*400 tokens a month/,
    );
    expect(youforceScheduleWarning("not a schedule", "Europe/Amsterdam")).toBeNull();
  });

  it("names the connector at start-up, and URLs in clear text", () => {
    const sim = {
      apiUrl: "http://127.0.0.1:9",
      tokenUrl: "http://127.0.0.1:9/connect/token",
      dataset: { tenantId: "t" },
    };
    const connector = youforceConnector(sim as YouforceSimulator, { schedule: "15 * * * *" });
    const warnings = youforceStartupWarnings(connector);
    expect(warnings[0]).toMatch(/^youforce connector acme: schedule "15 \* \* \* \*" runs more than 12 times a day/);
    expect(warnings.slice(1)).toEqual([
      "youforce.api_url uses http: the Youforce token is sent unencrypted",
      "youforce.token_url uses http: the Youforce client secret is sent unencrypted",
    ]);
    expect(
      youforceStartupWarnings(youforceConnector(sim as YouforceSimulator, { schedule: "15 */2 * * *" })),
    ).toHaveLength(2);
  });
});

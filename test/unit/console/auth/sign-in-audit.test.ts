import { describe, expect, it } from "vitest";
import type { AuditEntry } from "../../../../src/audit/audit-store.js";
import { SignInAudit } from "../../../../src/console/auth/sign-in-audit.js";

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 8, minute));

function recorder(options: { maxOpen?: number } = {}) {
  const rows: (AuditEntry & { at: string })[] = [];
  const refusals = new SignInAudit({
    audit: (entry, when) => rows.push({ ...entry, at: when.toISOString() }),
    ...options,
  });
  return { rows, refusals };
}

describe("SignInAudit", () => {
  it("writes the first refusal of an address and name at once and the rest as one sum when the interval ends", () => {
    const { rows, refusals } = recorder();
    for (let n = 0; n < 1000; n++) refusals.refused("203.0.113.7", "admin", "Admin", at(1));
    expect(rows).toHaveLength(1);
    refusals.flush(at(15));
    expect(rows).toHaveLength(1);
    refusals.flush(at(16));
    expect(rows.map((row) => [row.actor, row.address, row.detail])).toEqual([
      [
        "Admin",
        "203.0.113.7",
        expect.stringMatching(/^refused: too many failed sign-ins for this name from this address/),
      ],
      [
        "Admin",
        "203.0.113.7",
        "999 more refused sign-ins between 2026-03-02T08:01:00.000Z and 2026-03-02T08:01:00.000Z",
      ],
    ]);
  });

  it("writes no sum when there was only the first refusal, and opens a new interval afterwards", () => {
    const { rows, refusals } = recorder();
    refusals.refused("203.0.113.7", "admin", "admin", at(0));
    refusals.refused("203.0.113.7", "admin", "admin", at(20));
    expect(rows.map((row) => row.at)).toEqual([at(0).toISOString(), at(20).toISOString()]);
  });

  it("sums a refused address apart from a refused name at it, whatever names are typed", () => {
    const { rows, refusals } = recorder();
    for (let n = 0; n < 50; n++) refusals.refused("203.0.113.7", null, `guess${n}`, at(0));
    refusals.refused("203.0.113.7", "", null, at(0));
    refusals.flush(at(0), true);
    expect(rows.map((row) => [row.actor, row.detail?.slice(0, 40)])).toEqual([
      [null, "refused: too many failed sign-ins from t"],
      [null, "refused: too many failed sign-ins for th"],
      [null, "49 more refused sign-ins between 2026-03"],
    ]);
  });

  it("keeps at most maxOpen sums, then sums every other refusal under many addresses", () => {
    const { rows, refusals } = recorder({ maxOpen: 3 });
    for (let n = 0; n < 100; n++) refusals.refused(`203.0.113.${n}`, null, null, at(0));
    expect(rows).toHaveLength(4);
    expect(rows[3]).toMatchObject({ address: null, detail: expect.stringMatching(/from many addresses/) });
    refusals.flush(at(0), true);
    expect(rows.at(-1)).toMatchObject({ address: null, detail: expect.stringMatching(/^96 more refused sign-ins/) });
  });
});

describe("SignInAudit, failed sign-ins", () => {
  it("lets the caller record failures one by one up to the budget of the interval, sums the rest, then starts again", () => {
    const rows: AuditEntry[] = [];
    const audit = new SignInAudit({ audit: (entry) => rows.push(entry), failuresPerInterval: 3 });
    const recorded = Array.from({ length: 10 }, () => audit.failed(at(0)));
    expect(recorded).toEqual([true, true, true, false, false, false, false, false, false, false]);
    expect(rows).toEqual([]);
    expect(audit.failed(at(16))).toBe(true);
    expect(rows).toEqual([
      {
        action: "login_failed",
        actor: null,
        address: null,
        detail: "7 more failed sign-ins between 2026-03-02T08:00:00.000Z and 2026-03-02T08:00:00.000Z",
      },
    ]);
  });

  it("keeps its budget when the refusal sums are full", () => {
    const audit = new SignInAudit({ audit: () => undefined, maxOpen: 1, failuresPerInterval: 2 });
    for (let n = 0; n < 5; n++) audit.refused(`203.0.113.${n}`, null, null, at(0));
    expect([audit.failed(at(0)), audit.failed(at(0)), audit.failed(at(0))]).toEqual([true, true, false]);
  });
});

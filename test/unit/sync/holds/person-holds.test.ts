import { describe, expect, it } from "vitest";
import {
  selectHolds,
  type HoldSelection,
  type HoldStatus,
  type StoredHold,
} from "../../../../src/sync/holds/person-holds.js";
import type { HoldKind } from "../../../../src/sync/plan-types.js";

function storedHold(id: number, kind: HoldKind, companyNumber: string, status: HoldStatus = "pending"): StoredHold {
  return {
    id,
    scimId: `scim-${id}`,
    sourceKey: `key-${id}`,
    companyNumber,
    label: `person ${id}`,
    kind,
    fingerprint: "",
    detail: "",
    firstRunId: 1,
    lastRunId: 1,
    since: "2026-12-01T02:00:00.000Z",
    status,
    decidedBy: status === "pending" ? null : "admin",
    decidedAt: status === "pending" ? null : "2026-12-01T03:00:00.000Z",
  };
}

const HOLDS = [
  storedHold(1, "brake", "1"),
  storedHold(2, "brake", "2"),
  storedHold(3, "brake", "2", "rejected"),
  storedHold(4, "brake", "2", "approved"),
  storedHold(5, "email_domain", "2"),
];

describe("selectHolds: which holds a decision covers", () => {
  it.each<[string, HoldSelection, "approved" | "rejected", number[]]>([
    [
      "approving all takes pending and rejected holds of every kind and company",
      { all: true },
      "approved",
      [1, 2, 3, 5],
    ],
    ["rejecting all takes pending holds only", { all: true }, "rejected", [1, 2, 5]],
    ["a kind narrows to that kind", { all: true, kind: "brake" }, "approved", [1, 2, 3]],
    [
      "a company narrows to that company's holds of every kind",
      { all: true, companyNumber: "2" },
      "approved",
      [2, 3, 5],
    ],
    ["a kind and a company narrow to both", { all: true, kind: "brake", companyNumber: "2" }, "rejected", [2]],
    ["a company with no open hold selects nobody", { all: true, companyNumber: "9" }, "approved", []],
    ["ids take those of them that are still open", { ids: [1, 3, 4] }, "approved", [1, 3]],
    ["an approved hold is never decided again", { ids: [4] }, "rejected", []],
  ])("%s", (_rule, selection, status, expected) => {
    expect(selectHolds(HOLDS, selection, status).map((hold) => hold.id)).toEqual(expected);
  });
});

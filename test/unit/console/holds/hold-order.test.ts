import { describe, expect, it } from "vitest";
import { companiesOfRows, orderHoldRows } from "../../../../src/console/holds/hold-order.js";
import type { HeldPerson } from "../../../../src/console/holds/hold-order.js";
import type { HoldStatus, StoredHold } from "../../../../src/sync/holds/person-holds.js";

function held(id: number, companyNumber: string, status: HoldStatus = "pending", label = `label ${id}`): StoredHold {
  return {
    id,
    scimId: `scim-${id}`,
    sourceKey: `key-${id}`,
    companyNumber,
    label,
    kind: "brake",
    fingerprint: "",
    detail: "",
    firstRunId: 1,
    lastRunId: 1,
    since: "2026-12-01T02:00:00.000Z",
    status,
    decidedBy: null,
    decidedAt: null,
  };
}

const person = (employeeNumber: string | null, companyName: string | null): HeldPerson => ({
  name: "Jan",
  employeeNumber,
  companyName,
});

describe("orderHoldRows: held people as an admin looks for them", () => {
  it.each<[string, [StoredHold, HeldPerson | undefined][], number[]]>([
    [
      "employee numbers as numbers, not as text",
      [
        [held(1, "1"), person("100", "Acme")],
        [held(2, "1"), person("9", "Acme")],
        [held(3, "1"), person("10", "Acme")],
      ],
      [2, 3, 1],
    ],
    [
      "companies by name, whatever their number",
      [
        [held(1, "1"), person("1", "Zuid BV")],
        [held(2, "2"), person("1", "Acme BV")],
      ],
      [2, 1],
    ],
    [
      "company names in Dutch order (Ö with O, not after Z)",
      [
        [held(1, "1"), person("1", "Zeeland")],
        [held(2, "2"), person("1", "Öztürk Bouw")],
      ],
      [2, 1],
    ],
    [
      "a company without a name in HR by its number, numerically",
      [
        [held(1, "10"), undefined],
        [held(2, "9"), undefined],
      ],
      [2, 1],
    ],
    [
      "someone the HR list no longer has by their label, which starts with the employee number",
      [
        [held(1, "1"), person("100", "Acme")],
        [held(2, "1", "pending", "12 (company 1, no longer listed)"), undefined],
        [held(3, "1"), person("5", "Acme")],
      ],
      [3, 2, 1],
    ],
  ])("%s", (_rule, entries, expected) => {
    const people = new Map(entries.flatMap(([hold, found]) => (found ? [[hold.scimId, found] as const] : [])));
    expect(
      orderHoldRows(
        entries.map(([hold]) => hold),
        people,
      ).map((row) => row.hold.id),
    ).toEqual(expected);
  });
});

describe("companiesOfRows: the per-company breakdown", () => {
  it("counts held and still open people per company, named by any of its held people", () => {
    const holds = [held(1, "1"), held(2, "1", "approved"), held(3, "2", "rejected")];
    const people = new Map([
      ["scim-2", person("2", "Acme BV")],
      ["scim-3", person("3", null)],
    ]);
    expect(companiesOfRows(orderHoldRows(holds, people))).toEqual([
      { number: "1", name: "Acme BV", held: 2, open: 1 },
      { number: "2", name: null, held: 1, open: 1 },
    ]);
  });
});

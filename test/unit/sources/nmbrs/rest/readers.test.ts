import { describe, expect, it } from "vitest";
import { readEmployeeListing, readManagers } from "../../../../../src/sources/nmbrs/rest/readers.js";

/** Items in the shapes independent public clients read from the live API (docs/nmbrs-rest-api.md §3). */
function listItem(basic: Record<string, unknown> | null) {
  return { employeeId: "3f0c1c52-0000-4000-8000-000000000001", employeeBasicInfo: basic };
}

function managerItem(manager: Record<string, unknown>) {
  return {
    employeeId: "e1",
    managers: [
      {
        managerId: "m1",
        firstName: "Ria",
        lastName: "Bos",
        email: null,
        period: { year: 2026, period: 3 },
        createdAt: "2026-03-01T09:00:00Z",
        ...manager,
      },
    ],
  };
}

describe("REST readers", () => {
  it("reads number, type and names from the employee list item's employeeBasicInfo", () => {
    const basic = {
      employeeNumber: 12,
      firstName: "Jan",
      prefix: "de",
      initials: "J.",
      lastName: "Vries",
      employeeType: "payroll",
    };
    expect(readEmployeeListing(listItem(basic))).toEqual({
      employeeId: "3f0c1c52-0000-4000-8000-000000000001",
      employeeNumber: "12",
      employeeType: "payroll",
      names: { firstName: "Jan", nickname: null, initials: "J.", prefix: "de", lastName: "Vries" },
    });
  });

  it("reads a list item without basic info as unknown number and type (personal info may still have them)", () => {
    expect(readEmployeeListing(listItem(null))).toMatchObject({ employeeNumber: null, employeeType: null });
  });

  it.each([
    [
      "links a manager by number when there is no e-mail",
      { number: 7 },
      { email: null, employeeNumber: "7", name: "Ria Bos" },
    ],
    [
      "reads number 0 as a manager who is not an employee (as SOAP's Manager_GetCurrent)",
      { number: 0, email: "ria@acme.nl" },
      { email: "ria@acme.nl", employeeNumber: null, name: "Ria Bos" },
    ],
  ])("%s", (_rule, manager, expected) => {
    expect(readManagers(managerItem(manager)).rows[0]?.manager).toEqual(expected);
  });
});

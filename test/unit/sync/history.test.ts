import { describe, expect, it } from "vitest";
import { ENTERPRISE_USER, HR_GATEWAY_USER } from "../../../src/directory/schema-urns.js";
import { historyRows } from "../../../src/sync/history.js";

const user = (changes: Record<string, unknown> = {}) => ({
  id: "u-1",
  userName: "jan@acme.nl",
  name: { givenName: "Jan", familyName: "de Vries" },
  active: true,
  emails: [{ value: "jan@acme.nl", type: "work", primary: true }],
  [ENTERPRISE_USER]: { department: "Sales", manager: { value: "u-9", displayName: "Bea Baas" } },
  [HR_GATEWAY_USER]: { startDate: "2024-02-01" },
  meta: { version: 'W/"a"' },
  ...changes,
});

const updated = (before: object, after: object) =>
  historyRows([], [{ type: "User", scimId: "u-1", before: JSON.stringify(before), after: JSON.stringify(after) }]);

describe("historyRows: one row per changed attribute, in SCIM attribute notation", () => {
  it.each([
    [
      "a name part",
      { name: { givenName: "Johannes", familyName: "de Vries" } },
      [["name.givenName", "Jan", "Johannes"]],
    ],
    [
      "an enterprise attribute",
      { [ENTERPRISE_USER]: { department: "Finance", manager: { value: "u-9", displayName: "Bea Baas" } } },
      [[`${ENTERPRISE_USER}:department`, "Sales", "Finance"]],
    ],
    [
      "a sub-attribute inside an extension",
      { [ENTERPRISE_USER]: { department: "Sales", manager: { value: "u-7", displayName: "Kees Klaas" } } },
      [
        [`${ENTERPRISE_USER}:manager.value`, "u-9", "u-7"],
        [`${ENTERPRISE_USER}:manager.displayName`, "Bea Baas", "Kees Klaas"],
      ],
    ],
    ["an attribute that appears", { title: "Accountmanager" }, [["title", null, "Accountmanager"]]],
    [
      "an extension attribute that disappears",
      { [HR_GATEWAY_USER]: {} },
      [[`${HR_GATEWAY_USER}:startDate`, "2024-02-01", null]],
    ],
    [
      "a multi-valued attribute, compared whole",
      { emails: [{ value: "jan@acme.com", type: "work", primary: true }] },
      [
        [
          "emails",
          JSON.stringify(user().emails),
          JSON.stringify([{ value: "jan@acme.com", type: "work", primary: true }]),
        ],
      ],
    ],
    ["active and meta are left to the state row and the directory", { active: false, meta: { version: 'W/"b"' } }, []],
  ])("%s", (_case, change, expected) => {
    const rows = [...updated(user(), user(change))].map((row) => [row.field, row.oldValue, row.newValue]);
    expect(rows).toEqual(expected);
  });

  it("writes lifecycle transitions as state rows with their reason", () => {
    const rows = [
      ...historyRows(
        [{ scimId: "u-1", from: "active", to: "inactive", reason: "inactive: employment ended 2026-02-24, …" }],
        [],
      ),
    ];
    expect(rows).toEqual([
      {
        scimId: "u-1",
        field: "state",
        oldValue: "active",
        newValue: "inactive",
        reason: "inactive: employment ended 2026-02-24, …",
      },
    ]);
  });
});

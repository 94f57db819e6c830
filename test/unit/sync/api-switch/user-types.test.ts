import { describe, expect, it } from "vitest";
import type { ChangedResource } from "../../../../src/directory/resource.js";
import { userTypeRenames } from "../../../../src/sync/api-switch/user-types.js";

const user = (
  scimId: string,
  before: string | null,
  after: string | null,
  extra: Record<string, unknown> = {},
): ChangedResource => ({
  type: "User",
  scimId,
  before: JSON.stringify({ userName: `${scimId}@acme.nl`, ...(before === null ? {} : { userType: before }) }),
  after: JSON.stringify({ userName: `${scimId}@acme.nl`, ...(after === null ? {} : { userType: after }), ...extra }),
});

describe("the employee-type renames a switch would make", () => {
  it.each<[string, ChangedResource[], ReturnType<typeof userTypeRenames>]>([
    ["none when every user keeps their type", [user("a", "Loondienst", "Loondienst", { title: "Nieuw" })], []],
    [
      "each rename once, with its users, most first",
      [user("a", "External", "Extern"), user("b", "Payroll", "Loondienst"), user("c", "Payroll", "Loondienst")],
      [
        { from: "Payroll", to: "Loondienst", users: 2 },
        { from: "External", to: "Extern", users: 1 },
      ],
    ],
    [
      "a type that appears or disappears",
      [user("a", null, "Loondienst"), user("b", "Loondienst", null)],
      [
        { from: "Loondienst", to: null, users: 1 },
        { from: null, to: "Loondienst", users: 1 },
      ],
    ],
    [
      "groups and created users are not users whose type changes",
      [
        { type: "Group", scimId: "g", before: '{"displayName":"Payroll"}', after: '{"displayName":"Loondienst"}' },
        { type: "User", scimId: "n", before: null, after: '{"userType":"Loondienst"}' },
      ],
      [],
    ],
  ])("%s", (_rule, updated, expected) => {
    expect(userTypeRenames(updated)).toEqual(expected);
  });
});

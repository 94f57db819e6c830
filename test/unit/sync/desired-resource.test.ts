import { describe, expect, it } from "vitest";
import { desiredResource } from "../../../src/sync/desired-resource.js";

const jan = { id: "u1", userName: "Jan@acme.nl", externalId: "7", active: true };

describe("desiredResource", () => {
  it("takes a user's index values from the user it serves", () => {
    const resource = { ...jan, emails: [{ value: "Jan@acme.nl", type: "work", primary: true }] };
    expect(desiredResource("User", 3, resource)).toEqual({
      type: "User",
      scimId: "u1",
      seq: 3,
      resource,
      userName: "Jan@acme.nl",
      externalId: "7",
      active: true,
    });
  });

  it.each([
    ["another address", [{ value: "jan@private.nl", primary: true }]],
    ["the userName in another case", [{ value: "jan@acme.nl", primary: true }]],
    ["a second address", [{ value: "Jan@acme.nl", primary: true }, { value: "jan@private.nl" }]],
    ["no address", []],
    ["no e-mail array", undefined],
  ])("refuses a user with %s as e-mail: the e-mail lookups read the userName", (_, emails) => {
    expect(() => desiredResource("User", 1, { ...jan, emails })).toThrow(/its one e-mail must be its userName/);
  });

  it("takes a group's display name", () => {
    const resource = { id: "g1", displayName: "Sales", members: [] };
    expect(desiredResource("Group", 2, resource)).toEqual({
      type: "Group",
      scimId: "g1",
      seq: 2,
      resource,
      displayName: "Sales",
    });
  });
});

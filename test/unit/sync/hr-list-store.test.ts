import { describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/db/open.js";
import { hrList } from "../../../src/db/schema.js";
import { displayNames, listedPeople } from "../../../src/sync/hr-list-store.js";

function listed() {
  const db = openDatabase(":memory:");
  const row = (scimId: string, displayName: string, employeeNumber: string, companyName: string | null) => ({
    scimId,
    connectorId: "acme",
    state: "active",
    sortName: displayName.toLowerCase(),
    displayName,
    email: null,
    employeeNumber,
    companyName,
    terms: displayName.toLowerCase(),
  });
  db.orm
    .insert(hrList)
    .values([
      row("u1", "Anna de Vries", "7", "Acme BV"),
      row("u2", "Bram Ölçer", "12", null),
      row("u3", "Cor", "3", null),
    ])
    .run();
  return db;
}

describe("HR list store: people by SCIM id", () => {
  it("finds every listed id asked for, and leaves out ids no longer listed", () => {
    const db = listed();
    expect(listedPeople(db.sqlite, ["u2", "gone", "u1"])).toEqual(
      new Map([
        ["u1", { name: "Anna de Vries", employeeNumber: "7", companyName: "Acme BV" }],
        ["u2", { name: "Bram Ölçer", employeeNumber: "12", companyName: null }],
      ]),
    );
    expect(displayNames(db.sqlite, ["u3"])).toEqual(new Map([["u3", "Cor"]]));
    expect(listedPeople(db.sqlite, [])).toEqual(new Map());
    db.close();
  });
});

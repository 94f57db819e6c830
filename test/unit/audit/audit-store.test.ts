import { describe, expect, it } from "vitest";
import { listAudit, recordAudit } from "../../../src/audit/audit-store.js";
import { openDatabase } from "../../../src/db/open.js";

const at = new Date("2026-03-02T09:00:00Z");

function trail() {
  const db = openDatabase(":memory:");
  recordAudit(db.sqlite, { action: "login", actor: "anna", address: "10.0.0.1" }, at);
  recordAudit(db.sqlite, { action: "sync_now", actor: "anna", address: null, connectorId: "acme" }, at);
  recordAudit(db.sqlite, { action: "sync_now", actor: "bram", address: null, connectorId: "beta" }, at);
  recordAudit(db.sqlite, { action: "connector_update", actor: "bram", address: null, connectorId: "acme" }, at);
  return db;
}

describe("audit store", () => {
  it("lists newest first, every field as recorded", () => {
    const db = trail();
    const entries = listAudit(db.sqlite, { limit: 10 });
    expect(entries.map((entry) => entry.action)).toEqual(["connector_update", "sync_now", "sync_now", "login"]);
    expect(entries[3]).toEqual({
      id: 1,
      at: at.toISOString(),
      actor: "anna",
      address: "10.0.0.1",
      action: "login",
      connectorId: null,
      detail: null,
    });
    db.close();
  });

  it.each([
    [{ connectorId: "acme" }, [4, 2]],
    [{ action: "sync_now" }, [3, 2]],
    [{ connectorId: "acme", action: "sync_now" }, [2]],
    [{ beforeId: 3 }, [2, 1]],
    [{ beforeId: 4, connectorId: "acme" }, [2]],
  ])("filters combine: %o", (filter, ids) => {
    const db = trail();
    expect(listAudit(db.sqlite, { ...filter, limit: 10 }).map((entry) => entry.id)).toEqual(ids);
    db.close();
  });

  it("stops at the limit, so the console can tell there is a next page", () => {
    const db = trail();
    expect(listAudit(db.sqlite, { limit: 2 }).map((entry) => entry.id)).toEqual([4, 3]);
    db.close();
  });
});

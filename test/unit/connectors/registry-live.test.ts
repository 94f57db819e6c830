import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConnectorRegistry } from "../../../src/connectors/registry.js";
import { openDatabase } from "../../../src/db/open.js";
import { prepared } from "../../../src/db/statements.js";
import { SecretBox } from "../../../src/secrets/secret-box.js";
import { connectorConfig } from "../../support/hr-data.js";

describe("which connectors are live (served over SCIM)", () => {
  it("by id, as by record: declared ones, not one that left config.toml, not an unknown id", () => {
    const db = openDatabase(":memory:");
    const registry = new ConnectorRegistry(
      db,
      new SecretBox(randomBytes(32), randomBytes(4)),
      () => new Date("2026-11-29T08:00:00Z"),
    );
    registry.declareFromConfig([connectorConfig({ id: "acme" }), connectorConfig({ id: "beta" })]);
    registry.declareFromConfig([connectorConfig({ id: "acme" })]);
    // Statements are shared by their text (db/statements.ts); the sync service plucks this one.
    prepared(db.sqlite, "SELECT attention FROM connectors WHERE id = ?").pluck();
    for (const id of ["acme", "beta", "nope"]) {
      const record = registry.get(id);
      expect(registry.isLiveById(id)).toBe(record !== undefined && registry.isLive(record));
    }
    expect(["acme", "beta", "nope"].map((id) => registry.isLiveById(id))).toEqual([true, false, false]);
    db.close();
  });
});

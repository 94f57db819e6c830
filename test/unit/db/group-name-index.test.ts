import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, openDatabase, type Sqlite } from "../../../src/db/open.js";
import { applyMigrations } from "../../../src/db/migrate.js";
import { useTempDir } from "../../support/temp-dir.js";

const tempDir = useTempDir();

/** A database migrated up to (not including) `last`, then the rest. */
function migratedBefore(last: string): { sqlite: Sqlite; rest: () => void } {
  const before = join(tempDir(), "before");
  mkdirSync(before);
  for (const file of readdirSync(MIGRATIONS_DIR).filter((name) => name < last))
    copyFileSync(join(MIGRATIONS_DIR, file), join(before, file));
  const { sqlite } = openDatabase(join(tempDir(), "gateway.db"), { migrationsDir: before });
  return { sqlite, rest: () => applyMigrations(sqlite, MIGRATIONS_DIR) };
}

describe("migration 0022: groups' names indexed alone", () => {
  it("clears users' folded display names, keeps groups', and lets a group's name be sought", () => {
    const { sqlite, rest } = migratedBefore("0022");
    sqlite.exec(`INSERT INTO connectors (id, kind, origin, settings, created_at, updated_at)
                 VALUES ('acme', 'nmbrs-soap', 'file', '{}', '', '')`);
    const row = sqlite.prepare(
      `INSERT INTO scim_resources (connector_id, resource_type, scim_id, seq, gen_from, display_name_fold, version,
         created, last_modified, body) VALUES ('acme', ?, ?, 1, 1, ?, 'v', '', '', '{}')`,
    );
    row.run("User", "u1", "jan de vries");
    row.run("Group", "g1", "sales");
    rest();
    const folded = sqlite.prepare("SELECT resource_type, display_name_fold FROM scim_resources ORDER BY row_id").raw();
    expect(folded.all()).toEqual([
      ["User", null],
      ["Group", "sales"],
    ]);
    const plan = sqlite
      .prepare(
        `EXPLAIN QUERY PLAN SELECT scim_id FROM scim_resources
         WHERE connector_id = ? AND resource_type = ? AND gen_to IS NULL AND display_name_fold = ?`,
      )
      .all("acme", "Group", "sales") as { detail: string }[];
    expect(plan.map((step) => step.detail).join("; ")).toContain("INDEX scim_resources_current_group_name");
    sqlite.close();
  });
});

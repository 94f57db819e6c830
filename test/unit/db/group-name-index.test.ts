import { describe, expect, it } from "vitest";
import { migratedBefore } from "../../support/migrated-before.js";
import { useTempDir } from "../../support/temp-dir.js";

const tempDir = useTempDir();

describe("migration 0022: groups' names indexed alone", () => {
  it("clears users' folded display names, keeps groups', and lets a group's name be sought", () => {
    const { sqlite, rest } = migratedBefore(tempDir(), "0022");
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

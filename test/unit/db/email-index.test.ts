import { describe, expect, it } from "vitest";
import { migratedBefore } from "../../support/migrated-before.js";
import { useTempDir } from "../../support/temp-dir.js";

const tempDir = useTempDir();

describe("migration 0024: e-mail lookups through the userName index", () => {
  it("drops the e-mail index and its column, keeps every row, and an e-mail is sought by the folded userName", () => {
    const { sqlite, rest } = migratedBefore(tempDir(), "0024");
    sqlite
      .prepare(
        `INSERT INTO scim_resources (connector_id, resource_type, scim_id, seq, gen_from, user_name, user_name_fold,
           email_fold, version, created, last_modified, body) VALUES ('acme', 'User', 'u1', 1, 1, ?, ?, ?, 'v', '', '', ?)`,
      )
      .run("Jan@Acme.nl", "jan@acme.nl", "jan@acme.nl", '{"userName":"Jan@Acme.nl"}');
    rest();
    const columns = sqlite.prepare("SELECT name FROM pragma_table_info('scim_resources')").pluck().all();
    expect(columns).not.toContain("email_fold");
    const indexes = sqlite.prepare("SELECT name FROM pragma_index_list('scim_resources')").pluck().all();
    expect(indexes).not.toContain("scim_resources_current_email");
    expect(indexes).toContain("scim_resources_current_user_name");
    expect(sqlite.prepare("SELECT scim_id, user_name_fold, body FROM scim_resources").raw().all()).toEqual([
      ["u1", "jan@acme.nl", '{"userName":"Jan@Acme.nl"}'],
    ]);
    sqlite.close();
  });
});

import { afterEach, describe, expect, it } from "vitest";
import type { Sqlite } from "../../src/db/open.js";
import { OktaImportSimulator } from "../../testkit/okta-sim/import-simulator.js";
import { OKTA_HEADERS } from "../../testkit/okta-sim/okta-scim-client.js";
import { commit, group, users } from "../support/scim-fixtures.js";
import { startScimServer, type ScimTestServer } from "../support/scim-server.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * Okta's reads are the hot path, and a write there would queue behind a sync's commit (seconds at scale) and make
 * every page wait. The generation Okta sees (connectors.current_gen) changes only where a sync applies a plan
 * (directory/commit-generation.ts); serving it writes nothing but its bookkeeping: the request log and the import
 * log (deferred, batched) and a credential's last use (at most once a minute, never waiting for the lock).
 */
const tempDir = useTempDir();
let server: ScimTestServer | undefined;
let okta: OktaImportSimulator | undefined;
afterEach(async () => {
  okta?.close();
  await server?.close();
  server = okta = undefined;
});

/** Where reading may write: the two logs, and scim_credentials.last_used_at. */
const BOOKKEEPING = new Set(["scim_request_log", "scim_imports"]);

/**
 * Records every write on this connection to any other table (temporary triggers: they see the serving connection's
 * writes only, which is where the SCIM app reads). total_changes() alone cannot tell: the bookkeeping counts too.
 */
function watchWrites(sqlite: Sqlite): () => string[] {
  sqlite.exec("CREATE TEMP TABLE writes (what TEXT)");
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  for (const table of tables.filter((name) => !BOOKKEEPING.has(name))) {
    const columns = (sqlite.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[])
      .filter((column) => !(table === "scim_credentials" && column === "last_used_at"))
      .join(", ");
    for (const event of ["INSERT", "DELETE", `UPDATE OF ${columns}`]) {
      const name = `watch_${table}_${event.split(" ")[0]!.toLowerCase()}`;
      sqlite.exec(
        `CREATE TEMP TRIGGER ${name} AFTER ${event} ON main.${table} BEGIN INSERT INTO writes VALUES ('${event.split(" ")[0]} ${table}'); END`,
      );
    }
  }
  return () => sqlite.prepare("SELECT what FROM writes").pluck().all() as string[];
}

describe("Okta's reads", () => {
  it("write nothing to the directory or the connector: a whole import, lookups and reads by id", async () => {
    server = await startScimServer({ dir: tempDir() });
    const { sqlite } = server.db;
    const staff = users(250);
    commit(server.db, "acme", [...staff, group(1, "Sales", staff.slice(0, 120))], server.clock());
    const connectorBefore = sqlite.prepare("SELECT * FROM connectors WHERE id = 'acme'").get() as {
      current_gen: number;
    };
    const written = watchWrites(sqlite);
    const changesBefore = sqlite.prepare("SELECT total_changes()").pluck().get() as number;

    okta = new OktaImportSimulator({ baseUrl: server.base(), authorization: server.bearer });
    expect(await okta.importUsers()).toMatchObject({ new: 250, pages: 3 });
    expect(await okta.importGroups()).toMatchObject({ new: 1 });
    const get = (path: string) =>
      fetch(`${server!.base()}${path}`, { headers: { ...OKTA_HEADERS, Authorization: server!.bearer } });
    expect((await get(`/Users?filter=${encodeURIComponent(`userName eq "${staff[7]!.userName}"`)}`)).status).toBe(200);
    expect((await get(`/Users/${staff[7]!.scimId}`)).status).toBe(200);
    expect((await get("/Groups/g-0001")).status).toBe(200);
    server.services.flush();

    expect(written()).toEqual([]);
    expect(sqlite.prepare("SELECT * FROM connectors WHERE id = 'acme'").get()).toEqual(connectorBefore);
    expect(connectorBefore.current_gen).toBe(1);
    // The watch saw a connection that does write: the bookkeeping's rows, of this import.
    expect(sqlite.prepare("SELECT total_changes()").pluck().get() as number).toBeGreaterThan(changesBefore);
    expect(sqlite.prepare("SELECT resource_type FROM scim_imports ORDER BY resource_type").pluck().all()).toEqual([
      "Group",
      "User",
    ]);
  });
});

/**
 * What drizzle's query builder costs on the hot paths that keep hand-written prepared statements (BENCHMARKS.md,
 * "drizzle's builder on hot paths"): a SCIM lookup of one user by id, and the run's bulk apply writing history rows.
 * Each is timed both ways on the same database, in this process, alternating rounds; medians per operation.
 *
 *   npx tsx bench/query-builder.ts [users=100000]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { and, eq, isNull } from "drizzle-orm";
import { openDatabase } from "../src/db/open.js";
import { personChanges, scimResources } from "../src/db/schema.js";
import { currentById } from "../src/directory/read-generation.js";
import { writeHistory } from "../src/sync/history.js";
import { startRun } from "../src/sync/run-store.js";

const USERS = Number(process.argv[2] ?? 100_000);
const LOOKUPS = 20_000;
const HISTORY_ROWS = 20_000;
const ROUNDS = 5;

const dir = mkdtempSync(join(tmpdir(), "hrgw-builder-"));
const db = openDatabase(join(dir, "gw.db"));
const now = "2026-03-02T09:00:00.000Z";
db.sqlite
  .prepare(
    "INSERT INTO connectors (id, kind, origin, settings, created_at, updated_at) VALUES ('acme', 'nmbrs', 'file', '{}', ?, ?)",
  )
  .run(now, now);
const insert = db.sqlite.prepare(
  `INSERT INTO scim_resources (connector_id, resource_type, scim_id, seq, gen_from, version, created, last_modified, body)
   VALUES ('acme', 'User', ?, ?, 1, 'W/"1"', ?, ?, ?)`,
);
db.sqlite.transaction(() => {
  for (let i = 0; i < USERS; i++)
    insert.run(`u${i}`, i, now, now, JSON.stringify({ id: `u${i}`, userName: `user${i}@acme.nl`, active: true }));
})();

const ids = Array.from({ length: LOOKUPS }, (_, i) => `u${(i * 7919) % USERS}`);
const byPrepared = () => {
  for (const id of ids) currentById(db.sqlite, "acme", "User", id);
};
const r = scimResources;
const byBuilder = () => {
  for (const id of ids)
    db.orm
      .select({
        scimId: r.scimId,
        seq: r.seq,
        version: r.version,
        created: r.created,
        lastModified: r.lastModified,
        body: r.body,
      })
      .from(r)
      .where(and(eq(r.connectorId, "acme"), eq(r.resourceType, "User"), eq(r.scimId, id), isNull(r.genTo)))
      .get();
};

const rows = Array.from({ length: HISTORY_ROWS }, (_, i) => ({
  scimId: `u${i % USERS}`,
  field: "department",
  oldValue: "Sales",
  newValue: "Finance",
  reason: null,
}));
const historyPrepared = () => {
  const runId = startRun(db.sqlite, "acme", "manual", now);
  db.sqlite.transaction(() => writeHistory(db.sqlite, "acme", runId, rows, now))();
};
const historyBuilder = () => {
  const runId = startRun(db.sqlite, "acme", "manual", now);
  db.sqlite.transaction(() => {
    for (const row of rows)
      db.orm
        .insert(personChanges)
        .values({ ...row, runId, connectorId: "acme", at: now })
        .run();
  })();
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function compare(name: string, operations: number, prepared: () => void, builder: () => void): void {
  const times = { prepared: [] as number[], builder: [] as number[] };
  prepared();
  builder();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [way, run] of [
      ["prepared", prepared],
      ["builder", builder],
    ] as const) {
      const start = performance.now();
      run();
      times[way].push(((performance.now() - start) * 1000) / operations);
    }
  }
  const p = median(times.prepared);
  const b = median(times.builder);
  console.log(
    `${name}: prepared ${p.toFixed(2)} µs, builder ${b.toFixed(2)} µs per operation (× ${(b / p).toFixed(1)})`,
  );
}

compare(`SCIM lookup by id (${USERS} users)`, LOOKUPS, byPrepared, byBuilder);
compare("history row in the bulk apply", HISTORY_ROWS, historyPrepared, historyBuilder);
db.close();
rmSync(dir, { recursive: true, force: true });

import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../../src/db/open.js";
import { writeIfFree } from "../../../src/db/write-if-free.js";
import { LogStore } from "../../../src/logging/log-store.js";
import { DeferredWrites } from "../../../src/scim/observe/deferred-writes.js";
import { useTempDir } from "../../support/temp-dir.js";
import { waitFor } from "../../support/wait-for.js";

const tempDir = useTempDir("hrgw-write-if-free-");
const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.sqlite.open) db.close();
});

/** Two connections to one file: the serving thread's, and a sync's that can hold the write lock. */
function twoConnections(): { serving: Db; sync: Db } {
  const path = join(tempDir(), "gateway.db");
  const serving = openDatabase(path);
  const sync = openDatabase(path);
  opened.push(serving, sync);
  serving.sqlite.exec("CREATE TABLE marks (n INTEGER)");
  return { serving, sync };
}

const marks = (db: Db) => db.sqlite.prepare("SELECT n FROM marks ORDER BY rowid").pluck().all();
/**
 * A window in which the writers' 5 ms timers fire several times, for asserting that nothing is written while the lock
 * is held: the absence of a write has no condition to wait for. Whatever must happen is awaited with `until`.
 */
const ticks = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `condition` holds (timers fire late on a busy machine), failing after two seconds. */
const until = (condition: () => boolean) => waitFor(condition, "the deferred writes", 2000, 5);

describe("bookkeeping writes while a sync holds the write lock", () => {
  it("writeIfFree writes nothing and says so at once, and keeps the connection's patience", () => {
    const { serving, sync } = twoConnections();
    sync.sqlite.exec("BEGIN IMMEDIATE");

    expect(writeIfFree(serving.sqlite, () => serving.sqlite.prepare("INSERT INTO marks VALUES (1)").run())).toBe(false);
    expect(serving.sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
    sync.sqlite.exec("COMMIT");
    expect(writeIfFree(serving.sqlite, () => serving.sqlite.prepare("INSERT INTO marks VALUES (2)").run())).toBe(true);
    expect(marks(serving)).toEqual([2]);
  });

  it("writeIfFree passes on every other failure", () => {
    const { serving } = twoConnections();
    expect(() =>
      writeIfFree(serving.sqlite, () => serving.sqlite.prepare("INSERT INTO nowhere VALUES (1)").run()),
    ).toThrow(/no such table/);
  });

  it("the request log keeps its rows, in order, until the lock is free", async () => {
    const { serving, sync } = twoConnections();
    const errors: unknown[] = [];
    const writes = new DeferredWrites(serving.sqlite, (error) => errors.push(error), {
      flushAfterMs: 5,
      maxQueued: 3,
      maxHeld: 100,
    });
    sync.sqlite.exec("BEGIN IMMEDIATE");

    for (const n of [1, 2, 3, 4]) writes.add("INSERT INTO marks VALUES (?)", [n]);
    await ticks(30);
    expect(marks(serving)).toEqual([]);
    sync.sqlite.exec("COMMIT");
    writes.add("INSERT INTO marks VALUES (?)", [5]);
    await until(() => marks(serving).length === 5);

    expect(marks(serving)).toEqual([1, 2, 3, 4, 5]);
    expect(errors).toEqual([]);
  });

  it("the request log drops its oldest rows beyond its limit, and says how many", async () => {
    const { serving, sync } = twoConnections();
    const dropped: number[] = [];
    const writes = new DeferredWrites(serving.sqlite, (_error, count) => dropped.push(count), {
      flushAfterMs: 5,
      maxQueued: 100,
      maxHeld: 3,
    });
    sync.sqlite.exec("BEGIN IMMEDIATE");

    for (const n of [1, 2, 3, 4, 5]) writes.add("INSERT INTO marks VALUES (?)", [n]);
    await until(() => dropped.length > 0);
    sync.sqlite.exec("COMMIT");
    await until(() => marks(serving).length > 0);

    expect(dropped).toEqual([2]);
    expect(marks(serving)).toEqual([3, 4, 5]);
  });

  it("the console's log store keeps its lines until the lock is free", async () => {
    const { serving, sync } = twoConnections();
    const store = new LogStore(serving.sqlite, { flushMs: 5 });
    sync.sqlite.exec("BEGIN IMMEDIATE");

    store.stream.write(
      `${JSON.stringify({ level: "info", time: new Date().toISOString(), msg: "while a sync commits" })}\n`,
    );
    await ticks(30);
    expect(store.query({ limit: 10 })).toEqual([]);
    sync.sqlite.exec("COMMIT");
    await until(() => store.query({ limit: 10 }).length > 0);

    expect(store.query({ limit: 10 }).map((line) => line.msg)).toEqual(["while a sync commits"]);
    store.close();
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../../src/db/open.js";
import { createLogger } from "../../../src/logging/logger.js";
import { LOG_LEVELS, LogStore } from "../../../src/logging/log-store.js";

let db: Db;
afterEach(() => db?.close());

function store(options: ConstructorParameters<typeof LogStore>[1] = {}) {
  db = openDatabase(":memory:");
  return new LogStore(db.sqlite, { flushMs: 10_000, ...options });
}

const rows = () =>
  db.sqlite.prepare("SELECT level, connector_id AS connectorId, msg, fields FROM app_log ORDER BY id").all();

describe("the log store", () => {
  it("keeps debug lines from the logger, with the connector in its own column", () => {
    const logStore = store();
    const logger = createLogger({ level: "silent", also: { stream: logStore.stream, level: "debug" } });
    logger.debug({ connector: "acme", calls: 3 }, "read company 1");
    logger.info("started");
    logStore.flush();
    expect(rows()).toEqual([
      { level: LOG_LEVELS.debug, connectorId: "acme", msg: "read company 1", fields: '{"calls":3}' },
      { level: LOG_LEVELS.info, connectorId: null, msg: "started", fields: null },
    ]);
  });

  it("writes nothing on the logging call itself: lines wait for the batch", () => {
    const logStore = store();
    logStore.write(JSON.stringify({ level: "info", time: "2026-03-02T08:00:00.000Z", msg: "one" }));
    expect(rows()).toEqual([]);
    logStore.flush();
    expect(rows()).toHaveLength(1);
  });

  it("never stores request headers, whatever they are called inside", () => {
    const logStore = store();
    const logger = createLogger({ level: "silent", also: { stream: logStore.stream, level: "debug" } });
    logger.warn(
      {
        req: { method: "GET", headers: { "x-api-key": "k-123", authorization: "Basic abc" } },
        headers: { "x-custom-auth": "s3cret" },
      },
      "request refused",
    );
    logStore.flush();
    const stored = (rows() as { fields: string }[]).map((row) => row.fields).join("\n");
    expect(stored).toBe('{"req":{"method":"GET"}}');
    for (const secret of ["k-123", "Basic abc", "s3cret", "headers"]) expect(stored).not.toContain(secret);
  });

  it("drops lines beyond its buffer and says how many", () => {
    const logStore = store({ maxPending: 3 });
    for (let index = 0; index < 5; index++) logStore.write(JSON.stringify({ level: 30, msg: `line ${index}` }));
    logStore.flush();
    expect((rows() as { msg: string }[]).map((row) => row.msg)).toEqual([
      "line 0",
      "line 1",
      "line 2",
      "log store: 2 lines dropped (writing fell behind)",
    ]);
  });

  it("prunes by row count and by age", () => {
    const now = new Date("2026-03-20T12:00:00Z");
    const logStore = store({ keepRows: 3, keepDays: 14, now: () => now });
    logStore.write(JSON.stringify({ level: 30, time: "2026-03-01T00:00:00.000Z", msg: "too old" }));
    for (let index = 0; index < 6; index++)
      logStore.write(JSON.stringify({ level: 30, time: "2026-03-20T11:00:00.000Z", msg: `recent ${index}` }));
    logStore.flush();
    logStore.prune();
    expect((rows() as { msg: string }[]).map((row) => row.msg)).toEqual(["recent 3", "recent 4", "recent 5"]);
  });

  it("filters by level, connector, text and time, newest first", () => {
    const logStore = store();
    const line = (level: number, connector: string | undefined, msg: string, time: string) =>
      logStore.write(JSON.stringify({ level, connector, msg, time }));
    line(20, "acme", "debug detail", "2026-03-02T08:00:00.000Z");
    line(30, "acme", "sync succeeded", "2026-03-02T09:00:00.000Z");
    line(50, "beta", "sync failed: token refused", "2026-03-02T10:00:00.000Z");
    line(40, "acme", "slow company", "2026-03-02T11:00:00.000Z");
    logStore.flush();
    const msgs = (query: Parameters<LogStore["query"]>[0]) => logStore.query(query).map((record) => record.msg);
    expect(msgs({ limit: 10 })).toEqual([
      "slow company",
      "sync failed: token refused",
      "sync succeeded",
      "debug detail",
    ]);
    expect(msgs({ minLevel: 30, limit: 10 })).toEqual(["slow company", "sync failed: token refused", "sync succeeded"]);
    expect(msgs({ connectorId: "acme", minLevel: 30, limit: 10 })).toEqual(["slow company", "sync succeeded"]);
    expect(msgs({ text: "SYNC", limit: 10 })).toEqual(["sync failed: token refused", "sync succeeded"]);
    expect(msgs({ from: "2026-03-02T09:00:00.000Z", to: "2026-03-02T10:00:00.000Z", limit: 10 })).toEqual([
      "sync failed: token refused",
      "sync succeeded",
    ]);
    const [newest] = logStore.query({ limit: 1 });
    expect(msgs({ beforeId: newest!.id, limit: 1 })).toEqual(["sync failed: token refused"]);
  });
});

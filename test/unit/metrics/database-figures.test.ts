import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/db/open.js";
import { databaseFiguresOf } from "../../../src/metrics/database-figures.js";
import { finishRun, startRun } from "../../../src/sync/run-store.js";
import { useTempDir } from "../../support/temp-dir.js";

const at = "2026-03-02T09:00:00.000Z";
const tempDir = useTempDir();

/** The gateway's connection and a second one on the same file, as a sync process or the CLI holds it. */
function twoConnections() {
  const path = join(tempDir(), "gateway.db");
  const gateway = openDatabase(path);
  gateway.sqlite
    .prepare(
      "INSERT INTO connectors (id, kind, origin, settings, created_at, updated_at) VALUES ('acme', 'nmbrs', 'file', '{}', ?, ?)",
    )
    .run(at, at);
  const other = openDatabase(path);
  return { gateway, other, close: () => [other, gateway].forEach((db) => db.close()) };
}

describe("the database figures of /metrics", () => {
  it("are read once while the database is unchanged: a scrape then reads nothing again", () => {
    const { gateway, close } = twoConnections();
    const figures = databaseFiguresOf(gateway.sqlite);
    const first = figures();
    expect(first.attention).toEqual([{ connector: "acme", flagged: false }]);
    expect(figures()).toBe(first);
    close();
  });

  it("are read again after another connection commits (a sync process applying a run)", () => {
    const { gateway, other, close } = twoConnections();
    const figures = databaseFiguresOf(gateway.sqlite);
    expect(figures().lastSuccess).toEqual([{ connector: "acme", at: null }]);
    const runId = startRun(other.sqlite, "acme", "manual", at);
    finishRun(other.sqlite, runId, { status: "succeeded", finishedAt: at, appliedGen: runId });
    expect(figures().lastSuccess).toEqual([{ connector: "acme", at }]);
    close();
  });

  it("are read again after the gateway's own connection writes (the console flags a connector)", () => {
    const { gateway, close } = twoConnections();
    const figures = databaseFiguresOf(gateway.sqlite);
    expect(figures().attention).toEqual([{ connector: "acme", flagged: false }]);
    gateway.sqlite.prepare("UPDATE connectors SET attention = 'needs re-consent' WHERE id = 'acme'").run();
    expect(figures().attention).toEqual([{ connector: "acme", flagged: true }]);
    close();
  });
});

import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { commit, users } from "../support/scim-fixtures.js";
import { startScimServer, type ScimTestServer, type ScimTestServerOptions } from "../support/scim-server.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir();
let server: ScimTestServer;
afterEach(async () => server?.close());

// What the attack in issue #20 sent: a long query and a long user agent on every request.
const HOSTILE_QUERY = `?filter=${encodeURIComponent(`userName eq "${"x".repeat(2000)}"`)}&startIndex=1&count=100`;
const HOSTILE_AGENT = `flood/${"y".repeat(5000)}`;

interface Captured {
  readonly lines: Record<string, unknown>[];
  bytes: number;
}

async function serverLoggingTo(
  captured: Captured,
  options: Partial<ScimTestServerOptions> = {},
): Promise<ScimTestServer> {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      captured.bytes += chunk.length;
      captured.lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  server = await startScimServer({
    dir: tempDir(),
    logger: pino({ level: "info" }, sink),
    services: { throttleLimits: { maxFailures: 3, windowMs: 60_000, maxAddresses: 100 } },
    ...options,
  });
  commit(server.db, "acme", users(3), server.clock());
  return server;
}

async function refused(authorization = "Bearer guessed"): Promise<number> {
  const response = await fetch(`${server.base()}/Users${HOSTILE_QUERY}`, {
    headers: { authorization, "user-agent": HOSTILE_AGENT },
  });
  await response.arrayBuffer();
  return response.status;
}

const refusedRows = () =>
  server.db.sqlite
    .prepare(
      "SELECT status, length(user_agent) AS agentLength, client_address AS address FROM scim_request_log WHERE credential_id IS NULL",
    )
    .all();

describe("requests refused before authentication", () => {
  it("are logged in full once per address and interval, then counted into one summary line", async () => {
    const captured: Captured = { lines: [], bytes: 0 };
    await serverLoggingTo(captured);
    const statuses: number[] = [];
    for (let request = 0; request < 200; request += 1) statuses.push(await refused());
    expect(statuses.filter((status) => status === 401)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(197);
    server.services.flush();
    server.services.refused.flush();

    expect(refusedRows()).toEqual([{ status: 401, agentLength: 257, address: "127.0.0.1" }]);
    const first = captured.lines.filter((line) => line.msg === "scim request");
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ status: 401, clientAddress: "127.0.0.1" });
    const summaries = captured.lines.filter((line) => line.msg === "SCIM requests refused");
    expect(summaries).toEqual([
      expect.objectContaining({ clientAddress: "127.0.0.1", refused: 200, byStatus: { 401: 3, 429: 197 } }),
    ]);
    expect(captured.lines).toHaveLength(2);
    // Before: one line of ~3 KB per request (the whole query and user agent each time). docs/security.md counts on
    // a refused request's first line staying under 1.5 KB.
    expect(Buffer.byteLength(JSON.stringify(first[0]))).toBeLessThan(1_500);
    expect(captured.bytes).toBeLessThan(2_000);
  });

  it("start a new interval after intervalMs, and share one line beyond maxAddresses", async () => {
    const captured: Captured = { lines: [], bytes: 0 };
    let address = "";
    await serverLoggingTo(captured, {
      clientAddress: () => address,
      services: {
        refusalLimits: { intervalMs: 60_000, maxAddresses: 3 },
        throttleLimits: { maxFailures: 1, windowMs: 60_000, maxAddresses: 100 },
      },
    });
    for (let client = 1; client <= 10; client += 1) {
      address = `203.0.113.${client}`;
      for (let request = 0; request < 4; request += 1) await refused();
    }
    server.clock.advance(60_000);
    address = "203.0.113.1";
    expect(await refused()).toBe(401);
    server.services.flush();
    server.services.refused.flush();

    const summaries = captured.lines
      .filter((line) => line.msg === "SCIM requests refused")
      .map((line) => [line.clientAddress, line.refused]);
    expect(summaries).toEqual([
      ["203.0.113.1", 4],
      ["203.0.113.2", 4],
      ["203.0.113.3", 4],
      ["(beyond 3 addresses)", 28],
    ]);
    // The first three addresses once each in the first interval, the first again in the second.
    expect(refusedRows().map((row: any) => row.address)).toEqual([
      "203.0.113.1",
      "203.0.113.2",
      "203.0.113.3",
      "203.0.113.1",
    ]);
    expect(captured.lines.filter((line) => line.msg === "scim request")).toHaveLength(4);
  });

  it("leave authenticated requests logged one by one, failures included", async () => {
    const captured: Captured = { lines: [], bytes: 0 };
    await serverLoggingTo(captured);
    for (let request = 0; request < 3; request += 1) {
      const response = await fetch(`${server.base()}/Users?filter=${encodeURIComponent("nonsense ((")}`, {
        headers: { authorization: server.bearer },
      });
      expect(response.status).toBe(400);
    }
    server.services.flush();
    expect(server.db.sqlite.prepare("SELECT count(*) FROM scim_request_log WHERE status = 400").pluck().get()).toBe(3);
    expect(captured.lines.filter((line) => line.msg === "scim request")).toHaveLength(3);
  });
});

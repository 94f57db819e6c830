import { Agent, request } from "node:http";
import { OKTA_HEADERS } from "../../src/okta/okta-scim-client.js";
import { scanPages, type ScannedPage, type TimedScan } from "./okta-scan.js";

/**
 * The clients of the under-load benchmark. Okta's CPU is never on the gateway's machine, but on a 2-core bench it
 * is, and the full check of okta-scan.ts (UTF-8 decoding and JSON.parse of ~140 KB) costs twice the gateway's CPU
 * per page; with 32 clients in one thread, most of the latency they measured was their own queue (BENCHMARKS.md,
 * round 5). These read the counters and the ids straight from the bytes, as a load generator reads nothing, and
 * still check what the benchmark promises: status 200, a total that stays the same, as many ids as itemsPerPage,
 * no id twice and no gap.
 */
export class LeanScimClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  private readonly base: URL;

  constructor(
    baseUrl: string,
    private readonly authorization: string,
    /** As Okta's client (okta-scim-client.ts): a page that never comes fails the scan instead of hanging the run. */
    private readonly timeoutMs = 60_000,
  ) {
    this.base = new URL(baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  }

  /** `pathAndQuery` relative to the Base URL; resolves with the status and the body's bytes. */
  get(pathAndQuery: string): Promise<{ status: number; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const headers = { ...OKTA_HEADERS, "Accept-Encoding": "identity", Authorization: this.authorization };
      const sent = request(new URL(pathAndQuery, this.base), { method: "GET", agent: this.agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
      });
      sent.setTimeout(this.timeoutMs, () => sent.destroy(new Error(`GET ${pathAndQuery} took longer than ${this.timeoutMs} ms`)));
      sent.on("error", reject);
      sent.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

const ID = Buffer.from('"id":"');
const QUOTE = 0x22;

/**
 * One import (startIndex 1, +100, …), timed per page. A user's only `"id":"` is its own (nested values are `value`,
 * and a quote inside a string is escaped), and a count that differs from itemsPerPage fails the scan.
 */
export function leanScan(client: LeanScimClient): Promise<TimedScan> {
  return scanPages({ get: (path) => client.get(path), read: readIds });
}

function readIds(request: string, reply: { status: number; body: Buffer }): ScannedPage {
  if (reply.status !== 200) throw new Error(`${request}: status ${reply.status} (${reply.body.toString("utf8", 0, 200)})`);
  const head = reply.body.toString("latin1", 0, 300);
  const totalResults = Number(/"totalResults":(\d+)/.exec(head)?.[1]);
  const items = Number(/"itemsPerPage":(\d+)/.exec(head)?.[1]);
  if (!Number.isInteger(totalResults) || !Number.isInteger(items)) throw new Error(`${request}: no totalResults or itemsPerPage in ${head}`);
  const ids: string[] = [];
  for (let at = reply.body.indexOf(ID); at >= 0; at = reply.body.indexOf(ID, at)) {
    const end = reply.body.indexOf(QUOTE, at + ID.length);
    ids.push(reply.body.toString("latin1", at + ID.length, end));
    at = end;
  }
  if (ids.length !== items) throw new Error(`${request}: itemsPerPage ${items} but ${ids.length} ids`);
  return { totalResults, ids };
}

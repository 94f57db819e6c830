import { Agent, request } from "node:http";
import { OKTA_PAGE_SIZE } from "../../src/okta/list-pager.js";
import { OKTA_HEADERS } from "../../src/okta/okta-scim-client.js";
import type { TimedScan } from "./okta-scan.js";

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
 * and a quote inside a string is escaped), and a count that differs from itemsPerPage is reported, not trusted.
 */
export async function leanScan(client: LeanScimClient): Promise<TimedScan> {
  const pageMs: number[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  let totalResults: number | undefined;
  const started = performance.now();
  for (let startIndex = 1; totalResults === undefined || startIndex <= totalResults; startIndex += OKTA_PAGE_SIZE) {
    const path = `Users?startIndex=${startIndex}&count=${OKTA_PAGE_SIZE}`;
    const requested = performance.now();
    const reply = await client.get(path);
    pageMs.push(performance.now() - requested);
    if (reply.status !== 200) throw new Error(`GET ${path}: status ${reply.status} (${reply.body.toString("utf8", 0, 200)})`);
    const head = reply.body.toString("latin1", 0, 300);
    const total = Number(/"totalResults":(\d+)/.exec(head)?.[1]);
    const items = Number(/"itemsPerPage":(\d+)/.exec(head)?.[1]);
    if (!Number.isInteger(total) || !Number.isInteger(items)) throw new Error(`GET ${path}: no totalResults or itemsPerPage in ${head}`);
    if (totalResults !== undefined && total !== totalResults) problems.push(`totalResults changed from ${totalResults} to ${total} at ${startIndex}`);
    totalResults ??= total;
    let ids = 0;
    for (let at = reply.body.indexOf(ID); at >= 0; at = reply.body.indexOf(ID, at)) {
      const end = reply.body.indexOf(QUOTE, at + ID.length);
      const id = reply.body.toString("latin1", at + ID.length, end);
      if (seen.has(id)) problems.push(`${id} served twice (page at ${startIndex})`);
      seen.add(id);
      ids += 1;
      at = end;
    }
    if (ids !== items) problems.push(`itemsPerPage ${items} but ${ids} ids at ${startIndex}`);
  }
  if (seen.size !== totalResults) problems.push(`${seen.size} distinct users for totalResults ${totalResults} (a gap)`);
  return { totalMs: performance.now() - started, pageMs, totalResults: totalResults ?? 0, sample: [], problems };
}

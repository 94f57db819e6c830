import { readListPage, OKTA_PAGE_SIZE, type ScimResource } from "../../testkit/okta-sim/list-pager.js";
import { OktaScimClient } from "../../testkit/okta-sim/okta-scim-client.js";
import { cpuMsOf } from "./processes.js";

/** One full user import as Okta runs it (startIndex 1, +100, … over one kept-alive connection), timed per page. */
export interface TimedScan {
  readonly totalMs: number;
  /** Round trip of each page's request, in page order. */
  readonly pageMs: number[];
  /** When each page was requested (Unix ms), in page order: under load, which pages waited while a sync ran. */
  readonly pageAt: number[];
  readonly totalResults: number;
  /** Every `sampleEvery`-th page's resources, for the serialisation floor. */
  readonly sample: ScimResource[][];
  /** What broke Okta's rules on this scan: a duplicate, a gap, a changed total; empty when none. */
  readonly problems: string[];
}

/** What a scan reads of one page: its total and the ids it lists (and the resources, when it parsed them). */
export interface ScannedPage {
  readonly totalResults: number;
  readonly ids: readonly string[];
  readonly resources?: readonly ScimResource[];
}

/** How a scan gets one page: the request (timed) and the reading of its reply (not timed), which may throw. */
export interface PageSource<Reply> {
  get(path: string): Promise<Reply>;
  read(request: string, reply: Reply): ScannedPage;
}

/**
 * Reads every page and checks what an import depends on: the total stays the same, no id comes twice, and the ids
 * add up to the total (no gap).
 */
export async function scanPages<Reply>(source: PageSource<Reply>, sampleEvery = 0): Promise<TimedScan> {
  const pageMs: number[] = [];
  const pageAt: number[] = [];
  const sample: ScimResource[][] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  let totalResults: number | undefined;
  const started = performance.now();
  for (let startIndex = 1; totalResults === undefined || startIndex <= totalResults; startIndex += OKTA_PAGE_SIZE) {
    const path = `Users?startIndex=${startIndex}&count=${OKTA_PAGE_SIZE}`;
    const requested = performance.now();
    const reply = await source.get(path);
    pageMs.push(performance.now() - requested);
    pageAt.push(performance.timeOrigin + requested);
    const page = source.read(`GET ${path}`, reply);
    if (totalResults !== undefined && page.totalResults !== totalResults)
      problems.push(`totalResults changed from ${totalResults} to ${page.totalResults} at ${startIndex}`);
    totalResults ??= page.totalResults;
    for (const id of page.ids) {
      if (seen.has(id)) problems.push(`${id} served twice (page at ${startIndex})`);
      seen.add(id);
    }
    if (sampleEvery > 0 && page.resources && pageMs.length % sampleEvery === 1) sample.push([...page.resources]);
  }
  if (seen.size !== totalResults) problems.push(`${seen.size} distinct users for totalResults ${totalResults} (a gap)`);
  return { totalMs: performance.now() - started, pageMs, pageAt, totalResults: totalResults ?? 0, sample, problems };
}

/** A scan with Okta's own checks of every page (status, JSON, integer counters, itemsPerPage, ids). */
export function timedScan(client: OktaScimClient, sampleEvery = 0): Promise<TimedScan> {
  return scanPages(
    {
      get: (path) => client.get(path),
      read: (request, reply) => {
        const page = readListPage(request, reply);
        return {
          totalResults: page.totalResults,
          ids: page.Resources.map((resource) => resource.id),
          resources: page.Resources,
        };
      },
    },
    sampleEvery,
  );
}

/** An import's cost to the server: its CPU per page (/proc, every thread) and the import's wall time. */
export interface ImportCost {
  readonly cpuPerPageMs: number;
  readonly wallMs: number;
}

/**
 * One whole import on a connection of its own, as Okta's scheduled import opens one, checked as Okta checks it;
 * `pid` is the server whose CPU it costs.
 */
export async function importCost(base: string, authorization: string, pid: number): Promise<ImportCost> {
  const client = new OktaScimClient(base, authorization);
  try {
    const cpuBefore = cpuMsOf(pid);
    const scan = await timedScan(client);
    if (scan.problems.length > 0)
      throw new Error(`the import broke Okta's rules: ${scan.problems.slice(0, 3).join("; ")}`);
    return { cpuPerPageMs: (cpuMsOf(pid) - cpuBefore) / scan.pageMs.length, wallMs: scan.totalMs };
  } finally {
    client.close();
  }
}

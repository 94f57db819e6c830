import { readListPage, OKTA_PAGE_SIZE, type ScimResource } from "../../src/okta/list-pager.js";
import type { OktaScimClient } from "../../src/okta/okta-scim-client.js";

/** One full user import as Okta runs it (startIndex 1, +100, … over one kept-alive connection), timed per page. */
export interface TimedScan {
  readonly totalMs: number;
  /** Round trip of each page's request, in page order. */
  readonly pageMs: number[];
  readonly totalResults: number;
  /** Every `sampleEvery`-th page's resources, for the serialisation floor. */
  readonly sample: ScimResource[][];
  /** What broke Okta's rules on this scan: a duplicate, a gap, a changed total; empty when none. */
  readonly problems: string[];
}

/**
 * Reads every page with Okta's checks (status, JSON, integer counters, itemsPerPage, ids) and the ones an import
 * depends on: the total stays the same, no id comes twice, and the ids add up to the total (no gap).
 */
export async function timedScan(client: OktaScimClient, sampleEvery = 0): Promise<TimedScan> {
  const pageMs: number[] = [];
  const sample: ScimResource[][] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  let totalResults: number | undefined;
  const started = performance.now();
  for (let startIndex = 1; totalResults === undefined || startIndex <= totalResults; startIndex += OKTA_PAGE_SIZE) {
    const path = `Users?startIndex=${startIndex}&count=${OKTA_PAGE_SIZE}`;
    const requested = performance.now();
    const reply = await client.get(path);
    pageMs.push(performance.now() - requested);
    const page = readListPage(`GET ${path}`, reply);
    if (totalResults !== undefined && page.totalResults !== totalResults) problems.push(`totalResults changed from ${totalResults} to ${page.totalResults} at ${startIndex}`);
    totalResults ??= page.totalResults;
    for (const resource of page.Resources) {
      if (seen.has(resource.id)) problems.push(`${resource.id} served twice (page at ${startIndex})`);
      seen.add(resource.id);
    }
    if (sampleEvery > 0 && pageMs.length % sampleEvery === 1) sample.push([...page.Resources]);
  }
  if (seen.size !== totalResults) problems.push(`${seen.size} distinct users for totalResults ${totalResults} (a gap)`);
  return { totalMs: performance.now() - started, pageMs, totalResults: totalResults ?? 0, sample, problems };
}

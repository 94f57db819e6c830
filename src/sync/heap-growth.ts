import { setFlagsFromString } from "node:v8";

/** How much V8's old generation may grow past what survived the last full collection, while a sync runs. */
export const SYNC_HEAP_GROWTH_PERCENT = 25;

/** The same while the gateway only serves (see {@link servingHeapGrowth}). */
export const SERVING_HEAP_GROWTH_PERCENT = 100;

/**
 * Bounds the slack of V8's heap while a sync runs. After a full collection V8 lets the old generation grow to up
 * to 4× what survived before it collects again. A 100,000-employee sync keeps 155–190 MB alive between reading and
 * applying, and makes as much again in short-lived garbage (XML pieces, resource bodies), so the process grew to
 * 500–570 MB. Growing by at most 25 % kept it at 330–410 MB, with no CPU cost above the bench machine's noise
 * (BENCHMARKS.md, round 3). V8 reads the setting at every collection, of every thread: it changes when memory is
 * collected, never what the program does. The sync CLI sets it for its whole life; the gateway while a sync thread
 * runs ({@link whileSyncing}).
 */
export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${SYNC_HEAP_GROWTH_PERCENT}`);
}

/**
 * The gateway's setting while no sync runs. Its serving heap is small (~15 MB), and V8 counts the buffers of the
 * pages it sends (~140 KB each) towards its limit: growing by 25 % of 15 MB, it collected everything every ~60 Okta
 * pages, a quarter of the gateway's CPU per page (BENCHMARKS.md, round 5). 100 % costs at most ~15 MB.
 */
export function servingHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${SERVING_HEAP_GROWTH_PERCENT}`);
}

let syncing = 0;

/**
 * Marks a sync (a run, preview, dry run or approval on a sync thread) as running until the returned function is
 * called: the heap growth is bounded while at least one runs, and back to the serving setting after the last.
 */
export function whileSyncing(): () => void {
  if (syncing++ === 0) boundHeapGrowth();
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    if (--syncing === 0) servingHeapGrowth();
  };
}

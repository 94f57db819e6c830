import { setFlagsFromString } from "node:v8";

/** How much V8's old generation may grow past what survived the last full collection before the next one. */
export const HEAP_GROWTH_PERCENT = 25;

/**
 * Bounds the slack of V8's heap in processes that sync. After a full collection V8 lets the old generation grow to
 * up to 4× what survived before it collects again. A 100,000-employee sync keeps 155–190 MB alive between reading
 * and applying, and makes as much again in short-lived garbage (XML pieces, resource bodies), so the process grew to
 * 500–570 MB. Growing by at most 25 % kept it at 350–410 MB, with no CPU cost above the bench machine's noise
 * (BENCHMARKS.md, round 3). V8 reads the setting at every collection, so setting it at start-up applies to the
 * whole process; it changes when memory is collected, never what the program does. Called by the gateway (its
 * scheduler syncs) and by the sync CLI.
 */
export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWTH_PERCENT}`);
}

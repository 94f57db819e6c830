import type { Logger } from "../../logging/logger.js";

/** glibc's `malloc_trim`, or why this process cannot call it. */
type MallocTrim = (pad: number) => number;

let mallocTrim: Promise<MallocTrim | string> | undefined;
let unavailableLogged = false;

/**
 * glibc's `malloc_trim` through koffi, loaded at the first call (so a gateway that never syncs never loads it).
 * Only glibc has it: on another system, or if koffi has no build for this one, the reason is returned instead.
 */
async function loadMallocTrim(): Promise<MallocTrim | string> {
  if (process.platform !== "linux") return `malloc_trim is glibc's, and this is ${process.platform}`;
  try {
    const { default: koffi } = await import("koffi");
    return koffi.load("libc.so.6").func("int malloc_trim(size_t pad)") as MallocTrim;
  } catch (error) {
    return `malloc_trim could not be loaded: ${(error as Error).message}`;
  }
}

/**
 * Gives the memory that ended sync threads freed back to the system. A 100,000-employee sync mallocs tens of MB
 * outside V8's heap (socket buffers, SQLite's page cache, V8's compiler zones) on its thread, and frees all of it
 * when the thread ends. glibc keeps what it cannot cut off the top of a heap: ~30 MB of free but resident memory in
 * the thread's arena and ~12 MB in the main heap stayed with the gateway after every sync. `malloc_trim` hands the
 * free pages of every arena back (`madvise`), and Node has no call for it. Under Okta's load the gateway holds
 * ~135 MB; it ended a sync at 158 MB without this call and at 135–136 MB with it (BENCHMARKS.md, round 7).
 *
 * Call it when the last sync thread has ended, not while one runs: it locks each arena in turn, and a running sync
 * would soon take the pages back.
 */
export async function returnFreeMemory(logger: Logger): Promise<void> {
  const trim = await (mallocTrim ??= loadMallocTrim());
  if (typeof trim === "string") {
    if (!unavailableLogged) logger.debug({ reason: trim }, "memory freed by sync threads stays with the allocator");
    unavailableLogged = true;
    return;
  }
  const rssBefore = process.memoryUsage.rss();
  const started = performance.now();
  try {
    trim(0);
  } catch (error) {
    // Callers do not wait for this (a thread's exit): a failed call must cost the memory, never the process.
    logger.warn(
      { err: (error as Error).message },
      "malloc_trim failed; memory freed by sync threads stays with the allocator",
    );
    return;
  }
  const ms = Math.round((performance.now() - started) * 100) / 100;
  const rssDropMb = Math.round((rssBefore - process.memoryUsage.rss()) / 1048576);
  logger.debug({ rssDropMb, ms }, "returned the memory freed by sync threads to the system");
}

import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";

/** Nice value of a sync thread: a tenth of the CPU share of a thread at 0 when both want a core (Linux CFS weights). */
export const SYNC_THREAD_NICE = 10;

/**
 * Lowers the calling thread's CPU priority, so that when the cores are busy the gateway's serving thread (Okta's
 * pages, the console) gets them first and the sync takes longer instead. A sync is background work; on 2 cores
 * at 100,000 employees it wants one core for ~40 s, and Okta paging beside it waited for the CPU.
 *
 * Linux only: there setpriority() applies to a thread when given its thread id, which /proc/thread-self names.
 * Elsewhere (a developer's Mac) nothing changes. Returns the thread id, or null when the priority was not changed.
 */
export function runInBackground(): number | null {
  try {
    const threadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (!Number.isInteger(threadId)) return null;
    setPriority(threadId, SYNC_THREAD_NICE);
    return threadId;
  } catch {
    return null;
  }
}

import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { SYNC_NICE } from "../runtime/tuning.js";

/** Nice value of a background reader thread: the same as a sync process's (runtime/tuning.ts says why). */
export const READER_THREAD_NICE = SYNC_NICE;

/**
 * Lowers the calling thread's CPU priority, so that when the cores are busy the gateway's serving thread (Okta's
 * pages, the console) gets them first and the reader's work takes longer instead. The reader is a thread of the
 * gateway's process (reader-thread.ts says why), so it renices itself: a process's priority (what a sync process
 * gets) would be the serving thread's too.
 *
 * Linux only: there setpriority() applies to a thread when given its thread id, which /proc/thread-self names.
 * Elsewhere (a developer's Mac) nothing changes. Returns the thread id, or null when the priority was not changed.
 */
export function runInBackground(): number | null {
  try {
    const threadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (!Number.isInteger(threadId)) return null;
    setPriority(threadId, READER_THREAD_NICE);
    return threadId;
  } catch {
    return null;
  }
}

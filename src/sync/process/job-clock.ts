import * as v from "valibot";
import { systemClock, type Clock } from "../../clock.js";

/** An instant as Date.toISOString() writes it (a zone is required: "today" is derived from it). */
const FIXED_NOW = v.pipe(v.string(), v.isoTimestamp());

/**
 * The clock of a sync process's job. In production it is the system clock, as the gateway's is. A test gives the job
 * a fixed instant (`fixedNow`, from SyncThreadDeps.testClock) so that its simulated days run through this same
 * process, the path production takes; nothing in config.toml or the environment can set it. An instant that is not
 * one fails the job before it reads anything, with the key named.
 */
export function jobClock(fixedNow: unknown): Clock {
  if (fixedNow === undefined) return systemClock;
  const parsed = v.safeParse(FIXED_NOW, fixedNow);
  if (!parsed.success) throw new Error(`fixedNow: ${parsed.issues[0].message}`);
  const instant = Date.parse(parsed.output);
  // A new Date per read, as the system clock gives: a caller may change the one it got.
  return () => new Date(instant);
}

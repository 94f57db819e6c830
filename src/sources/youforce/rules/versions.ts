import type { Versioned } from "../records.js";

/**
 * Of a group of dated versions of one entity, the one that counts today (specs/youforce.md §2): the version valid
 * today (validFrom ≤ today ≤ validUntil), else the earliest future one, else the one that ended last. Among versions
 * valid today the later validFrom wins (the newer record); ties keep the one read later.
 */
export function versionOn<T extends Versioned>(versions: readonly T[], today: string): T | null {
  let best: T | null = null;
  for (const version of versions) if (best === null || ranksBefore(version, best, today)) best = version;
  return best;
}

const VALID = 0;
const FUTURE = 1;
const ENDED = 2;

function status(version: Versioned, today: string): number {
  if (version.validFrom !== null && version.validFrom > today) return FUTURE;
  return version.validUntil === null || today <= version.validUntil ? VALID : ENDED;
}

/**
 * Whether `a` (read later) ranks before or level with `b`. The rank is a total preorder, so the version that counts
 * is the last-read best one whether the versions are compared all at once or one by one as they are read.
 */
export function ranksBefore(a: Versioned, b: Versioned, today: string): boolean {
  const statusA = status(a, today);
  const statusB = status(b, today);
  if (statusA !== statusB) return statusA < statusB;
  if (statusA === VALID) return (a.validFrom ?? "") >= (b.validFrom ?? "");
  if (statusA === FUTURE) return (a.validFrom as string) <= (b.validFrom as string);
  return (a.validUntil as string) >= (b.validUntil as string);
}

/** What {@link keepBetter} did with a record. */
export type Kept = "kept" | "dropped" | "demoted";

/**
 * One step of choosing while reading: `record` (read after everything in `chosen`) takes its key's place if it ranks
 * before or level with the version held, so a run holds one version per entity instead of all of them. A record that
 * comes again (same id and validFrom as the one held: changed during the read, spec §1) replaces it when it still
 * ranks as high; when it ranks lower the versions it had beaten are gone, so the choice cannot be made and the
 * answer is "demoted" (the caller fails the read rather than serve a guess).
 */
export function keepBetter<T extends Versioned>(
  chosen: Map<string, T>,
  key: string | null,
  record: T,
  today: string,
): Kept {
  if (key === null) return "dropped";
  const held = chosen.get(key);
  if (held === undefined || ranksBefore(record, held, today)) {
    chosen.set(key, record);
    return "kept";
  }
  return held.id === record.id && held.validFrom === record.validFrom ? "demoted" : "dropped";
}

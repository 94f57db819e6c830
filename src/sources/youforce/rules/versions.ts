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

/** Whether `a` (read later) ranks before or level with `b`. */
function ranksBefore(a: Versioned, b: Versioned, today: string): boolean {
  const statusA = status(a, today);
  const statusB = status(b, today);
  if (statusA !== statusB) return statusA < statusB;
  if (statusA === VALID) return (a.validFrom ?? "") >= (b.validFrom ?? "");
  if (statusA === FUTURE) return (a.validFrom as string) <= (b.validFrom as string);
  return (a.validUntil as string) >= (b.validUntil as string);
}

/** Per key, the version that counts today; records without a key are left out. */
export function chooseVersions<T extends Versioned>(
  records: readonly T[],
  keyOf: (record: T) => string | null,
  today: string,
): Map<string, T> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const key = keyOf(record);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  const chosen = new Map<string, T>();
  for (const [key, group] of groups) chosen.set(key, versionOn(group, today) as T);
  return chosen;
}

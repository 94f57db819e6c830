import type { Versioned } from "../records.js";

/**
 * Of a group of dated versions of one entity, the one that counts today (the Youforce spec §2): the version valid
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

/**
 * Today's version per key, chosen while reading: each record (read after everything offered before) takes its key's
 * place if it ranks before or level with the version held, so a run holds one version per entity instead of all of
 * them. A record that comes again (same id and validFrom as the one held: changed during the read, spec §1) replaces
 * it; if it now ranks lower, the versions it had beaten are gone, so the key is in doubt until a later record ranks
 * at least as high as the one it replaced (as when a new version is added and the old one ended during the read:
 * both come again). Keys still in doubt at the end are {@link undecided}: the caller fails the read rather than guess.
 */
export class VersionChoice<T extends Versioned> {
  readonly chosen = new Map<string, T>();
  /** Per key in doubt, the highest version that was let go for a lower copy of itself. */
  private readonly doubts = new Map<string, T>();

  constructor(private readonly today: string) {}

  offer(key: string | null, record: T): void {
    if (key === null) return;
    const held = this.chosen.get(key);
    const bar = this.doubts.get(key);
    if (bar !== undefined && ranksBefore(record, bar, this.today)) this.doubts.delete(key);
    if (held === undefined || ranksBefore(record, held, this.today)) this.chosen.set(key, record);
    else if (held.id === record.id && held.validFrom === record.validFrom) {
      this.chosen.set(key, record);
      if (bar === undefined) this.doubts.set(key, held);
    }
  }

  /** The ids of the versions whose key is still in doubt. */
  undecided(): string[] {
    return [...this.doubts.values()].map((version) => version.id);
  }
}

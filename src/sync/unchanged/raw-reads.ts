import type { Clock } from "../../clock.js";
import type { ConnectorSettings } from "../../config/types.js";
import type { Sqlite } from "../../db/open.js";
import type { HrCompany, IsoDate, RawAnswersHook } from "../../sources/types.js";
import { runHeadlines } from "../run-store.js";
import { companyDigest } from "./read-digest.js";
import { readStoredDigests } from "./read-digest-store.js";
import { planFingerprintOf } from "./unchanged-run.js";

/**
 * The raw reads of a run about to read its source: any company may be skipped whose raw digest the last applied run
 * stored, unless a held run waits for a decision (only a full run may supersede it). What is skipped is confirmed
 * against the basis again when the run is recorded (unchanged-run.ts recordIfUnchanged).
 */
export function rawReadsOf(
  context: { readonly sqlite: Sqlite; readonly clock: Clock },
  settings: ConnectorSettings,
  today: IsoDate,
  key: Buffer,
): RawReads {
  const { sqlite } = context;
  const stored = runHeadlines(sqlite, settings.id).heldRun ? null : readStoredDigests(sqlite, settings.id);
  return new RawReads(key, planFingerprintOf(sqlite, settings, today), stored?.rawByCompany ?? null);
}

/**
 * One run's side of the raw-answers hook (sources/types.ts RawAnswersHook): the digest of every company's answers as
 * its source reported it, and which companies were skipped unparsed because their answers, with the plan's basis,
 * equal those the last applied run stored. Skipping stops at the first company that changed (or is new): the run
 * plans everyone then, and every company after it is read in full at once rather than read twice.
 */
export class RawReads {
  /** Company number → the digest of its raw answers (sources/raw-digest.ts), without the plan's basis. */
  readonly digests = new Map<string, string>();
  private readonly skipped = new Set<string>();
  private readonly seen = new Set<string>();
  private changed = false;

  /**
   * @param stored the raw digests the last applied run stored, by company (null where it stored none), or null when
   *   no company may be skipped (none stored, a held run waiting); each includes the plan's basis `fingerprint`
   */
  constructor(
    private readonly key: Buffer,
    private readonly fingerprint: string,
    private readonly stored: ReadonlyMap<string, string | null> | null,
  ) {}

  /** The hook of one company's fetch; a company read again after it was skipped (`skippable` false) is parsed. */
  hookFor(company: HrCompany, skippable: boolean): RawAnswersHook {
    const number = company.number;
    this.seen.add(number);
    this.skipped.delete(number);
    const read = (digest: string) => {
      this.digests.set(number, digest);
    };
    const stored = this.stored?.get(number) ?? null;
    if (this.stored && stored === null) this.changed = true;
    if (!skippable || this.changed || stored === null) return { key: this.key, read };
    const unchanged = (digest: string): boolean => {
      const same = companyDigest(this.fingerprint, digest) === stored;
      if (!same) {
        this.changed = true;
        return false;
      }
      this.digests.set(number, digest);
      this.skipped.add(number);
      return true;
    };
    return { key: this.key, read, unchanged };
  }

  /** The same run's reads when it must read everything again, parsed: nothing is skipped. */
  readingAllAgain(): RawReads {
    return new RawReads(this.key, this.fingerprint, null);
  }

  /** Whether the company's people were left unread (its source returned no one, unparsed). */
  wasSkipped(company: HrCompany): boolean {
    return this.skipped.has(company.number);
  }

  /** Every company of the read was skipped, and they are exactly those the last applied run read. */
  everyCompanySkipped(): boolean {
    return (
      this.stored !== null &&
      this.stored.size === this.seen.size &&
      [...this.seen].every((number) => this.skipped.has(number))
    );
  }
}
